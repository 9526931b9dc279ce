//! What a request that fails gets: a status and `{"error": "…"}` naming the
//! parameter and the problem.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// An answer that is not the one asked for.
#[derive(Debug)]
pub struct ApiError {
    /// The status.
    pub status: StatusCode,
    /// What went wrong, for the person who asked.
    pub message: String,
}

impl ApiError {
    /// A bad request (400).
    pub fn bad(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::BAD_REQUEST, message: message.into() }
    }

    /// Nothing there (404).
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, message: message.into() }
    }

    /// A failure of the server (500); the cause goes to standard error.
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        eprintln!("marsad serve: error: {cause}");
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: "the store could not answer this request (the server's log says why)".to_owned(),
        }
    }
}

impl From<marsad_store::StoreError> for ApiError {
    fn from(e: marsad_store::StoreError) -> ApiError {
        ApiError::internal(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(serde_json::json!({ "error": self.message }))).into_response()
    }
}
