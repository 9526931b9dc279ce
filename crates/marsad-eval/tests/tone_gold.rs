//! Tone toward named actors on the project's development sentences (`gold/tone/dev.jsonl`),
//! as `marsad eval tone` scores it. The texts are read from the news corpora in
//! `../shared/`; skipped with a message when they are absent.

use std::path::Path;

use marsad::Pipeline;
use marsad_eval::eval::events_claims::read_texts;
use marsad_eval::eval::guard::Guard;
use marsad_eval::eval::tone::{doc_ids, evaluate, read_gold};

#[test]
fn tone_toward_actors_stays_above_its_floor_and_the_trivial_answer() {
    let Some(snn) = marsad_core::data::shared_path("data/news/saudinewsnet/articles.jsonl") else { return };
    let Some(ant) = marsad_core::data::shared_path("data/news/antcorpus/articles.jsonl") else { return };
    let gold_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../gold/tone/dev.jsonl");
    let gold = read_gold(&gold_path).expect("the gold file reads");
    let ids = doc_ids(&gold);
    let texts = read_texts(&[snn, ant], "id", "text", &ids).expect("the corpora read");
    let scores = evaluate(&gold, &texts, &Pipeline::new());
    eprintln!("{}", scores.report());
    assert_eq!(scores.missing, 0, "every gold document is in the corpora");
    assert!(scores.system.total() >= 450, "the development set shrank");
    // Most targets are neutral, so accuracy rewards saying nothing: the floor is on
    // macro-F1, a couple of points under the measured figure (docs/framing.md, "Tone"),
    // and must stay above the best trivial answer's.
    let b = scores.baselines();
    let best = b.best("macro_f1").map(|(n, v)| (n.to_owned(), v)).expect("baselines");
    let mut guard = Guard::new();
    guard.floor("tone toward actors, macro-F1", scores.system.macro_f1(), 38.0, Some((&best.0, best.1)));
    guard.finish();
}
