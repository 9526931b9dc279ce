//! Searching a page at a time with facets: how the whole result set divides by
//! outlet, month, event type and country.
//!
//! The facets are counted over every matching article from a table held in memory
//! ([`FacetTable`]: each article's outlet, month, event types and countries, read
//! from the store once and then for new articles only), so the index need not hold
//! them and a search counts them without reading the store. The country of an
//! article is that of each country, place or region among its entities; the
//! `country` filter keeps the articles that have it.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{params, Connection};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::error::{Doing, SearchError};
use super::query::{hit, Hit, SearchRequest};
use super::SearchIndex;
use crate::error::Doing as _;
use crate::Store;

/// How many values of each facet a page reports.
pub const FACET_TOP: usize = 20;

/// Strings by number, so that a row of the table holds numbers.
#[derive(Debug, Default)]
struct Interner {
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Interner {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.ids.insert(name.to_owned(), id);
        id
    }
}

/// What the facets count of one article.
#[derive(Debug, Default)]
struct FacetRow {
    outlet: u32,
    month: Option<u32>,
    events: Vec<u32>,
    countries: Vec<u32>,
}

/// Each stored article's facet values, kept in memory.
#[derive(Debug, Default)]
pub struct FacetTable {
    rows: HashMap<i64, FacetRow>,
    outlets: Interner,
    months: Interner,
    events: Interner,
    countries: Interner,
    last: i64,
}

/// One value of a facet and how many matching articles have it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Matching articles with it.
    pub count: u64,
}

/// The facets of a result set.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Facets {
    /// By outlet.
    pub outlet: Vec<FacetCount>,
    /// By month of publication (`YYYY-MM`).
    pub month: Vec<FacetCount>,
    /// By event type.
    pub event: Vec<FacetCount>,
    /// By country (ISO 3166-1 alpha-3).
    pub country: Vec<FacetCount>,
}

/// A page of hits with the facets of the whole result set.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Page {
    /// Articles that match.
    pub total: usize,
    /// This page's hits, best first.
    pub hits: Vec<Hit>,
    /// The facets of every match.
    pub facets: Facets,
}

impl FacetTable {
    /// Reads the facet values of every article of the SQLite store `name` open on
    /// `conn` (a connection, so that the index does not depend on the backend's type).
    ///
    /// # Errors
    /// A failure of the store.
    pub fn load(conn: &Connection, name: &Path) -> Result<FacetTable, SearchError> {
        let mut t = FacetTable::default();
        t.update(conn, name)?;
        Ok(t)
    }

