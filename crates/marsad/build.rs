//! Compiles the gazetteer TSV files under `resources/gazetteer/` into the entity index
//! (an fst of names, postings and entries) embedded in the library.

use std::env;
use std::fs;
use std::path::PathBuf;

#[path = "../marsad-core/src/chars.rs"]
#[allow(dead_code)]
mod chars;

#[path = "src/entities/gazetteer_build.rs"]
#[allow(dead_code)]
mod gazetteer_build;

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../resources");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    gazetteer(&root, &out);
}

/// Compiles the gazetteer TSV files (those that exist) into the entity index.
fn gazetteer(root: &std::path::Path, out: &std::path::Path) {
    let dir = root.join("gazetteer");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=src/entities/gazetteer_build.rs");
    let names = [
        "countries.tsv",
        "demonyms.tsv",
        "ethnic_groups.tsv",
        "places.tsv",
        "organizations.tsv",
        "institutions.tsv",
        "ministry_portfolios.tsv",
        "person_names.tsv",
    ];
    let texts: Vec<(&str, String)> =
        names.iter().filter_map(|n| fs::read_to_string(dir.join(n)).ok().map(|t| (*n, t))).collect();
    let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let entries = gazetteer_build::entries(&files);
    let compiled = gazetteer_build::compile(&entries, chars::key_of_plain);
    fs::write(out.join("gazetteer.fst"), compiled.fst).expect("OUT_DIR is writable");
    fs::write(out.join("gazetteer_postings.bin"), compiled.postings).expect("OUT_DIR is writable");
    fs::write(out.join("gazetteer_entries.bin"), compiled.entries).expect("OUT_DIR is writable");
}
