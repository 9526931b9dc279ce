//! `--format gdelt`: the GDELT 2.0 Events rows of every exported article, as
//! `marsad analyze --format gdelt` writes them (docs/gdelt.md), without the events of
//! copies of exported articles.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use marsad_render::gdelt;
use marsad_store::{Listed, Store};

use super::{each_document, Written};

/// Writes the rows to `out`.
pub(super) fn write(
    store: &dyn Store,
    listed: &[Listed],
    repeated: &HashSet<i64>,
    out: &Path,
    header: bool,
) -> Result<Written> {
    let file = std::fs::File::create(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut w = std::io::BufWriter::new(file);
    let fail = |e| anyhow::Error::new(e).context(format!("cannot write {}", out.display()));
    if header {
        writeln!(w, "{}", gdelt::COLUMNS.join("\t")).map_err(fail)?;
    }
    let mut rows = 0;
    each_document(
        store,
        listed,
        |a, doc| if repeated.contains(&a.id) { String::new() } else { gdelt::render(doc, false) },
        |_, text| {
            rows += text.lines().count();
            w.write_all(text.as_bytes()).map_err(fail)
        },
    )?;
    w.into_inner().map_err(|e| fail(e.into_error()))?.sync_all().map_err(fail)?;
    Ok(Written { articles: listed.len(), rows: vec![("event rows", rows)], copies_skipped: repeated.len(), files: 1 })
}
