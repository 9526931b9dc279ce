//! `marsad search` over a store made from the project's example articles, on every
//! back end (SQLite, and PostgreSQL when `MARSAD_TEST_POSTGRES` is set): words in
//! their other forms, phrases, each filter (checked against the store's own rows),
//! no hit, a malformed query, and an index levelled with its store after it lost
//! articles.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use marsad_store::testing::{backends, Scratch};
use predicates::prelude::*;

fn marsad() -> Command {
    Command::cargo_bin("marsad").expect("the marsad binary is built")
}

/// The example articles with an outlet, a date and their first line as title.
const EXAMPLES: [(&str, &str, &str); 7] = [
    ("01_ziyara_rasmiya.txt", "petra", "2025-01-12"),
    ("02_tamrin_mushtarak.txt", "tap", "2025-01-14"),
    ("03_tasrih.txt", "petra", "2025-02-03"),
    ("04_nafy.txt", "tap", "2025-02-05"),
    ("05_mizaniya.txt", "wam", "2025-01-16"),
    ("06_barlaman.txt", "wam", "2025-03-01"),
    ("07_mutamar.txt", "oman news", "2025-03-10"),
];

fn example(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").join(name);
    std::fs::read_to_string(path).expect("the example articles are in the repository")
}

/// Runs a test on a scratch store of every back end.
fn on_every_back_end(test: impl Fn(&Path, &Scratch)) {
    for backend in backends() {
        eprintln!("{}", backend.label());
        let dir = tempfile::tempdir().unwrap();
        let store = Scratch::new(&backend, dir.path());
        test(dir.path(), &store);
    }
}

/// The examples (JSON Lines in `dir`) ingested into `store`.
fn store_of(dir: &Path, store: &Scratch, which: &[usize]) {
    let input = dir.join("examples.jsonl");
    let mut lines = String::new();
    for &i in which {
        let (name, outlet, date) = EXAMPLES[i];
        let text = example(name);
        let title = text.lines().next().unwrap_or_default().chars().take(60).collect::<String>();
        lines +=
            &serde_json::json!({"id": name, "outlet": outlet, "date": date, "title": title, "text": text}).to_string();
        lines.push('\n');
    }
    std::fs::write(&input, lines).unwrap();
    marsad().arg("ingest").args(store.args()).arg(&input).assert().success();
}

fn search(store: &Scratch, args: &[&str]) -> serde_json::Value {
    let out = marsad().arg("search").args(store.args()).arg("--json").args(args).assert().success();
    serde_json::from_slice(&out.get_output().stdout).expect("search --json writes one JSON object")
}

/// The external ids (example file names) of the hits.
fn found(store: &Scratch, args: &[&str]) -> BTreeSet<String> {
    let hits = search(store, args);
    hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let id = h["id"].as_i64().unwrap().to_string();
            let rows = store.strings("SELECT external_id FROM articles WHERE CAST(id AS TEXT) = $1", &[id.as_str()]);
            rows[0][0].clone().unwrap()
        })
        .collect()
}

fn names(ids: &[usize]) -> BTreeSet<String> {
    ids.iter().map(|&i| EXAMPLES[i].0.to_owned()).collect()
}

fn all() -> Vec<usize> {
    (0..EXAMPLES.len()).collect()
}

#[test]
fn words_are_found_in_their_other_forms_and_phrases_in_order() {
    on_every_back_end(words_are_found_in_their_other_forms_and_phrases_in_order_on);
}

fn words_are_found_in_their_other_forms_and_phrases_in_order_on(dir: &Path, store: &Scratch) {
    store_of(dir, store, &all());
    // no hamza in the query, أ in the text
    assert!(found(store, &["الاردني"]).contains(EXAMPLES[0].0));
    // a conjunction and a preposition on the query word; tatweel in the text (مـــؤتمر)
    assert!(found(store, &["وبالمؤتمر"]).contains(EXAMPLES[6].0));
    // the phrase is in one article; its words apart are in more
    assert_eq!(found(store, &["\"وزير الخارجية الأردني\""]), names(&[0]));
    assert!(found(store, &["وزير الأردني"]).contains(EXAMPLES[0].0));
    assert!(found(store, &["\"الأردني وزير\""]).is_empty());
    // the snippet is the original text, the word marked as written
    let hits = search(store, &["المؤتمر", "--outlet", "oman news"]);
    let marked = hits["hits"][0]["snippet"]["marked"].as_str().unwrap();
    assert!(marked.contains("<b>مـــؤتمر</b>") || marked.contains("<b>الـمـؤتمر</b>"), "{marked}");
    for field in ["id", "title", "outlet", "date", "score"] {
        assert!(!hits["hits"][0][field].is_null(), "{field} in {hits}");
    }
    // nothing matches: success, and says so
    assert_eq!(search(store, &["بطاطس"])["hits"].as_array().unwrap().len(), 0);
    marsad()
        .args(["search", "بطاطس"])
        .args(store.args())
        .assert()
        .success()
        .stdout(predicate::str::contains("no article matches"));
    marsad()
        .args(["search", "الوزير"])
        .args(store.args())
        .assert()
        .success()
        .stdout(predicate::str::contains("[").and(predicate::str::contains("score")));
}

