//! An article ready to store, and what the store answers about it.

use std::io::Write;

use marsad_core::document::{Document, SCHEMA_VERSION};

use crate::keys::ArticleKeys;
use crate::rows::Rows;

/// What is known of an article besides its text and layers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleInfo {
    /// Its title.
    pub title: Option<String>,
    /// Its author.
    pub author: Option<String>,
    /// Its publication date (YYYY-MM-DD).
    pub published: Option<String>,
    /// Its address as given.
    pub url: Option<String>,
    /// The id its record gave.
    pub external_id: Option<String>,
    /// Where it was read (`path`, `path:line`).
    pub source: Option<String>,
}

/// An analysed article, with everything the store writes of it made in advance
/// (on the analysing thread): keys, compressed layers and rows.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// Its identity.
    pub keys: ArticleKeys,
    /// Its metadata.
    pub info: ArticleInfo,
    /// The text as analysed.
    pub text: String,
    /// The schema version of the document JSON.
    pub document_schema: &'static str,
    /// The document's JSON in the compact profile, deflated.
    pub layers: Vec<u8>,
    /// Its queryable rows.
    pub rows: Rows,
}

impl Prepared {
    /// Prepares an analysed document; `info` adds what the document's metadata lacks.
    pub fn new(doc: &Document, mut info: ArticleInfo) -> Prepared {
        info.title = info.title.or_else(|| doc.meta.title.clone());
        info.published = info.published.or_else(|| doc.meta.published.clone());
        info.url = info.url.or_else(|| doc.meta.url.clone());
        info.source = info.source.or_else(|| doc.meta.source.clone());
        let keys = ArticleKeys::new(&doc.text, doc.meta.outlet.as_deref(), info.url.as_deref());
        let options = marsad_render::json::Options { pretty: false, compact: true, layers: None };
        let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        marsad_render::json::write(doc, &mut encoder, &options).expect("writing to memory");
        let layers = encoder.finish().expect("writing to memory");
        Prepared { keys, info, text: doc.text.clone(), document_schema: SCHEMA_VERSION, layers, rows: Rows::of(doc) }
    }
}

/// Inflates stored layers.
pub(crate) fn inflate(bytes: &[u8]) -> std::io::Result<String> {
    let mut out = flate2::write::DeflateDecoder::new(Vec::new());
    out.write_all(bytes)?;
    String::from_utf8(out.finish()?).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// What the store holds under an article's keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing: the article is new.
    New,
    /// The same outlet and address with another text: a new revision of `article`.
    Revision {
        /// The article it revises.
        article: i64,
    },
    /// The same normalised text from another outlet: a new article, linked as a copy.
    Copy {
        /// The first article with that text.
        of: i64,
    },
    /// Already stored: nothing to do.
    Present {
        /// The article.
        article: i64,
        /// Why it is the same: `same address and text` or `same outlet and text`.
        why: &'static str,
    },
}

/// What [`Store::put`](crate::Store::put) did.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    /// What the store held before.
    pub verdict: Verdict,
    /// The article (new or existing).
    pub article: i64,
    /// The revision written, when one was.
    pub revision: Option<i64>,
    /// The near-duplicate link made for a new article, when it is one.
    pub near: Option<crate::NearLink>,
}

/// How much a store holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Articles.
    pub articles: u64,
    /// Revisions (at least one per article).
    pub revisions: u64,
    /// Copy links (the same normalised text).
    pub copies: u64,
    /// Near-duplicate links.
    pub near: u64,
    /// Stories.
    pub stories: u64,
    /// Entity rows.
    pub entities: u64,
    /// Event rows.
    pub events: u64,
    /// Claim rows.
    pub claims: u64,
    /// Technique rows.
    pub techniques: u64,
}
