//! The quotations, claims and events stages on inputs built to be hard: a sentence of
//! 5,000 words full of verbs of saying and event triggers, 200 nested quotation marks,
//! unbalanced marks. They must finish and stay consistent.

use marsad::{Document, Metadata, Pipeline};

fn analyze(text: String) -> Document {
    Pipeline::new().analyze(text, Metadata::default())
}

fn consistent(doc: &Document) {
    for c in &doc.claims {
        assert!(c.sentence < doc.sentences.len());
        assert!(c.quotation.is_none_or(|q| q < doc.quotations.len()));
        assert!((0.0..=1.0).contains(&c.checkworthiness));
    }
    let mut ranks: Vec<usize> = doc.claims.iter().map(|c| c.rank).collect();
    ranks.sort_unstable();
    assert_eq!(ranks, (1..=doc.claims.len()).collect::<Vec<_>>(), "ranks are a permutation");
    for e in &doc.events {
        assert!(e.sentence < doc.sentences.len());
        assert!(e.trigger.span.end <= doc.text.len());
    }
}

#[test]
fn a_sentence_of_five_thousand_words() {
    let words = ["قال", "الوزير", "إن", "القوات", "قصفت", "المدينة", "واعتقلت", "مسلحين", "وأكد", "أن"];
    let text: Vec<&str> = (0..5_000).map(|i| words[i % words.len()]).collect();
    let doc = analyze(text.join(" "));
    consistent(&doc);
    assert!(!doc.events.is_empty());
}

#[test]
fn nested_and_unbalanced_quotation_marks() {
    let nested = format!("قال الوزير: {}لن نقبل بذلك أبدا{}.", "« ".repeat(200), " »".repeat(200));
    let straight = format!("قال: {} نعم.", "\"".repeat(201));
    for text in [nested, straight, "قال: «لم ينته الكلام".to_owned(), "»» قال «« و“ ”‹".to_owned()]
    {
        consistent(&analyze(text));
    }
}
