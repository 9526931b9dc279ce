//! `marsad export`: the project's example articles ingested into a temporary store,
//! then exported in every format. The JSON Lines are what `marsad analyze` writes for
//! the same articles; the GDELT rows are analyze's rows without those of the stored
//! copy and pass `tools/check_gdelt.py`; the Parquet folder is read back with DuckDB,
//! pyarrow and pandas by `tools/check_exports.py`, which checks its row counts against
//! the store and its column types; the GKG-like rows have one row per article. Bad
//! requests fail with a clear message and leave nothing behind.
//!
//! The exports run on every back end (SQLite, and PostgreSQL when
//! `MARSAD_TEST_POSTGRES` is set); the Python checks, which read the store with
//! SQLite, on SQLite. They need pandas, DuckDB and pyarrow (installed by `.ci/run` from
//! `tools/requirements-data.txt`, which sets `MARSAD_REQUIRE_PYDATA=1`); elsewhere
//! they say they are skipped when the packages are absent.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use marsad_store::testing::{backends, Backend, Scratch};
use predicates::str::contains;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example(name: &str) -> PathBuf {
    repo().join("examples").join(name)
}

/// The examples published in March, then those published in April.
const MARCH: [&str; 4] = ["01_ziyara_rasmiya.txt", "02_tamrin_mushtarak.txt", "03_tasrih.txt", "04_nafy.txt"];
const APRIL: [&str; 3] = ["05_mizaniya.txt", "06_barlaman.txt", "07_mutamar.txt"];

fn marsad() -> Command {
    Command::cargo_bin("marsad").unwrap()
}

