//! A small store made in the test from the project's own examples, served by the
//! router without a network.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use marsad::{Metadata, Pipeline};
use marsad_serve::{AppState, Limits};
use marsad_store::search::SearchIndex;
use marsad_store::{ArticleInfo, Prepared, SqliteStore, Store};
use tower::ServiceExt;

/// Outlets the examples are given, in turn.
pub const OUTLETS: [&str; 3] = ["alpha", "beta", "gamma"];
/// The hostile fields of one article.
pub const XSS_TITLE: &str = "<script>alert('t')</script> عنوان";
pub const XSS_OUTLET: &str = "\"><img src=x onerror=alert(1)>";
pub const XSS_URL: &str = "javascript:alert(1)";
pub const XSS_TEXT: &str = "قال <script>alert(1)</script> إن المفاوضات في فيينا \"تستأنف\" <b>غدا</b> & الوفد يصل.";

/// A store built once for the tests of this binary.
pub struct Fixture {
    _dir: tempfile::TempDir,
    pub store: PathBuf,
    pub index: PathBuf,
    /// Article ids by example file name; the copy and the hostile article too.
    pub ids: Vec<(String, i64)>,
    /// The server's state over it, opened once: the tests of a binary run at once,
    /// and each opening of an index writes its format file.
    pub state: Arc<AppState>,
}

impl Fixture {
    pub fn id(&self, name: &str) -> i64 {
        self.ids.iter().find(|(n, _)| n == name).map(|(_, id)| *id).unwrap_or_else(|| panic!("no article {name}"))
    }
}

fn examples() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the examples folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect()
}

fn build(with_stories: bool) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("news.sqlite");
    let mut store = SqliteStore::open(&store_path).unwrap();
    let pipeline = Pipeline::new();
    let mut ids = Vec::new();
    let mut put = |name: &str, text: &str, meta: Metadata| {
        let doc = pipeline.analyze(text.to_owned(), meta);
        let stored = store.put(&Prepared::new(&doc, ArticleInfo::default())).unwrap();
        ids.push((name.to_owned(), stored.article));
    };
    let examples = examples();
    for (i, (name, text)) in examples.iter().enumerate() {
        let title = text.lines().next().map(str::to_owned);
        put(
            name,
            text,
            Metadata {
                title,
                outlet: Some(OUTLETS[i % OUTLETS.len()].to_owned()),
                url: Some(format!("https://{}.example/{name}", OUTLETS[i % OUTLETS.len()])),
                published: Some(format!("2025-01-{:02}", 10 + i)),
                ..Metadata::default()
            },
        );
    }
    // the first example again, from another outlet: a copy
    put(
        "copy",
        &examples[0].1,
        Metadata {
            title: Some("نسخة".to_owned()),
            outlet: Some("delta".to_owned()),
            url: Some("https://delta.example/copy".to_owned()),
            published: Some("2025-01-11".to_owned()),
            ..Metadata::default()
        },
    );
    put(
        "xss",
        XSS_TEXT,
        Metadata {
            title: Some(XSS_TITLE.to_owned()),
            outlet: Some(XSS_OUTLET.to_owned()),
            url: Some(XSS_URL.to_owned()),
            published: Some("2025-01-20".to_owned()),
            ..Metadata::default()
        },
    );
    if with_stories {
        let first = ids[0].1;
        let other = ids[1].1;
        let copy = ids.iter().find(|(n, _)| n == "copy").map(|(_, id)| *id).unwrap();
        store
            .connection()
            .execute_batch(&format!(
                "DELETE FROM story_articles; DELETE FROM stories;
                 INSERT INTO stories VALUES (1, {first}, '2025-01-10', '2025-01-16', 'زيارة', 3, 3);
                 INSERT INTO story_articles VALUES (1, {first}, 1.0), (1, {copy}, 1.0), (1, {other}, 0.6);"
            ))
            .unwrap();
    }
    drop(store);
    let index = SearchIndex::default_dir(&store_path);
    let reader = SqliteStore::open_read_only(&store_path).unwrap();
    let ix = SearchIndex::open(&index, true).unwrap();
    ix.reconcile(&reader, |_, _| {}).unwrap();
    let state = AppState::open(&store_path, &index, false).unwrap();
    Fixture { _dir: dir, store: store_path, index, ids, state }
}

/// The store without stories (schema version 1).
pub fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| build(false))
}

/// The store with story clusters (the tables of schema version 2).
pub fn fixture_with_stories() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| build(true))
}

/// The router over a fixture.
pub fn app(f: &Fixture, allow_ingest: bool) -> Router {
    assert!(!allow_ingest, "a fixture is served read-only; the ingest test serves a copy");
    marsad_serve::router(Arc::clone(&f.state), &Limits::default())
}

/// An answer: status, content type, the headers asked for, and the body.
pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn content_type(&self) -> &str {
        self.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

/// Sends one request to the router.
pub async fn send(app: &Router, method: &str, uri: &str, body: Vec<u8>) -> Answer {
    let mut req = Request::builder().method(method).uri(uri);
    if !body.is_empty() {
        req = req.header("content-length", body.len());
    }
    let req = req.body(Body::from(body)).unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer { status, headers, body }
}

/// A GET.
pub async fn get(app: &Router, uri: &str) -> Answer {
    send(app, "GET", uri, Vec::new()).await
}
