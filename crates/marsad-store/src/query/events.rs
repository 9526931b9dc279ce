//! Events with their article, day, place and coordinates, a page at a time.

use std::collections::HashMap;

use rusqlite::{Connection, Row};
use serde::Serialize;

use super::filters::{BBox, Conditions, DateSpan, EVENT_DAY, PLACE_JOIN};
use crate::error::{Doing, StoreError};
use crate::SqliteStore;

/// Which events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFilter {
    /// Their days.
    pub span: DateSpan,
    /// Their country (ISO 3166-1 alpha-3): the place's, else the actor's.
    pub country: Option<String>,
    /// Their PLOVER type.
    pub event_type: Option<String>,
    /// Their quad class (1..4).
    pub quad: Option<u8>,
    /// Only events placed in this box.
    pub bbox: Option<BBox>,
}

/// An event as the API gives it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventView {
    /// Its id (`events.id`).
    pub id: i64,
    /// Its article.
    pub article_id: i64,
    /// The article's title.
    pub article_title: Option<String>,
    /// The article's outlet.
    pub outlet: String,
    /// Its day (see the query module).
    pub date: Option<String>,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// GDELT quad class, 1..4.
    pub quad: u8,
    /// Goldstein value.
    pub goldstein: f64,
    /// The actor's name (its entity's, else the words).
    pub actor: Option<String>,
    /// The recipient's name.
    pub recipient: Option<String>,
    /// The place's name.
    pub place: Option<String>,
    /// The country (ISO 3166-1 alpha-3): the place's, else the actor's.
    pub country: Option<String>,
    /// Latitude of the place.
    pub lat: Option<f64>,
    /// Longitude of the place.
    pub lon: Option<f64>,
    /// The trigger's words.
    pub trigger: String,
    /// The sentence that reports it.
    pub sentence: String,
    /// Confidence of the extraction.
    pub confidence: f64,
}

/// A page of events.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventPage {
    /// Events that match.
    pub total: usize,
    /// This page's.
    pub events: Vec<EventView>,
}

/// The columns [`EventView`] reads, after `FROM events e JOIN articles a … PLACE_JOIN`.
pub(crate) fn select_columns() -> String {
    format!(
        "e.id, a.id, a.title, a.outlet, {EVENT_DAY}, e.event_type, e.quad_class, e.goldstein,
         coalesce(e.actor_name, e.actor), coalesce(e.recipient_name, e.recipient), e.location,
         coalesce(p.country, e.actor_country), p.lat, p.lon, e.trigger, e.confidence, e.revision_id, e.sentence"
    )
}

/// An event read from the columns of [`select_columns`], its sentence still to fill,
/// with its revision and sentence index.
pub(crate) fn read_row(r: &Row<'_>) -> rusqlite::Result<(EventView, i64, usize)> {
    Ok((
        EventView {
            id: r.get(0)?,
            article_id: r.get(1)?,
            article_title: r.get(2)?,
            outlet: r.get(3)?,
            date: r.get(4)?,
            event_type: r.get(5)?,
            quad: r.get(6)?,
            goldstein: r.get(7)?,
            actor: r.get(8)?,
            recipient: r.get(9)?,
            place: r.get(10)?,
            country: r.get(11)?,
            lat: r.get(12)?,
            lon: r.get(13)?,
            trigger: r.get(14)?,
            sentence: String::new(),
            confidence: r.get(15)?,
        },
        r.get(16)?,
        r.get::<_, i64>(17)? as usize,
    ))
}

/// A revision's text and its sentences' character spans.
type Sentences = Option<(String, Vec<[usize; 2]>)>;

/// Fills each event's sentence from its revision's text and sentence layer.
pub(crate) fn fill_sentences(conn: &Connection, events: &mut [(EventView, i64, usize)]) -> Result<(), StoreError> {
    let mut cache: HashMap<i64, Sentences> = HashMap::new();
    for (event, revision, sentence) in events.iter_mut() {
        let (revision, sentence) = (*revision, *sentence);
        if let std::collections::hash_map::Entry::Vacant(slot) = cache.entry(revision) {
            slot.insert(sentences_of(conn, revision)?);
        }
        if let Some(Some((text, spans))) = cache.get(&revision) {
            if let Some(&[start, end]) = spans.get(sentence) {
                event.sentence = chars(text, start, end).trim().to_owned();
            }
        }
    }
    Ok(())
}

