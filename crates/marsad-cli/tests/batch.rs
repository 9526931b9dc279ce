//! `marsad analyze` over many articles: files, folders, JSON Lines; bad articles
//! skipped, counted and left as error records; output in input order whatever the
//! number of threads.

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
/// a hidden file and a JSON Lines file with one good record, one without text, a
/// blank line and one with a date that is not one.
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
         {\"text\": \"أعلن الجيش عن مناورات مشتركة.\", \"published\": \"أمس\"}\n",
    )
    .unwrap();
    dir
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes).lines().map(|l| serde_json::from_str(l).expect("a JSON document a line")).collect()
}

/// The documents of a JSON Lines output, without the error records.
fn documents(bytes: &[u8]) -> Vec<Value> {
    lines(bytes).into_iter().filter(|d| d.get("error").is_none()).collect()
}

/// The last part of a path or `path:line` source.
fn short(source: &str) -> String {
    Path::new(source.split(" (id").next().unwrap()).file_name().unwrap().to_string_lossy().into_owned()
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
        .stderr(predicate::str::contains("more.jsonl:3: a blank line, not a record"))
        .stderr(predicate::str::contains(
            "marsad: analysed 6 articles, skipped 4 (1 bad record, 1 binary, 1 blank line, 1 empty)",
        ))
        .get_output()
        .stdout
        .clone();
    // one line for every article read, in input order: a document or an error record
    let all = lines(&out);
    let order: Vec<(String, Option<&str>)> = all
        .iter()
        .map(|d| match d.get("error") {
            Some(_) => (short(d["source"].as_str().unwrap()), d["kind"].as_str()),
            None => (short(d["meta"]["source"].as_str().unwrap()), None),
        })
        .collect();
    let expected = [
        ("01_ziyara_rasmiya.txt", None),
        ("02_tamrin_mushtarak.txt", None),
        ("03_tasrih.txt", None),
        ("empty.txt", Some("empty")),
        ("more.jsonl:1", None),
        ("more.jsonl:2", Some("bad record")),
        ("more.jsonl:3", Some("blank line")),
        ("more.jsonl:4", None),
        ("04_nafy.txt", None),
        ("image.txt", Some("binary")),
    ];
    assert_eq!(order, expected.map(|(s, k)| (s.to_owned(), k)));
    assert!(all[5]["error"].as_str().unwrap().contains("no \"text\" string field"));
    let docs = documents(&out);
    let sources: Vec<String> = docs.iter().map(|d| short(d["meta"]["source"].as_str().unwrap())).collect();
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
        .stderr(predicate::str::contains("marsad: error: 4 articles skipped (--strict)"));
    let written = std::fs::read(&out).unwrap();
    assert_eq!(documents(&written).len(), 6, "the analysed articles are still written");
    assert_eq!(lines(&written).len(), 10, "and an error record for each skipped one");
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
    let out = lines(&out);
    assert_eq!(out.len(), 2);
    assert_eq!(out[1], serde_json::json!({"source": "-:2", "kind": "empty", "error": out[1]["error"]}));
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
}

/// Writes `content` to `name` in a fresh folder.
fn file(name: &str, content: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    (dir, path)
}

#[test]
fn a_batch_where_nothing_was_analysed_fails() {
    marsad()
        .args(["analyze", "--format", "json", "no/such/folder/a.txt", "no/such/b.txt"])
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("skipped no/such/folder/a.txt: no such file or directory"))
        .stderr(predicate::str::contains("analysed 0 articles, skipped 2 (2 unreadable)"))
        .stderr(predicate::str::contains(
            "marsad: error: nothing was analysed: every article of no/such/folder/a.txt, no/such/b.txt was skipped",
        ));
    // a folder of empty files
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "").unwrap();
    std::fs::write(dir.path().join("b.txt"), " \n").unwrap();
    marsad()
        .args(["analyze", "--format", "json"])
        .arg(dir.path())
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("nothing was analysed"));
    // --jsonl on a text file: every line is a bad record
    let (_d, text) = file("article.txt", "قال الوزير\nإن المحادثات\nستستأنف\nغدا\nفي القاهرة\n");
    marsad()
        .args(["analyze", "--jsonl", "--format", "json"])
        .arg(&text)
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("skipped 5 (5 bad records)"))
        .stderr(predicate::str::contains("nothing was analysed"));
}

