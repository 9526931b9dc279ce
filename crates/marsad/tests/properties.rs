//! Property tests of the text layer: every span of every layer is well formed,
//! layers are ordered and nested as documented, the offset map round-trips, the
//! pipeline never panics, and batch analysis equals one-by-one analysis.

use marsad::document::Document;
use marsad::{Metadata, Pipeline, Span};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Whole words and fragments that make the text layer take its less common paths:
/// clitics, ligatures inside clitic words, numbers, percentages, URLs, tags.
const PIECES: &[&str] = &[
    "والحكومة",
    "للحكومة",
    "بالجزائر",
    "وسيعقد",
    "حكومته",
    "المناورات",
    "الوزير",
    "وزير",
    "لﻼجئين",
    "ﻟﻠﺤﻜﻮﻣﺔ",
    "ﺍﻟﻮﺯﻳﺮ",
    "وﻻ",
    "مـــؤتمر",
    "وأكَّدَ",
    "إتخاذ",
    "قمة2024",
    "معالوفد",
    "ال",
    "لل",
    "و",
    "ب",
    "23.5",
    "٣٫٥",
    "1,200",
    "1,200,000",
    "12,5",
    "40%",
    "٣٥٪",
    "40 %",
    "%7",
    "في المائة",
    "2.5 مليار دولار",
    "١٤٤٦ هـ",
    "أ.ف.ب.",
    "د.",
    "U.S.",
    "al-Assad",
    "https://example.com/a?b=1",
    "www.marsad.org",
    "info@marsad.org",
    "#مرصد",
    "@marsad_ar",
    "...",
    "…",
    "؟!",
];

fn class(ranges: &'static [(char, char)]) -> BoxedStrategy<String> {
    let strategies: Vec<_> = ranges.iter().map(|&(a, b)| prop::char::range(a, b)).collect();
    proptest::strategy::Union::new(strategies).prop_map(String::from).boxed()
}

fn one_of(items: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(items).prop_map(str::to_owned).boxed()
}

/// One piece of generated text: a character or a short string.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        30 => class(&[('\u{0621}', '\u{063A}'), ('\u{0641}', '\u{064A}')]),      // Arabic letters
        6 => class(&[('\u{064B}', '\u{0652}')]),                                  // diacritics
        2 => Just("\u{0640}".to_owned()),                                         // tatweel
        3 => one_of(&["\u{0622}", "\u{0623}", "\u{0625}", "\u{0671}", "\u{0649}", "\u{0629}", "\u{06CC}", "\u{06A9}"]),
        3 => class(&[('\u{FB50}', '\u{FDFF}'), ('\u{FE70}', '\u{FEFC}')]),        // presentation forms
        4 => class(&[('\u{0660}', '\u{0669}'), ('\u{06F0}', '\u{06F9}')]),        // Arabic-Indic, Persian digits
        6 => class(&[('a', 'z'), ('A', 'Z'), ('0', '9')]),
        8 => one_of(&[
            "،", "؛", "؟", "«", "»", "“", "”", ".", "%", ",", "!", "?", ":", "(", ")", "\"", "'", "-", "٪", "٫", "٬",
            "…", "#", "@", "/",
        ]),
        14 => one_of(&[" ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u{200F}", "\u{200C}", "\u{A0}"]),
        8 => one_of(PIECES),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

/// `cases` cases, unless `PROPTEST_CASES` asks for another number. No regression
/// files: a failure is printed with its minimal input.
fn config(cases: u32) -> Config {
    let default = Config::default(); // reads PROPTEST_CASES
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() { default.cases } else { cases };
    Config { cases, failure_persistence: None, ..default }
}

fn analyze(text: &str) -> Document {
    Pipeline::new().analyze(text, Metadata::default())
}

fn check_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} out of range (text length {})",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on character boundaries"
    );
    Ok(())
}

/// (a) Every span of every layer lies in the text, on character boundaries.
fn spans_are_well_formed(doc: &Document) -> Result<(), TestCaseError> {
    let text = doc.text.as_str();
    for (i, t) in doc.tokens.iter().enumerate() {
        check_span(text, t.span, &format!("token {i}"))?;
    }
    for (i, seg) in doc.clitics.iter().enumerate() {
        check_span(text, seg.span, &format!("segmentation {i}"))?;
        for (j, m) in seg.morphemes.iter().enumerate() {
            check_span(text, m.span, &format!("segmentation {i} morpheme {j}"))?;
        }
    }
    for (i, s) in doc.sentences.iter().enumerate() {
        check_span(text, s.span, &format!("sentence {i}"))?;
    }
    for (i, p) in doc.paragraphs.iter().enumerate() {
        check_span(text, p.span, &format!("paragraph {i}"))?;
    }
    for (i, r) in doc.repairs.iter().enumerate() {
        check_span(text, r.span, &format!("repair {i}"))?;
    }
    Ok(())
}

