//! `marsad ingest` and `marsad analyze` on the web's formats: the project's own small
//! pages (`crates/marsad/tests/web/`), and the acceptance test on pages, feeds and
//! WARC files built from the shared news corpora by `tools/make_web_fixtures.py`,
//! scored against its manifest: every good article stored once, every bad input
//! reported by name and position, and the extraction's word recall and precision and
//! the metadata's accuracy above their floors.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn marsad() -> Command {
    Command::cargo_bin("marsad").expect("the marsad binary is built")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn own_fixtures() -> PathBuf {
    repo().join("crates/marsad/tests/web")
}

/// source → (text, title, published, outlet, url, author) of every current revision.
type Stored = HashMap<String, [Option<String>; 6]>;

fn stored(store: &Path) -> Stored {
    let conn = rusqlite::Connection::open(store).unwrap();
    let mut q = conn
        .prepare(
            "SELECT r.source, r.text, a.title, a.published, a.outlet, a.url, a.author
             FROM articles a JOIN revisions r ON r.id = a.current_revision",
        )
        .unwrap();
    let rows = q
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?]))
        })
        .unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn ingest_reads_pages_feeds_and_warc_files_and_names_what_is_bad() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.sqlite");
    let web = own_fixtures();
    let out = marsad().arg("ingest").arg("--store").arg(&store).arg(&web).assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let w = web.display().to_string();
    for bad in [
        format!("skipped {w}/no_content.html: the page has no main content"),
        format!("skipped {w}/truncated.html: the page is truncated: it ends at byte offset 235"),
        format!("skipped {w}/feed.rss:item 3: item 3 has no text"),
        format!("skipped {w}/crawl.warc:record 4: WARC record 4 at byte offset"),
    ] {
        assert!(stderr.contains(&bad), "{bad:?} not in {stderr}");
    }
    assert!(stderr.contains(&format!("{w}/crawl.warc: 5 records, 1 HTML page")), "{stderr}");
    let rows = stored(&store);
    let get =
        |source: &str| rows.get(&format!("{w}/{source}")).unwrap_or_else(|| panic!("{source} not stored: {rows:?}"));
    let page = get("news_page.html");
    assert_eq!(page[1].as_deref(), Some("العنوان من JSON-LD"));
    assert_eq!(page[5].as_deref(), Some("سارة الكاتبة"));
    let item = get("feed.rss:item 1");
    assert_eq!((item[3].as_deref(), item[2].as_deref()), (Some("وكالة المثال"), Some("2015-07-21")));
    // the same page in four encodings and a WARC record is one article: stored once
    let og: Vec<&String> = rows.keys().filter(|k| k.contains("og_only") || k.contains("crawl.warc")).collect();
    assert_eq!(og.len(), 1, "{og:?}");
}

#[test]
fn analyze_reads_a_feed_as_a_batch() {
    let out =
        marsad().arg("analyze").arg(own_fixtures().join("feed.rss")).arg("--format").arg("json").assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["meta"]["title"], "الخبر الأول");
    assert_eq!(lines[2]["kind"], "no content");
    assert!(lines[2]["source"].as_str().unwrap().ends_with("feed.rss:item 3"));
}

/// Words of a text: runs of letters and digits.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Words in common between two texts, counted with their multiplicity.
fn overlap(a: &[String], b: &[String]) -> usize {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    b.iter()
        .filter(|w| {
            let c = counts.entry(w.as_str()).or_default();
            *c -= 1;
            *c >= 0
        })
        .count()
}

