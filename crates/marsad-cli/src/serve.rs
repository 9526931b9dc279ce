//! `marsad serve`: the store on the web (docs/serve.md).

use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Result};
use marsad_serve::{Config, Limits};

use crate::args::ServeArgs;

/// Runs `marsad serve` until interrupted.
pub fn run(args: ServeArgs) -> Result<()> {
    if marsad_store::is_postgres(&args.store) {
        bail!(
            "--store {}: marsad serve reads SQLite stores only; give the path of a SQLite file",
            marsad_store::shown(&args.store)
        );
    }
    if !Path::new(&args.store).is_file() {
        bail!("--store {0}: no such store (make one with `marsad ingest ARTICLES --store {0}`)", args.store);
    }
    let index = crate::search::index_dir(&args.store, args.index.as_deref())?;
    let limits = Limits {
        timeout: Duration::from_secs(args.timeout),
        concurrency: args.concurrency as usize,
        max_ingest_body: args.max_ingest_bytes,
        ..Limits::default()
    };
    marsad_serve::run(Config {
        store: args.store.into(),
        index,
        bind: args.bind,
        allow_ingest: args.allow_ingest,
        limits,
    })?;
    Ok(())
}
