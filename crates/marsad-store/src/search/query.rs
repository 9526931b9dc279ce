//! Searching: a query in words and quoted phrases over titles and texts, narrowed
//! by filters, ranked by BM25, each hit with a snippet of its original text.

use std::ops::Bound;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::snippet::SnippetGenerator;
use tantivy::Term;

use super::error::{Doing, SearchError};
use super::index::{day_number, filter_key, SearchIndex};
use super::record::IndexRecord;
use crate::Store;

/// How much a match in the title weighs against one in the text.
const TITLE_BOOST: f32 = 2.0;
/// Longest snippet, in bytes of the original text (about 150 Arabic letters).
const SNIPPET_BYTES: usize = 300;

/// A search: the query and its filters.
#[derive(Clone, Debug, Default)]
pub struct SearchRequest {
    /// Words (all must occur, in any form the analyzer joins), quoted phrases,
    /// `OR`, `-word` and `(…)` as tantivy's query language reads them.
    pub query: String,
    /// First publication date (YYYY-MM-DD), included.
    pub from: Option<String>,
    /// Last publication date (YYYY-MM-DD), included.
    pub to: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
    /// An entity's name (Arabic or English) or link.
    pub entity: Option<String>,
    /// An event type (PLOVER: `CONSULT`, `ACCUSE`…).
    pub event: Option<String>,
    /// A persuasion technique (`loaded_language`…).
    pub technique: Option<String>,
    /// Most hits returned.
    pub limit: usize,
}

/// A piece of an article's original text with the matched words marked.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Snippet {
    /// The text, as published.
    pub text: String,
    /// The matched words: byte ranges `[start, end)` in `text`.
    pub highlights: Vec<(usize, usize)>,
}

impl Snippet {
    /// The text with each highlight between `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + self.highlights.len() * (open.len() + close.len()));
        let mut at = 0;
        for &(s, e) in &self.highlights {
            out.push_str(&self.text[at..s]);
            out.push_str(open);
            out.push_str(&self.text[s..e]);
            out.push_str(close);
            at = e;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

/// One article found.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Hit {
    /// The article's id in the store.
    pub id: i64,
    /// Its title.
    pub title: Option<String>,
    /// Its outlet ('' when unknown).
    pub outlet: String,
    /// Its publication date.
    pub date: Option<String>,
    /// Its address as first given.
    pub url: Option<String>,
    /// Its BM25 score.
    pub score: f32,
    /// A piece of its text with the matched words.
    pub snippet: Snippet,
}

/// The hits of a search and how many articles matched in all.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Hits {
    /// Articles that match.
    pub total: usize,
    /// The best of them, best first.
    pub hits: Vec<Hit>,
}

impl SearchIndex {
    /// The query of a request (text and filters) and its text part alone (for snippets).
    pub(crate) fn parse(&self, req: &SearchRequest) -> Result<(BooleanQuery, Box<dyn Query>), SearchError> {
        let f = self.fields;
        let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.body]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title, TITLE_BOOST);
        let text_query = parser
            .parse_query(&req.query)
            .map_err(|e| SearchError::Query { query: req.query.clone(), reason: e.to_string() })?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
        let mut filter = |q: Box<dyn Query>| clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
        let exact = |field: Field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(Term::from_field_text(field, &filter_key(value)), IndexRecordOption::Basic))
        };
        for (value, field) in [(&req.outlet, f.outlet), (&req.entity, f.entity), (&req.event, f.event)] {
            if let Some(v) = value {
                filter(exact(field, v));
            }
        }
        if let Some(t) = &req.technique {
            filter(exact(f.technique, &t.replace('-', "_")));
        }
        let day = |flag: &'static str, v: &Option<String>| -> Result<Option<u64>, SearchError> {
            v.as_deref()
                .map(|d| {
                    day_number(d).ok_or_else(|| SearchError::Filter {
                        flag,
                        value: d.to_owned(),
                        reason: "not a date of the form YYYY-MM-DD".to_owned(),
                    })
                })
                .transpose()
        };
        let (from, to) = (day("--from", &req.from)?, day("--to", &req.to)?);
        if from.is_some() || to.is_some() {
            let bound =
                |d: Option<u64>| d.map_or(Bound::Unbounded, |d| Bound::Included(Term::from_field_u64(f.day, d)));
            filter(Box::new(RangeQuery::new(bound(from), bound(to))));
        }
        Ok((BooleanQuery::new(clauses), text_query))
    }

    /// Runs a search; hits are read back from `store` (title, outlet, date, text).
    ///
    /// # Errors
    /// A query that cannot be read, a bad filter value, or a failure of the index or the store.
    pub fn search(&self, store: &dyn Store, req: &SearchRequest) -> Result<Hits, SearchError> {
        let (query, text_query) = self.parse(req)?;
        let doing = || format!("cannot search the index {}", self.dir().display());
        let searcher = self.reader.searcher();
        let (top, total) = searcher
            .search(&query, &(TopDocs::with_limit(req.limit.max(1)), tantivy::collector::Count))
            .doing(doing)?;
        let snippets = self.snippets(&searcher, &*text_query)?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top.into_iter().take(req.limit) {
            let segment = searcher.segment_reader(address.segment_ord);
            let column = segment.fast_fields().u64("article").doing(doing)?;
            let Some(id) = column.first(address.doc_id) else { continue };
            if let Some(hit) = hit(store, &snippets, id as i64, score)? {
                hits.push(hit);
            }
        }
        Ok(Hits { total, hits })
    }
}

impl SearchIndex {
    /// The snippet maker of a text query.
    pub(crate) fn snippets(
        &self,
        searcher: &tantivy::Searcher,
        text_query: &dyn Query,
    ) -> Result<SnippetGenerator, SearchError> {
        let mut snippets = SnippetGenerator::create(searcher, text_query, self.fields.body)
            .doing(|| format!("cannot search the index {}", self.dir().display()))?;
        snippets.set_max_num_chars(SNIPPET_BYTES);
        Ok(snippets)
    }
}

/// An article found, read back from the store with its snippet; `None` when the
/// store no longer has it.
pub(crate) fn hit(
    store: &dyn Store,
    snippets: &SnippetGenerator,
    id: i64,
    score: f32,
) -> Result<Option<Hit>, SearchError> {
    let Some(IndexRecord { title, outlet, published: date, url, text, .. }) = store.index_record(id)? else {
        return Ok(None);
    };
    let found = snippets.snippet(&text);
    let snippet = if found.is_empty() {
        Snippet { text: opening(&text, SNIPPET_BYTES).to_owned(), highlights: Vec::new() }
    } else {
        Snippet {
            text: found.fragment().to_owned(),
            highlights: found.highlighted().iter().map(|r| (r.start, r.end)).collect(),
        }
    };
    Ok(Some(Hit { id, title, outlet, date, url, score, snippet }))
}

/// The start of a text, at most `max` bytes, ending at a space when one is near.
fn opening(text: &str, max: usize) -> &str {
    let text = text.trim_start();
    if text.len() <= max {
        return text.trim_end();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text[..end].rfind(char::is_whitespace).filter(|&s| s > max / 2).unwrap_or(end);
    text[..cut].trim_end()
}
