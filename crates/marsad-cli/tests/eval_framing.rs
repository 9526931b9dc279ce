//! `marsad eval framing|checkworthy` and `marsad train framing|checkworthy` on small
//! gold files of the tests' own, in the shared tasks' formats.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn marsad() -> Command {
    Command::cargo_bin("marsad").expect("the marsad binary is built")
}

fn fixture(dir: &TempDir, name: &str, body: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, body).expect("the fixture is written");
    path
}

/// ArMPro-style paragraphs: loaded words with spans, and plain reports without.
fn armpro(n: usize) -> String {
    let loaded = ["وحشي", "همجي"];
    let places = ["القرية", "المدينة", "الحي", "البلدة", "المخيم"];
    let mut out = String::new();
    for i in 0..n {
        let (w, p) = (loaded[i % loaded.len()], places[i % places.len()]);
        let (text, labels) = if i % 2 == 0 {
            let text = format!("شنت القوات هجوما {w} على {p} في الساعة {i}.");
            let start = text[..text.find(w).unwrap()].chars().count();
            let label = format!(
                r#"[{{"technique": "Loaded_Language", "text": "{w}", "start": {start}, "end": {}}}]"#,
                start + w.chars().count()
            );
            (text, label)
        } else {
            (format!("عقد المجلس البلدي في {p} اجتماعه الدوري رقم {i}."), "[]".to_owned())
        };
        out.push_str(&format!(
            r#"{{"page_id": "page{}", "paragraph_id": "page{}_{i:03}", "paragraph": "{text}", "labels": {labels}}}"#,
            i / 3,
            i / 3
        ));
        out.push('\n');
    }
    out
}

#[test]
fn eval_framing_scores_spans_paragraphs_and_binary_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let gold = fixture(&dir, "armpro.jsonl", &armpro(6));
    marsad()
        .args(["eval", "framing"])
        .arg(&gold)
        .assert()
        .success()
        .stdout(predicate::str::contains("framing: 6 records (6 with spans, 6 with labels)"))
        .stdout(predicate::str::contains("spans (partial overlap)  micro P"))
        .stdout(predicate::str::contains("binary (any technique)"));
    let out = marsad().args(["eval", "framing", "--json"]).arg(&gold).assert().success().get_output().stdout.clone();
    let v: Value = serde_json::from_slice(&out).expect("JSON");
    for key in ["micro_f1", "macro_f1"] {
        assert!(v["span"][key].is_number(), "span.{key} in {v}");
        assert!(v["paragraph"][key].is_number(), "paragraph.{key} in {v}");
    }
    assert!(v["binary"]["f1"].is_number());
    assert_eq!(v["records"], 6);
}

#[test]
fn eval_framing_reads_the_other_formats() {
    let dir = tempfile::tempdir().unwrap();
    let wanlp = fixture(
        &dir,
        "wanlp.json",
        r#"[{"id": "1", "text": "هجوم وحشي على المدنيين", "labels": [{"technique": "Loaded Language", "start": 5, "end": 9}]},
            {"id": "2", "text": "اجتماع دوري للمجلس", "labels": []}]"#,
    );
    marsad().args(["eval", "framing"]).arg(&wanlp).assert().success().stdout(predicate::str::contains("2 with spans"));
    let araieval = fixture(
        &dir,
        "task1B.jsonl",
        "{\"id\": \"1\", \"text\": \"هجوم وحشي\", \"labels\": [\"Loaded_Language\"], \"type\": \"tweet\"}\n\
         {\"id\": \"2\", \"text\": \"اجتماع دوري\", \"labels\": [\"no_technique\"], \"type\": \"paragraph\"}\n",
    );
    marsad()
        .args(["eval", "framing"])
        .arg(&araieval)
        .assert()
        .success()
        .stdout(predicate::str::contains("(0 with spans, 2 with labels)"));
}

