//! Every endpoint on a small store made from the project's examples: the shapes of
//! docs/serve.md, hostile text coming back as plain JSON strings, copies counted
//! once, and the stories endpoints with and without story clusters.

mod common;

use axum::http::StatusCode;
use common::{app, fixture, fixture_with_stories, get, send, OUTLETS, XSS_OUTLET, XSS_TITLE, XSS_URL};

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test]
async fn search_pages_hits_and_counts_facets_over_every_match() {
    let f = fixture();
    let app = app(f, false);
    let a = get(&app, "/api/search?q=*&per_page=3").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let v = a.json();
    assert_eq!(v["total"].as_u64().unwrap() as usize, f.ids.len());
    assert_eq!((v["page"].as_u64(), v["per_page"].as_u64()), (Some(1), Some(3)));
    assert_eq!(v["hits"].as_array().unwrap().len(), 3);
    for key in ["id", "title", "outlet", "published", "url", "score", "snippet_html"] {
        assert!(v["hits"][0].get(key).is_some(), "hit without {key}: {}", v["hits"][0]);
    }
    // facets count every match, not the page
    let outlets: u64 = v["facets"]["outlet"].as_array().unwrap().iter().map(|o| o["count"].as_u64().unwrap()).sum();
    assert_eq!(outlets as usize, f.ids.len());
    let months = v["facets"]["month"].as_array().unwrap();
    assert_eq!(months.len(), 1);
    assert_eq!(months[0]["value"], "2025-01");
    assert!(v["facets"]["event"].is_array() && v["facets"]["country"].is_array());
    // the last page holds the rest, a page past it nothing
    let last = get(&app, &format!("/api/search?q=*&per_page=3&page={}", f.ids.len().div_ceil(3))).await.json();
    assert_eq!(last["hits"].as_array().unwrap().len(), (f.ids.len() - 1) % 3 + 1);
    let past = get(&app, "/api/search?q=*&per_page=3&page=100").await.json();
    assert_eq!(past["hits"].as_array().unwrap().len(), 0);
    assert_eq!(past["total"], v["total"]);
    // a filter narrows hits and facets alike
    let one = get(&app, &format!("/api/search?q=*&outlet={}", OUTLETS[0])).await.json();
    assert_eq!(one["facets"]["outlet"].as_array().unwrap().len(), 1);
    assert_eq!(one["facets"]["outlet"][0]["value"], OUTLETS[0]);
    assert_eq!(one["total"], one["facets"]["outlet"][0]["count"]);
}

#[tokio::test]
async fn search_by_country_keeps_the_articles_with_it() {
    let f = fixture();
    let app = app(f, false);
    let all = get(&app, "/api/search?q=*").await.json();
    let Some(top) = all["facets"]["country"].as_array().unwrap().first().cloned() else {
        panic!("the examples name countries: {}", all["facets"]);
    };
    let code = top["value"].as_str().unwrap();
    let only = get(&app, &format!("/api/search?q=*&country={code}")).await.json();
    assert_eq!(only["total"], top["count"]);
}

#[tokio::test]
async fn hostile_fields_come_back_as_plain_strings_and_snippets_are_escaped() {
    let f = fixture();
    let app = app(f, false);
    let v = get(&app, &format!("/api/search?q={}", enc("المفاوضات فيينا"))).await.json();
    let hit = v["hits"].as_array().unwrap().iter().find(|h| h["id"] == f.id("xss")).expect("the hostile article");
    assert_eq!(hit["title"], XSS_TITLE);
    assert_eq!(hit["outlet"], XSS_OUTLET);
    assert_eq!(hit["url"], XSS_URL);
    let snippet = hit["snippet_html"].as_str().unwrap();
    assert!(snippet.contains("<mark>"), "{snippet}");
    let without_marks = snippet.replace("<mark>", "").replace("</mark>", "");
    assert!(!without_marks.contains('<') && !without_marks.contains('>'), "{snippet}");
    assert!(snippet.contains("&lt;script&gt;") && snippet.contains("&amp;") && snippet.contains("&quot;"), "{snippet}");
    let a = get(&app, &format!("/api/articles/{}", f.id("xss"))).await.json();
    assert_eq!(a["title"], XSS_TITLE);
    assert_eq!(a["outlet"], XSS_OUTLET);
    assert_eq!(a["url"], XSS_URL);
    assert!(a["document"]["text"].as_str().unwrap().contains("<script>alert(1)</script>"));
}

