//! `marsad search` and `marsad index`: full-text search over a store, through the
//! index beside it (docs/search.md).
//!
//! Searching first levels the index with the store (articles a killed ingest
//! stored but did not index are indexed then); when another process is writing
//! the index, it searches what is there and says so.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use marsad_store::search::{Hit, Hits, SearchError, SearchIndex, SearchRequest, Snippet};
use marsad_store::Store;

use crate::args::{IndexArgs, SearchArgs};

/// The index folder a `--index` value names, else the one beside a SQLite store; a
/// PostgreSQL store has no folder beside it, so its index must be named.
pub(crate) fn index_dir(store: &str, index: Option<&Path>) -> Result<PathBuf> {
    match index {
        Some(dir) => Ok(dir.to_owned()),
        None if marsad_store::is_postgres(store) => bail!(
            "--store {}: a PostgreSQL store keeps its search index in a folder of its own: name it with --index DIR \
             (the same folder for every command on this store)",
            marsad_store::shown(store)
        ),
        None => Ok(SearchIndex::default_dir(Path::new(store))),
    }
}

/// Opens an existing store to read.
fn open_store(spec: &str) -> Result<Box<dyn Store>> {
    if !marsad_store::is_postgres(spec) && !Path::new(spec).is_file() {
        bail!("--store {spec}: no such store (make one with `marsad ingest ARTICLES --store {spec}`)");
    }
    Ok(marsad_store::open_read_only(spec)?)
}

/// Levels the index with the store, saying what it did; a busy index is searched as it is.
pub(crate) fn level(index: &SearchIndex, store: &dyn Store) -> Result<()> {
    let started = Instant::now();
    match index.reconcile(store, |_, _| {}) {
        Ok(r) => {
            if r.added > 0 || r.removed > 0 {
                eprintln!(
                    "marsad: indexed {} article{} the index {} lacked{} in {:.1} s",
                    r.added,
                    if r.added == 1 { "" } else { "s" },
                    index.dir().display(),
                    if r.removed > 0 {
                        format!(", removed {} the store no longer has", r.removed)
                    } else {
                        String::new()
                    },
                    started.elapsed().as_secs_f64()
                );
            }
            Ok(())
        }
        Err(SearchError::Busy { dir }) => {
            eprintln!("marsad: {} is being written by another process: searching what it holds now", dir.display());
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// Runs `marsad search`.
pub fn run(args: SearchArgs) -> Result<()> {
    if args.limit == 0 {
        bail!("--limit takes a number of hits, 1 or more");
    }
    let dir = index_dir(&args.store, args.index.as_deref())?;
    let store = open_store(&args.store)?;
    let index = SearchIndex::open(&dir, true)?;
    level(&index, &*store)?;
    let req = SearchRequest {
        query: args.query.clone(),
        from: args.from,
        to: args.to,
        outlet: args.outlet,
        entity: args.entity,
        event: args.event,
        technique: args.technique,
        limit: args.limit,
    };
    let found = index.search(&*store, &req)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &json(&args.query, &found))?;
        writeln!(out)?;
    } else {
        write_text(&mut out, &args.query, &found, std::io::stdout().is_terminal())?;
    }
    out.flush().context("cannot write the hits")?;
    Ok(())
}

/// Runs `marsad index`: the index emptied and made again from the store.
pub fn rebuild(args: IndexArgs) -> Result<()> {
    let started = Instant::now();
    let dir = index_dir(&args.store, args.index.as_deref())?;
    let store = open_store(&args.store)?;
    let index = SearchIndex::open(&dir, true)?;
    let bar = std::io::stderr().is_terminal().then(|| indicatif::ProgressBar::new(0));
    let r = index.rebuild(&*store, |done, of| {
        if let Some(b) = &bar {
            b.set_length(of as u64);
            b.set_position(done as u64);
        }
    })?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "marsad: indexed {} article{} of {} into {} in {seconds:.1} s ({:.0} articles/s)",
        r.added,
        if r.added == 1 { "" } else { "s" },
        store.name(),
        dir.display(),
        r.added as f64 / seconds.max(1e-9)
    );
    Ok(())
}

/// The hits as one JSON object: `query`, `total` and `hits`, each with `id`,
/// `title`, `outlet`, `date`, `score` and a `snippet`.
fn json(query: &str, found: &Hits) -> serde_json::Value {
    let hits: Vec<serde_json::Value> = found
        .hits
        .iter()
        .map(|h| {
            serde_json::json!({
                "id": h.id,
                "title": h.title,
                "outlet": h.outlet,
                "date": h.date,
                "score": h.score,
                "snippet": snippet_json(&h.snippet),
            })
        })
        .collect();
    serde_json::json!({ "query": query, "total": found.total, "hits": hits })
}

/// A snippet in JSON: its `text`, the `highlights` as character offsets
/// `[start, end)` into it, and `marked`, the text with `<b>`…`</b>` around them.
fn snippet_json(s: &Snippet) -> serde_json::Value {
    let chars = |byte: usize| s.text[..byte].chars().count();
    let highlights: Vec<[usize; 2]> = s.highlights.iter().map(|&(a, b)| [chars(a), chars(b)]).collect();
    serde_json::json!({ "text": s.text, "highlights": highlights, "marked": s.marked("<b>", "</b>") })
}

fn write_text(out: &mut impl Write, query: &str, found: &Hits, colour: bool) -> Result<()> {
    if found.hits.is_empty() {
        writeln!(out, "no article matches {query:?}")?;
        return Ok(());
    }
    writeln!(
        out,
        "{} of {} article{} matching {query:?}",
        found.hits.len(),
        found.total,
        if found.total == 1 { "" } else { "s" }
    )?;
    let (open, close) = if colour { ("\x1b[1;33m", "\x1b[0m") } else { ("[", "]") };
    for (n, h) in found.hits.iter().enumerate() {
        writeln!(out)?;
        writeln!(out, "{}. {}  (score {:.2}, id {})", n + 1, heading(h), h.score, h.id)?;
        writeln!(out, "   {}", h.snippet.marked(open, close).replace(['\n', '\r'], " "))?;
    }
    Ok(())
}

/// Title — outlet, date.
fn heading(h: &Hit) -> String {
    let mut s = h.title.clone().unwrap_or_else(|| "(no title)".to_owned());
    let place: Vec<&str> =
        [Some(h.outlet.as_str()).filter(|o| !o.is_empty()), h.date.as_deref()].into_iter().flatten().collect();
    if !place.is_empty() {
        s.push_str(" — ");
        s.push_str(&place.join(", "));
    }
    s
}
