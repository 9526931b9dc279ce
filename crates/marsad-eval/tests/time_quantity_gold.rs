//! The time and quantity layers on the project's gold sets (`gold/`, offsets into the
//! news corpora), as `marsad eval time` / `marsad eval quantities` score them. Needs
//! the corpora in `../shared/` beside the repository; skipped with a message when
//! they are absent (a fresh clone has none).

use std::path::{Path, PathBuf};

use marsad_eval::eval::expressions::{evaluate, read_gold, Corpora, Layer, Scores};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Scores `layer` on the gold file `split/name`, or `None` when the corpora are absent.
fn score(split: &str, name: &str, layer: Layer) -> Option<Scores> {
    let data = repo().join("../shared/data");
    if !data.join("news").is_dir() {
        eprintln!("skipped: {} is absent (the corpora live in ../shared beside the repository)", data.display());
        return None;
    }
    let gold_path = repo().join("gold").join(split).join(name);
    let gold = read_gold(&gold_path, layer).expect("the gold file reads");
    let texts = Corpora::new(&data).texts(&gold, Path::new(&gold_path)).expect("the corpora hold every gold document");
    let scores = evaluate(&gold, &texts, layer);
    eprintln!("{split}: {}", scores.report(layer));
    Some(scores)
}

// Floors a little under the figures measured when the layers were last changed
// (docs/time_quantities.md): a drop below them means a rule or lexicon broke.

#[test]
fn time_expressions_on_the_test_set() {
    let Some(s) = score("test", "time.jsonl", Layer::Time) else { return };
    assert!(s.gold >= 290, "the test set shrank: {} expressions", s.gold);
    assert!(s.relaxed_prf().2 > 83.0, "relaxed F1 fell:\n{}", s.report(Layer::Time));
    assert!(s.value_accuracy() > 86.0, "value accuracy fell:\n{}", s.report(Layer::Time));
}

#[test]
fn quantities_on_the_test_set() {
    let Some(s) = score("test", "quantities.jsonl", Layer::Quantities) else { return };
    assert!(s.gold >= 270, "the test set shrank: {} expressions", s.gold);
    assert!(s.relaxed_prf().2 > 82.0, "relaxed F1 fell:\n{}", s.report(Layer::Quantities));
    assert!(s.value_accuracy() > 92.0, "value accuracy fell:\n{}", s.report(Layer::Quantities));
}

#[test]
fn both_layers_on_the_dev_set() {
    let Some(t) = score("dev", "time.jsonl", Layer::Time) else { return };
    assert!(t.relaxed_prf().2 > 77.0, "time relaxed F1 fell:\n{}", t.report(Layer::Time));
    let Some(q) = score("dev", "quantities.jsonl", Layer::Quantities) else { return };
    assert!(q.relaxed_prf().2 > 86.0, "quantities relaxed F1 fell:\n{}", q.report(Layer::Quantities));
}
