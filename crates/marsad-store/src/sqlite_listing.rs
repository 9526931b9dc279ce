//! Reading stored articles back from SQLite: those of a date range for an export,
//! and what the search index holds of each.

use rusqlite::{params, Connection};

use crate::listing::{DateRange, Listed};
use crate::search::IndexRecord;

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

/// The current revision of every article: `(article, revision)`, by article.
pub(crate) fn current_revisions(conn: &Connection) -> rusqlite::Result<Vec<(i64, i64)>> {
    let mut stmt =
        conn.prepare("SELECT id, current_revision FROM articles WHERE current_revision IS NOT NULL ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// The index record of an article's current revision.
pub(crate) fn index_record(conn: &Connection, article: i64) -> rusqlite::Result<Option<IndexRecord>> {
    let mut head = conn.prepare_cached(
        "SELECT a.current_revision, a.title, a.outlet, a.published, r.text, a.url
         FROM articles a JOIN revisions r ON r.id = a.current_revision WHERE a.id = ?1",
    )?;
    let mut rows = head.query(params![article])?;
    let Some(row) = rows.next()? else { return Ok(None) };
    let revision: i64 = row.get(0)?;
    let mut record = IndexRecord {
        article,
        revision,
        title: row.get(1)?,
        outlet: row.get(2)?,
        published: row.get(3)?,
        text: row.get(4)?,
        url: row.get(5)?,
        ..IndexRecord::default()
    };
    let mut entities = conn.prepare_cached("SELECT name, name_en, link FROM entities WHERE revision_id = ?1")?;
    let found = entities.query_map(params![revision], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?))
    })?;
    for e in found {
        let (name, name_en, link) = e?;
        record.entities.push(name);
        record.entities.extend(name_en);
        record.entities.extend(link);
    }
    let mut events = conn.prepare_cached("SELECT event_type FROM events WHERE revision_id = ?1")?;
    record.events = events.query_map(params![revision], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut techniques = conn.prepare_cached("SELECT technique FROM techniques WHERE revision_id = ?1")?;
    record.techniques = techniques.query_map(params![revision], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(Some(record))
}
