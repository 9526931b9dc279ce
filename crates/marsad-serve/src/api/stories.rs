//! `GET /api/stories/{id}` and `GET /api/outlets?story=`: answered when the store
//! holds story clusters (schema version 2), else a 404 that says so.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use marsad_store::query::Queries;

use super::blocking;
use crate::error::ApiError;
use crate::params::{path_id, Params};
use crate::state::{AppState, Pooled};

/// The message of a store without stories.
pub const NO_STORIES: &str = "this store has no story clusters (they come with schema version 2: run `marsad ingest` \
                              with a marsad that builds them)";

fn with_stories<'a>(s: &'a AppState) -> Result<Pooled<'a>, ApiError> {
    let store = s.pool.get()?;
    if store.has_stories()? {
        Ok(store)
    } else {
        Err(ApiError::not_found(NO_STORIES))
    }
}

/// A story with its articles and events.
pub async fn story(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let id = path_id("story", &id)?;
    blocking(state, move |s| {
        with_stories(s)?.story(id)?.ok_or_else(|| ApiError::not_found(format!("no story {id} in this store")))
    })
    .await
}

/// The outlets that reported a story.
pub async fn outlets(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), &["story"])?;
    let raw_id = p.get("story").ok_or_else(|| ApiError::bad("parameter \"story\" is missing: give a story id"))?;
    let id = path_id("story", raw_id)?;
    blocking(state, move |s| {
        with_stories(s)?.outlets(id)?.ok_or_else(|| ApiError::not_found(format!("no story {id} in this store")))
    })
    .await
}
