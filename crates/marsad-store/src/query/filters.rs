//! What the event queries share: a range of days, a box of coordinates, and the
//! SQL that gives an event its day and leaves out the events of copies.

use rusqlite::types::ToSql;

/// A range of days (`YYYY-MM-DD`), both ends included; an open end takes every day
/// on that side.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateSpan {
    /// The first day.
    pub from: Option<String>,
    /// The last day.
    pub to: Option<String>,
}

/// A box of coordinates: west, south, east, north (degrees).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BBox {
    /// Least longitude.
    pub min_lon: f64,
    /// Least latitude.
    pub min_lat: f64,
    /// Greatest longitude.
    pub max_lon: f64,
    /// Greatest latitude.
    pub max_lat: f64,
}

/// An event's day: its own when the time layer resolved a whole day in the month
/// before the article's publication (a report's date of what it reports), else the
/// publication day. A resolved day far from publication is more often a date the
/// article mentions (a past anniversary, a deadline) than the event's.
pub(crate) const EVENT_DAY: &str = "(CASE WHEN length(e.date) = 10
      AND e.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND a.published IS NOT NULL
      AND e.date BETWEEN date(a.published, '-31 days') AND a.published THEN e.date ELSE a.published END)";

/// The place of an event: the entity its location names in the same revision, the
/// one with coordinates first.
pub(crate) const PLACE_JOIN: &str = "LEFT JOIN entities p ON p.id = (SELECT q.id FROM entities q
      WHERE q.revision_id = e.revision_id AND q.name = e.location ORDER BY q.lat IS NULL, q.id LIMIT 1)";

/// Articles of `a` that are not copies of an article published in the span (with
/// `:from`, `:to` bound): a copy's events are its original's, counted there.
pub(crate) const NOT_A_COPY: &str = "NOT EXISTS (SELECT 1 FROM duplicates d JOIN articles o ON o.id = d.of_article_id
      WHERE d.article_id = a.id AND (:from IS NULL OR o.published >= :from) AND (:to IS NULL OR o.published <= :to))";

/// A WHERE clause built a condition at a time, with its named parameters.
#[derive(Default)]
pub(crate) struct Conditions {
    pub clauses: Vec<String>,
    pub params: Vec<(&'static str, Box<dyn ToSql>)>,
}

impl Conditions {
    /// The conditions of a span on the event's day, and the copies left out.
    pub fn of_span(span: &DateSpan) -> Conditions {
        let mut c = Conditions::default();
        c.params.push((":from", Box::new(span.from.clone())));
        c.params.push((":to", Box::new(span.to.clone())));
        c.clauses.push(format!("(:from IS NULL OR {EVENT_DAY} >= :from)"));
        c.clauses.push(format!("(:to IS NULL OR {EVENT_DAY} <= :to)"));
        c.clauses.push(NOT_A_COPY.to_owned());
        c
    }

    /// Adds a condition and its parameter.
    pub fn push(&mut self, clause: &str, name: &'static str, value: Box<dyn ToSql>) {
        self.clauses.push(clause.to_owned());
        self.params.push((name, value));
    }

    /// `WHERE …` (or nothing).
    pub fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// The parameters as rusqlite takes them.
    pub fn bound(&self) -> Vec<(&str, &dyn ToSql)> {
        self.params.iter().map(|(n, v)| (*n, v.as_ref())).collect()
    }
}
