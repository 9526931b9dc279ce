//! `marsad stories`: the articles of a store grouped into stories again, from
//! nothing, and the largest listed.

use std::time::Instant;

use anyhow::Result;
use marsad_store::StoryScope;

use crate::args::StoriesArgs;

/// Runs `marsad stories`.
pub fn run(args: StoriesArgs) -> Result<()> {
    let started = Instant::now();
    let mut store = marsad_store::open(&args.store)?;
    if let Some(from) = store.migrated_from() {
        eprintln!("marsad: migrated {} from schema version {from} to {}", store.name(), store.schema_version());
    }
    crate::ingest::sign_missing(&mut *store)?;
    let counts = store.update_stories(StoryScope::All)?;
    eprintln!(
        "marsad: {} stor{} of {} articles among the {} dated articles of {} in {:.1} s",
        counts.stories,
        if counts.stories == 1 { "y" } else { "ies" },
        counts.grouped,
        counts.considered,
        store.name(),
        started.elapsed().as_secs_f64()
    );
    for story in store.largest_stories(args.top)? {
        println!(
            "{}\t{} – {}\t{} articles, {} outlets\t{}",
            story.id,
            story.first_published.unwrap_or_default(),
            story.last_published.unwrap_or_default(),
            story.articles,
            story.outlets,
            story.title
        );
    }
    Ok(())
}
