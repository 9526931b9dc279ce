//! The pages of `marsad serve` in a real browser, end to end.
//!
//! A small corpus — the project's examples, from two outlets and over a week, one
//! of them also published by the other outlet, and articles with XSS payloads in
//! their text, title, outlet and address (`<script>`, `<img onerror>`,
//! `javascript:`) — is ingested with `marsad ingest`; `marsad serve` is started on
//! a free port of the loopback interface; `web/test/e2e.mjs` then drives headless
//! Chromium through every page at 1,280 and 390 px: it searches and follows a
//! facet, opens the payload article and switches its layers (checking that every
//! highlighted segment holds the text its offsets say), brushes the timeline and
//! checks the range is carried to the other views' links, clicks a map point and
//! a network edge and reads the events they list, opens the outlet comparison,
//! and on every page checks that the payloads show as text and nothing ran
//! (`window.__pwned` undefined, no dialog, no page error, no Content-Security-Policy
//! violation, no element or `javascript:` link from the data), that the page is
//! right to left and fits the screen. Screenshots are kept under
//! `target/tmp/serve-browser/`.
//!
//! Why playwright-core driven by Node.js rather than the DevTools protocol from
//! Rust: the checks click, type, drag a brush and wait for pages that render
//! after fetching, which Playwright does in a few lines each (with its waiting
//! and screenshots), where the protocol would need a WebSocket client, input
//! events and waiting written here by hand; playwright-core downloads no browser
//! and drives Debian's Chromium, and it is the one package the test needs from
//! `web/node_modules` (`npm ci --prefix web`, as `.ci/run` does).
//!
//! The test lives beside the `marsad` command because it runs the command
//! (`ingest`, then `serve`), as a user does.
//!
//! Chromium is `$MARSAD_CHROMIUM`, else `chromium` or `chromium-browser` on the
//! `PATH`; Node.js is `node` on the `PATH`. Without either, or without
//! `web/node_modules/playwright-core`, the test prints "skipped"; with
//! `MARSAD_REQUIRE_BROWSER=1` (set by `.ci/run`) it fails instead.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

/// What the payload articles carry; `web/test/e2e.mjs` looks for the first in a title.
const SCRIPT: &str = "<script>window.__pwned=1</script>";
const IMG: &str = "<img src=x onerror=\"window.__pwned=2;alert(2)\">";

/// A text whose events have named actors and recipients (the network's edges).
const ACTORS: &str = "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة يوم الأحد الملك الأردني عبد الله الثاني، وبحث معه الأوضاع في المنطقة.
وأدانت وزارة الخارجية المصرية الغارات الإسرائيلية على غزة، واتهمت إسرائيل بانتهاك القانون الدولي.
وقالت الحكومة الأردنية إنها سترسل مساعدات إنسانية إلى غزة، بينما وقعت مصر والأردن اتفاقية للتعاون في مجال الطاقة.
";

fn find_on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|dir| names.iter().map(move |n| dir.join(n))).find(|p| p.is_file())
}

fn chromium() -> Option<PathBuf> {
    std::env::var_os("MARSAD_CHROMIUM").map(PathBuf::from).or_else(|| find_on_path(&["chromium", "chromium-browser"]))
}

/// Skips, or fails under MARSAD_REQUIRE_BROWSER, when something the test needs is missing.
fn missing(what: &str) {
    if std::env::var_os("MARSAD_REQUIRE_BROWSER").is_some() {
        panic!("MARSAD_REQUIRE_BROWSER is set but {what}");
    }
    eprintln!("skipped: {what}");
}

