//! `marsad ingest` killed with SIGKILL in the middle of a run, then resumed, on
//! every back end (SQLite, and PostgreSQL when `MARSAD_TEST_POSTGRES` is set): no
//! half article after any kill, every article in exactly once at the end, and a
//! sound store (`Store::check`: SQLite's integrity checks, marsad's invariants).
//! bench/ingest_kill.py does the same on the shared corpus, at random moments,
//! twenty times.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use marsad_store::testing::{backends, Scratch};

const ARTICLES: usize = 120;

/// Distinct articles, each with an address.
fn corpus(path: &Path) {
    let cities = ["الرياض", "القاهرة", "عمان", "بغداد", "الرباط", "تونس"];
    let mut out = String::new();
    for i in 0..ARTICLES {
        let city = cities[i % cities.len()];
        let text = format!(
            "قال وزير الخارجية في {city} يوم الاثنين إن المحادثات رقم {i} مع الوفد الزائر ستستأنف غدا. \
             وأضاف أن الجانبين بحثا التعاون الاقتصادي وتبادلا وجهات النظر حول {n} ملفا إقليميا.",
            n = i + 3
        );
        let record = serde_json::json!({"id": i.to_string(), "outlet": "spa", "url": format!("http://spa.gov.sa/{i}"),
            "text": text, "date": "2015-07-21"});
        out.push_str(&record.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

/// Articles in the store, or 0 before it has its tables.
fn articles(store: &Scratch) -> i64 {
    store.try_scalar("SELECT count(*) FROM articles").unwrap_or(0)
}

/// What is wrong with the store: the back end's checks and marsad's invariants.
fn problems(store: &Scratch) -> Vec<String> {
    let mut out = store.open_read_only().unwrap().check().unwrap();
    for (what, sql) in [
        (
            "ids stored twice",
            "SELECT count(*) FROM (SELECT external_id FROM articles GROUP BY external_id HAVING count(*) > 1) t",
        ),
        ("second revisions", "SELECT count(*) FROM revisions WHERE number > 1"),
        (
            "articles without their near-duplicate signature",
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM signatures s
             WHERE s.article_id = a.id AND s.revision_id = a.current_revision)",
        ),
        (
            "articles in more than one story",
            "SELECT count(*) FROM (SELECT article_id FROM story_articles GROUP BY article_id HAVING count(*) > 1) t",
        ),
    ] {
        let n = store.scalar(sql);
        if n > 0 {
            out.push(format!("{n} {what}"));
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn an_ingest_killed_mid_run_resumes_to_every_article_exactly_once() {
    for backend in backends() {
        eprintln!("{}", backend.label());
        let dir = tempfile::tempdir().unwrap();
        let store = Scratch::new(&backend, dir.path());
        killed_and_resumed(dir.path(), &store);
    }
}

#[cfg(unix)]
fn killed_and_resumed(dir: &Path, store: &Scratch) {
    let input = dir.join("articles.jsonl");
    corpus(&input);
    let bin = assert_cmd::cargo::cargo_bin("marsad");
    let mut kills = 0;
    let mut left = Vec::new(); // articles in the store after each kill
    for _ in 0..4 {
        let before = articles(store);
        let mut child = Command::new(&bin)
            .args(["ingest", "--jobs", "2"])
            .args(store.args())
            .arg(&input)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // kill it once it has stored something more: in the middle of the run
        let start = Instant::now();
        let mut finished = false;
        while articles(store) <= before {
            if child.try_wait().unwrap().is_some() {
                finished = true;
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(120), "the ingest stored nothing in two minutes");
            std::thread::sleep(Duration::from_millis(5));
        }
        if finished {
            break;
        }
        std::thread::sleep(Duration::from_millis(kills as u64));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        kills += 1;
        left.push(articles(store));
        assert_eq!(problems(store), Vec::<String>::new(), "after kill {kills}");
    }
    assert!(kills >= 2, "the ingest was killed only {kills} times");
    assert!(left.iter().any(|&n| n > 0 && n < ARTICLES as i64), "no kill landed in the middle of a run: {left:?}");
    let out = Command::new(&bin).arg("ingest").args(store.args()).arg(&input).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("already in"), "{summary}");
    assert_eq!(articles(store), ARTICLES as i64);
    assert_eq!(problems(store), Vec::<String>::new());
    // the index was levelled with the store: every article is found once
    let out = Command::new(&bin).args(["search", "*", "--json"]).args(store.args()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits["total"], ARTICLES);
}
