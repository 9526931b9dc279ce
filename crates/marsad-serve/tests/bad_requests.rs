//! Bad requests get clear 4xx answers (JSON under /api, HTML elsewhere), never a
//! 500; every answer carries the security headers; the pages and assets are served
//! with their types; the OpenAPI document describes exactly the routes served.

mod common;

use axum::http::StatusCode;
use common::{app, fixture, get, send};

const API_ROUTES: &[&str] = &[
    "/api/search",
    "/api/articles/{id}",
    "/api/events",
    "/api/timeline",
    "/api/network",
    "/api/network/edge",
    "/api/stories/{id}",
    "/api/outlets",
    "/api/openapi.json",
    "/api/ingest",
];

/// A 4xx JSON answer whose message names `needle`.
async fn refused(app: &axum::Router, uri: &str, status: StatusCode, needle: &str) {
    let a = get(app, uri).await;
    assert_eq!(a.status, status, "{uri}: {}", a.text());
    assert!(a.content_type().starts_with("application/json"), "{uri}: {}", a.content_type());
    let message = a.json()["error"].as_str().unwrap_or_else(|| panic!("{uri}: no error message")).to_owned();
    assert!(message.contains(needle), "{uri}: {message:?} does not name {needle:?}");
}

#[tokio::test]
async fn malformed_parameters_are_refused_naming_the_parameter() {
    let app = app(fixture(), false);
    refused(&app, "/api/search", StatusCode::BAD_REQUEST, "\"q\"").await;
    refused(&app, "/api/search?q=%28unclosed", StatusCode::BAD_REQUEST, "\"q\"").await;
    refused(&app, "/api/search?q=x&from=2015-13-01", StatusCode::BAD_REQUEST, "\"from\"").await;
    refused(&app, "/api/search?q=x&to=yesterday", StatusCode::BAD_REQUEST, "\"to\"").await;
    refused(&app, "/api/search?q=x&from=2015-02-30", StatusCode::BAD_REQUEST, "\"from\"").await;
    refused(&app, "/api/search?q=x&from=2016-01-01&to=2015-01-01", StatusCode::BAD_REQUEST, "\"from\"").await;
    refused(&app, "/api/search?q=x&per_page=101", StatusCode::BAD_REQUEST, "\"per_page\"").await;
    refused(&app, "/api/search?q=x&per_page=0", StatusCode::BAD_REQUEST, "\"per_page\"").await;
    refused(&app, "/api/search?q=x&page=-1", StatusCode::BAD_REQUEST, "\"page\"").await;
    refused(&app, "/api/search?q=x&page=99999999999999999999999", StatusCode::BAD_REQUEST, "\"page\"").await;
    refused(&app, "/api/search?q=x&q=y", StatusCode::BAD_REQUEST, "\"q\"").await;
    refused(&app, "/api/search?q=x&sort=date", StatusCode::BAD_REQUEST, "\"sort\"").await;
    refused(&app, "/api/search?q=x%00y", StatusCode::BAD_REQUEST, "\"q\"").await;
    refused(&app, "/api/events?bbox=1,2,3", StatusCode::BAD_REQUEST, "\"bbox\"").await;
    refused(&app, "/api/events?bbox=10,0,5,1", StatusCode::BAD_REQUEST, "\"bbox\"").await;
    refused(&app, "/api/events?quad=5", StatusCode::BAD_REQUEST, "\"quad\"").await;
    refused(&app, "/api/events?country=Egypt", StatusCode::BAD_REQUEST, "\"country\"").await;
    refused(&app, "/api/events?type=%27%3B%20DROP%20TABLE%20events", StatusCode::BAD_REQUEST, "\"type\"").await;
    refused(&app, "/api/timeline?by=month", StatusCode::BAD_REQUEST, "\"by\"").await;
    refused(&app, "/api/network?limit=100000", StatusCode::BAD_REQUEST, "\"limit\"").await;
    refused(&app, "/api/network/edge?a=x", StatusCode::BAD_REQUEST, "\"a\"").await;
    refused(&app, "/api/network/edge?a=name:x", StatusCode::BAD_REQUEST, "\"b\"").await;
    refused(&app, "/api/outlets", StatusCode::BAD_REQUEST, "\"story\"").await;
    refused(&app, "/api/outlets?story=abc", StatusCode::BAD_REQUEST, "story").await;
}

#[tokio::test]
async fn huge_parameters_and_query_strings_are_refused() {
    let app = app(fixture(), false);
    let long_value = format!("/api/search?q={}", "ب".repeat(600));
    refused(&app, &long_value, StatusCode::BAD_REQUEST, "\"q\"").await;
    let long_query = format!("/api/search?q=x&outlet={}", "a".repeat(5000));
    refused(&app, &long_query, StatusCode::URI_TOO_LONG, "query string").await;
    let long_id = format!("/api/articles/{}", "9".repeat(400));
    refused(&app, &long_id, StatusCode::BAD_REQUEST, "article id").await;
}

