//! `--format parquet`: a folder of four tables (`articles`, `events`, `entities`,
//! `claims`), each partitioned by the month of publication in the Hive style —
//! `events/month=2015-07/part-0.parquet`, `month=undated` for articles without a
//! date — so that DuckDB, pyarrow, pandas and Spark read a table
//! as one and skip the months a query leaves out.
//!
//! By month rather than by day: a news corpus has few articles a day for an outlet
//! or a short range, and a folder of many tiny files reads slower than one of fewer,
//! larger ones (docs/performance.md gives the counts on the shared corpus). Files are
//! Snappy-compressed. The events of a copy of an exported article are left out, as
//! in the GDELT rows; the copy itself is in `articles`, with `copy_of`.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use anyhow::{Context, Result};
use arrow_array::RecordBatch;
use marsad_store::{ClaimRow, EntityRow, EventRow, Listed, Rows, Store};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::parquet_tables::{self as tables, day_of, ArticleRecord, Owned};
use super::{each_document, Written};

/// The partition of articles without a publication date: a word rather than Hive's
/// null (`__HIVE_DEFAULT_PARTITION__`), which DuckDB reads as that string and pandas
/// cannot read beside other months (pyarrow 21: "cannot unify dictionaries with nulls").
const NO_DATE: &str = "undated";

/// The rows of one month.
#[derive(Default)]
struct Month {
    articles: Vec<ArticleRecord>,
    events: Vec<Owned<EventRow>>,
    entities: Vec<Owned<EntityRow>>,
    claims: Vec<Owned<ClaimRow>>,
}

/// Writes the tables into the folder `out`.
pub(super) fn write(store: &dyn Store, listed: &[Listed], repeated: &HashSet<i64>, out: &Path) -> Result<Written> {
    let mut months: BTreeMap<String, Month> = BTreeMap::new();
    each_document(
        store,
        listed,
        |_, doc| (Rows::of(doc), doc.text.chars().count()),
        |a, (rows, chars)| {
            let month = a.published.as_deref().and_then(|d| d.get(..7)).unwrap_or(NO_DATE).to_owned();
            let m = months.entry(month).or_default();
            let day = a.published.as_deref().and_then(day_of);
            let counts = [rows.entities.len(), rows.events.len(), rows.claims.len(), rows.techniques.len()];
            let owned = |row| Owned { article: a.id, day, row };
            if !repeated.contains(&a.id) {
                m.events.extend(rows.events.into_iter().map(owned));
            }
            m.entities.extend(rows.entities.into_iter().map(|row| Owned { article: a.id, day, row }));
            m.claims.extend(rows.claims.into_iter().map(|row| Owned { article: a.id, day, row }));
            m.articles.push(ArticleRecord { listed: a.clone(), day, chars, tone: rows.tone, counts });
            Ok(())
        },
    )?;
    let mut written = Written { articles: listed.len(), copies_skipped: repeated.len(), ..Written::default() };
    let mut totals = [0usize; 4];
    for (month, m) in &months {
        let parts = [
            ("articles", tables::articles(&m.articles)?),
            ("events", tables::events(&m.events)?),
            ("entities", tables::entities(&m.entities)?),
            ("claims", tables::claims(&m.claims)?),
        ];
        for (i, (table, batch)) in parts.iter().enumerate() {
            totals[i] += batch.num_rows();
            let folder = out.join(table).join(format!("month={month}"));
            std::fs::create_dir_all(&folder).with_context(|| format!("cannot create {}", folder.display()))?;
            write_file(&folder.join("part-0.parquet"), batch)?;
            written.files += 1;
        }
    }
    written.rows = vec![("articles", totals[0]), ("events", totals[1]), ("entities", totals[2]), ("claims", totals[3])];
    Ok(written)
}

/// One Parquet file of one batch (a month's rows of a table, an empty table included,
/// so that every month has every table and readers see the schema).
fn write_file(path: &Path, batch: &RecordBatch) -> Result<()> {
    let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
    let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(props))
        .with_context(|| format!("cannot write {}", path.display()))?;
    writer.write(batch).with_context(|| format!("cannot write {}", path.display()))?;
    let file = writer.into_inner().with_context(|| format!("cannot write {}", path.display()))?;
    file.sync_all().with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