#[tokio::test]
async fn an_article_has_its_document_and_its_copies() {
    let f = fixture();
    let app = app(f, false);
    let original = f.ids[0].1;
    let a = get(&app, &format!("/api/articles/{original}")).await;
    assert_eq!(a.status, StatusCode::OK);
    let v = a.json();
    for key in ["id", "title", "outlet", "url", "published", "author", "story_id", "copies", "copy_of", "document"] {
        assert!(v.get(key).is_some(), "article without {key}");
    }
    assert_eq!(v["story_id"], serde_json::Value::Null);
    assert_eq!(v["document"]["profile"], "compact");
    assert!(v["document"]["sentences"].is_array());
    let copies = v["copies"].as_array().unwrap();
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0]["id"], f.id("copy"));
    assert_eq!((copies[0]["kind"].as_str(), copies[0]["similarity"].as_f64()), (Some("copy"), Some(1.0)));
    assert_eq!(v["copy_of"], serde_json::Value::Null);
    let c = get(&app, &format!("/api/articles/{}", f.id("copy"))).await.json();
    assert_eq!(c["copy_of"]["id"], original);
    assert_eq!(c["copy_of"]["outlet"], OUTLETS[0]);
}

#[tokio::test]
async fn events_are_paged_placed_and_a_copy_counted_once() {
    let f = fixture();
    let app = app(f, false);
    let v = get(&app, "/api/events?per_page=100").await.json();
    let events = v["events"].as_array().unwrap();
    assert!(!events.is_empty(), "the examples report events");
    assert_eq!(v["total"].as_u64().unwrap() as usize, events.len());
    for key in [
        "id",
        "article_id",
        "article_title",
        "outlet",
        "date",
        "type",
        "quad",
        "goldstein",
        "actor",
        "recipient",
        "place",
        "country",
        "lat",
        "lon",
        "trigger",
        "sentence",
        "confidence",
    ] {
        assert!(events[0].get(key).is_some(), "event without {key}");
    }
    assert!(events.iter().all(|e| e["article_id"] != f.id("copy")), "a copy's events are its original's");
    assert!(events.iter().all(|e| !e["sentence"].as_str().unwrap().is_empty()));
    assert!(events.iter().all(|e| e["sentence"].as_str().unwrap().contains(e["trigger"].as_str().unwrap())));
    // paging
    let page = get(&app, "/api/events?per_page=1&page=2").await.json();
    assert_eq!(page["events"][0]["id"], events[1]["id"]);
    // a box around the placed events keeps only them
    let placed = events.iter().filter(|e| e["lat"].is_number()).count();
    let boxed = get(&app, "/api/events?bbox=-180,-90,180,90&per_page=100").await.json();
    assert_eq!(boxed["total"].as_u64().unwrap() as usize, placed);
    // a range after every article has none
    let none = get(&app, "/api/events?from=2030-01-01").await.json();
    assert_eq!(none["total"], 0);
    let t = events[0]["type"].as_str().unwrap();
    let typed = get(&app, &format!("/api/events?type={t}&per_page=100")).await.json();
    assert!(typed["events"].as_array().unwrap().iter().all(|e| e["type"] == t));
}

#[tokio::test]
async fn the_timeline_counts_events_per_day_by_type_and_by_quad() {
    let f = fixture();
    let app = app(f, false);
    let events = get(&app, "/api/events?per_page=100").await.json();
    for by in ["type", "quad"] {
        let v = get(&app, &format!("/api/timeline?by={by}")).await.json();
        assert_eq!(v["by"], by);
        let days = v["days"].as_array().unwrap();
        let sum: u64 =
            days.iter().flat_map(|d| d["counts"].as_object().unwrap().values()).map(|n| n.as_u64().unwrap()).sum();
        let dated = events["events"].as_array().unwrap().iter().filter(|e| e["date"].is_string()).count();
        assert_eq!(sum as usize, dated, "by {by}");
        for d in days {
            for name in d["counts"].as_object().unwrap().keys() {
                assert!(v["series"].as_array().unwrap().iter().any(|s| s == name.as_str()));
            }
        }
    }
}

#[tokio::test]
async fn the_network_links_actors_by_stable_keys() {
    let f = fixture();
    let app = app(f, false);
    let v = get(&app, "/api/network").await.json();
    let nodes = v["nodes"].as_array().unwrap();
    let ids: Vec<&str> = nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert!(ids.iter().all(|id| id.starts_with("link:") || id.starts_with("name:")), "{ids:?}");
    for e in v["edges"].as_array().unwrap() {
        assert!(ids.contains(&e["source"].as_str().unwrap()) && ids.contains(&e["target"].as_str().unwrap()));
        assert_eq!(e["events"].as_u64().unwrap(), e["cooperation"].as_u64().unwrap() + e["conflict"].as_u64().unwrap());
    }
    if let Some(e) = v["edges"].as_array().unwrap().first() {
        let (a, b) = (e["source"].as_str().unwrap(), e["target"].as_str().unwrap());
        let edge = get(&app, &format!("/api/network/edge?a={}&b={}", enc(a), enc(b))).await.json();
        // both directions: at least the edge's own events
        assert!(edge["events"].as_array().unwrap().len() as u64 >= e["events"].as_u64().unwrap());
    }
    let small = get(&app, "/api/network?limit=1").await.json();
    assert!(small["nodes"].as_array().unwrap().len() <= 1);
}

