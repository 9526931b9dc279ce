//! The headers every answer carries and the limits every request meets.

use std::time::Duration;

use axum::http::{header, HeaderName, HeaderValue};
use tower_http::set_header::SetResponseHeaderLayer;

/// What the pages may load: their own scripts, styles and images (and inline
/// images as data), nothing inline, no plug-ins, no framing.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                       object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// The limits of the server.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Longest time a request may take.
    pub timeout: Duration,
    /// Requests handled at once (the others wait their turn).
    pub concurrency: usize,
    /// Largest body of a request, in bytes.
    pub max_body: usize,
    /// Largest body of `POST /api/ingest`, in bytes.
    pub max_ingest_body: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            timeout: Duration::from_secs(15),
            concurrency: 32,
            max_body: 16 * 1024,
            max_ingest_body: 4 * 1024 * 1024,
        }
    }
}

/// The security headers, each a layer that sets it on every response.
pub fn headers() -> [SetResponseHeaderLayer<HeaderValue>; 4] {
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    [
        set(header::CONTENT_SECURITY_POLICY, CSP),
        set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        set(header::X_FRAME_OPTIONS, "DENY"),
        set(header::REFERRER_POLICY, "no-referrer"),
    ]
}
