//! `marsad ingest`: articles stored once whatever the number of runs, a changed text
//! at a known address stored as a revision, the same text from another outlet as a
//! linked copy, bad records reported by name and position while the rest goes on,
//! and stores of another schema refused.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn marsad() -> Command {
    Command::cargo_bin("marsad").expect("the marsad binary is built")
}

fn line(id: &str, outlet: &str, url: &str, text: &str) -> String {
    serde_json::json!({"id": id, "outlet": outlet, "url": url, "text": text, "date": "2015-07-21 10:00",
        "title": format!("عنوان {id}"), "author": "مراسل"})
    .to_string()
        + "\n"
}

const A: &str = "قال وزير الخارجية السعودي في الرياض إن المحادثات مع الوفد الأمريكي ستستأنف غدا.";
const B: &str = "أعلن الجيش المصري عن مناورات مشتركة مع القوات الأردنية في سيناء الأسبوع المقبل.";
const A2: &str = "قال وزير الخارجية السعودي في الرياض إن المحادثات مع الوفد الأمريكي لن تستأنف قبل الشهر المقبل.";

fn count(store: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(store).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn ingest(store: &Path, inputs: &[&Path]) -> assert_cmd::assert::Assert {
    let mut cmd = marsad();
    cmd.arg("ingest").arg("--store").arg(store);
    for i in inputs {
        cmd.arg(i);
    }
    cmd.assert()
}

#[test]
fn a_second_run_stores_nothing_again() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(&input, line("1", "spa", "http://spa.gov.sa/1", A) + &line("2", "spa", "http://spa.gov.sa/2", B))
        .unwrap();
    let store = dir.path().join("s.sqlite");
    ingest(&store, &[&input]).success().stderr(predicate::str::contains("stored 2 articles"));
    ingest(&store, &[&input])
        .success()
        .stderr(predicate::str::contains("stored 0 articles").and(predicate::str::contains("skipped 2 already in")));
    assert_eq!(count(&store, "SELECT count(*) FROM articles"), 2);
    assert_eq!(count(&store, "SELECT count(*) FROM revisions"), 2);
    assert_eq!(count(&store, "SELECT count(*) FROM articles WHERE author = 'مراسل' AND external_id IS NOT NULL"), 2);
    assert_eq!(count(&store, "SELECT count(*) FROM articles WHERE published = '2015-07-21'"), 2);
}

#[test]
fn a_changed_text_at_a_known_address_is_a_revision_and_another_outlet_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.jsonl");
    std::fs::write(&first, line("1", "spa", "http://spa.gov.sa/1", A)).unwrap();
    let later = dir.path().join("later.jsonl");
    std::fs::write(
        &later,
        line("1", "spa", "https://www.spa.gov.sa/1/", A2) + &line("9", "okaz", "http://okaz.com.sa/9", A),
    )
    .unwrap();
    let store = dir.path().join("s.sqlite");
    ingest(&store, &[&first]).success();
    ingest(&store, &[&later]).success().stderr(predicate::str::contains("1 revision, 1 copy"));
    assert_eq!(count(&store, "SELECT count(*) FROM articles"), 2);
    assert_eq!(count(&store, "SELECT count(*) FROM revisions"), 3);
    assert_eq!(
        count(
            &store,
            "SELECT r.number FROM articles a JOIN revisions r ON r.id = a.current_revision WHERE a.outlet = 'spa'"
        ),
        2
    );
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM duplicates d JOIN articles a ON a.id = d.article_id WHERE a.outlet = 'okaz'"
        ),
        1
    );
}

#[test]
fn bad_records_are_named_by_line_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("mixed.jsonl");
    std::fs::write(
        &input,
        line("1", "spa", "http://spa.gov.sa/1", A) + "{\"title\": \"no text\"}\nnot json\n" + &line("2", "spa", "", B),
    )
    .unwrap();
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("empty.txt"), "").unwrap();
    std::fs::write(folder.join("one.txt"), "أكد رئيس الوزراء العراقي أن الحكومة ستعلن خطتها الاقتصادية قريبا.").unwrap();
    let store = dir.path().join("s.sqlite");
    ingest(&store, &[&input, &folder]).success().stderr(
        predicate::str::contains("mixed.jsonl:2: no \"text\"")
            .and(predicate::str::contains("mixed.jsonl:3: not JSON"))
            .and(predicate::str::contains("empty.txt"))
            .and(predicate::str::contains("stored 3 articles"))
            .and(predicate::str::contains("3 bad inputs")),
    );
    assert_eq!(count(&store, "SELECT count(*) FROM articles"), 3);
    let mut strict = marsad();
    strict.args(["ingest", "--strict", "--store"]).arg(&store).arg(&input);
    strict.assert().failure().stderr(predicate::str::contains("--strict"));
}

#[test]
fn a_store_of_a_newer_schema_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(&input, line("1", "spa", "http://spa.gov.sa/1", A)).unwrap();
    let store = dir.path().join("s.sqlite");
    ingest(&store, &[&input]).success();
    let conn = rusqlite::Connection::open(&store).unwrap();
    conn.execute(
        "INSERT INTO schema_version (version, marsad) VALUES (?1, 'later')",
        [marsad_store::schema::LATEST + 1],
    )
    .unwrap();
    drop(conn);
    let other = dir.path().join("b.jsonl");
    std::fs::write(&other, line("2", "spa", "http://spa.gov.sa/2", B)).unwrap();
    ingest(&store, &[&other]).failure().stderr(predicate::str::contains("newer than this marsad knows"));
    assert_eq!(count(&store, "SELECT count(*) FROM articles"), 1);
}

#[test]
fn a_postgres_store_needs_its_index_named_and_a_server_that_answers() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(&input, line("1", "spa", "http://spa.gov.sa/1", A)).unwrap();
    for command in ["ingest", "search", "index"] {
        let mut cmd = marsad();
        cmd.args([command, "--store", "postgresql://marsad:secret@127.0.0.1:1/x"]);
        if command == "ingest" {
            cmd.arg(&input);
        } else if command == "search" {
            cmd.arg("وزير");
        }
        cmd.assert().failure().stderr(
            predicate::str::contains("name it with --index DIR")
                .and(predicate::str::contains("postgresql://marsad@127.0.0.1:1/x"))
                .and(predicate::str::contains("secret").not()),
        );
    }
    // nothing listens on port 1: the error names the server, without the password
    let mut cmd = marsad();
    cmd.args(["ingest", "--store", "postgres://marsad:secret@127.0.0.1:1/x", "--index"]).arg(dir.path().join("i"));
    cmd.arg(&input).assert().failure().stderr(
        predicate::str::contains("cannot connect to postgres://marsad@127.0.0.1:1/x")
            .and(predicate::str::contains("secret").not()),
    );
}
