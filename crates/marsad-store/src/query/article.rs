//! One article: its metadata, the articles that copy it, the one it copies, its
//! story, and its document.

use rusqlite::OptionalExtension;
use serde::Serialize;

use crate::error::{Doing, StoreError};
use crate::{SqliteStore, Store};

/// An article that copies another.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopyView {
    /// Its id.
    pub id: i64,
    /// Its outlet.
    pub outlet: String,
    /// Its title.
    pub title: Option<String>,
    /// `copy` (the same normalised text) or `near` (a near-duplicate).
    pub kind: String,
    /// How alike the texts are (1.0 for a copy), when known.
    pub similarity: Option<f64>,
}

/// The article another copies.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopyRef {
    /// Its id.
    pub id: i64,
    /// Its outlet.
    pub outlet: String,
}

/// An article with what the store knows around it.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleView {
    /// Its id.
    pub id: i64,
    /// Its title.
    pub title: Option<String>,
    /// Its outlet.
    pub outlet: String,
    /// Its address as first given.
    pub url: Option<String>,
    /// Its publication day.
    pub published: Option<String>,
    /// Its author.
    pub author: Option<String>,
    /// Its story, when the store has stories and it is in one.
    pub story_id: Option<i64>,
    /// The articles stored as its copies.
    pub copies: Vec<CopyView>,
    /// The article it copies.
    pub copy_of: Option<CopyRef>,
    /// Its current revision's document, compact JSON.
    pub document: String,
}

/// Title, outlet, address, publication day and author.
type Head = (Option<String>, String, Option<String>, Option<String>, Option<String>);

pub(crate) fn article_view(store: &SqliteStore, id: i64) -> Result<Option<ArticleView>, StoreError> {
    let doing = store.doing_read();
    let conn = store.connection();
    let head: Option<Head> = conn
        .prepare_cached("SELECT title, outlet, url, published, author FROM articles WHERE id = ?1")
        .and_then(|mut s| s.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))).optional())
        .doing(&doing)?;
    let Some((title, outlet, url, published, author)) = head else { return Ok(None) };
    let Some(document) = store.document_json(id)? else { return Ok(None) };
    let similarity = if store.has_column("duplicates", "similarity")? {
        "d.similarity"
    } else {
        "CASE WHEN d.kind = 'copy' THEN 1.0 END"
    };
    let copies: Vec<CopyView> = conn
        .prepare_cached(&format!(
            "SELECT c.id, c.outlet, c.title, d.kind, {similarity} FROM duplicates d
             JOIN articles c ON c.id = d.article_id WHERE d.of_article_id = ?1 ORDER BY c.published, c.id"
        ))
        .and_then(|mut s| {
            s.query_map([id], |r| {
                Ok(CopyView {
                    id: r.get(0)?,
                    outlet: r.get(1)?,
                    title: r.get(2)?,
                    kind: r.get(3)?,
                    similarity: r.get(4)?,
                })
            })?
            .collect()
        })
        .doing(&doing)?;
    let copy_of: Option<CopyRef> = conn
        .prepare_cached(
            "SELECT o.id, o.outlet FROM duplicates d JOIN articles o ON o.id = d.of_article_id
             WHERE d.article_id = ?1 ORDER BY d.kind = 'copy' DESC, o.id LIMIT 1",
        )
        .and_then(|mut s| s.query_row([id], |r| Ok(CopyRef { id: r.get(0)?, outlet: r.get(1)? })).optional())
        .doing(&doing)?;
    let story_id: Option<i64> = if store.has_table("story_articles")? {
        conn.prepare_cached("SELECT story_id FROM story_articles WHERE article_id = ?1 ORDER BY score DESC LIMIT 1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .doing(&doing)?
    } else {
        None
    };
    Ok(Some(ArticleView { id, title, outlet, url, published, author, story_id, copies, copy_of, document }))
}