/// The characters `[start, end)` of a text.
pub(crate) fn chars(text: &str, start: usize, end: usize) -> &str {
    let mut at = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
    let s = at.nth(start).unwrap_or(text.len());
    let e = if end > start { at.nth(end - start - 1).unwrap_or(text.len()) } else { s };
    &text[s..e]
}

/// The text of a revision and its sentences' character spans.
fn sentences_of(conn: &Connection, revision: i64) -> Result<Sentences, StoreError> {
    #[derive(serde::Deserialize)]
    struct Sentence {
        span: [usize; 2],
    }
    #[derive(serde::Deserialize)]
    struct Layers {
        #[serde(default)]
        sentences: Vec<Sentence>,
    }
    let doing = "cannot read the sentences of an event";
    let found: Option<(String, Vec<u8>)> = conn
        .prepare_cached("SELECT r.text, l.json FROM revisions r JOIN layers l ON l.revision_id = r.id WHERE r.id = ?1")
        .and_then(|mut s| {
            use rusqlite::OptionalExtension;
            s.query_row([revision], |r| Ok((r.get(0)?, r.get(1)?))).optional()
        })
        .doing(doing)?;
    let Some((text, json)) = found else { return Ok(None) };
    let inflated =
        crate::article::inflate(&json).map_err(|e| StoreError::Layers { revision, reason: e.to_string() })?;
    let layers: Layers =
        serde_json::from_str(&inflated).map_err(|e| StoreError::Layers { revision, reason: e.to_string() })?;
    Ok(Some((text, layers.sentences.into_iter().map(|s| s.span).collect())))
}

/// The conditions of an event filter.
pub(crate) fn conditions(filter: &EventFilter) -> Conditions {
    let mut c = Conditions::of_span(&filter.span);
    if let Some(country) = &filter.country {
        c.push("coalesce(p.country, e.actor_country) = :country", ":country", Box::new(country.clone()));
    }
    if let Some(t) = &filter.event_type {
        c.push("e.event_type = :type", ":type", Box::new(t.clone()));
    }
    if let Some(q) = filter.quad {
        c.push("e.quad_class = :quad", ":quad", Box::new(i64::from(q)));
    }
    if let Some(b) = filter.bbox {
        c.push("p.lat IS NOT NULL AND p.lon >= :min_lon", ":min_lon", Box::new(b.min_lon));
        c.push("p.lat >= :min_lat", ":min_lat", Box::new(b.min_lat));
        c.push("p.lon <= :max_lon", ":max_lon", Box::new(b.max_lon));
        c.push("p.lat <= :max_lat", ":max_lat", Box::new(b.max_lat));
    }
    c
}

pub(crate) fn events(
    store: &SqliteStore,
    filter: &EventFilter,
    page: usize,
    per_page: usize,
) -> Result<EventPage, StoreError> {
    let doing = store.doing_read();
    let conn = store.connection();
    let c = conditions(filter);
    let from = format!("FROM events e JOIN articles a ON a.current_revision = e.revision_id {PLACE_JOIN} {}", c.sql());
    // the place is looked up for each event: the count does so only when a condition needs it
    let count_from = if filter.country.is_some() || filter.bbox.is_some() {
        from.clone()
    } else {
        format!("FROM events e JOIN articles a ON a.current_revision = e.revision_id {}", c.sql())
    };
    let total: i64 = conn
        .prepare(&format!("SELECT count(*) {count_from}"))
        .and_then(|mut s| s.query_row(c.bound().as_slice(), |r| r.get(0)))
        .doing(&doing)?;
    let offset = (page.saturating_sub(1)).saturating_mul(per_page);
    let sql = format!(
        "SELECT {} {from} ORDER BY {EVENT_DAY} DESC, e.id LIMIT {} OFFSET {}",
        select_columns(),
        per_page,
        offset
    );
    let mut rows: Vec<(EventView, i64, usize)> =
        conn.prepare(&sql).and_then(|mut s| s.query_map(c.bound().as_slice(), read_row)?.collect()).doing(&doing)?;
    fill_sentences(conn, &mut rows)?;
    Ok(EventPage { total: total as usize, events: rows.into_iter().map(|(e, _, _)| e).collect() })
}

#[cfg(test)]
mod tests {
    use super::chars;

    #[test]
    fn chars_are_counted_as_characters() {
        assert_eq!(chars("قال الوزير", 4, 10), "الوزير");
        assert_eq!(chars("abc", 1, 1), "");
        assert_eq!(chars("abc", 2, 9), "c");
    }
}
