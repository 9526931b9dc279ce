//! Words glued to numbers: `فوستوك2022`, `3أيام`.
//!
//! A word token and a number token with no space between them are reported,
//! with the suggestion to insert one, except where the glue is normal
//! typography:
//! - era markers and unit abbreviations after a number (`2022م`, `1443هـ`,
//!   `10كم`: `resources/text/number_affixes.txt`) and units before one (`م2`);
//! - proclitics and the article before a number (`و2022`, `ب5`, `الـ20`, any
//!   word ending in a tatweel);
//! - single letters, which label or abbreviate (`ص168`, `وج1`, `12ب`);
//! - a word between two numbers (`100م2`).
//!
//! Only Arabic words are considered: Latin letters and digits together are model
//! names and units (`5G`, `F16`), and hashtags and percentages are tokens of
//! their own.

use marsad_core::document::{Document, Origin, Repair, RepairKind, Token, TokenKind};
use marsad_core::span::Span;

/// Rule name.
pub const RULE: &str = "repairs.glued_number";

/// Words made only of proclitics and the article, normal before a number.
const CLITIC_ONLY: &[&str] = &[
    "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل",
    "وبال", "فبال", "وكال",
];

fn is_number(t: &Token) -> bool {
    t.kind == TokenKind::Number
}

/// Adds the glued-number repairs of `doc` to `out`.
pub fn find(doc: &Document, res: &crate::text::TextData, out: &mut Vec<Repair>) {
    let toks = &doc.tokens;
    let affixes = &res.repairs.number_affixes;
    for i in 1..toks.len() {
        let (a, b) = (&toks[i - 1], &toks[i]);
        if !b.joined {
            continue;
        }
        let (word, confidence) = match (a.kind, b.kind) {
            (TokenKind::Arabic, TokenKind::Number) => {
                let between_numbers = a.joined && i >= 2 && is_number(&toks[i - 2]);
                if between_numbers || doc.slice(a.span).ends_with('\u{0640}') || CLITIC_ONLY.contains(&a.key.as_str()) {
                    continue;
                }
                (a, 0.9)
            }
            (TokenKind::Number, TokenKind::Arabic) => {
                let between_numbers = toks.get(i + 1).is_some_and(|c| c.joined && is_number(c));
                if between_numbers {
                    continue;
                }
                (b, 0.85)
            }
            _ => continue,
        };
        // a single letter, after at most a conjunction, labels or abbreviates (ص168, وج1)
        let letters = word.norm.trim_start_matches(['و', 'ف']).chars().count();
        if letters < 2 || word.norm.chars().count() < 2 || affixes.contains(word.key.as_str()) {
            continue;
        }
        out.push(Repair {
            span: Span::new(a.span.start, b.span.end),
            kind: RepairKind::GluedNumber,
            suggestion: format!("{} {}", doc.slice(a.span), doc.slice(b.span)),
            origin: Origin::rule(RULE, confidence),
        });
    }
}
