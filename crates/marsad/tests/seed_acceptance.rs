//! Acceptance on the project's first demo article, `../shared/seed/article.txt`,
//! against what `../shared/seed/EXPECTED.md` marks as text-layer musts. The
//! folder exists where the project is developed and in CI; elsewhere the test
//! says it is skipped.

use marsad::document::{RepairKind, TokenKind};
use marsad::{Metadata, Pipeline};

fn seed() -> Option<String> {
    let path = marsad_core::data::shared_path("seed/article.txt")?;
    Some(std::fs::read_to_string(path).expect("the seed article is UTF-8"))
}

#[test]
fn seed_text_quality_faults_are_reported() {
    let Some(text) = seed() else { return };
    let doc = Pipeline::new().analyze(text, Metadata::default());
    let has = |kind: RepairKind, written: &str, suggestion: &str| {
        doc.repairs
            .iter()
            .any(|r| r.kind == kind && doc.slice(r.span).trim() == written && r.suggestion.trim() == suggestion)
    };
    // run-on words, each with the split a reader would make
    for (written, suggestion) in [
        ("عدةخبراء", "عدة خبراء"),
        ("منجهة", "من جهة"),
        ("للمواجهةالعسكرية", "للمواجهة العسكرية"),
        ("معالغرب", "مع الغرب"),
    ] {
        assert!(has(RepairKind::RunOn, written, suggestion), "run-on {written} → {suggestion}: {:#?}", doc.repairs);
    }
    assert!(has(RepairKind::GluedNumber, "فوستوك2022", "فوستوك 2022"));
    assert!(has(RepairKind::StrayLetter, "ا", ""), "the stray alef before انطلقت");
    assert!(has(RepairKind::Misspelling, "الأكرانية", "الأوكرانية"));
    assert!(has(RepairKind::Misspelling, "بإتخاذ", "باتخاذ"));
    assert!(has(RepairKind::Misspelling, "الإنحياز", "الانحياز"));
}

#[test]
fn seed_layers_are_sound() {
    let Some(text) = seed() else { return };
    let doc = Pipeline::new().analyze(text.clone(), Metadata::default());
    // the headline, and one paragraph per line of the body
    assert_eq!(doc.paragraphs.len(), text.lines().filter(|l| !l.trim().is_empty()).count());
    assert_eq!(doc.slice(doc.sentences[0].span), text.lines().next().unwrap().trim());
    // numbers keep their values; the glued year is its own token
    let values: Vec<f64> = doc.tokens.iter().filter(|t| t.kind == TokenKind::Number).filter_map(|t| t.value).collect();
    for v in [16.0, 28.0, 2022.0, 23.0, 27.0] {
        assert!(values.contains(&v), "number {v} in {values:?}");
    }
    // clitics: ل + روسيا, ب + ال + جزائر-type readings are found
    let split = |word: &str| {
        doc.tokens.iter().enumerate().find(|(_, t)| doc.slice(t.span) == word).and_then(|(i, _)| doc.segmentation_of(i))
    };
    let forms = |word: &str| split(word).map(|s| s.morphemes.iter().map(|m| m.form.to_string()).collect::<Vec<_>>());
    assert_eq!(forms("لروسيا"), Some(vec!["ل".to_owned(), "روسيا".to_owned()]));
    assert_eq!(forms("للجزائر"), Some(vec!["ل".to_owned(), "ال".to_owned(), "جزائر".to_owned()]));
    assert_eq!(forms("وزارة"), None, "a stem beginning with و stays whole");
}
