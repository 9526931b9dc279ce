//! Compiles the word-frequency lexicon under `resources/lexicon/` into three fst maps
//! (matching keys, normalised forms and surface forms) embedded in the library.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::PathBuf;

#[path = "src/chars.rs"]
#[allow(dead_code)]
mod chars;

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../resources");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let src = root.join("lexicon/wordfreq_ar.tsv");
    println!("cargo:rerun-if-changed={}", src.display());
    println!("cargo:rerun-if-changed=src/chars.rs");
    let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("cannot read {}: {e}", src.display()));

    let mut by_key: BTreeMap<String, f64> = BTreeMap::new();
    let mut by_surface: BTreeMap<String, f64> = BTreeMap::new();
    let mut by_norm: BTreeMap<String, f64> = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (word, zipf) =
            line.split_once('\t').unwrap_or_else(|| panic!("{}:{}: expected `word<TAB>zipf`", src.display(), n + 1));
        let zipf: f64 = zipf.trim().parse().unwrap_or_else(|_| panic!("{}:{}: bad zipf value", src.display(), n + 1));
        let freq = 10f64.powf(zipf - 9.0);
        *by_key.entry(chars::key_of_plain(word)).or_default() += freq;
        let surface: String = word.chars().filter(|&c| !chars::is_diacritic(c) && c != '\u{0640}').collect();
        *by_norm.entry(chars::norm_of_plain(word)).or_default() += freq;
        *by_surface.entry(surface).or_default() += freq;
    }
    write_fst(&out.join("lexicon_keys.fst"), &by_key);
    write_fst(&out.join("lexicon_surface.fst"), &by_surface);
    write_fst(&out.join("lexicon_norm.fst"), &by_norm);
}

/// Writes `words` as an fst map from word to Zipf value × 100.
fn write_fst(path: &std::path::Path, words: &BTreeMap<String, f64>) {
    let mut builder = fst::MapBuilder::memory();
    for (word, freq) in words {
        let zipf100 = ((freq.log10() + 9.0) * 100.0).round().max(0.0) as u64;
        builder.insert(word.as_bytes(), zipf100).expect("keys are sorted and unique");
    }
    fs::write(path, builder.into_inner().expect("fst builds")).expect("OUT_DIR is writable");
}
