//! Listing the stored articles of a date range from SQLite.

use rusqlite::{params, Connection};

use crate::listing::{DateRange, Listed};

/// The articles published in `range`, by id, each with its current revision and
/// the first article it is a copy or a near-duplicate of.
pub(crate) fn list(conn: &Connection, range: &DateRange) -> rusqlite::Result<Vec<Listed>> {
    let mut stmt = conn.prepare(
        "SELECT a.id, a.current_revision, r.number, a.outlet, a.url, a.canonical_url, a.title, a.author,
                a.published, a.external_id, r.source,
                (SELECT min(d.of_article_id) FROM duplicates d WHERE d.article_id = a.id)
         FROM articles a JOIN revisions r ON r.id = a.current_revision
         WHERE (?1 = 1 OR (a.published IS NOT NULL
                AND (?2 IS NULL OR a.published >= ?2) AND (?3 IS NULL OR a.published <= ?3)))
         ORDER BY a.id",
    )?;
    let rows = stmt.query_map(params![range.is_all(), range.from, range.to], |r| {
        Ok(Listed {
            id: r.get(0)?,
            revision: r.get(1)?,
            revision_number: r.get(2)?,
            outlet: r.get(3)?,
            url: r.get(4)?,
            canonical_url: r.get(5)?,
            title: r.get(6)?,
            author: r.get(7)?,
            published: r.get(8)?,
            external_id: r.get(9)?,
            source: r.get(10)?,
            copy_of: r.get(11)?,
        })
    })?;
    rows.collect()
}