    /// Articles in the table.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the table has no article.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Reads the articles stored since the last reading (by id); returns how many.
    ///
    /// # Errors
    /// A failure of the store.
    pub fn update(&mut self, conn: &Connection, name: &Path) -> Result<usize, SearchError> {
        let doing = format!("cannot read the facets of {}", name.display());
        let after = self.last;
        let mut added = 0;
        let mut stmt = conn
            .prepare("SELECT id, outlet, published FROM articles WHERE id > ?1 AND current_revision IS NOT NULL")
            .doing(&doing)?;
        let rows = stmt
            .query_map(params![after], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?))
            })
            .doing(&doing)?;
        for row in rows {
            let (id, outlet, published) = row.doing(&doing)?;
            let month = published.filter(|p| p.len() >= 7 && p.is_char_boundary(7)).map(|p| self.months.id(&p[..7]));
            let outlet = self.outlets.id(&outlet);
            self.rows.insert(id, FacetRow { outlet, month, ..FacetRow::default() });
            self.last = self.last.max(id);
            added += 1;
        }
        let lists = [
            (
                "SELECT a.id, e.event_type FROM events e JOIN articles a ON a.current_revision = e.revision_id
                 WHERE a.id > ?1 GROUP BY 1, 2",
                true,
            ),
            (
                "SELECT a.id, n.country FROM entities n JOIN articles a ON a.current_revision = n.revision_id
                 WHERE a.id > ?1 AND n.country IS NOT NULL AND n.kind IN ('country', 'place', 'region') GROUP BY 1, 2",
                false,
            ),
        ];
        for (sql, events) in lists {
            let mut stmt = conn.prepare(sql).doing(&doing)?;
            let rows =
                stmt.query_map(params![after], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).doing(&doing)?;
            for row in rows {
                let (id, value) = row.doing(&doing)?;
                let Some(r) = self.rows.get_mut(&id) else { continue };
                if events {
                    r.events.push(self.events.id(&value));
                } else {
                    r.countries.push(self.countries.id(&value));
                }
            }
        }
        Ok(added)
    }

    /// The facets of a set of articles.
    fn count(&self, articles: &[(Score, i64)]) -> Facets {
        let mut outlet = vec![0u64; self.outlets.names.len()];
        let mut month = vec![0u64; self.months.names.len()];
        let mut event = vec![0u64; self.events.names.len()];
        let mut country = vec![0u64; self.countries.names.len()];
        for (_, id) in articles {
            let Some(r) = self.rows.get(id) else { continue };
            outlet[r.outlet as usize] += 1;
            if let Some(m) = r.month {
                month[m as usize] += 1;
            }
            for &e in &r.events {
                event[e as usize] += 1;
            }
            for &c in &r.countries {
                country[c as usize] += 1;
            }
        }
        let top = |counts: Vec<u64>, names: &Interner, by_value: bool| {
            let mut v: Vec<FacetCount> = counts
                .into_iter()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(i, count)| FacetCount { value: names.names[i].clone(), count })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            v.truncate(FACET_TOP);
            if by_value {
                v.sort_by(|a, b| a.value.cmp(&b.value));
            }
            v
        };
        Facets {
            outlet: top(outlet, &self.outlets, false),
            month: top(month, &self.months, true),
            event: top(event, &self.events, false),
            country: top(country, &self.countries, false),
        }
    }

    fn has_country(&self, article: i64, country: Option<u32>) -> bool {
        match country {
            None => false,
            Some(c) => self.rows.get(&article).is_some_and(|r| r.countries.contains(&c)),
        }
    }
}

/// Collects every match: its score and its article.
struct AllMatches;

struct SegmentMatches {
    article: Column<u64>,
    found: Vec<(Score, i64)>,
}

impl Collector for AllMatches {
    type Fruit = Vec<(Score, i64)>;
    type Child = SegmentMatches;

    fn for_segment(&self, _ord: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentMatches> {
        Ok(SegmentMatches { article: segment.fast_fields().u64("article")?, found: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(Score, i64)>>) -> tantivy::Result<Vec<(Score, i64)>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Vec<(Score, i64)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(a) = self.article.first(doc) {
            self.found.push((score, a as i64));
        }
    }

    fn harvest(self) -> Vec<(Score, i64)> {
        self.found
    }
}

impl SearchIndex {
    /// Runs a search and returns page `page` (from 1) of `per_page` hits, with the
    /// facets of every match; `country` keeps the articles with an entity of that
    /// country. `req.limit` is not read.
    ///
    /// # Errors
    /// A query that cannot be read, a bad filter value, or a failure of the index or the store.
    pub fn search_page(
        &self,
        store: &dyn Store,
        table: &FacetTable,
        req: &SearchRequest,
        country: Option<&str>,
        page: usize,
        per_page: usize,
    ) -> Result<Page, SearchError> {
        let (query, text_query) = self.parse(req)?;
        let searcher = self.reader.searcher();
        let mut found = searcher
            .search(&query, &AllMatches)
            .doing(|| format!("cannot search the index {}", self.dir().display()))?;
        if let Some(c) = country {
            let id = table.countries.ids.get(c.trim().to_uppercase().as_str()).copied();
            found.retain(|(_, a)| table.has_country(*a, id));
        }
        let facets = table.count(&found);
        let total = found.len();
        let start = page.saturating_sub(1).saturating_mul(per_page);
        let mut hits = Vec::new();
        if start < total {
            let end = (start + per_page).min(total);
            let order = |a: &(Score, i64), b: &(Score, i64)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
            // only the pages up to this one need sorting
            if end < total {
                found.select_nth_unstable_by(end - 1, order);
                found.truncate(end);
            }
            found.sort_unstable_by(order);
            let snippets = self.snippets(&searcher, &*text_query)?;
            for &(score, id) in &found[start..end] {
                if let Some(h) = hit(store, &snippets, id, score)? {
                    hits.push(h);
                }
            }
        }
        Ok(Page { total, hits, facets })
    }
}