/// The examples whose current revision has a row where `sql` (with `$1`) holds.
fn with_row(store: &Scratch, sql: &str, value: &str) -> BTreeSet<String> {
    let sql = format!(
        "SELECT DISTINCT a.external_id FROM articles a JOIN revisions r ON r.id = a.current_revision WHERE {sql}"
    );
    store.strings(&sql, &[value]).into_iter().map(|r| r[0].clone().unwrap()).collect()
}

/// The most frequent value of a column over the store.
fn common(store: &Scratch, table: &str, column: &str) -> Option<String> {
    let sql = format!("SELECT {column} FROM {table} GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT 1");
    store.strings(&sql, &[]).into_iter().next().and_then(|r| r[0].clone())
}

#[test]
fn each_filter_keeps_the_articles_the_store_says_have_it() {
    on_every_back_end(each_filter_keeps_the_articles_the_store_says_have_it_on);
}

fn each_filter_keeps_the_articles_the_store_says_have_it_on(dir: &Path, store: &Scratch) {
    store_of(dir, store, &all());
    let everything = found(store, &["*", "--limit", "100"]);
    assert_eq!(everything, names(&all()));
    assert_eq!(found(store, &["*", "--outlet", "petra"]), names(&[0, 2]));
    assert_eq!(found(store, &["*", "--from", "2025-01-14", "--to", "2025-02-03"]), names(&[1, 2, 4]));
    assert_eq!(found(store, &["*", "--from", "2025-03-01"]), names(&[5, 6]));
    assert_eq!(found(store, &["الوزير", "--to", "2025-01-12"]), names(&[0]));
    let entity = common(store, "entities", "name").expect("the examples have entities");
    let expected =
        with_row(store, "EXISTS (SELECT 1 FROM entities e WHERE e.revision_id = r.id AND e.name = $1)", &entity);
    assert!(!expected.is_empty());
    assert_eq!(found(store, &["*", "--entity", &entity]), expected, "--entity {entity}");
    let event = common(store, "events", "event_type").expect("the examples have events");
    let expected =
        with_row(store, "EXISTS (SELECT 1 FROM events e WHERE e.revision_id = r.id AND e.event_type = $1)", &event);
    assert_eq!(found(store, &["*", "--event", &event]), expected, "--event {event}");
    assert_eq!(found(store, &["*", "--event", &event.to_lowercase()]), expected, "--event in lower case");
    if let Some(technique) = common(store, "techniques", "technique") {
        let expected = with_row(
            store,
            "EXISTS (SELECT 1 FROM techniques t WHERE t.revision_id = r.id AND t.technique = $1)",
            &technique,
        );
        assert_eq!(found(store, &["*", "--technique", &technique]), expected, "--technique {technique}");
    }
    assert!(found(store, &["*", "--technique", "no_such_technique"]).is_empty());
}

#[test]
fn a_malformed_query_or_filter_is_refused_with_its_reason() {
    on_every_back_end(a_malformed_query_or_filter_is_refused_with_its_reason_on);
}

fn a_malformed_query_or_filter_is_refused_with_its_reason_on(dir: &Path, store: &Scratch) {
    store_of(dir, store, &[0]);
    marsad()
        .args(["search", "nofield:وزير"])
        .args(store.args())
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot read the query").and(predicate::str::contains("nofield")));
    marsad()
        .args(["search", "وزير", "--from", "2025-13-01"])
        .args(store.args())
        .assert()
        .failure()
        .stderr(predicate::str::contains("--from"));
    marsad()
        .args(["search", "وزير", "--store"])
        .arg(dir.join("none.sqlite"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("none.sqlite").and(predicate::str::contains("no such store")));
}

#[test]
fn an_index_that_lost_articles_is_levelled_with_its_store() {
    on_every_back_end(an_index_that_lost_articles_is_levelled_with_its_store_on);
}

fn an_index_that_lost_articles_is_levelled_with_its_store_on(dir: &Path, store: &Scratch) {
    store_of(dir, store, &[0, 1, 2]);
    let index = store.index();
    assert!(index.join("meta.json").is_file(), "ingest made the index");
    // as if an ingest had been killed after storing and before indexing
    std::fs::remove_dir_all(index).unwrap();
    marsad()
        .args(["search", "*"])
        .args(store.args())
        .assert()
        .success()
        .stderr(predicate::str::contains("indexed 3 articles"));
    assert_eq!(search(store, &["*"])["total"], 3);
    // a second ingest of the same articles adds nothing twice
    marsad().arg("ingest").args(store.args()).arg(dir.join("examples.jsonl")).assert().success();
    assert_eq!(search(store, &["*"])["total"], 3);
    // a rebuild gives the same
    marsad().arg("index").args(store.args()).assert().success().stderr(predicate::str::contains("indexed 3"));
    assert_eq!(search(store, &["*"])["total"], 3);
}
