//! Stray letters: a lone Arabic letter that is no word of its own.
//!
//! A one-letter token is left alone when it is a word (`و`,
//! `resources/text/one_letter_words.txt`) or when its context shows a normal
//! typographic use: touching a neighbour without a space (`د.`, `أ)`, `ل"الرياض"`),
//! written with a tatweel (`لـ`),
//! next to a number (`ل 27`, `2015 م`, `ص 12`), before a Latin word, a quotation
//! or a bracket (`ب "الممارسات"`), or next to another lone letter (initials and
//! abbreviations: `أ ف ب`, `ت غ`). Otherwise it is reported when
//! - it completes the word before it (`الدفا ع` → `الدفاع`), or the word after
//!   it (`ب المدينة` → `بالمدينة`), as the lexicon shows: the suggestion joins
//!   them (the span covers both words);
//! - it stands before a word (after another word, punctuation, or at the start)
//!   and is a letter that never labels, abbreviates
//!   or starts a word on its own (`ا`, `ة`, `ى`, `ء`, `ؤ`, `ئ`): the suggestion
//!   deletes it with the space after it.
//!
//! Other lone letters between words (`سكن أ`, `المجموعة ب`) are most often labels
//! and are not reported.

use crate::text::repairs::known_zipf;
use marsad_core::document::{Document, Origin, Repair, RepairKind, Token, TokenKind};
use marsad_core::span::Span;

/// Rule name.
pub const RULE: &str = "repairs.stray_letter";
/// A word made by joining the letter must be at least this frequent...
const MIN_JOINED_ZIPF: f32 = 3.0;
/// ... and this much more frequent than the neighbour alone (log10).
const MIN_JOIN_GAIN: f32 = 1.0;
/// A proclitic letter written apart needs only a known joined word.
const MIN_JOINED_ZIPF_PROCLITIC: f32 = 2.5;

/// Letters that never stand alone as a label, an initial or an abbreviation.
fn never_alone(c: char) -> bool {
    matches!(c, 'ا' | 'ة' | 'ى' | 'ء' | 'ؤ' | 'ئ')
}

/// Letters that are proclitics (prepositions, conjunction, future particle).
fn is_proclitic(c: char) -> bool {
    matches!(c, 'ب' | 'ل' | 'ك' | 'ف' | 'س')
}

fn is_letter(t: &Token) -> bool {
    t.kind == TokenKind::Arabic && t.norm.chars().count() == 1
}

fn is_word(t: &Token) -> bool {
    t.kind == TokenKind::Arabic && t.norm.chars().count() >= 2
}

/// Adds the stray-letter repairs of `doc` to `out`.
pub fn find(doc: &Document, res: &crate::text::TextData, out: &mut Vec<Repair>) {
    let toks = &doc.tokens;
    let lex = &res.lexicon;
    for (i, t) in toks.iter().enumerate() {
        if !is_letter(t) || res.repairs.one_letter_words.contains(t.key.as_str()) {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| &toks[j]);
        let next = toks.get(i + 1);
        // touching a neighbour, or written in its detached form with a tatweel (لـ)
        if t.joined || next.is_some_and(|n| n.joined) || doc.slice(t.span).contains('\u{0640}') {
            continue;
        }
        let near = |o: Option<&Token>| {
            o.is_some_and(|o| matches!(o.kind, TokenKind::Number | TokenKind::Percent) || is_letter(o) && !o.joined)
        };
        // before a Latin word, a link, a quotation or a bracket: a preposition written
        // apart by habit (ب "الممارسات", ل (الرياض))
        let opening = |n: &Token| {
            n.kind != TokenKind::Arabic
                && (n.kind != TokenKind::Punct
                    || matches!(n.norm.as_str(), "\"" | "'" | "«" | "“" | "‘" | "(" | "[" | "{"))
        };
        if near(prev) || near(next) || next.is_some_and(opening) {
            continue;
        }
        // as written: a lone أ is a label (أ، ب، ج), a lone bare ا is not
        let letter = doc.slice(t.span).chars().next().unwrap_or(' ');
        // joined to the word before: الدفا ع → الدفاع
        let mut best: Option<(f32, Repair)> = None;
        if let Some(p) = prev.filter(|p| is_word(p)) {
            let joined = known_zipf(lex, &format!("{}{}", p.key, t.key), 2, 1.0);
            let gain = joined - known_zipf(lex, &p.key, 2, 1.0);
            if joined >= MIN_JOINED_ZIPF && gain >= MIN_JOIN_GAIN {
                best = Some((gain, join(doc, p, t, 0.8)));
            }
        }
        // joined to the word after: ب المدينة → بالمدينة
        if let Some(n) = next.filter(|n| is_word(n)) {
            let joined = known_zipf(lex, &format!("{}{}", t.key, n.key), 2, 1.0);
            let gain = joined - known_zipf(lex, &n.key, 2, 1.0);
            let ok = if is_proclitic(letter) {
                joined >= MIN_JOINED_ZIPF_PROCLITIC
            } else {
                joined >= MIN_JOINED_ZIPF && gain >= MIN_JOIN_GAIN
            };
            if ok && best.as_ref().is_none_or(|(g, _)| gain > *g) {
                best = Some((gain, join(doc, t, n, 0.75)));
            }
        }
        if let Some((_, r)) = best {
            out.push(r);
            continue;
        }
        // before a word, after a word or punctuation or at the start, and never a
        // label: ا انطلقت
        let after_word_or_start = prev.is_none_or(|p| is_word(p) || p.kind == TokenKind::Punct);
        if never_alone(letter) && after_word_or_start {
            if let Some(n) = next.filter(|n| is_word(n)) {
                out.push(Repair {
                    span: Span::new(t.span.start, n.span.start),
                    kind: RepairKind::StrayLetter,
                    suggestion: String::new(),
                    origin: Origin::rule(RULE, 0.6),
                });
            }
        }
    }
}

/// A repair joining tokens `a` and `b` (dropping the space between them).
fn join(doc: &Document, a: &Token, b: &Token, confidence: f32) -> Repair {
    Repair {
        span: Span::new(a.span.start, b.span.end),
        kind: RepairKind::StrayLetter,
        suggestion: format!("{}{}", doc.slice(a.span), doc.slice(b.span)),
        origin: Origin::rule(RULE, confidence),
    }
}
