//! The project's example articles: each typing fault listed in `examples/README.md`
//! is found with the listed suggestion, and nothing else is flagged.

use std::path::{Path, PathBuf};

use marsad::document::RepairKind;
use marsad::{Metadata, Pipeline};

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// (file, kind, written, suggested) for every fault in the README.
fn listed_faults() -> Vec<(String, String, String, String)> {
    let readme = std::fs::read_to_string(examples_dir().join("README.md")).expect("examples/README.md");
    let mut out = Vec::new();
    for line in readme.lines().filter(|l| l.starts_with("- `")) {
        let file = line[3..].split('`').next().unwrap().to_owned();
        let faults = line.split("faults:").nth(1).expect("every example lists its faults").trim();
        if faults == "none" {
            continue;
        }
        for fault in faults.split(';') {
            let parts: Vec<&str> = fault.split('`').collect();
            let kind = parts[0].trim().to_owned();
            let written = parts[1].to_owned();
            let suggested = if fault.contains("(delete)") { String::new() } else { parts[3].to_owned() };
            out.push((file.clone(), kind, written, suggested));
        }
    }
    out
}

fn kind_name(kind: RepairKind) -> String {
    serde_json::to_value(kind).unwrap().as_str().unwrap().to_owned()
}

#[test]
fn every_listed_fault_is_found_and_nothing_else() {
    let faults = listed_faults();
    assert!(faults.len() >= 5, "the README lists the examples' faults");
    let pipeline = Pipeline::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 6);
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc = pipeline.analyze(std::fs::read_to_string(&path).unwrap(), Metadata::default());
        let mut found: Vec<(String, String, String)> = doc
            .repairs
            .iter()
            .map(|r| (kind_name(r.kind), doc.slice(r.span).trim().to_owned(), r.suggestion.trim().to_owned()))
            .collect();
        let mut expected: Vec<(String, String, String)> =
            faults.iter().filter(|f| f.0 == name).map(|(_, k, w, s)| (k.clone(), w.clone(), s.clone())).collect();
        found.sort();
        expected.sort();
        assert_eq!(found, expected, "repairs in {name}");
    }
}