/// True when python3 can import pandas, duckdb and pyarrow; panics when they are required.
fn python_data_tools() -> bool {
    let ok = Process::new("python3")
        .args(["-c", "import pandas, duckdb, pyarrow"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        if std::env::var("MARSAD_REQUIRE_PYDATA").is_ok_and(|v| v == "1") {
            panic!(
                "pandas, duckdb and pyarrow are not importable and MARSAD_REQUIRE_PYDATA=1: pip install -r \
                 tools/requirements-data.txt"
            );
        }
        eprintln!("skipped: pandas, duckdb or pyarrow is not installed (pip install -r tools/requirements-data.txt)");
    }
    ok
}

/// A store of the seven examples (March and April) and one copy of the first from
/// another outlet, published a day later.
fn store(dir: &Path, store: &Scratch) {
    for (files, day) in [(&MARCH[..], "2024-03-10"), (&APRIL[..], "2024-04-02")] {
        marsad()
            .arg("ingest")
            .args(files.iter().map(|f| example(f)))
            .args(["--published", day])
            .args(store.args())
            .assert()
            .success();
    }
    let text = std::fs::read_to_string(example(MARCH[0])).unwrap();
    let record = serde_json::json!({ "text": text, "outlet": "another outlet", "date": "2024-03-11" });
    let copy = dir.join("copy.jsonl");
    std::fs::write(&copy, format!("{record}\n")).unwrap();
    marsad().arg("ingest").arg(&copy).args(store.args()).assert().success().stderr(contains("1 copy"));
}

fn export(store: &str, format: &str, out: &Path, more: &[&str]) -> assert_cmd::assert::Assert {
    marsad().arg("export").arg("--store").arg(store).args(["--format", format, "-o"]).arg(out).args(more).assert()
}

/// What `marsad analyze` writes for the examples in `format`, as the store was made.
fn analysed(format: &str, more: &[&str]) -> String {
    let mut out = String::new();
    for (files, day) in [(&MARCH[..], "2024-03-10"), (&APRIL[..], "2024-04-02")] {
        let a = marsad()
            .arg("analyze")
            .args(files.iter().map(|f| example(f)))
            .args(["--format", format, "--published", day])
            .args(more)
            .assert()
            .success();
        out.push_str(&String::from_utf8(a.get_output().stdout.clone()).unwrap());
    }
    out
}

#[test]
fn every_format_exports_the_stored_articles() {
    for backend in backends() {
        eprintln!("{}", backend.label());
        let dir = tempfile::tempdir().unwrap();
        let scratch = Scratch::new(&backend, dir.path());
        every_format_exports(dir.path(), &scratch);
    }
}

fn every_format_exports(dir: &Path, store: &Scratch) {
    self::store(dir, store);

    // JSON Lines: the documents as analyze writes them, then the copy's
    let jsonl = dir.join("docs.jsonl");
    export(store.spec(), "jsonl", &jsonl, &[]).success().stderr(contains("exported 8 articles"));
    let exported = std::fs::read_to_string(&jsonl).unwrap();
    let lines: Vec<&str> = exported.lines().collect();
    assert_eq!(lines.len(), 8);
    let expected = analysed("json", &[]);
    assert_eq!(lines[..7].join("\n") + "\n", expected, "the stored documents are analyze's");
    let copy: serde_json::Value = serde_json::from_str(lines[7]).unwrap();
    assert_eq!(copy["meta"]["outlet"], "another outlet");

    // GDELT rows: analyze's rows, the copy's events once only
    let gdelt = dir.join("events.tsv");
    export(store.spec(), "gdelt", &gdelt, &["--header"]).success().stderr(contains("events of 1 copy"));
    let rows = std::fs::read_to_string(&gdelt).unwrap();
    let expected = analysed("gdelt", &[]);
    assert!(!expected.is_empty());
    assert_eq!(rows.lines().skip(1).collect::<Vec<_>>(), expected.lines().collect::<Vec<_>>());

    // GKG-like rows: one per article, every column
    let gkg = dir.join("gkg.tsv");
    export(store.spec(), "gkg", &gkg, &["--header"]).success();
    let gkg = std::fs::read_to_string(&gkg).unwrap();
    let rows: Vec<Vec<&str>> = gkg.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 9);
    assert!(rows.iter().all(|r| r.len() == 15), "15 columns");
    assert_eq!(rows[0][0], "GKGRECORDID");
    assert_eq!(rows[1][1], "20240310");
    assert!(rows[1..].iter().any(|r| !r[7].is_empty()), "places are named");
    assert!(rows[1..].iter().all(|r| r[10].split(',').count() == 7), "tone has its seven figures");

    // Parquet: by month, every table in every month
    let parquet = dir.join("tables");
    export(store.spec(), "parquet", &parquet, &[]).success().stderr(contains("8 articles"));
    for table in ["articles", "events", "entities", "claims"] {
        for month in ["2024-03", "2024-04"] {
            assert!(parquet.join(table).join(format!("month={month}/part-0.parquet")).is_file(), "{table} {month}");
        }
    }

    if store.backend() != &Backend::Sqlite || !python_data_tools() {
        return;
    }
    let check = |args: &[&str]| {
        let out = Process::new("python3").arg(repo().join("tools/check_exports.py")).args(args).output().unwrap();
        assert!(out.status.success(), "check_exports.py: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let (s, p) = (store.spec(), parquet.to_str().unwrap());
    let totals = check(&["--store", s, "--parquet", p, "--json"]);
    assert_eq!(totals["store"]["articles"], 8);
    assert_eq!(totals["store"]["copies_left_out"], 1);
    assert!(totals["parquet"]["events"].as_u64().unwrap() > 0, "{totals}");
    let out = Process::new("python3").arg(repo().join("tools/check_gdelt.py")).arg(&gdelt).output().unwrap();
    assert!(out.status.success(), "check_gdelt.py: {}", String::from_utf8_lossy(&out.stderr));

    // a range: April only
    let april = dir.join("april");
    export(store.spec(), "parquet", &april, &["--from", "2024-04-01", "--to", "2024-04-30"])
        .success()
        .stderr(contains("exported 3 articles"));
    assert!(!april.join("events/month=2024-03").exists());
    let totals = check(&[
        "--store",
        s,
        "--parquet",
        april.to_str().unwrap(),
        "--from",
        "2024-04-01",
        "--to",
        "2024-04-30",
        "--json",
    ]);
    assert_eq!(totals["store"]["articles"], 3);
}

/// Nothing but the outputs of the successful exports is left in `dir`.
fn no_partial_files(dir: &Path) {
    let partial: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(partial.is_empty(), "{partial:?}");
}

#[test]
fn bad_requests_fail_clearly_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite");
    let store = path.to_str().unwrap();
    marsad()
        .arg("ingest")
        .arg(example(MARCH[2]))
        .args(["--published", "2024-03-10", "--store"])
        .arg(store)
        .assert()
        .success();
    let out = dir.path().join("out.tsv");

    export(store, "csv", &out, &[]).failure().stderr(contains("invalid value 'csv'")).stderr(contains("gdelt"));
    assert!(!out.exists());

    export(store, "gdelt", &out, &["--from", "2030-01-01"])
        .failure()
        .stderr(contains("nothing to export"))
        .stderr(contains("published on or after 2030-01-01"));
    assert!(!out.exists());
    export(store, "gdelt", &out, &["--from", "2024-05-01", "--to", "2024-04-01"])
        .failure()
        .stderr(contains("after --to"));

    let not_a_store = dir.path().join("notes.txt");
    std::fs::write(&not_a_store, "not a database, only words\n".repeat(200)).unwrap();
    export(not_a_store.to_str().unwrap(), "jsonl", &out, &[]).failure().stderr(contains("is not a marsad store"));
    export(dir.path().join("absent.sqlite").to_str().unwrap(), "jsonl", &out, &[])
        .failure()
        .stderr(contains("no such file"));
    assert!(!out.exists());

    // an existing output is kept unless --force
    std::fs::write(&out, "keep me\n").unwrap();
    export(store, "gdelt", &out, &[]).failure().stderr(contains("exists: give --force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me\n");
    export(store, "gdelt", &out, &["--force"]).success();
    assert_ne!(std::fs::read_to_string(&out).unwrap(), "keep me\n");

    // a folder too, and a failed export leaves the old one whole
    let tables = dir.path().join("tables");
    export(store, "parquet", &tables, &[]).success();
    export(store, "parquet", &tables, &[]).failure().stderr(contains("exists"));
    export(store, "parquet", &tables, &["--force", "--from", "2030-01-01"]).failure();
    assert!(tables.join("events/month=2024-03/part-0.parquet").is_file());
    export(store, "parquet", &tables, &["--force"]).success();
    no_partial_files(dir.path());
}

#[test]
fn articles_without_a_date_have_their_own_partition_that_every_reader_reads() {
    for backend in backends() {
        eprintln!("{}", backend.label());
        let dir = tempfile::tempdir().unwrap();
        let scratch = Scratch::new(&backend, dir.path());
        undated_partition(dir.path(), &scratch);
    }
}

fn undated_partition(dir: &Path, store: &Scratch) {
    marsad().arg("ingest").arg(example(MARCH[2])).args(store.args()).assert().success();
    marsad()
        .arg("ingest")
        .arg(example(MARCH[3]))
        .args(["--published", "2024-01-05"])
        .args(store.args())
        .assert()
        .success();
    let tables = dir.join("tables");
    export(store.spec(), "parquet", &tables, &[]).success();
    assert!(tables.join("articles/month=undated/part-0.parquet").is_file());
    assert!(tables.join("articles/month=2024-01/part-0.parquet").is_file());
    // a range leaves the undated article out
    export(store.spec(), "jsonl", &dir.join("dated.jsonl"), &["--to", "2024-12-31"])
        .success()
        .stderr(contains("exported 1 article "));
    if store.backend() != &Backend::Sqlite || !python_data_tools() {
        return;
    }
    let out = Process::new("python3")
        .arg(repo().join("tools/check_exports.py"))
        .arg("--store")
        .arg(store.spec())
        .arg("--parquet")
        .arg(&tables)
        .output()
        .unwrap();
    assert!(out.status.success(), "check_exports.py: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_near_copy_s_events_are_exported_once_like_an_exact_copy_s() {
    for backend in backends() {
        eprintln!("{}", backend.label());
        let dir = tempfile::tempdir().unwrap();
        let scratch = Scratch::new(&backend, dir.path());
        a_near_copy_s_events_are_exported_once(dir.path(), &scratch);
    }
}

fn a_near_copy_s_events_are_exported_once(dir: &Path, store: &Scratch) {
    self::store(dir, store);
    // a wire copy of the second example: a dateline added and its last paragraph dropped
    let text = std::fs::read_to_string(example(MARCH[1])).unwrap();
    let paragraphs: Vec<&str> = text.trim_end().split('\n').collect();
    let kept = if paragraphs.len() > 3 { &paragraphs[..paragraphs.len() - 1] } else { &paragraphs[..] };
    let near = format!("القاهرة - أ ف ب: {}", kept.join("\n"));
    let record = serde_json::json!({ "text": near, "outlet": "a third outlet", "date": "2024-03-12" });
    let input = dir.join("near.jsonl");
    std::fs::write(&input, format!("{record}\n")).unwrap();
    marsad()
        .arg("ingest")
        .arg(&input)
        .args(store.args())
        .assert()
        .success()
        .stderr(contains("1 new, 1 of them near-duplicate"));
    let kind = store.strings("SELECT kind FROM duplicates WHERE article_id = 9", &[]);
    assert_eq!(kind, vec![vec![Some("near".to_owned())]]);
    let per_mille =
        store.scalar("SELECT CAST(round(similarity * 1000) AS BIGINT) FROM duplicates WHERE article_id = 9");
    assert!((500..1000).contains(&per_mille), "similarity {per_mille} ‰");
    let own_events = store
        .scalar("SELECT count(*) FROM events e JOIN articles a ON a.current_revision = e.revision_id WHERE a.id = 9");
    assert!(own_events > 0, "the near copy has events of its own in the store");
    // GDELT rows: still exactly analyze's rows of the seven examples
    let gdelt = dir.join("events.tsv");
    export(store.spec(), "gdelt", &gdelt, &[]).success().stderr(contains("events of 2 copies"));
    let rows = std::fs::read_to_string(&gdelt).unwrap();
    assert_eq!(rows.lines().collect::<Vec<_>>(), analysed("gdelt", &[]).lines().collect::<Vec<_>>());
    // Parquet: the near copy is an article with copy_of, and its events are left out
    let parquet = dir.join("tables");
    export(store.spec(), "parquet", &parquet, &[])
        .success()
        .stderr(contains("9 articles"))
        .stderr(contains("events of 2 copies"));
    // a range without its original keeps them
    let alone = dir.join("alone.tsv");
    export(store.spec(), "gdelt", &alone, &["--from", "2024-03-12", "--to", "2024-03-12"]).success();
    assert!(std::fs::read_to_string(&alone).unwrap().lines().count() > 0, "its events are its own there");
    if store.backend() == &Backend::Sqlite && python_data_tools() {
        let out = Process::new("python3")
            .arg(repo().join("tools/check_exports.py"))
            .args(["--store", store.spec(), "--parquet", parquet.to_str().unwrap(), "--json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "check_exports.py: {}", String::from_utf8_lossy(&out.stderr));
        let totals: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(totals["store"]["copies_left_out"], 2);
    }
}
