//! `GET /api/articles/{id}`.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use marsad_store::query::{CopyRef, CopyView, Queries};
use serde::Serialize;

use super::json_bytes;
use crate::error::ApiError;
use crate::params::{path_id, Params};
use crate::state::AppState;

#[derive(Serialize)]
struct ArticleJson {
    id: i64,
    title: Option<String>,
    outlet: String,
    url: Option<String>,
    published: Option<String>,
    author: Option<String>,
    story_id: Option<i64>,
    copies: Vec<CopyView>,
    copy_of: Option<CopyRef>,
}

/// One article with its copies and its document.
pub async fn article(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let id = path_id("article", &id)?;
    // the document is stored as JSON: it is spliced in as it is, not parsed and written again
    let body = tokio::task::spawn_blocking(move || -> Result<Vec<u8>, ApiError> {
        let store = state.pool.get()?;
        let v = store.article_view(id)?.ok_or_else(|| ApiError::not_found(format!("no article {id} in this store")))?;
        let head = ArticleJson {
            id: v.id,
            title: v.title,
            outlet: v.outlet,
            url: v.url,
            published: v.published,
            author: v.author,
            story_id: v.story_id,
            copies: v.copies,
            copy_of: v.copy_of,
        };
        let mut body = serde_json::to_vec(&head).map_err(ApiError::internal)?;
        if body.pop() != Some(b'}') || !v.document.trim_start().starts_with('{') {
            return Err(ApiError::internal(format!("the stored document of article {id} is not a JSON object")));
        }
        body.extend_from_slice(b",\"document\":");
        body.extend_from_slice(v.document.as_bytes());
        body.push(b'}');
        Ok(body)
    })
    .await
    .map_err(ApiError::internal)??;
    Ok(json_bytes(body))
}