#[tokio::test]
async fn unknown_ids_get_404_and_malformed_ids_400() {
    let app = app(fixture(), false);
    refused(&app, "/api/articles/999999", StatusCode::NOT_FOUND, "999999").await;
    refused(&app, "/api/articles/abc", StatusCode::BAD_REQUEST, "article id").await;
    refused(&app, "/api/articles/-3", StatusCode::BAD_REQUEST, "article id").await;
    refused(&app, "/api/articles/0", StatusCode::BAD_REQUEST, "article id").await;
    refused(&app, "/api/articles/1?x=1", StatusCode::BAD_REQUEST, "\"x\"").await;
    refused(&app, "/api/stories/abc", StatusCode::BAD_REQUEST, "story id").await;
}

#[tokio::test]
async fn unknown_routes_and_methods_get_4xx() {
    let app = app(fixture(), false);
    refused(&app, "/api/nothing", StatusCode::NOT_FOUND, "/api/nothing").await;
    let page = get(&app, "/nothing/here").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.content_type().starts_with("text/html"));
    let post = send(&app, "POST", "/api/search?q=x", Vec::new()).await;
    assert_eq!(post.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(post.json()["error"].is_string());
    let big = send(&app, "GET", "/api/search?q=x", vec![b'x'; 64 * 1024]).await;
    assert!(big.status.is_client_error(), "{}", big.status);
}

#[tokio::test]
async fn paths_out_of_the_assets_find_nothing() {
    let app = app(fixture(), false);
    for uri in [
        "/assets/../../etc/passwd",
        "/assets/..%2f..%2fetc%2fpasswd",
        "/assets/%2e%2e/%2e%2e/etc/passwd",
        "/assets/.hidden",
        "/assets//etc/passwd",
        "/assets/..%5C..%5Cetc%5Cpasswd",
        "/assets/../Cargo.toml",
    ] {
        let a = get(&app, uri).await;
        assert!(a.status.is_client_error(), "{uri}: {}", a.status);
        assert!(!a.text().contains("root:") && !a.text().contains("[package]"), "{uri}");
    }
}

#[tokio::test]
async fn pages_serve_the_shell_and_assets_their_types() {
    let app = app(fixture(), false);
    for uri in ["/", "/search?q=x", "/article/1", "/map", "/timeline", "/network", "/outlets?story=1"] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert_eq!(a.content_type(), "text/html; charset=utf-8", "{uri}");
        assert!(a.text().contains("/assets/app.js"), "{uri}");
        assert!(!a.text().contains("<script>"), "{uri}: no inline script");
    }
    assert_eq!(get(&app, "/article/abc").await.status, StatusCode::NOT_FOUND);
    let shell = get(&app, "/assets/index.html").await;
    assert_eq!(shell.content_type(), "text/html; charset=utf-8");
    assert!(shell.headers.get("cache-control").unwrap().to_str().unwrap().contains("max-age"));
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = app(fixture(), false);
    for uri in ["/", "/api/search?q=*", "/api/articles/999999", "/api/nothing", "/nothing", "/assets/index.html"] {
        let a = get(&app, uri).await;
        let h = |name: &str| a.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        assert_eq!(h("content-security-policy"), marsad_serve::security::CSP, "{uri}");
        assert!(!h("content-security-policy").contains("unsafe-inline"));
        assert_eq!(h("x-content-type-options"), "nosniff", "{uri}");
        assert_eq!(h("x-frame-options"), "DENY", "{uri}");
        assert_eq!(h("referrer-policy"), "no-referrer", "{uri}");
    }
}

#[tokio::test]
async fn the_openapi_document_describes_the_routes_served() {
    let f = fixture();
    let app = app(f, false);
    let doc = get(&app, "/api/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let mut documented: Vec<&str> = doc["paths"].as_object().unwrap().keys().map(String::as_str).collect();
    documented.sort();
    let mut served = API_ROUTES.to_vec();
    served.sort();
    assert_eq!(documented, served);
    // each documented answer has the keys the server gives, and no others
    let schemas = &doc["components"]["schemas"];
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let props = |name: &str| {
        let mut k: Vec<String> = schemas[name]["properties"].as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let first = f.ids[0].1;
    let search = get(&app, "/api/search?q=*").await.json();
    assert_eq!(keys(&search), props("Search"));
    assert_eq!(keys(&search["hits"][0]), props("SearchHit"));
    assert_eq!(keys(&get(&app, &format!("/api/articles/{first}")).await.json()), props("Article"));
    let events = get(&app, "/api/events").await.json();
    assert_eq!(keys(&events), props("Events"));
    assert_eq!(keys(&events["events"][0]), props("Event"));
    assert_eq!(keys(&get(&app, "/api/timeline").await.json()), props("Timeline"));
    assert_eq!(keys(&get(&app, "/api/network").await.json()), props("Network"));
    let with = common::fixture_with_stories();
    let sapp = common::app(with, false);
    assert_eq!(keys(&get(&sapp, "/api/stories/1").await.json()), props("Story"));
    assert_eq!(keys(&get(&sapp, "/api/outlets?story=1").await.json()), props("Outlets"));
    // and every route answers something other than "no such endpoint"
    for route in API_ROUTES {
        let uri = route.replace("{id}", "1");
        let a = get(&app, &uri).await;
        let no_endpoint = a.status == StatusCode::NOT_FOUND && a.text().contains("no endpoint");
        assert!(!no_endpoint || *route == "/api/ingest", "{route} is documented but not served");
    }
}
