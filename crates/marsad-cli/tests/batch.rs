//! `marsad analyze` over many articles: files, folders, JSON Lines; bad articles
//! skipped and counted; output in input order whatever the number of threads.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn marsad() -> Command {
    Command::cargo_bin("marsad").expect("the marsad binary is built")
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// A folder of example articles (one in a subfolder), an empty file, a binary file,
/// a hidden file and a JSON Lines file with one good record, one without text and
/// one with a date that is not one.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("articles");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    for name in ["01_ziyara_rasmiya.txt", "02_tamrin_mushtarak.txt", "03_tasrih.txt"] {
        std::fs::copy(examples().join(name), root.join(name)).unwrap();
    }
    std::fs::copy(examples().join("04_nafy.txt"), root.join("sub/04_nafy.txt")).unwrap();
    std::fs::write(root.join("empty.txt"), "").unwrap();
    std::fs::write(root.join("sub/image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(root.join(".hidden.txt"), "قال الوزير").unwrap();
    std::fs::write(
        root.join("more.jsonl"),
        "{\"id\": \"a1\", \"text\": \"قال الوزير إن المحادثات ستستأنف غدا.\", \"published\": \"2015-07-21 10:00\", \"outlet\": \"سبق\"}\n\
         {\"title\": \"بلا نص\"}\n\
         \n\
         {\"text\": \"أعلن الجيش عن مناورات مشتركة.\", \"published\": \"21/07/2015\"}\n",
    )
    .unwrap();
    dir
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes).lines().map(|l| serde_json::from_str(l).expect("a JSON document a line")).collect()
}

#[test]
fn a_folder_is_analysed_recursively_in_order_and_bad_articles_are_skipped_with_a_summary() {
    let dir = corpus();
    let out = marsad()
        .args(["analyze", "--format", "json"])
        .arg(dir.path().join("articles"))
        .assert()
        .success()
        .stderr(predicate::str::contains("empty.txt: the input is empty"))
        .stderr(predicate::str::contains("image.txt: the input looks like binary data"))
        .stderr(predicate::str::contains("more.jsonl:2: no \"text\" string field"))
        .stderr(predicate::str::contains("marsad: analysed 6 articles, skipped 3 (1 bad record, 1 binary, 1 empty)"))
        .get_output()
        .stdout
        .clone();
    let docs = lines(&out);
    let sources: Vec<String> = docs
        .iter()
        .map(|d| {
            let s = d["meta"]["source"].as_str().unwrap();
            Path::new(s.split(" (id").next().unwrap()).file_name().unwrap().to_string_lossy().into_owned()
        })
        .collect();
    assert_eq!(
        sources,
        [
            "01_ziyara_rasmiya.txt",
            "02_tamrin_mushtarak.txt",
            "03_tasrih.txt",
            "more.jsonl:1",
            "more.jsonl:4",
            "04_nafy.txt"
        ]
    );
    let record = &docs[3];
    assert_eq!(record["meta"]["published"], "2015-07-21");
    assert_eq!(record["meta"]["outlet"], "سبق");
    assert!(record["meta"]["source"].as_str().unwrap().ends_with("more.jsonl:1 (id a1)"));
    let undated = &docs[4];
    assert!(undated["meta"]["published"].is_null(), "{}", undated["meta"]);
    assert_eq!(undated["warnings"][0]["code"], "published_ignored");
    for d in &docs {
        assert!(d["tokens"].as_array().is_some_and(|t| !t.is_empty()) && d.get("techniques").is_some());
    }
}

#[test]
fn output_order_does_not_depend_on_threads_and_strict_fails_on_skips() {
    let dir = corpus();
    let run = |jobs: &str| {
        marsad()
            .args(["analyze", "--format", "json", "--jobs", jobs])
            .arg(dir.path().join("articles"))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(run("1"), run("2"));
    let out = dir.path().join("out.jsonl");
    marsad()
        .args(["analyze", "--format", "json", "--strict", "-o"])
        .arg(&out)
        .arg(dir.path().join("articles"))
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("marsad: error: 3 articles skipped (--strict)"));
    assert_eq!(lines(&std::fs::read(&out).unwrap()).len(), 6, "the analysed articles are still written");
}

#[cfg(unix)]
#[test]
fn output_to_a_device_is_written_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let ex = examples();
    for extra in [vec![ex.join("03_tasrih.txt"), ex.join("05_mizaniya.txt")], vec![ex.join("03_tasrih.txt")]] {
        marsad().args(["analyze", "--format", "json", "-o", "/dev/null"]).args(&extra).assert().success();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(meta.file_type().is_char_device(), "/dev/null is still a device");
    }
}

#[test]
fn several_files_and_standard_input_as_json_lines() {
    let ex = examples();
    let out = marsad()
        .args(["analyze", "--format", "json"])
        .arg(ex.join("03_tasrih.txt"))
        .arg(ex.join("05_mizaniya.txt"))
        .assert()
        .success()
        .stderr(predicate::str::contains("analysed 2 articles, skipped 0"))
        .get_output()
        .stdout
        .clone();
    assert_eq!(lines(&out).len(), 2);
    let out = marsad()
        .args(["analyze", "--jsonl", "--format", "json", "-"])
        .write_stdin("{\"text\": \"قال الوزير إن المحادثات ستستأنف غدا.\"}\n{\"text\": \"\"}\n")
        .assert()
        .success()
        .stderr(predicate::str::contains("<stdin>").not())
        .stderr(predicate::str::contains("-:2: the input is empty"))
        .get_output()
        .stdout
        .clone();
    assert_eq!(lines(&out).len(), 1);
}

#[test]
fn gdelt_rows_for_a_batch_and_formats_that_show_one_article_are_refused() {
    let ex = examples();
    let out = marsad()
        .args(["analyze", "--format", "gdelt", "--header", "--published", "2025-01-16"])
        .arg(ex.join("02_tamrin_mushtarak.txt"))
        .arg(ex.join("04_nafy.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("GlobalEventID\t"), "one header first: {text}");
    assert_eq!(text.matches("GlobalEventID").count(), 1);
    assert!(text.lines().skip(1).all(|l| l.split('\t').count() == 61));
    marsad()
        .args(["analyze", "--format", "html"])
        .arg(ex.join("02_tamrin_mushtarak.txt"))
        .arg(ex.join("04_nafy.txt"))
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("add --format json or --format gdelt"));
    marsad()
        .args(["analyze", "--format", "json", "no/such/folder/a.txt", "no/such/b.txt"])
        .assert()
        .success()
        .stderr(predicate::str::contains("skipped no/such/folder/a.txt: no such file or directory"))
        .stderr(predicate::str::contains("analysed 0 articles, skipped 2 (2 unreadable)"));
}