fn percent_decoded(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Floors of the acceptance test, set below the figures of docs/ingest.md.
const MIN_RECALL: f64 = 0.97;
const MIN_PRECISION: f64 = 0.97;
const MIN_FIELD_ACCURACY: f64 = 0.95;

#[test]
fn web_fixtures_from_the_shared_corpora_are_read_as_their_manifest_says() {
    if marsad_core::data::shared_path("data/news/saudinewsnet/articles.jsonl").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fx = dir.path().join("web-fixtures");
    let status = std::process::Command::new("python3")
        .arg(repo().join("tools/make_web_fixtures.py"))
        .arg(&fx)
        .arg("--shared")
        .arg(repo().join("../shared"))
        .status()
        .expect("python3 runs");
    assert!(status.success(), "tools/make_web_fixtures.py failed");
    let store = dir.path().join("web.sqlite");
    let mut cmd = marsad();
    cmd.arg("ingest").arg("--store").arg(&store);
    for sub in ["pages", "feeds", "warc", "bad"] {
        cmd.arg(fx.join(sub));
    }
    let out = cmd.assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    eprintln!("{}", stderr.lines().last().unwrap_or(""));
    let rows = stored(&store);
    let prefix = format!("{}/", fx.display());
    let manifest = std::fs::read_to_string(fx.join("manifest.jsonl")).unwrap();

    let (mut good, mut bad_reported, mut bad) = (0usize, 0usize, 0usize);
    let (mut common, mut extracted, mut truth) = (0usize, 0usize, 0usize);
    let mut per_template: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut fields: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missing = Vec::new();
    for line in manifest.lines() {
        let m: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = m["file"].as_str().unwrap();
        let name = match m["position"].as_str() {
            Some(p) => format!("{prefix}{file}:{p}"),
            None => format!("{prefix}{file}"),
        };
        if let Some(kind) = m["bad"].as_str() {
            bad += 1;
            if stderr.contains(&format!("skipped {name}: ")) {
                bad_reported += 1;
            } else {
                eprintln!("not reported: {name} ({kind})");
            }
            continue;
        }
        good += 1;
        let Some(row) = rows.get(&name) else {
            missing.push(name);
            continue;
        };
        let (t, e) = (words(m["text"].as_str().unwrap()), words(row[0].as_deref().unwrap_or("")));
        let c = overlap(&t, &e);
        common += c;
        extracted += e.len();
        truth += t.len();
        let entry = per_template.entry(m["template"].as_str().unwrap().to_owned()).or_default();
        entry.0 += c;
        entry.1 += e.len();
        entry.2 += t.len();
        let same = |field: &str, got: &Option<String>, want: Option<&str>| -> (bool, bool) {
            let Some(want) = want else { return (false, false) };
            let got = got.as_deref().unwrap_or("");
            let ok =
                if field == "url" { percent_decoded(got) == percent_decoded(want) } else { words(got) == words(want) };
            if !ok {
                eprintln!("{name}: {field} {got:?}, want {want:?}");
            }
            (true, ok)
        };
        for (i, field) in [(1, "title"), (2, "date"), (3, "outlet"), (4, "url"), (5, "author")] {
            let (counted, ok) = same(field, &row[i], m[field].as_str());
            if counted {
                let f = fields.entry(field).or_default();
                f.0 += usize::from(ok);
                f.1 += 1;
            }
        }
    }
    let recall = common as f64 / truth as f64;
    let precision = common as f64 / extracted as f64;
    println!(
        "web fixtures: {good} articles, {} stored; {bad_reported} of {bad} bad inputs reported",
        good - missing.len()
    );
    println!("text (words): recall {recall:.4}, precision {precision:.4} (floors {MIN_RECALL}, {MIN_PRECISION})");
    for (t, (c, e, tr)) in &per_template {
        println!("  {t:16} recall {:.4} precision {:.4}", *c as f64 / *tr as f64, *c as f64 / (*e).max(1) as f64);
    }
    for (f, (ok, n)) in &fields {
        println!("  {f:8} {ok}/{n} = {:.4}", *ok as f64 / *n as f64);
    }
    assert!(missing.is_empty(), "not stored: {missing:?}");
    assert_eq!(rows.len(), good, "every good article once, nothing else");
    assert_eq!(bad_reported, bad, "every bad input reported by name and position");
    assert!(recall >= MIN_RECALL && precision >= MIN_PRECISION, "recall {recall:.4}, precision {precision:.4}");
    for (f, (ok, n)) in &fields {
        let acc = *ok as f64 / *n as f64;
        assert!(acc >= MIN_FIELD_ACCURACY, "{f}: {ok}/{n}");
    }
}
