//! Linking on the tune half of the false-friends set `gold/false_friends/tune.jsonl`
//! (words with the letters of a country, demonym or city, used as its name or not), as
//! `marsad eval links` scores it. Needs the corpora in `../shared/` beside the
//! repository; skipped with a message when they are absent.
//!
//! Floors sit a few points under the figures of docs/ner.md ("Words that look like
//! names") and above what linking every gazetteer match scores (its recall is 100, its
//! precision the share of names among the words).

use std::path::PathBuf;

use marsad_eval::eval::expressions::Corpora;
use marsad_eval::eval::links::{documents, evaluate, read_gold};

#[test]
fn false_friends_are_not_linked() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let Some(data) = marsad_core::data::shared_path("data/news/saudinewsnet/articles.jsonl") else { return };
    let data = data.ancestors().nth(3).expect("the shared data folder").to_owned();
    let gold_path = repo.join("gold/false_friends/tune.jsonl");
    let gold = read_gold(&gold_path).expect("the gold file reads");
    assert!(gold.len() >= 160, "the tune half shrank");
    let names = gold.iter().filter(|g| g.link.is_some()).count();
    let texts = Corpora::new(&data).texts(&documents(&gold), &gold_path).expect("the corpora hold every document");
    let s = evaluate(&gold, &texts);
    eprintln!("{}", s.report());
    let all = &s.to_json()["all"];
    let (p, r) = (all["precision"].as_f64().unwrap(), all["recall"].as_f64().unwrap());
    let every_match = 100.0 * names as f64 / gold.len() as f64;
    assert!(p >= PRECISION_FLOOR && p > every_match, "linking precision {p} (floor {PRECISION_FLOOR})");
    assert!(r >= RECALL_FLOOR, "linking recall {r} (floor {RECALL_FLOOR})");
}

const PRECISION_FLOOR: f64 = 90.0;
const RECALL_FLOOR: f64 = 80.0;
