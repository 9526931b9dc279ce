//! `GET /api/search`: the index's hits, a page at a time, with facets.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::Response;
use marsad_store::search::{Facets, SearchError, SearchRequest, Snippet};
use serde::Serialize;

use super::blocking;
use crate::assets::escape_html;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::AppState;

const KNOWN: &[&str] = &["q", "from", "to", "outlet", "entity", "event", "technique", "country", "page", "per_page"];

#[derive(Serialize)]
struct HitJson {
    id: i64,
    title: Option<String>,
    outlet: String,
    published: Option<String>,
    url: Option<String>,
    score: f32,
    snippet_html: String,
}

#[derive(Serialize)]
struct SearchJson {
    query: String,
    total: usize,
    page: usize,
    per_page: usize,
    hits: Vec<HitJson>,
    facets: Facets,
}

/// A snippet as HTML: its text escaped, each matched word in `<mark>`.
pub fn snippet_html(s: &Snippet) -> String {
    let mut out = String::with_capacity(s.text.len() + 16 * s.highlights.len());
    let mut at = 0;
    for &(start, end) in &s.highlights {
        if start < at || end > s.text.len() || !s.text.is_char_boundary(start) || !s.text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&escape_html(&s.text[at..start]));
        out.push_str("<mark>");
        out.push_str(&escape_html(&s.text[start..end]));
        out.push_str("</mark>");
        at = end;
    }
    out.push_str(&escape_html(&s.text[at..]));
    out
}

/// Searches the store's articles.
pub async fn search(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), KNOWN)?;
    let query = p.get("q").ok_or_else(|| ApiError::bad("parameter \"q\" is missing: give words, or * for all"))?;
    let span = p.span()?;
    let (page, per_page) = p.paging()?;
    let req = SearchRequest {
        query: query.to_owned(),
        from: span.from,
        to: span.to,
        outlet: p.get("outlet").map(str::to_owned),
        entity: p.get("entity").map(str::to_owned),
        event: p.get("event").map(str::to_owned),
        technique: p.get("technique").map(str::to_owned),
        limit: per_page,
    };
    let country = p.get("country").map(str::to_owned);
    blocking(state, move |s| {
        let store = s.pool.get()?;
        let facets = s.facets.read().unwrap_or_else(std::sync::PoisonError::into_inner);
        let found =
            s.index.search_page(&*store, &facets, &req, country.as_deref(), page, per_page).map_err(|e| match e {
                SearchError::Query { reason, .. } => {
                    ApiError::bad(format!("parameter \"q\" cannot be read as a query: {reason}"))
                }
                SearchError::Filter { value, reason, .. } => ApiError::bad(format!("{value:?}: {reason}")),
                e => ApiError::internal(e),
            })?;
        let hits = found
            .hits
            .iter()
            .map(|h| HitJson {
                id: h.id,
                title: h.title.clone(),
                outlet: h.outlet.clone(),
                published: h.date.clone(),
                url: h.url.clone(),
                score: h.score,
                snippet_html: snippet_html(&h.snippet),
            })
            .collect();
        Ok(SearchJson { query: req.query, total: found.total, page, per_page, hits, facets: found.facets })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_escaped_around_their_marks() {
        let s = Snippet { text: "<b>قال</b> & الوزير".to_owned(), highlights: vec![(3, 9)] };
        assert_eq!(snippet_html(&s), "&lt;b&gt;<mark>قال</mark>&lt;/b&gt; &amp; الوزير");
    }
}
