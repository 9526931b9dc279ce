//! `--format jsonl`: one document a line, rebuilt from the stored layers, as
//! `marsad analyze` writes a batch (the default, complete JSON: spans with their text).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use marsad_store::{Listed, Store};

use super::{each_document, Written};

/// Writes the documents to `out`.
pub(super) fn write(store: &dyn Store, listed: &[Listed], out: &Path) -> Result<Written> {
    let file = std::fs::File::create(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut w = std::io::BufWriter::new(file);
    let fail = |e| anyhow::Error::new(e).context(format!("cannot write {}", out.display()));
    let mut lines = 0;
    each_document(
        store,
        listed,
        |_, doc| marsad_render::json::to_string(doc) + "\n",
        |_, line| {
            lines += 1;
            w.write_all(line.as_bytes()).map_err(fail)
        },
    )?;
    w.into_inner().map_err(|e| fail(e.into_error()))?.sync_all().map_err(fail)?;
    Ok(Written { articles: listed.len(), rows: vec![("documents", lines)], copies_skipped: 0, files: 1 })
}
