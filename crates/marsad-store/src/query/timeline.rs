//! Events per day, by type or by quad class.

use std::collections::BTreeMap;

use serde::Serialize;

use super::events::{conditions, EventFilter};
use super::filters::{EVENT_DAY, PLACE_JOIN};
use crate::error::{Doing, StoreError};
use crate::SqliteStore;

/// What a timeline's series are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineBy {
    /// One series per PLOVER event type.
    Type,
    /// One series per GDELT quad class.
    Quad,
}

/// The names of the quad classes, as the series of a timeline by quad.
pub const QUAD_NAMES: [&str; 4] =
    ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];

/// One day of a timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineDay {
    /// The day.
    pub date: String,
    /// Events of each series that day (series without events are left out).
    pub counts: BTreeMap<String, u64>,
}

/// Events per day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    /// `type` or `quad`.
    pub by: &'static str,
    /// The series, most events first.
    pub series: Vec<String>,
    /// The days that have events, in order.
    pub days: Vec<TimelineDay>,
}

pub(crate) fn timeline(store: &SqliteStore, filter: &EventFilter, by: TimelineBy) -> Result<Timeline, StoreError> {
    let doing = store.doing_read();
    let c = conditions(filter);
    let series_column = match by {
        TimelineBy::Type => "e.event_type",
        TimelineBy::Quad => "CAST(e.quad_class AS TEXT)",
    };
    // the place is joined only when a condition needs it
    let place = if filter.country.is_some() || filter.bbox.is_some() { PLACE_JOIN } else { "" };
    let sql = format!(
        "SELECT {EVENT_DAY} AS day, {series_column}, count(*) FROM events e
         JOIN articles a ON a.current_revision = e.revision_id {place} {} AND {EVENT_DAY} IS NOT NULL
         GROUP BY 1, 2 ORDER BY 1",
        c.sql()
    );
    let rows: Vec<(String, String, u64)> = store
        .connection()
        .prepare(&sql)
        .and_then(|mut s| s.query_map(c.bound().as_slice(), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
        .doing(&doing)?;
    let name = |s: String| match by {
        TimelineBy::Type => s,
        TimelineBy::Quad => {
            s.parse::<usize>().ok().and_then(|q| QUAD_NAMES.get(q.wrapping_sub(1))).map_or(s, |n| (*n).to_owned())
        }
    };
    let mut totals: BTreeMap<String, u64> = BTreeMap::new();
    let mut days: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for (day, series, n) in rows {
        let series = name(series);
        *totals.entry(series.clone()).or_default() += n;
        *days.entry(day).or_default().entry(series).or_default() += n;
    }
    let mut series: Vec<(String, u64)> = totals.into_iter().collect();
    series.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(Timeline {
        by: match by {
            TimelineBy::Type => "type",
            TimelineBy::Quad => "quad",
        },
        series: series.into_iter().map(|(s, _)| s).collect(),
        days: days.into_iter().map(|(date, counts)| TimelineDay { date, counts }).collect(),
    })
}