#[tokio::test]
async fn stories_answer_404_without_story_clusters() {
    let f = fixture();
    let app = app(f, false);
    for uri in ["/api/stories/1", "/api/outlets?story=1"] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(a.json()["error"].as_str().unwrap().starts_with("this store has no story clusters"), "{uri}");
    }
}

#[tokio::test]
async fn a_story_lists_its_articles_and_its_outlets_compare_their_claims() {
    let f = fixture_with_stories();
    let app = app(f, false);
    let first = f.ids[0].1;
    let v = get(&app, "/api/stories/1").await.json();
    assert_eq!(v["first_article_id"], first);
    assert_eq!(v["articles"].as_array().unwrap().len(), 3);
    assert_eq!(v["outlets"].as_array().unwrap().len(), 3);
    // the copy's events are the original's
    assert!(v["events"].as_array().unwrap().iter().all(|e| e["article_id"] != f.id("copy")));
    let a = get(&app, &format!("/api/articles/{first}")).await.json();
    assert_eq!(a["story_id"], 1);
    assert_eq!(get(&app, "/api/stories/99").await.status, StatusCode::NOT_FOUND);
    let o = get(&app, "/api/outlets?story=1").await.json();
    assert_eq!(o["story"]["id"], 1);
    let outlets = o["outlets"].as_array().unwrap();
    assert_eq!(outlets.len(), 3);
    // the copy says what its original says: its claims match, word for word
    let copy_outlet = outlets.iter().find(|x| x["outlet"] == "delta").expect("the copy's outlet");
    let claims = copy_outlet["claims"].as_array().unwrap();
    assert!(!claims.is_empty(), "the first example has claims");
    for c in claims {
        assert!(
            c["matches"].as_array().unwrap().iter().any(|m| m["outlet"] == OUTLETS[0] && m["similarity"] == 1.0),
            "{c}"
        );
    }
    assert_eq!(get(&app, "/api/outlets?story=99").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn ingest_stores_one_record_once_and_only_when_allowed() {
    let f = fixture_with_stories();
    // a copy of the store, so that the other tests see it unchanged
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("w.sqlite");
    std::fs::copy(&f.store, &store).unwrap();
    let index = dir.path().join("w.index");
    let state = marsad_serve::AppState::open(&store, &index, true).unwrap();
    let app = marsad_serve::router(state, &marsad_serve::Limits::default());
    let record = serde_json::json!({"text": "قال وزير الخارجية المصري في القاهرة إن المحادثات مع السودان ستستأنف الأسبوع المقبل.",
        "title": "محادثات", "outlet": "epsilon", "published": "2025-02-01"});
    let a = send(&app, "POST", "/api/ingest", record.to_string().into_bytes()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let v = a.json();
    assert_eq!(v["verdict"], "new");
    let again = send(&app, "POST", "/api/ingest", record.to_string().into_bytes()).await.json();
    assert_eq!((again["verdict"].as_str(), &again["id"]), (Some("present"), &v["id"]));
    let found = get(&app, &format!("/api/search?q={}", enc("السودان"))).await.json();
    assert!(found["hits"].as_array().unwrap().iter().any(|h| h["id"] == v["id"]), "{found}");
    let bad = send(&app, "POST", "/api/ingest", b"{\"title\": \"no text\"}".to_vec()).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.json()["error"].as_str().unwrap().contains("text"));
    let blank = send(&app, "POST", "/api/ingest", b"{\"text\": \"   \"}".to_vec()).await;
    assert_eq!(blank.status, StatusCode::BAD_REQUEST);
    let huge = vec![b'a'; marsad_serve::Limits::default().max_ingest_body + 1];
    assert_eq!(send(&app, "POST", "/api/ingest", huge).await.status, StatusCode::PAYLOAD_TOO_LARGE);
    // read-only by default
    let ro = common::app(f, false);
    assert!(send(&ro, "POST", "/api/ingest", record.to_string().into_bytes()).await.status.is_client_error());
}
