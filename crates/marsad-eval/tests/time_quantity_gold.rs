//! The time and quantity layers on the project's gold sets (`gold/`, offsets into the
//! news corpora), as `marsad eval time` / `marsad eval quantities` score them, beside
//! the trivial regex baseline (`docs/time_quantities.md`, "Baselines") computed here on
//! the same documents.
//!
//! Needs the corpora in `../shared/` beside the repository (or in the folder the
//! environment variable `MARSAD_DATA` names). Without them the tests
//! print a skip message and pass (a fresh clone has none), unless the environment
//! variable `MARSAD_REQUIRE_SHARED=1` is set: then a missing folder fails them.

use std::path::{Path, PathBuf};

use marsad_eval::eval::expressions::{evaluate, read_gold, Corpora, Layer, Scores};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Scores `layer` on the gold file `split/name` (with the regex baseline in
/// `baselines["regex"]`), or `None` when the corpora are absent and not required.
fn score(split: &str, name: &str, layer: Layer) -> Option<Scores> {
    let data = std::env::var_os("MARSAD_DATA").map_or_else(|| repo().join("../shared/data"), PathBuf::from);
    if !data.join("news").is_dir() {
        let required = std::env::var("MARSAD_REQUIRE_SHARED").is_ok_and(|v| v == "1");
        assert!(!required, "{} is absent and MARSAD_REQUIRE_SHARED=1 requires it", data.display());
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

/// The regex baseline's scores, computed by `evaluate` on the same documents.
fn baseline(s: &Scores) -> &Scores {
    s.baselines.get("regex").expect("evaluate scores the regex baseline")
}

/// Asserts that `measure` of the model is above `floor` and above the baseline's by
/// at least `margin` points.
fn beats(name: &str, model: f64, base: f64, floor: f64, margin: f64, report: &str) {
    assert!(model > floor, "{name} {model:.2} fell under its floor {floor}:\n{report}");
    assert!(
        model >= base + margin,
        "{name} {model:.2} is not {margin} points above the regex baseline's {base:.2}:\n{report}"
    );
}

// Floors a few points under the figures measured when the layers were last changed
// (docs/time_quantities.md, "Measured"): a drop below them means a rule or lexicon
// broke. Margins: how far above the regex baseline each figure must stay.

#[test]
fn time_expressions_on_the_test_set() {
    let Some(s) = score("test", "time.jsonl", Layer::Time) else { return };
    let r = s.report(Layer::Time);
    let b = baseline(&s);
    // 491 since a day word and its weekday became one expression (guideline, Decision 2)
    assert!(s.gold >= 491, "the test set shrank: {} expressions", s.gold);
    beats("relaxed F1", s.relaxed_prf().2, b.relaxed_prf().2, 84.0, 50.0, &r);
    beats("value accuracy", s.value_accuracy(), b.value_accuracy(), 86.0, 30.0, &r);
    beats("value F1", s.value_f1(), b.value_f1(), 74.0, 50.0, &r);
}

#[test]
fn quantities_on_the_test_set() {
    let Some(s) = score("test", "quantities.jsonl", Layer::Quantities) else { return };
    let r = s.report(Layer::Quantities);
    let b = baseline(&s);
    assert!(s.gold >= 527, "the test set shrank: {} expressions", s.gold);
    beats("relaxed F1", s.relaxed_prf().2, b.relaxed_prf().2, 81.0, 15.0, &r);
    beats("relaxed precision", s.relaxed_prf().0, b.relaxed_prf().0, 76.0, 5.0, &r);
    beats("value accuracy", s.value_accuracy(), b.value_accuracy(), 95.0, 10.0, &r);
    beats("money with the right currency", s.currency_accuracy(), b.currency_accuracy(), 45.0, 40.0, &r);
}

#[test]
fn both_layers_on_the_dev_set() {
    let Some(t) = score("dev", "time.jsonl", Layer::Time) else { return };
    beats("time relaxed F1", t.relaxed_prf().2, baseline(&t).relaxed_prf().2, 78.0, 50.0, &t.report(Layer::Time));
    let Some(q) = score("dev", "quantities.jsonl", Layer::Quantities) else { return };
    let r = q.report(Layer::Quantities);
    beats("quantities relaxed F1", q.relaxed_prf().2, baseline(&q).relaxed_prf().2, 86.0, 15.0, &r);
}
