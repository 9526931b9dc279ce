//! `marsad eval time` and `marsad eval quantities` on a small corpus and gold file of
//! the tests' own, and their errors on bad gold files and missing data.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

/// Two records in the corpus layout the gold files cite (`news/antcorpus/articles.jsonl`).
const RECORDS: [(&str, &str); 2] = [
    ("t-1", "وصل الوفد أمس إلى تونس، وتستمر الزيارة من 16 إلى 18 جانفي 2024."),
    ("t-2", "بلغت الصادرات نحو 2.5 مليار دينار، أي أكثر من 12 بالمائة من الناتج."),
];

fn marsad() -> Command {
    Command::cargo_bin("marsad").expect("the marsad binary is built")
}

/// Character offsets of `needle` in `hay`.
fn chars(hay: &str, needle: &str) -> (usize, usize) {
    let byte = hay.find(needle).expect("the needle is in the text");
    let start = hay[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// A data folder with the two records, and gold files for both layers.
fn setup() -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let news = dir.path().join("data/news/antcorpus");
    std::fs::create_dir_all(&news).unwrap();
    let corpus: String =
        RECORDS.iter().map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n").collect();
    std::fs::write(news.join("articles.jsonl"), corpus).unwrap();

    let (t1, t2) = (RECORDS[0].1, RECORDS[1].1);
    let (a, b) = chars(t1, "أمس");
    let (c, d) = chars(t1, "16 إلى 18 جانفي 2024");
    let time = [
        serde_json::json!({"corpus": "antcorpus", "doc": "t-1", "published": "2024-01-16", "times": [
            {"start": a, "end": b, "type": "date", "value": "2024-01-15"},
            {"start": c, "end": d, "type": "interval", "value": "2024-01-16/2024-01-18"},
        ]}),
        serde_json::json!({"corpus": "antcorpus", "doc": "t-2", "published": "2024-01-16", "times": []}),
    ];
    let (e, f) = chars(t2, "نحو 2.5 مليار دينار");
    let (g, h) = chars(t2, "أكثر من 12 بالمائة");
    let quantities = [
        serde_json::json!({"corpus": "antcorpus", "doc": "t-1", "published": "2024-01-16", "quantities": []}),
        serde_json::json!({"corpus": "antcorpus", "doc": "t-2", "published": "2024-01-16", "quantities": [
            {"start": e, "end": f, "kind": "money", "value": 2.5e9, "unit": null, "qualifier": "approximate"},
            {"start": g, "end": h, "kind": "percent", "value": 12, "unit": null, "qualifier": "more_than"},
        ]}),
    ];
    let lines = |v: &[serde_json::Value]| v.iter().map(|x| x.to_string() + "\n").collect::<String>();
    std::fs::write(dir.path().join("time.jsonl"), lines(&time)).unwrap();
    std::fs::write(dir.path().join("quantities.jsonl"), lines(&quantities)).unwrap();
    dir
}

fn eval_json(dir: &Path, layer: &str) -> serde_json::Value {
    let gold = dir.join(if layer == "time" { "time.jsonl" } else { "quantities.jsonl" });
    let out = marsad().args(["eval", layer]).arg(gold).arg("--data").arg(dir.join("data")).arg("--json").assert();
    serde_json::from_slice(&out.success().get_output().stdout).expect("the output is JSON")
}

#[test]
fn time_eval_scores_spans_and_values() {
    let dir = setup();
    let v = eval_json(dir.path(), "time");
    assert_eq!(v["layer"], "times");
    assert_eq!(v["documents"], 2);
    assert_eq!(v["gold"], 2);
    assert_eq!(v["relaxed"]["recall"], 100.0, "{v:#}");
    assert_eq!(v["value"]["accuracy"], 100.0, "{v:#}");
    assert!(v["seconds"].as_f64().unwrap() > 0.0);
}

#[test]
fn quantities_eval_scores_spans_and_values() {
    let dir = setup();
    let v = eval_json(dir.path(), "quantities");
    assert_eq!(v["layer"], "quantities");
    assert_eq!(v["gold"], 2);
    assert_eq!(v["relaxed"]["recall"], 100.0, "{v:#}");
    assert_eq!(v["value"]["accuracy"], 100.0, "{v:#}");
}

#[test]
fn text_report_names_the_layer_and_the_figures() {
    let dir = setup();
    marsad()
        .args(["eval", "time"])
        .arg(dir.path().join("time.jsonl"))
        .arg("--data")
        .arg(dir.path().join("data"))
        .assert()
        .success()
        .stdout(predicate::str::contains("times: 2 documents, 2 gold expressions"))
        .stdout(predicate::str::contains("value accuracy"));
}

#[test]
fn missing_gold_file_is_named() {
    let dir = setup();
    let missing = dir.path().join("nothing.jsonl");
    marsad()
        .args(["eval", "time"])
        .arg(&missing)
        .arg("--data")
        .arg(dir.path().join("data"))
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(format!("{}: no such file or directory", missing.display())));
}

#[test]
fn gold_file_of_the_other_layer_is_refused() {
    let dir = setup();
    marsad()
        .args(["eval", "quantities"])
        .arg(dir.path().join("time.jsonl"))
        .arg("--data")
        .arg(dir.path().join("data"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("time.jsonl:1: no \"quantities\" list"));
}

#[test]
fn unknown_record_and_missing_data_are_named() {
    let dir = setup();
    let gold = dir.path().join("bad.jsonl");
    std::fs::write(&gold, "{\"corpus\":\"antcorpus\",\"doc\":\"t-9\",\"times\":[]}\n").unwrap();
    marsad()
        .args(["eval", "time"])
        .arg(&gold)
        .arg("--data")
        .arg(dir.path().join("data"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.jsonl:1: record \"t-9\" is not in corpus antcorpus"));
    marsad()
        .args(["eval", "time"])
        .arg(dir.path().join("time.jsonl"))
        .arg("--data")
        .arg(dir.path().join("elsewhere"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("the data folder is missing"));
}