/// (b) Layers are ordered and nested.
fn layers_are_ordered(doc: &Document) -> Result<(), TestCaseError> {
    for (i, w) in doc.tokens.windows(2).enumerate() {
        prop_assert!(
            w[0].span.end <= w[1].span.start,
            "tokens {i} {:?} and {} {:?} overlap or are out of order",
            w[0].span,
            i + 1,
            w[1].span
        );
    }
    for (i, seg) in doc.clitics.iter().enumerate() {
        prop_assert!(
            seg.token < doc.tokens.len(),
            "segmentation {i} names token {} of {}",
            seg.token,
            doc.tokens.len()
        );
        prop_assert_eq!(seg.span, doc.tokens[seg.token].span, "segmentation {} span differs from its token's", i);
        prop_assert!(!seg.morphemes.is_empty(), "segmentation {i} has no morphemes");
        prop_assert_eq!(seg.morphemes[0].span.start, seg.span.start, "segmentation {} starts late", i);
        prop_assert_eq!(seg.morphemes.last().unwrap().span.end, seg.span.end, "segmentation {} ends early", i);
        for (j, w) in seg.morphemes.windows(2).enumerate() {
            prop_assert_eq!(
                w[0].span.end,
                w[1].span.start,
                "segmentation {} morphemes {} {:?} and {} {:?} are not contiguous",
                i,
                j,
                w[0].span,
                j + 1,
                w[1].span
            );
        }
    }
    for w in doc.clitics.windows(2) {
        prop_assert!(w[0].token < w[1].token, "segmentations out of token order");
    }
    let text_len = doc.text.len();
    for (i, s) in doc.sentences.iter().enumerate() {
        prop_assert!(s.span.end <= text_len, "sentence {i} ends past the text");
        prop_assert!(
            s.first_token < s.end_token && s.end_token <= doc.tokens.len(),
            "sentence {i} token range {}..{} invalid ({} tokens)",
            s.first_token,
            s.end_token,
            doc.tokens.len()
        );
    }
    for (i, w) in doc.sentences.windows(2).enumerate() {
        prop_assert!(
            w[0].span.end <= w[1].span.start,
            "sentences {i} {:?} and {} {:?} overlap or are out of order",
            w[0].span,
            i + 1,
            w[1].span
        );
    }
    for (i, p) in doc.paragraphs.iter().enumerate() {
        prop_assert!(
            p.first_sentence < p.end_sentence && p.end_sentence <= doc.sentences.len(),
            "paragraph {i} sentence range {}..{} invalid ({} sentences)",
            p.first_sentence,
            p.end_sentence,
            doc.sentences.len()
        );
        for s in &doc.sentences[p.first_sentence..p.end_sentence] {
            prop_assert!(p.span.contains(s.span), "paragraph {i} {:?} does not cover sentence {:?}", p.span, s.span);
        }
    }
    Ok(())
}

/// (c) The offset map round-trips on every token.
fn offsets_round_trip(doc: &Document) -> Result<(), TestCaseError> {
    let view = &doc.normalized;
    for (i, t) in doc.tokens.iter().enumerate() {
        let n = view.to_normalized(t.span);
        prop_assert!(
            n.end <= view.text.len() && view.text.is_char_boundary(n.start) && view.text.is_char_boundary(n.end),
            "token {i}: normalised span {n:?} invalid"
        );
        prop_assert_eq!(n.slice(&view.text), t.norm.as_str(), "token {}: to_normalized({:?}) = {:?}", i, t.span, n);
        prop_assert_eq!(view.to_original(n), t.span, "token {}: to_original({:?})", i, n);
    }
    Ok(())
}

fn all_properties(text: &str) -> Result<(), TestCaseError> {
    let doc = analyze(text);
    prop_assert_eq!(&doc.text, text, "the original text changed");
    spans_are_well_formed(&doc)?;
    layers_are_ordered(&doc)?;
    offsets_round_trip(&doc)?;
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn spans_lie_in_the_text_on_char_boundaries(text in text()) {
        let doc = analyze(&text);
        spans_are_well_formed(&doc)?;
    }

    #[test]
    fn layers_are_ordered_and_nested(text in text()) {
        let doc = analyze(&text);
        spans_are_well_formed(&doc)?;
        layers_are_ordered(&doc)?;
    }

    #[test]
    fn offset_map_round_trips_on_tokens(text in text()) {
        let doc = analyze(&text);
        offsets_round_trip(&doc)?;
    }

    #[test]
    fn analyze_never_panics_on_mixed_text(text in text()) {
        all_properties(&text)?;
    }

    #[test]
    fn analyze_never_panics_on_arbitrary_text(text in any::<String>()) {
        all_properties(&text)?;
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn batch_analysis_equals_one_by_one(texts in prop::collection::vec(text(), 0..12)) {
        let pipeline = Pipeline::new();
        let inputs: Vec<(String, Metadata)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), Metadata { source: Some(format!("doc-{i}")), ..Metadata::default() }))
            .collect();
        let batch = pipeline.analyze_many(inputs.clone());
        prop_assert_eq!(batch.len(), inputs.len());
        for (doc, (text, meta)) in batch.iter().zip(inputs) {
            let single = pipeline.analyze(text, meta);
            prop_assert_eq!(serde_json::to_string(doc).unwrap(), serde_json::to_string(&single).unwrap());
        }
    }
}
