//! Acceptance on the project's first demo article, `../shared/seed/article.txt`,
//! against what `../shared/seed/EXPECTED.md` says a careful analyst finds in it. The
//! folder exists where the project is developed and in CI; elsewhere the tests say
//! they are skipped (and fail under `MARSAD_REQUIRE_SHARED=1`).
//!
//! **The ratchet.** Every item EXPECTED.md marks **(must)** has a stable id (its
//! section and a short slug: `entities.russia`, `events.E5-speculative`) and a check
//! in `seed_musts/mod.rs` that reads the pipeline's document of the article (no
//! publication date, as EXPECTED.md says) and returns `Ok` or what it found instead.
//! `seed_musts_met.txt` lists the musts met today, one id a line with a comment.
//! `seed_musts_ratchet` fails when a listed must is no longer met (a regression) and
//! when a must that is not listed is met (it prints the line to add, so the list stays
//! current); it always prints the musts still open with what was found, for
//! `cargo test -p marsad --test seed_acceptance -- --nocapture`.
//! `expected_musts_each_have_one_check` ties the checks to EXPECTED.md: each
//! check quotes words of the line that carries its (must), and every (must) of the page
//! has exactly one check, so a must added to the page fails until it gets one. A check
//! is written from its line's words and is never loosened to pass: work on the
//! pipeline moves ids into the list.

mod seed_musts;

use std::collections::HashSet;

use marsad::document::{RepairKind, TokenKind};
use marsad::{Document, Metadata, Pipeline};
use seed_musts::MUSTS;

/// The ids of the musts met today, as listed in `seed_musts_met.txt` (a `#` starts a comment).
const MET: &str = include_str!("seed_musts_met.txt");

fn seed() -> Option<String> {
    let path = marsad_core::data::shared_path("seed/article.txt")?;
    Some(std::fs::read_to_string(path).expect("the seed article is UTF-8"))
}

fn expected() -> Option<String> {
    let path = marsad_core::data::shared_path("seed/EXPECTED.md")?;
    Some(std::fs::read_to_string(path).expect("EXPECTED.md is UTF-8"))
}

/// The pipeline's document of the article. EXPECTED.md: "The article carries no
/// publication date".
fn analysed(text: String) -> Document {
    Pipeline::new().analyze(text, Metadata { published: None, ..Metadata::default() })
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

/// The ids of `seed_musts_met.txt`, in order.
fn listed() -> Vec<&'static str> {
    MET.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|id| !id.is_empty()).collect()
}

#[test]
fn expected_musts_each_have_one_check() {
    let mut ids = HashSet::new();
    for must in MUSTS {
        assert!(ids.insert(must.id), "two checks have the id {}", must.id);
        let (section, slug) = must.id.split_once('.').unwrap_or_else(|| panic!("{}: section.slug", must.id));
        assert!(
            ["text", "entities", "quantities", "times", "events", "claims"].contains(&section) && !slug.is_empty(),
            "{}: an id is an EXPECTED.md section and a slug",
            must.id
        );
    }
    let Some(page) = expected() else { return };
    // the line of the introduction that explains the mark is not a must
    let marked: Vec<&str> = page.lines().filter(|l| l.contains("(must") && !l.contains("Items marked")).collect();
    for must in MUSTS {
        let lines = marked.iter().filter(|l| l.contains(must.marked)).count();
        assert_eq!(lines, 1, "{}: «{}» should stand on one (must) line of EXPECTED.md", must.id, must.marked);
    }
    for line in &marked {
        let marks = line.matches("(must").count();
        let checks: Vec<&str> = MUSTS.iter().filter(|m| line.contains(m.marked)).map(|m| m.id).collect();
        assert_eq!(marks, checks.len(), "EXPECTED.md has {marks} (must) on «{line}», checked by {checks:?}");
    }
    assert_eq!(marked.iter().map(|l| l.matches("(must").count()).sum::<usize>(), MUSTS.len());
}

#[test]
fn seed_musts_ratchet() {
    let listed = listed();
    let known: HashSet<&str> = MUSTS.iter().map(|m| m.id).collect();
    let mut seen = HashSet::new();
    for id in &listed {
        assert!(known.contains(id), "seed_musts_met.txt lists {id}, which no check has");
        assert!(seen.insert(*id), "seed_musts_met.txt lists {id} twice");
    }
    let Some(text) = seed() else { return };
    let doc = analysed(text);

    let mut regressions = Vec::new();
    let mut newly_met = Vec::new();
    let mut open = Vec::new();
    for must in MUSTS {
        match ((must.check)(&doc), seen.contains(must.id)) {
            (Ok(()), true) => {}
            (Ok(()), false) => newly_met.push(format!("{}  # {}", must.id, must.asks)),
            (Err(found), true) => regressions.push(format!("{} ({}): {found}", must.id, must.asks)),
            (Err(found), false) => open.push(format!("{}: {found}", must.id)),
        }
    }
    eprintln!(
        "seed musts: {} of {} met, {} open",
        MUSTS.len() - open.len() - regressions.len(),
        MUSTS.len(),
        open.len()
    );
    for line in &open {
        eprintln!("  open {line}");
    }
    let mut failures = Vec::new();
    if !regressions.is_empty() {
        failures.push(format!("musts of seed_musts_met.txt no longer met:\n{}", regressions.join("\n")));
    }
    if !newly_met.is_empty() {
        failures.push(format!(
            "musts now met: add these lines to crates/marsad/tests/seed_musts_met.txt:\n{}",
            newly_met.join("\n")
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
