//! `GET /api/network` and `GET /api/network/edge`.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::Response;
use marsad_store::query::{EventView, Queries};
use serde::Serialize;

use super::blocking;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::AppState;

/// Most nodes a network may ask for.
const MAX_NODES: usize = 300;
/// Most events an edge lists.
const MAX_EDGE_EVENTS: usize = 500;

/// The network of actors.
pub async fn network(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), &["from", "to", "limit"])?;
    let span = p.span()?;
    let limit = p.number("limit", 1, MAX_NODES, 60)?;
    blocking(state, move |s| Ok(s.pool.get()?.network(&span, limit)?)).await
}

#[derive(Serialize)]
struct EdgeJson {
    a: String,
    b: String,
    events: Vec<EventView>,
}

/// The events between two actors.
pub async fn edge(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), &["a", "b", "from", "to"])?;
    let side = |name: &str| -> Result<String, ApiError> {
        let v = p.get(name).ok_or_else(|| ApiError::bad(format!("parameter {name:?} is missing: give a node id")))?;
        if v.starts_with("link:") || v.starts_with("name:") {
            Ok(v.to_owned())
        } else {
            Err(ApiError::bad(format!("parameter {name:?} is {v:?}, not a node id (link:… or name:…)")))
        }
    };
    let (a, b) = (side("a")?, side("b")?);
    let span = p.span()?;
    blocking(state, move |s| {
        let events = s.pool.get()?.network_edge(&a, &b, &span, MAX_EDGE_EVENTS)?;
        Ok(EdgeJson { a, b, events })
    })
    .await
}
