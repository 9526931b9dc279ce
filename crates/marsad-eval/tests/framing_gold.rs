//! Persuasion techniques and check-worthiness on the shared tasks' development
//! splits, as `marsad eval framing` and `marsad eval checkworthy` score them. Needs
//! the data in `../shared/` beside the repository; skipped with a message when absent.
//! The models never saw these splits (`docs/framing.md`, `docs/claims.md`).
//!
//! Floors sit a few points under the measured figures and above the best constant
//! answer on the same records, which each report computes (`baselines`); docs/framing.md
//! and docs/claims.md list them side by side.

use std::path::PathBuf;

use marsad::Resources;
use marsad_core::metrics::Baselines;
use marsad_eval::eval::framing::evaluate;
use marsad_eval::eval::framing_gold as gold;
use marsad_eval::eval::guard::Guard;
use marsad_eval::train::checkworthy::{self, Task};

fn data() -> Option<PathBuf> {
    marsad_core::data::shared_path("data/framing/araieval23/task1B_dev.jsonl")?;
    marsad_core::data::shared_path("data")
}

/// The best baseline of `measure`, with its system's name.
fn best(b: &Baselines, measure: &str) -> (String, f64) {
    b.best(measure).map(|(n, v)| (n.to_owned(), v)).expect("the baseline is computed")
}

#[test]
fn araieval_dev_stays_above_its_floors() {
    let Some(data) = data() else { return };
    let res = Resources::embedded();
    let records = gold::read(&data.join("framing/araieval23/task1B_dev.jsonl"), &res.framing.taxonomy).unwrap();
    let report = evaluate(&records, &res.framing);
    eprintln!("{}", report.text());
    assert_eq!(report.label_records, 228, "the development split changed");
    let b = &report.baselines;
    let mut guard = Guard::new();
    // always {Loaded_Language, Name_Calling-Labeling} (constant_top2) scores 53.3
    let (name, value) = best(b, "paragraph_micro_f1");
    guard.floor("framing paragraph micro F1", report.paragraph_micro().2, 55.0, Some((&name, value)));
    let (name, value) = best(b, "paragraph_macro_f1");
    guard.floor("framing paragraph macro F1", report.paragraph_macro(), 10.5, Some((&name, value)));
    // 77.6 % of the records are propagandistic: a constant "yes" is a hard baseline
    // for the binary decision, which the model beats by under two points
    let (name, value) = best(b, "binary_accuracy");
    guard.floor("framing binary accuracy", report.binary().3, 78.5, Some((&name, value)));
    let (name, value) = best(b, "binary_f1");
    guard.floor("framing binary F1", report.binary().2, 87.6, Some((&name, value)));
    guard.finish();
}

#[test]
fn checkthat_dev_stays_above_its_floors() {
    let Some(data) = data() else { return };
    let model = &Resources::embedded().claims.checkworthy;
    let dir = data.join("checkworthy/checkthat2022");
    let worth = checkworthy::evaluate(
        &checkworthy::read(&dir.join("1A_checkworthy_dev.tsv")).unwrap(),
        model,
        Task::Checkworthy,
    );
    let verifiable =
        checkworthy::evaluate(&checkworthy::read(&dir.join("1B_claim_dev.tsv")).unwrap(), model, Task::Verifiable);
    eprintln!("{}{}", worth.text(), verifiable.text());
    assert_eq!((worth.texts, verifiable.texts), (235, 339), "the development splits changed");
    let (wb, vb) = (worth.baselines(), verifiable.baselines());
    let (p, _, f, acc) = worth.scores();
    let mut guard = Guard::new();
    let (name, value) = best(&wb, "precision");
    guard.floor("check-worthiness 1A precision", p, 44.0, Some((&name, value)));
    let (name, value) = best(&wb, "f1");
    guard.floor("check-worthiness 1A F1", f, 60.5, Some((&name, value)));
    // the threshold says yes to almost every text, so fewer texts are decided right
    // than by a constant "no" (57.4 %): said by name until the model's decision improves
    let (name, value) = best(&wb, "accuracy");
    guard.below_baseline("check-worthiness 1A accuracy", acc, 47.0, (&name, value));
    let (_, _, f, acc) = verifiable.scores();
    let (name, value) = best(&vb, "f1");
    guard.floor("verifiable claims 1B F1", f, 84.0, Some((&name, value)));
    let (name, value) = best(&vb, "accuracy");
    guard.floor("verifiable claims 1B accuracy", acc, 77.0, Some((&name, value)));
    guard.finish();
}
