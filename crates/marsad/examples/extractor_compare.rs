//! marsad's page extractor beside `dom_smoothie` (a port of Mozilla's Readability.js)
//! on the saved pages of `tools/make_web_fixtures.py`, scored against its manifest:
//! word recall and precision of the text, and the share of titles, dates and outlets
//! found. Both read the same decoded markup.
//!
//! ```sh
//! python3 tools/make_web_fixtures.py target/tmp/web-fixtures
//! cargo run --release -p marsad --features compare-extractors --example extractor_compare -- target/tmp/web-fixtures
//! ```

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use dom_smoothie::{Config, Readability, TextMode};
use marsad::input::record::parse_date;
use marsad::input::web::charset::decode_page;
use marsad::input::web::read_page;
use marsad::input::Limits;

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

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

/// Sums for one extractor: common, extracted and true words; fields right; time.
#[derive(Default)]
struct Score {
    common: usize,
    extracted: usize,
    truth: usize,
    title: usize,
    date: usize,
    outlet: usize,
    failed: usize,
    time: Duration,
}

impl Score {
    fn add(&mut self, truth: &[String], got: &str) {
        let e = words(got);
        self.common += overlap(truth, &e);
        self.extracted += e.len();
        self.truth += truth.len();
    }
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: extractor_compare FIXTURES_DIR"));
    let manifest = std::fs::read_to_string(dir.join("manifest.jsonl")).expect("the manifest");
    let mut scores: BTreeMap<&str, Score> = BTreeMap::new();
    let mut by_template: BTreeMap<(String, &str), Score> = BTreeMap::new();
    let mut pages = 0;
    for line in manifest.lines() {
        let m: serde_json::Value = serde_json::from_str(line).unwrap();
        if m.get("bad").is_some() || !m["position"].is_null() {
            continue;
        }
        pages += 1;
        let bytes = std::fs::read(dir.join(m["file"].as_str().unwrap())).unwrap();
        let truth = words(m["text"].as_str().unwrap());
        let template = m["template"].as_str().unwrap().to_owned();
        let want = |k: &str| m[k].as_str().map(words);

        let t = Instant::now();
        let ours = read_page(&bytes, None, &Limits::default());
        let s = scores.entry("marsad").or_default();
        s.time += t.elapsed();
        match ours {
            Ok(p) => {
                s.add(&truth, &p.text);
                by_template.entry((template.clone(), "marsad")).or_default().add(&truth, &p.text);
                s.title += usize::from(p.meta.title.as_deref().map(words) == want("title"));
                s.date += usize::from(p.meta.published.as_deref() == m["date"].as_str());
                s.outlet += usize::from(p.meta.outlet.as_deref().map(words) == want("outlet"));
            }
            Err(_) => {
                s.failed += 1;
                s.add(&truth, "");
            }
        }

        let html = decode_page(&bytes, None, &Limits::default()).unwrap().html;
        let t = Instant::now();
        let cfg = Config { text_mode: TextMode::Formatted, ..Config::default() };
        let theirs = Readability::new(html.as_str(), None, Some(cfg)).and_then(|mut r| r.parse());
        let s = scores.entry("dom_smoothie").or_default();
        s.time += t.elapsed();
        match theirs {
            Ok(a) => {
                s.add(&truth, &a.text_content);
                by_template.entry((template, "dom_smoothie")).or_default().add(&truth, &a.text_content);
                s.title += usize::from(Some(words(&a.title)) == want("title"));
                let day = a.published_time.as_deref().and_then(parse_date).map(|d| d.format("%Y-%m-%d").to_string());
                s.date += usize::from(day.as_deref() == m["date"].as_str());
                s.outlet += usize::from(a.site_name.as_deref().map(words) == want("outlet"));
            }
            Err(_) => {
                s.failed += 1;
                s.add(&truth, "");
            }
        }
    }
    println!("{pages} saved pages of {}", dir.display());
    println!(
        "{:14} {:>7} {:>9} {:>6} {:>6} {:>6} {:>6} {:>8}",
        "extractor", "recall", "precision", "title", "date", "outlet", "failed", "ms/page"
    );
    for (name, s) in &scores {
        println!(
            "{name:14} {:>7.4} {:>9.4} {:>6} {:>6} {:>6} {:>6} {:>8.2}",
            s.common as f64 / s.truth as f64,
            s.common as f64 / s.extracted.max(1) as f64,
            s.title,
            s.date,
            s.outlet,
            s.failed,
            s.time.as_secs_f64() * 1000.0 / pages as f64
        );
    }
    println!("by template:");
    for ((template, name), s) in &by_template {
        println!(
            "  {template:10} {name:14} recall {:.4} precision {:.4}",
            s.common as f64 / s.truth as f64,
            s.common as f64 / s.extracted.max(1) as f64
        );
    }
}
