//! The embedded named-entity model on the ANERcorp dev split, through the whole
//! pipeline (`marsad eval ner`). Needs the gold data in `../shared/` beside the
//! repository; skipped with a message when it is absent (a fresh clone has none).

use std::path::PathBuf;

use marsad::Resources;
use marsad_eval::eval::guard::Guard;
use marsad_eval::eval::{conll, ner};

fn dev_file() -> Option<PathBuf> {
    marsad_core::data::shared_path("data/ner/anercorp/dev.conll")
}

#[test]
fn dev_f1_stays_above_its_floor() {
    let Some(path) = dev_file() else { return };
    let sentences = conll::read(&path).expect("the dev file reads");
    let scores = ner::evaluate(&sentences, Resources::embedded());
    eprintln!("{}", scores.report());
    assert_eq!(scores.model.sentences, 477, "the dev split changed");
    // floors a few points under the figures of docs/ner.md, each above what tagging
    // every gazetteer name by its kind scores on the same sentences (the best of the
    // two gazetteer baselines, computed here); a drop below a floor means features,
    // gazetteer or text layer changed under the model
    let baselines = scores.baselines();
    let best = |measure: &str| baselines.best(measure).expect("the gazetteer baselines are computed");
    let mut guard = Guard::new();
    guard.floor("NER dev micro F1", scores.model.micro().f1(), 67.0, Some(best("f1")));
    for (t, name) in ner::TYPES.iter().enumerate() {
        let floor = [69.0, 47.0, 82.0, 50.0][t];
        let measure = format!("{}_f1", name.to_lowercase());
        guard.floor(&format!("NER dev {name} F1"), scores.model.of_type(t).f1(), floor, Some(best(&measure)));
    }
    guard.finish();
}
