//! GDELT rows load in the tools researchers read them with (pandas and DuckDB, through
//! `tools/check_gdelt.py`), and every row agrees with the CAMEO table: EventCode a CAMEO
//! code, QuadClass and GoldsteinScale those of the code, country columns ISO 3166-1
//! alpha-3 or empty, dates that are dates, AvgTone in GDELT's range.
//!
//! The Python packages are installed by `.ci/run` (`tools/requirements-data.txt`), which
//! sets `MARSAD_REQUIRE_PYDATA=1`; elsewhere the test says it is skipped when they are
//! absent.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// True when python3 can import pandas and duckdb; panics when they are required.
fn python_data_tools() -> bool {
    let ok = Process::new("python3").args(["-c", "import pandas, duckdb"]).output().is_ok_and(|o| o.status.success());
    if !ok {
        if std::env::var("MARSAD_REQUIRE_PYDATA").is_ok_and(|v| v == "1") {
            panic!("pandas and duckdb are not importable and MARSAD_REQUIRE_PYDATA=1: pip install -r tools/requirements-data.txt");
        }
        eprintln!("skipped: pandas and duckdb are not installed (pip install -r tools/requirements-data.txt)");
    }
    ok
}

/// `marsad analyze INPUT --format gdelt --header` into a file of `dir`.
fn rows(dir: &Path, name: &str, input: &Path) -> PathBuf {
    let out = dir.join(format!("{name}.tsv"));
    Command::cargo_bin("marsad")
        .unwrap()
        .arg("analyze")
        .arg(input)
        .args(["--format", "gdelt", "--header", "--published", "2024-03-10", "-o"])
        .arg(&out)
        .assert()
        .success();
    out
}

fn check(files: &[PathBuf]) -> serde_json::Value {
    let out = Process::new("python3")
        .arg(repo().join("tools/check_gdelt.py"))
        .args(files)
        .arg("--json")
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "check_gdelt.py found problems:\n{stderr}");
    serde_json::from_slice(&out.stdout).expect("check_gdelt.py --json prints JSON")
}

#[test]
fn the_examples_rows_load_in_pandas_and_duckdb_and_agree_with_the_cameo_table() {
    if !python_data_tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = rows(dir.path(), "examples", &repo().join("examples"));
    let totals = check(&[file]);
    assert!(totals["rows"].as_u64().unwrap() > 0, "the examples give rows: {totals}");
    assert_eq!(totals["rows"], totals["dated"], "every row is dated: {totals}");
}

#[test]
fn rows_of_both_news_corpora_are_dated_coded_and_consistent() {
    let (Some(snn), Some(ant)) = (
        marsad_core::data::shared_path("data/news/saudinewsnet/articles.jsonl"),
        marsad_core::data::shared_path("data/news/antcorpus/articles.jsonl"),
    ) else {
        return;
    };
    if !python_data_tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (name, path) in [("saudinewsnet", snn), ("antcorpus", ant)] {
        // 150 records from the middle of the file, so the sample is not only the first day's news
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mid = lines.len() / 2;
        let sample = dir.path().join(format!("{name}.jsonl"));
        std::fs::write(&sample, lines[mid..mid + 150].join("\n") + "\n").unwrap();
        let out = dir.path().join(format!("{name}.tsv"));
        Command::cargo_bin("marsad")
            .unwrap()
            .arg("analyze")
            .arg(&sample)
            .args(["--format", "gdelt", "--header", "-o"])
            .arg(&out)
            .assert()
            .success();
        files.push(out);
    }
    let totals = check(&files);
    let (n, dated, tone) =
        (totals["rows"].as_u64().unwrap(), totals["dated"].as_u64().unwrap(), totals["tone"].as_u64().unwrap());
    assert!(n > 100, "300 articles give rows: {totals}");
    assert_eq!(dated, n, "the records' dates date every row: {totals}");
    assert_eq!(tone, n, "every row has the article's tone: {totals}");
}
