//! Events and claims on the development set `gold/dev/events_claims.jsonl`, as
//! `marsad eval events` / `marsad eval claims` score them. Needs SaudiNewsNet in
//! `../shared/` beside the repository; skipped with a message when it is absent.

use std::collections::HashSet;
use std::path::PathBuf;

use marsad_eval::eval::events_claims::{evaluate, read_gold, read_texts};

#[test]
fn events_and_claims_stay_above_their_floors() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let Some(texts_path) = marsad_core::data::shared_path("data/news/saudinewsnet/articles.jsonl") else { return };
    let gold = read_gold(&repo.join("gold/dev/events_claims.jsonl")).expect("the gold file reads");
    let ids: HashSet<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let texts = read_texts(&texts_path, "id", "text", &ids).expect("the corpus reads");
    let (events, claims) = evaluate(&gold, &texts);
    eprintln!("{}\n{}", events.report("events"), claims.report("claims"));
    assert!(events.sentences >= 200, "the development set shrank");
    // floors a little under the figures of docs/claims.md
    let f1 = |p: &marsad_eval::eval::events_claims::Prf| {
        let (p, r) = (p.tp as f64 / (p.tp + p.fp).max(1) as f64, p.tp as f64 / (p.tp + p.fn_).max(1) as f64);
        if p + r == 0.0 {
            0.0
        } else {
            200.0 * p * r / (p + r)
        }
    };
    assert!(f1(&events.detection) > 44.0, "{}", events.report("events"));
    assert!(f1(&claims.detection) > 75.0, "{}", claims.report("claims"));
}
