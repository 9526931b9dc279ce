//! `marsad export`: the articles of a store, for the tools researchers use.
//!
//! Four formats (docs/store.md): GDELT 2.0 event rows ([`gdelt`]), JSON Lines of
//! the documents ([`jsonl`]), Parquet tables partitioned by month ([`parquet`]) and a
//! GKG-like table of one row per article ([`gkg`]). Every format reads the stored
//! articles of a range of publication dates, each document rebuilt from its stored
//! layers, in parallel a chunk at a time, and is written under a temporary name
//! renamed into place when whole ([`staging`]).
//!
//! An article stored as a copy of another (the same text from another outlet) or as
//! a near-duplicate of its first appearance is an article of its own, but its events
//! are the original's: when both are exported, the copy's events are left out of the
//! event rows (GDELT and Parquet), so that an event is counted once.

mod gdelt;
mod gkg;
mod jsonl;
mod parquet;
mod parquet_tables;
mod staging;

use std::collections::HashSet;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use marsad_core::document::Document;
use marsad_store::{DateRange, Listed, Store};
use rayon::prelude::*;

use crate::args::{ExportArgs, ExportFormat as Format};
use staging::Staged;

/// What an export wrote, for the summary.
#[derive(Debug, Default)]
pub(crate) struct Written {
    /// Articles read.
    pub articles: usize,
    /// Rows or lines written, with what they are.
    pub rows: Vec<(&'static str, usize)>,
    /// Copies whose events were left out.
    pub copies_skipped: usize,
    /// Files written.
    pub files: usize,
}

/// Articles analysed at once: enough to keep every core busy, few enough to hold.
const CHUNK: usize = 128;

/// Runs `marsad export`.
pub fn run(args: ExportArgs) -> Result<()> {
    let started = Instant::now();
    if let (Some(from), Some(to)) = (&args.from, &args.to) {
        if from > to {
            bail!("--from {from} is after --to {to}: nothing can be published in between");
        }
    }
    let range = DateRange { from: args.from.clone(), to: args.to.clone() };
    let staged = Staged::new(&args.output, args.format == Format::Parquet, args.force)?;
    let store = marsad_store::open_read_only(&args.store)?;
    let store = &*store;
    let listed = store.list(&range)?;
    if listed.is_empty() {
        bail!("nothing to export: {} holds no article{}", args.store, described(&range));
    }
    let repeated = repeated_copies(&listed);
    let out = staged.path();
    let written = match args.format {
        Format::Gdelt => gdelt::write(store, &listed, &repeated, out, args.header)?,
        Format::Jsonl => jsonl::write(store, &listed, out)?,
        Format::Parquet => parquet::write(store, &listed, &repeated, out)?,
        Format::Gkg => gkg::write(store, &listed, out, args.header)?,
    };
    staged.commit()?;
    let rows: Vec<String> = written.rows.iter().map(|(what, n)| format!("{n} {what}")).collect();
    let copies = match written.copies_skipped {
        0 => String::new(),
        n => format!("; the events of {n} cop{} of exported articles left out", if n == 1 { "y" } else { "ies" }),
    };
    let files = match written.files {
        1 => String::new(),
        n => format!(" ({n} files)"),
    };
    eprintln!(
        "marsad: exported {} article{} ({}) to {}{files} in {:.1} s{copies}",
        written.articles,
        if written.articles == 1 { "" } else { "s" },
        rows.join(", "),
        args.output.display(),
        started.elapsed().as_secs_f64(),
    );
    Ok(())
}

/// " published between …" for a message, empty for every date.
fn described(range: &DateRange) -> String {
    match (&range.from, &range.to) {
        (None, None) => String::new(),
        (Some(f), None) => format!(" published on or after {f}"),
        (None, Some(t)) => format!(" published on or before {t}"),
        (Some(f), Some(t)) => format!(" published from {f} to {t}"),
    }
}

/// The articles that are copies of another article of the same export: their events
/// are that article's and are not written again.
fn repeated_copies(listed: &[Listed]) -> HashSet<i64> {
    let ids: HashSet<i64> = listed.iter().map(|a| a.id).collect();
    listed.iter().filter(|a| a.copy_of.is_some_and(|of| ids.contains(&of))).map(|a| a.id).collect()
}

/// Rebuilds the document of every listed article and makes `R` of it in parallel, a
/// chunk at a time, handing each result to `sink` in the order of `listed`.
pub(crate) fn each_document<R: Send>(
    store: &dyn Store,
    listed: &[Listed],
    make: impl Fn(&Listed, &Document) -> R + Sync,
    mut sink: impl FnMut(&Listed, R) -> Result<()>,
) -> Result<()> {
    for chunk in listed.chunks(CHUNK) {
        let layers: Vec<String> = chunk
            .iter()
            .map(|a| store.document_json(a.id)?.with_context(|| format!("article {} has no stored layers", a.id)))
            .collect::<Result<_>>()?;
        let made: Vec<R> = chunk
            .par_iter()
            .zip(layers)
            .map(|(a, json)| {
                let doc = marsad_store::rebuild::document_from_compact(&json).map_err(|reason| {
                    anyhow::anyhow!("the stored layers of article {} cannot be rebuilt into a document: {reason}", a.id)
                })?;
                Ok(make(a, &doc))
            })
            .collect::<Result<_>>()?;
        for (a, r) in chunk.iter().zip(made) {
            sink(a, r)?;
        }
    }
    Ok(())
}
