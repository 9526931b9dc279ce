//! `marsad ingest`: articles analysed into a corpus store.
//!
//! Articles are read as `marsad analyze` reads a batch (files, folders, JSON Lines),
//! a chunk at a time: each is decoded, its keys are looked up in the store (what is
//! in is skipped before the costly analysis, so a re-run after a kill goes on where
//! it stopped), the rest are analysed in parallel, and each is stored in its own
//! transaction. A bad input is reported with its name (`path:line`) and the rest
//! goes on; the summary says what was stored and what was skipped, and why.
//!
//! Each stored article is also added to the store's search index, committed a
//! chunk at a time after the store; the index is levelled with the store when the
//! run starts, so what a killed run stored but did not index is indexed then.

use std::collections::BTreeMap;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use marsad::input::record::Dates;
use marsad::input::Limits;
use marsad::{Metadata, Pipeline};
use marsad_store::search::{IndexRecord, SearchIndex};
use marsad_store::{ArticleInfo, ArticleKeys, Prepared, Store, StoryScope, Verdict};
use rayon::prelude::*;

use crate::args::IngestArgs;
use crate::batch::{self, Articles, Decoded, Item, Reading, Skip, CHUNK};

/// An article decoded and looked up, waiting for analysis.
struct Pending {
    name: String,
    decoded: Decoded,
}

/// An item decoded, or why it was skipped, under its name.
type DecodedItem = (String, Result<Decoded, Skip>);

/// What happened to the articles, for the summary.
#[derive(Default)]
struct Tally {
    new: usize,
    revisions: usize,
    copies: usize,
    near: usize,
    present: BTreeMap<&'static str, usize>,
    bad: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn count(&mut self, verdict: &Verdict) {
        match verdict {
            Verdict::New => self.new += 1,
            Verdict::Revision { .. } => self.revisions += 1,
            Verdict::Copy { .. } => self.copies += 1,
            Verdict::Present { why, .. } => *self.present.entry(why).or_default() += 1,
        }
    }

    fn stored(&self) -> usize {
        self.new + self.revisions + self.copies
    }
}

