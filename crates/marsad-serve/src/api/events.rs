//! `GET /api/events` and `GET /api/timeline`.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::Response;
use marsad_store::query::{BBox, EventFilter, EventView, Queries, TimelineBy};
use serde::Serialize;

use super::blocking;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::AppState;

#[derive(Serialize)]
struct EventsJson {
    total: usize,
    page: usize,
    per_page: usize,
    events: Vec<EventView>,
}

/// `minlon,minlat,maxlon,maxlat`.
fn bbox(raw: &str) -> Result<BBox, ApiError> {
    let bad = |why: &str| ApiError::bad(format!("parameter \"bbox\" is {raw:?}: {why}"));
    let v: Vec<f64> = raw
        .split(',')
        .map(|x| x.trim().parse::<f64>().map_err(|_| bad("four numbers minlon,minlat,maxlon,maxlat are needed")))
        .collect::<Result<_, _>>()?;
    let [min_lon, min_lat, max_lon, max_lat] = v[..] else {
        return Err(bad("four numbers minlon,minlat,maxlon,maxlat are needed"));
    };
    if !v.iter().all(|x| x.is_finite()) {
        return Err(bad("the numbers must be finite"));
    }
    if !(-180.0..=180.0).contains(&min_lon) || !(-180.0..=180.0).contains(&max_lon) {
        return Err(bad("longitudes run from -180 to 180"));
    }
    if !(-90.0..=90.0).contains(&min_lat) || !(-90.0..=90.0).contains(&max_lat) {
        return Err(bad("latitudes run from -90 to 90"));
    }
    if min_lon > max_lon || min_lat > max_lat {
        return Err(bad("the least longitude and latitude come first"));
    }
    Ok(BBox { min_lon, min_lat, max_lon, max_lat })
}

/// An ISO 3166-1 alpha-3 code.
fn country(p: &Params) -> Result<Option<String>, ApiError> {
    p.get("country")
        .map(|c| {
            if c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()) {
                Ok(c.to_ascii_uppercase())
            } else {
                Err(ApiError::bad(format!(
                    "parameter \"country\" is {c:?}, not an ISO 3166-1 alpha-3 code (EGY, IRN…)"
                )))
            }
        })
        .transpose()
}

/// A PLOVER event type: capital letters and underscores.
fn event_type(p: &Params) -> Result<Option<String>, ApiError> {
    p.get("type")
        .map(|t| {
            if t.len() <= 40 && t.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_') {
                Ok(t.to_ascii_uppercase())
            } else {
                Err(ApiError::bad(format!("parameter \"type\" is {t:?}, not an event type (CONSULT, ACCUSE…)")))
            }
        })
        .transpose()
}

fn filter(p: &Params) -> Result<EventFilter, ApiError> {
    Ok(EventFilter {
        span: p.span()?,
        country: country(p)?,
        event_type: event_type(p)?,
        quad: p.get("quad").map(|_| p.number("quad", 1, 4, 1).map(|q| q as u8)).transpose()?,
        bbox: p.get("bbox").map(bbox).transpose()?,
    })
}

/// A page of events.
pub async fn events(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), &["from", "to", "country", "type", "quad", "bbox", "page", "per_page"])?;
    let f = filter(&p)?;
    let (page, per_page) = p.paging()?;
    blocking(state, move |s| {
        let found = s.pool.get()?.events(&f, page, per_page)?;
        Ok(EventsJson { total: found.total, page, per_page, events: found.events })
    })
    .await
}

/// Events per day.
pub async fn timeline(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), &["from", "to", "by", "country", "type"])?;
    let by = match p.get("by") {
        None | Some("type") => TimelineBy::Type,
        Some("quad") => TimelineBy::Quad,
        Some(other) => return Err(ApiError::bad(format!("parameter \"by\" is {other:?}: give type or quad"))),
    };
    let f =
        EventFilter { span: p.span()?, country: country(&p)?, event_type: event_type(&p)?, ..EventFilter::default() };
    blocking(state, move |s| Ok(s.pool.get()?.timeline(&f, by)?)).await
}

#[cfg(test)]
mod tests {
    use super::bbox;

    #[test]
    fn boxes_are_read_strictly() {
        assert!(bbox("30,20,40,35").is_ok());
        assert!(bbox("30,20,40").is_err());
        assert!(bbox("40,20,30,35").is_err());
        assert!(bbox("30,20,400,35").is_err());
        assert!(bbox("a,b,c,d").is_err());
        assert!(bbox("NaN,20,40,35").is_err());
    }
}
