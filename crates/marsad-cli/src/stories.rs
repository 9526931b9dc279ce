//! `marsad stories`: the articles of a store grouped into stories again, from
//! nothing, and the largest listed.

use std::time::Instant;

use anyhow::Result;
use marsad_store::{Store, StoryScope};

use crate::args::StoriesArgs;

/// Runs `marsad stories`.
pub fn run(args: StoriesArgs) -> Result<()> {
    let started = Instant::now();
    let mut store = crate::ingest::open_store(&args.store)?;
    crate::ingest::sign_missing(&mut store, &args.store)?;
    let counts = store.update_stories(StoryScope::All)?;
    eprintln!(
        "marsad: {} stor{} of {} articles among the {} dated articles of {} in {:.1} s",
        counts.stories,
        if counts.stories == 1 { "y" } else { "ies" },
        counts.grouped,
        counts.considered,
        args.store,
        started.elapsed().as_secs_f64()
    );
    let mut stmt = store.connection().prepare(
        "SELECT id, first_published, last_published, articles, outlets, coalesce(title, '') FROM stories
         ORDER BY outlets DESC, articles DESC, id LIMIT ?1",
    )?;
    let rows = stmt.query_map([args.top as i64], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    for row in rows {
        let (id, first, last, articles, outlets, title) = row?;
        println!(
            "{id}\t{} – {}\t{articles} articles, {outlets} outlets\t{title}",
            first.unwrap_or_default(),
            last.unwrap_or_default()
        );
    }
    Ok(())
}