#[cfg(unix)]
#[test]
fn a_broken_symbolic_link_in_a_folder_is_reported_and_a_good_one_followed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(examples().join("03_tasrih.txt"), dir.path().join("a.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("b.txt")).unwrap();
    std::os::unix::fs::symlink(examples().join("04_nafy.txt"), dir.path().join("c.txt")).unwrap();
    let out = marsad()
        .args(["analyze", "--format", "json"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("b.txt: a broken symbolic link"))
        .stderr(predicate::str::contains("analysed 2 articles, skipped 1 (1 unreadable)"))
        .get_output()
        .stdout
        .clone();
    let out = lines(&out);
    assert_eq!(out.len(), 3);
    assert_eq!(out[1]["kind"], "unreadable");
}

#[test]
fn one_record_of_json_lines_is_one_article_for_every_format() {
    let (_d, path) = file(
        "one.jsonl",
        "{\"text\": \"قال الوزير إن المحادثات ستستأنف غدا.\", \"title\": \"المحادثات\", \"date\": \"2015-07-21 02:51:32\"}\n",
    );
    let report = marsad().arg("analyze").arg(&path).assert().success().get_output().stdout.clone();
    let report = String::from_utf8(report).unwrap();
    assert!(report.contains("title      المحادثات") && report.contains("published  2015-07-21"), "{report}");
    assert!(report.contains(&format!("source     {}:1", path.display())), "{report}");
    let page = marsad().arg("analyze").arg(&path).args(["--format", "html"]).assert().success();
    assert!(String::from_utf8_lossy(&page.get_output().stdout).contains("<html"));
    // standard input too, and a folder holding one article
    marsad()
        .args(["analyze", "--jsonl", "-"])
        .write_stdin("{\"text\": \"قال الوزير إن المحادثات ستستأنف غدا.\"}\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("marsad report"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(examples().join("03_tasrih.txt"), dir.path().join("a.txt")).unwrap();
    marsad().arg("analyze").arg(dir.path()).assert().success().stdout(predicate::str::contains("marsad report"));
    // a bad record is an error, two records need a format for many
    let (_d, bad) = file("bad.jsonl", "{\"title\": \"x\"}\n");
    marsad().arg("analyze").arg(&bad).assert().failure().stderr(predicate::str::contains(format!(
        "marsad: error: cannot read {}:1: no \"text\" string field",
        bad.display()
    )));
    let (_d, two) = file("two.jsonl", "{\"text\": \"نص\"}\n{\"text\": \"نص\"}\n");
    marsad()
        .arg("analyze")
        .arg(&two)
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("hold more than one article"))
        .stderr(predicate::str::contains("add --format json or --format gdelt"));
}

#[test]
fn json_lines_keep_one_output_line_per_input_line() {
    let input = "{\"id\": \"a\", \"text\": \"قال الوزير إن المحادثات ستستأنف غدا.\"}\n\
                 {\"id\": \"b\", \"text\": \"   \"}\n\
                 \n\
                 not json\n\
                 {\"id\": 5, \"text\": \"أعلن الجيش عن مناورات مشتركة.\"}\n";
    let (_d, path) = file("five.jsonl", &format!("\u{FEFF}{input}"));
    for jobs in ["1", "2"] {
        let out = marsad()
            .args(["analyze", "--format", "json", "--jobs", jobs])
            .arg(&path)
            .assert()
            .success()
            .stderr(predicate::str::contains("skipped 3 (1 bad record, 1 blank, 1 blank line)"))
            .get_output()
            .stdout
            .clone();
        let out = lines(&out);
        assert_eq!(out.len(), 5, "one line per input line");
        for (n, kind) in [(2, "blank"), (3, "blank line"), (4, "bad record")] {
            assert_eq!(out[n - 1]["kind"], kind);
            assert_eq!(out[n - 1]["source"], format!("{}:{n}", path.display()));
            assert!(out[n - 1]["error"].as_str().is_some_and(|e| !e.is_empty()));
        }
        assert!(out[0]["meta"]["source"].as_str().unwrap().ends_with(":1 (id a)"));
        assert!(out[4]["meta"]["source"].as_str().unwrap().ends_with(":5 (id 5)"));
    }
}

#[test]
fn dates_of_records_are_read_from_the_fields_corpora_use() {
    let input = "{\"text\": \"قال الوزير أمس إن المحادثات ستستأنف.\", \"date\": \"2015-07-21 02:51:32\"}\n\
                 {\"text\": \"قال الوزير أمس إن المحادثات ستستأنف.\", \"date_iso\": \"2017-01-20\", \"date\": \"2017-01-20T21:43:00+01:00\"}\n\
                 {\"text\": \"قال الوزير أمس إن المحادثات ستستأنف.\", \"published\": \"Tue, 21 Jul 2015 10:00:00 +0300\"}\n\
                 {\"text\": \"قال الوزير أمس إن المحادثات ستستأنف.\", \"published\": \"21/07/2015\", \"when\": \"2001-02-03\"}\n";
    let (_d, path) = file("dated.jsonl", input);
    let out = marsad()
        .args(["analyze", "--format", "json"])
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains("no record of the batch has a publication date").not())
        .get_output()
        .stdout
        .clone();
    let days: Vec<Value> = lines(&out).iter().map(|d| d["meta"]["published"].clone()).collect();
    assert_eq!(days, ["2015-07-21", "2017-01-20", "2015-07-21", "2015-07-21"]);
    let first = &lines(&out)[0];
    assert!(
        first["times"].as_array().unwrap().iter().any(|t| t["value"] == "2015-07-20"),
        "أمس anchored: {}",
        first["times"]
    );
    // a field named on the command line, and a warning once when no record has a date
    let out = marsad()
        .args(["analyze", "--format", "json", "--date-field", "when"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let days: Vec<Value> = lines(&out).iter().map(|d| d["meta"]["published"].clone()).collect();
    assert_eq!(days, [Value::Null, Value::Null, Value::Null, "2001-02-03".into()]);
    let (_d, undated) = file("undated.jsonl", "{\"text\": \"قال الوزير.\"}\n{\"text\": \"قال الوزير.\"}\n");
    let assert = marsad().args(["analyze", "--format", "json"]).arg(&undated).assert().success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert_eq!(stderr.matches("no record of the batch has a publication date").count(), 1, "{stderr}");
    assert!(stderr.contains("\"published\", \"date\", \"date_iso\"") && stderr.contains("--date-field"), "{stderr}");
}
