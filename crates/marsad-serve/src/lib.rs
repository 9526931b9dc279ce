//! `marsad serve`: a web server over a corpus store — a read-only JSON API
//! (search with facets, articles, events, a timeline, a network of actors, stories
//! and outlets; docs/serve.md and `/api/openapi.json`) and the pages that browse
//! it, embedded into the binary.
//!
//! It listens on the loopback interface unless told otherwise; every request is
//! bounded (body, query string, parameters, page size, time) and every answer
//! carries a Content-Security-Policy without inline script and the other security
//! headers ([`security`]). Writing is off unless `--allow-ingest`.

pub mod api;
pub mod assets;
pub mod error;
pub mod params;
pub mod security;
pub mod state;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub use security::Limits;
pub use state::AppState;

/// How often the server looks for articles another process (an ingest) added.
const REFRESH_EVERY: Duration = Duration::from_secs(10);

/// What `marsad serve` was asked to do.
#[derive(Clone, Debug)]
pub struct Config {
    /// The store file.
    pub store: PathBuf,
    /// The search index folder.
    pub index: PathBuf,
    /// Where to listen.
    pub bind: SocketAddr,
    /// Accept `POST /api/ingest`.
    pub allow_ingest: bool,
    /// The limits.
    pub limits: Limits,
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The store.
    #[error(transparent)]
    Store(#[from] marsad_store::StoreError),
    /// The index.
    #[error(transparent)]
    Search(#[from] marsad_store::search::SearchError),
    /// The address or the runtime.
    #[error("{0}")]
    Start(String),
}

/// The routes, their limits and the security headers.
pub fn router(state: Arc<AppState>, limits: &Limits) -> Router {
    let mut app = Router::new()
        .route("/api/search", get(api::search::search))
        .route("/api/articles/{id}", get(api::articles::article))
        .route("/api/events", get(api::events::events))
        .route("/api/timeline", get(api::events::timeline))
        .route("/api/network", get(api::network::network))
        .route("/api/network/edge", get(api::network::edge))
        .route("/api/stories/{id}", get(api::stories::story))
        .route("/api/outlets", get(api::stories::outlets))
        .route("/api/openapi.json", get(api::openapi))
        .route("/assets/{*path}", get(assets::asset))
        .route("/article/{id}", get(assets::article_page));
    for page in assets::PAGES.iter().filter(|p| !p.contains('{')) {
        app = app.route(page, get(assets::shell));
    }
    let mut app = app.layer(RequestBodyLimitLayer::new(limits.max_body));
    if state.writer.is_some() {
        app = app.merge(
            Router::new()
                .route("/api/ingest", post(api::ingest::ingest))
                .layer(DefaultBodyLimit::disable())
                .layer(RequestBodyLimitLayer::new(limits.max_ingest_body)),
        );
    }
    let mut app = app
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, limits.timeout))
        .layer(GlobalConcurrencyLimitLayer::new(limits.concurrency));
    for h in security::headers() {
        app = app.layer(h);
    }
    app
}

async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") || uri.path() == "/api" {
        error::ApiError::not_found(format!(
            "no endpoint {}: /api/openapi.json lists them",
            uri.path().chars().take(80).collect::<String>()
        ))
        .into_response()
    } else {
        assets::html_not_found("no such page")
    }
}

async fn method_not_allowed(uri: Uri) -> Response {
    error::ApiError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        message: format!(
            "{} does not take this method (the API reads with GET; POST /api/ingest needs --allow-ingest)",
            uri.path().chars().take(80).collect::<String>()
        ),
    }
    .into_response()
}

/// True for an address only this machine can reach.
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// Runs the server until interrupted (Ctrl-C or SIGTERM).
///
/// # Errors
/// A store or index that cannot be opened, or an address that cannot be bound.
pub fn run(config: Config) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ServeError::Start(format!("cannot start the server's runtime: {e}")))?;
    runtime.block_on(serve(config))
}

async fn serve(config: Config) -> Result<(), ServeError> {
    let state = AppState::open(&config.store, &config.index, config.allow_ingest)?;
    if !is_loopback(&config.bind) {
        eprintln!(
            "marsad serve: warning: listening on {}, which other machines can reach; marsad serve has no \
             authentication{}",
            config.bind,
            if config.allow_ingest { " and --allow-ingest lets anyone who reaches it write to the store" } else { "" }
        );
    }
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .map_err(|e| ServeError::Start(format!("--bind {}: cannot listen there: {e}", config.bind)))?;
    let refresher = Arc::clone(&state);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(REFRESH_EVERY);
        tick.tick().await;
        loop {
            tick.tick().await;
            let s = Arc::clone(&refresher);
            match tokio::task::spawn_blocking(move || s.refresh()).await {
                Ok(Err(e)) => eprintln!("marsad serve: cannot refresh: {}", e.message),
                Err(e) => eprintln!("marsad serve: cannot refresh: {e}"),
                Ok(Ok(_)) => {}
            }
        }
    });
    let facets = state.facets.read().map(|f| f.len()).unwrap_or(0);
    eprintln!(
        "marsad serve: {} ({facets} articles) on http://{}/ {}",
        config.store.display(),
        config.bind,
        if config.allow_ingest { "(POST /api/ingest allowed)" } else { "(read-only)" }
    );
    let app = router(state, &config.limits);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| ServeError::Start(format!("the server stopped: {e}")))
}