#[test]
fn bad_gold_files_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = fixture(&dir, "bad.jsonl", "{\"id\": \"1\", \"text\": \"نص\", \"labels\": [\"Magic\"]}\n");
    marsad()
        .args(["eval", "framing"])
        .arg(&bad)
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("bad.jsonl:1: unknown technique \"Magic\""));
    let broken = fixture(&dir, "broken.jsonl", "{\"id\": \n");
    marsad()
        .args(["eval", "framing"])
        .arg(&broken)
        .assert()
        .failure()
        .stderr(predicate::str::contains("broken.jsonl:1: not JSON"));
    marsad()
        .args(["eval", "framing", "no/such/file.jsonl"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no/such/file.jsonl"));
    let tsv = fixture(&dir, "ct.tsv", "tweet_id\ttweet_text\tclass_label\n1\tنص\t2\n");
    marsad()
        .args(["eval", "checkworthy"])
        .arg(&tsv)
        .assert()
        .failure()
        .stderr(predicate::str::contains("ct.tsv:2: class_label is \"2\", not 0 or 1"));
}

#[test]
fn train_framing_writes_models_that_read_back_and_cross_validates() {
    let dir = tempfile::tempdir().unwrap();
    let gold = fixture(&dir, "armpro.jsonl", &armpro(40));
    let out = dir.path().join("models");
    marsad().args(["train", "framing"]).arg(&gold).arg("--out").arg(&out).assert().success();
    for name in ["framing_spans.tsv", "framing_paragraphs.tsv"] {
        let model = std::fs::read_to_string(out.join(name)).expect("the model is written");
        assert!(model.starts_with("# trained by `marsad train framing` on armpro.jsonl (40 records)"), "{model}");
        assert!(
            model.lines().any(|l| l.starts_with("labels\t")) && model.lines().any(|l| l.starts_with("thresholds\t"))
        );
    }
    let spans = std::fs::read_to_string(out.join("framing_spans.tsv")).unwrap();
    let weight: f32 = spans
        .lines()
        .find_map(|l| l.strip_prefix("w=وحشي\tLoaded_Language\t"))
        .expect("the loaded word has a weight")
        .parse()
        .unwrap();
    assert!(weight > 0.0, "the loaded word raises the technique: {weight}");
    marsad()
        .args(["train", "framing", "--cv", "2"])
        .arg(&gold)
        .assert()
        .success()
        .stdout(predicate::str::contains("framing: 40 records (40 with spans, 40 with labels)"));
    marsad()
        .args(["train", "framing", "--cv", "1"])
        .arg(&gold)
        .assert()
        .failure()
        .stderr(predicate::str::contains("at least 2 folds"));
}

#[test]
fn train_and_eval_checkworthy_on_checkthat_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = String::from("topic\ttweet_id\ttweet_url\ttweet_text\tclass_label\n");
    let mut b = a.clone();
    for i in 0..30 {
        a.push_str(&format!("t\t{i}\tu\tأعلنت الوزارة تسجيل {} إصابة جديدة بالفيروس\t{}\n", 100 + i, i % 2));
        b.push_str(&format!("t\t{i}\tu\tأعلنت الوزارة تسجيل {} إصابة جديدة بالفيروس\t1\n", 100 + i));
        b.push_str(&format!("t\t{}\tu\tصباح الخير يا أصدقاء\t0\n", 1000 + i));
    }
    let a = fixture(&dir, "1A.tsv", &a);
    let b = fixture(&dir, "1B.tsv", &b);
    let model = dir.path().join("cw.tsv");
    marsad()
        .args(["train", "checkworthy"])
        .arg(&a)
        .arg("--verifiable")
        .arg(&b)
        .arg("--dev")
        .arg(&a)
        .arg("--out")
        .arg(&model)
        .assert()
        .success()
        .stdout(predicate::str::contains("check-worthiness: 30 texts, 15 check-worthy"));
    let text = std::fs::read_to_string(&model).unwrap();
    assert!(text.contains("labels\tcheckworthy\tverifiable"), "{text}");
    let out = marsad().args(["eval", "checkworthy", "--json"]).arg(&a).assert().success().get_output().stdout.clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!((v["texts"].as_u64(), v["positives"].as_u64()), (Some(30), Some(15)));
    assert!(v["f1"].is_number());
    marsad().args(["eval", "checkworthy", "--verifiable"]).arg(&b).assert().success();
}
