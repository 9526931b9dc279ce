//! What the index holds of an article, made from an article being stored or read
//! back from the store (so that ingest and a rebuild index the same things).

use crate::Prepared;

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
    /// Its address as first given.
    pub url: Option<String>,
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
            url: p.info.url.clone(),
            entities,
            events: p.rows.events.iter().map(|e| e.event_type.clone()).collect(),
            techniques: p.rows.techniques.iter().map(|t| t.technique.clone()).collect(),
        }
    }
}