/// Runs `marsad ingest`.
pub fn run(args: IngestArgs) -> Result<()> {
    let started = Instant::now();
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new().num_threads(jobs).build_global().context("cannot start threads")?;
    }
    let sources = batch::sources(&args.inputs, args.jsonl)?;
    if sources.is_empty() {
        bail!("no articles in {}", args.inputs.join(", "));
    }
    let index_dir = crate::search::index_dir(&args.store, args.index.as_deref())?;
    let mut store = marsad_store::open(&args.store)?;
    if let Some(from) = store.migrated_from() {
        eprintln!("marsad: migrated {} from schema version {from} to {}", store.name(), store.schema_version());
    }
    sign_missing(&mut *store)?;
    let index = SearchIndex::open(&index_dir, true)?;
    crate::search::level(&index, &*store)?;
    let mut indexer = index.writer()?;
    let reading = Reading {
        limits: Limits { max_bytes: args.max_bytes, lossy: args.lossy },
        meta: Metadata { outlet: args.outlet.clone(), published: args.published.clone(), ..Metadata::default() },
        dates: Dates { field: args.date_field.clone() },
        layers: None,
    };
    let pipeline = Pipeline::new();
    let bar = batch::progress_bar(&sources);
    let say = |msg: String| match &bar {
        Some(b) => b.println(msg),
        None => eprintln!("{msg}"),
    };
    let mut tally = Tally::default();
    let mut articles = Articles::new(&sources, &reading);
    loop {
        let chunk: Vec<Item> = articles.by_ref().take(CHUNK).collect::<Result<_>>()?;
        for note in articles.take_notes() {
            say(note);
        }
        if chunk.is_empty() {
            break;
        }
        let read = chunk.len() as u64;
        // decode in parallel, keeping the order
        let decoded: Vec<DecodedItem> = chunk
            .into_par_iter()
            .map(|item| {
                let d = item.article.and_then(|a| reading.decode(a));
                (item.name, d)
            })
            .collect();
        // what is in already is skipped before analysis
        let mut pending = Vec::new();
        for (name, d) in decoded {
            match d {
                Err(skip) => {
                    say(format!("marsad: skipped {name}: {}", skip.reason));
                    *tally.bad.entry(skip.kind).or_default() += 1;
                }
                Ok(decoded) => {
                    let keys =
                        ArticleKeys::new(&decoded.text, decoded.meta.outlet.as_deref(), decoded.meta.url.as_deref());
                    match store.classify(&keys)? {
                        v @ Verdict::Present { .. } => tally.count(&v),
                        _ => pending.push(Pending { name, decoded }),
                    }
                }
            }
        }
        let prepared: Vec<(String, Prepared)> = pending
            .into_par_iter()
            .map(|mut p| {
                let record = std::mem::take(&mut p.decoded.record);
                let info = ArticleInfo {
                    author: record.author,
                    external_id: record.id,
                    source: Some(p.name.clone()),
                    ..ArticleInfo::default()
                };
                let doc = reading.analyse_decoded(&pipeline, p.decoded);
                (p.name, Prepared::new(&doc, info))
            })
            .collect();
        for (name, article) in &prepared {
            let stored = store.put(article).with_context(|| format!("cannot store {name}"))?;
            tally.count(&stored.verdict);
            tally.near += usize::from(stored.near.is_some());
            if let Some(revision) = stored.revision {
                indexer.add(&IndexRecord::of_prepared(stored.article, revision, article))?;
            }
        }
        indexer.commit()?;
        if let Some(b) = &bar {
            b.inc(read);
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let stories = store.update_stories(StoryScope::New)?;
    let seconds = started.elapsed().as_secs_f64();
    let present: usize = tally.present.values().sum();
    let bad: usize = tally.bad.values().sum();
    let why = |m: &BTreeMap<&str, usize>| {
        let parts: Vec<String> = m.iter().map(|(k, n)| batch::counted(k, *n)).collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!(" ({})", parts.join(", "))
        }
    };
    eprintln!(
        "marsad: stored {} article{} in {} ({} new, {} of them near-duplicate{}, {} revision{}, {} cop{}) in \
         {seconds:.1} s ({:.1} articles/s); skipped {present} already in{}, {bad} bad input{}{}",
        tally.stored(),
        if tally.stored() == 1 { "" } else { "s" },
        store.name(),
        tally.new,
        tally.near,
        if tally.near == 1 { "" } else { "s" },
        tally.revisions,
        if tally.revisions == 1 { "" } else { "s" },
        tally.copies,
        if tally.copies == 1 { "y" } else { "ies" },
        tally.stored() as f64 / seconds.max(1e-9),
        why(&tally.present),
        if bad == 1 { "" } else { "s" },
        why(&tally.bad),
    );
    if stories.grouped > 0 {
        eprintln!(
            "marsad: {} of the new articles grouped into stories ({} new stor{}; {} in the store)",
            stories.grouped,
            stories.new_stories,
            if stories.new_stories == 1 { "y" } else { "ies" },
            stories.stories
        );
    }
    if tally.stored() == 0 && present == 0 {
        bail!("nothing was stored: every article of {} was bad{}", args.inputs.join(", "), why(&tally.bad));
    }
    if args.strict && bad > 0 {
        bail!("{bad} bad input{} (--strict)", if bad == 1 { "" } else { "s" });
    }
    Ok(())
}

/// Computes the near-duplicate signatures a store lacks (one made before schema
/// version 2), saying so when there are many.
pub(crate) fn sign_missing(store: &mut dyn Store) -> Result<()> {
    let name = store.name().to_owned();
    let started = Instant::now();
    let mut said = 0;
    let signed = store.sign_missing(&mut |done| {
        if done >= said + 5000 {
            eprintln!("marsad: computing the near-duplicate signatures of {name}: {done} articles");
            said = done;
        }
    })?;
    if signed > 0 {
        let near = store.stats()?.near;
        eprintln!(
            "marsad: computed the near-duplicate signatures of {signed} stored article{} in {:.1} s ({near} near-duplicate \
             link{} in the store)",
            if signed == 1 { "" } else { "s" },
            started.elapsed().as_secs_f64(),
            if near == 1 { "" } else { "s" },
        );
    }
    Ok(())
}
