//! The JSON API (docs/serve.md, `/api/openapi.json`): one file per family of
//! endpoints. Every handler reads its parameters strictly ([`crate::params`]) and
//! runs its query on a blocking thread with a pooled connection.

pub mod articles;
pub mod events;
pub mod ingest;
pub mod network;
pub mod search;
pub mod stories;

use std::sync::Arc;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::ApiError;
use crate::state::AppState;

/// The OpenAPI 3 description of the API.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// Runs `f` on a blocking thread and answers with its value as JSON.
pub async fn blocking<T, F>(state: Arc<AppState>, f: F) -> Result<Response, ApiError>
where
    T: Serialize,
    F: FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
{
    let body = tokio::task::spawn_blocking(move || -> Result<Vec<u8>, ApiError> {
        let value = f(&state)?;
        serde_json::to_vec(&value).map_err(ApiError::internal)
    })
    .await
    .map_err(ApiError::internal)??;
    Ok(json_bytes(body))
}

/// JSON bytes as a response, not cached (the store may grow).
pub fn json_bytes(body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        OPENAPI,
    )
        .into_response()
}
