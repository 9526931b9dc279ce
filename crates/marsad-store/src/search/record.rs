//! What the index holds of an article, made from an article being stored or read
//! back from the store (so that ingest and a rebuild index the same things).

use rusqlite::{params, Connection};

use crate::error::{Doing, StoreError};
use crate::{Prepared, SqliteStore};

/// One article as the index sees it: its current revision's text and the values
/// its filters match.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndexRecord {
    /// The article's id in the store.
    pub article: i64,
    /// Its current revision's id.
    pub revision: i64,
    /// Its title.
    pub title: Option<String>,
    /// Its text.
    pub text: String,
    /// Its outlet ('' when unknown).
    pub outlet: String,
    /// Its publication date (YYYY-MM-DD).
    pub published: Option<String>,
    /// The names of its entities (Arabic and English) and their links.
    pub entities: Vec<String>,
    /// Its event types (PLOVER).
    pub events: Vec<String>,
    /// Its persuasion techniques.
    pub techniques: Vec<String>,
}

impl IndexRecord {
    /// The record of an article just stored as `article`, revision `revision`.
    pub fn of_prepared(article: i64, revision: i64, p: &Prepared) -> IndexRecord {
        let mut entities = Vec::new();
        for e in &p.rows.entities {
            entities.push(e.name.clone());
            entities.extend(e.name_en.iter().cloned());
            entities.extend(e.link.iter().cloned());
        }
        IndexRecord {
            article,
            revision,
            title: p.info.title.clone(),
            text: p.text.clone(),
            outlet: p.keys.outlet.clone(),
            published: p.info.published.clone(),
            entities,
            events: p.rows.events.iter().map(|e| e.event_type.clone()).collect(),
            techniques: p.rows.techniques.iter().map(|t| t.technique.clone()).collect(),
        }
    }
}

/// The current revision of every article: `(article, revision)`, by article.
pub(crate) fn current_revisions(store: &SqliteStore) -> Result<Vec<(i64, i64)>, StoreError> {
    let doing = format!("cannot read {}", store.path().display());
    let conn = store.connection();
    let mut stmt = conn
        .prepare("SELECT id, current_revision FROM articles WHERE current_revision IS NOT NULL ORDER BY id")
        .doing(&doing)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).doing(&doing)?;
    rows.collect::<Result<_, _>>().doing(&doing)
}

/// The record of an article's current revision, read from the store.
pub(crate) fn read_record(store: &SqliteStore, article: i64) -> Result<Option<IndexRecord>, StoreError> {
    let doing = format!("cannot read article {article} of {}", store.path().display());
    read(store.connection(), article).doing(&doing)
}

fn read(conn: &Connection, article: i64) -> rusqlite::Result<Option<IndexRecord>> {
    let mut head = conn.prepare_cached(
        "SELECT a.current_revision, a.title, a.outlet, a.published, r.text
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