/// The fixture corpus as JSON Lines.
fn corpus(root: &Path) -> String {
    let outlets = ["وكالة الأنباء", "صحيفة الخبر"];
    let mut lines = Vec::new();
    let mut examples: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .expect("examples/")
        .map(|e| e.expect("an example").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    examples.sort();
    for (i, path) in examples.iter().enumerate() {
        let text = std::fs::read_to_string(path).expect("an example");
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        lines.push(json!({
            "id": name, "outlet": outlets[i % 2], "url": format!("https://news.example/{name}"),
            "published": format!("2024-03-{:02}", 1 + i), "title": format!("المثال {}", i + 1), "text": text,
        }));
        // the first example is republished word for word by the other outlet: a copy
        if i == 0 {
            lines.push(json!({
                "id": format!("{name}-copy"), "outlet": outlets[1], "url": format!("https://other.example/{name}"),
                "published": "2024-03-02", "title": "المثال 1 منقولًا", "text": text,
            }));
        }
    }
    // actors acting on one another: edges of the network
    lines.push(json!({
        "id": "actors", "outlet": outlets[0], "url": "https://news.example/actors",
        "published": "2024-03-03", "title": "قمة مصرية أردنية", "text": ACTORS,
    }));
    // payloads in every field the pages show, around a text that has events, places and claims
    let base = std::fs::read_to_string(root.join("examples/03_tasrih.txt")).expect("an example");
    lines.push(json!({
        "id": "xss-1", "outlet": format!("منبر {IMG}"), "url": "javascript:window.__pwned=3",
        "published": "2024-03-04", "title": format!("تصريح {SCRIPT}"),
        "text": format!("{base}\n\nوكتب قارئ {SCRIPT} ثم {IMG} في التعليقات."),
    }));
    lines.push(json!({
        "id": "xss-2", "outlet": "<svg onload=window.__pwned=4>", "url": "JaVaScRiPt:alert(5)",
        "published": "2024-03-05", "title": "<iframe src=javascript:alert(6)></iframe> الاجتماع",
        "text": format!("قال الوزير في القاهرة إن الاجتماع {IMG} كان بناء، وأكد أن الحكومة سترسل مساعدات إلى غزة."),
    }));
    lines.iter().map(|l| l.to_string() + "\n").collect()
}

/// A story over the first example, its copy and the first payload article when
/// the store has none: the tables of schema version 2 as docs/store.md gives them,
/// made here when this store's schema has no stories yet.
fn add_story(store: &Path) {
    let conn = rusqlite::Connection::open(store).expect("the store");
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS stories (id INTEGER PRIMARY KEY, first_article_id INTEGER NOT NULL REFERENCES articles (id),
             first_published TEXT, last_published TEXT, title TEXT, articles INTEGER NOT NULL, outlets INTEGER NOT NULL);
         CREATE TABLE IF NOT EXISTS story_articles (story_id INTEGER NOT NULL REFERENCES stories (id),
             article_id INTEGER NOT NULL REFERENCES articles (id), score REAL NOT NULL, PRIMARY KEY (story_id, article_id));
         CREATE INDEX IF NOT EXISTS story_articles_article ON story_articles (article_id);",
    )
    .expect("the story tables");
    let stories: i64 = conn.query_row("SELECT count(*) FROM stories", [], |r| r.get(0)).unwrap();
    if stories > 0 {
        return;
    }
    conn.execute_batch(
        "INSERT INTO stories (id, first_article_id, first_published, last_published, title, articles, outlets)
             SELECT 1, id, '2024-03-01', '2024-03-04', title, 3, 3 FROM articles WHERE external_id = '01_ziyara_rasmiya';
         INSERT INTO story_articles (story_id, article_id, score)
             SELECT 1, id, 1.0 FROM articles WHERE external_id IN ('01_ziyara_rasmiya', '01_ziyara_rasmiya-copy', 'xss-1');",
    )
    .expect("a story");
}

/// `marsad serve`, stopped when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// GET `path` on the loopback port: the status line and body, or None while nothing answers.
fn get(port: u16, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    Some(out)
}

#[test]
fn the_pages_work_in_chromium_and_the_payloads_stay_text() {
    let Some(chromium) = chromium() else {
        return missing("no chromium was found (apt-get install chromium, or set MARSAD_CHROMIUM)");
    };
    let Some(node) = find_on_path(&["node", "nodejs"]) else {
        return missing("no node on PATH (Node.js runs the browser script)");
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let web = root.join("web");
    if !web.join("node_modules/playwright-core/package.json").is_file() {
        return missing("web/node_modules/playwright-core is absent (run `npm ci --prefix web`)");
    }
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let input = dir.path().join("corpus.jsonl");
    std::fs::write(&input, corpus(&root)).expect("the corpus");
    let store = dir.path().join("corpus.sqlite");
    let status = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(&input)
        .stderr(Stdio::null())
        .status()
        .expect("marsad ingest runs");
    assert!(status.success(), "marsad ingest failed");
    add_story(&store);

    let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_marsad"))
            .args(["serve", "--store"])
            .arg(&store)
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("marsad serve starts"),
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        match get(port, "/api/search?q=*") {
            Some(r) if r.starts_with("HTTP/1.1 200") => break,
            other => {
                assert!(Instant::now() < deadline, "marsad serve did not answer within a minute: {other:?}");
                std::thread::sleep(Duration::from_millis(200));
            }
        }
    }
    // the shell is served for every page route, with a policy that forbids inline script
    let shell = get(port, "/timeline").expect("the shell");
    assert!(shell.starts_with("HTTP/1.1 200"), "{shell}");
    let csp = shell
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("content-security-policy:"))
        .expect("a Content-Security-Policy header");
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");

    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-browser");
    std::fs::create_dir_all(&out).expect("the screenshot folder");
    let run = Command::new(node)
        .current_dir(&web)
        .arg("test/e2e.mjs")
        .args(["--base", &format!("http://127.0.0.1:{port}")])
        .arg("--out")
        .arg(&out)
        .env("MARSAD_CHROMIUM", &chromium)
        .output()
        .expect("node runs the browser script");
    let report = String::from_utf8_lossy(&run.stdout);
    eprintln!("{report}");
    eprintln!("{}", String::from_utf8_lossy(&run.stderr));
    eprintln!("in {:.1} s in all; screenshots in {}", started.elapsed().as_secs_f64(), out.display());
    assert!(run.status.success(), "the browser checks failed (report above)");
    let report: serde_json::Value = serde_json::from_str(&report).expect("the report is JSON");
    assert_eq!(report["ok"], true);
    for page in ["search", "article", "timeline", "map", "network", "outlets"] {
        for width in ["1280", "390"] {
            assert!(out.join(format!("{page}-{width}.png")).is_file(), "no screenshot of {page} at {width} px");
        }
    }
}
