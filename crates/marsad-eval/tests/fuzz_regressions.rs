//! The fuzz targets' seed inputs and every crash reproducer the fuzzers found,
//! run through the same probes as the targets (`fuzz/fuzz_targets/`), so that
//! `cargo test` keeps them fixed without cargo-fuzz or a nightly compiler.
//!
//! Inputs live in `fuzz/seeds/<target>/` (written by `tools/fuzz_seeds.py`) and
//! `fuzz/regressions/<target>/` (reproducers, named after what they broke).

use std::path::{Path, PathBuf};

use marsad_eval::robustness::{probe_analyze, probe_decode, probe_text_layer};

type Probe = fn(&[u8]) -> Result<(), String>;

const TARGETS: &[(&str, Probe)] =
    &[("decode", probe_decode), ("text_layer", probe_text_layer), ("analyze", probe_analyze)];

fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz").join(kind).join(target);
    // a missing folder is an error: an absent folder would silently replay nothing
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the folder must exist, empty or not)", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README"))
        .collect();
    files.sort();
    files
}

fn run(kind: &str) -> usize {
    let mut n = 0;
    for (target, probe) in TARGETS {
        for path in inputs(kind, target) {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let outcome = std::panic::catch_unwind(|| probe(&bytes));
            match outcome {
                Ok(Ok(())) => n += 1,
                Ok(Err(e)) => panic!("{target} on {}: {e}", path.display()),
                Err(_) => panic!("{target} panicked on {}", path.display()),
            }
        }
    }
    n
}

#[test]
fn every_seed_and_crash_reproducer_passes_its_target() {
    let seeds = run("seeds");
    let reproducers = run("regressions");
    eprintln!("{seeds} seeds and {reproducers} crash reproducers checked");
    assert!(seeds >= 30, "the seed folders hold the example articles and encodings: found {seeds} inputs");
}
