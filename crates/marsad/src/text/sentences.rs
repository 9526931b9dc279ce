//! Sentence splitting over tokens.
//!
//! A sentence ends at a terminator (`. ! ? ؟ …` and their runs), together with
//! any closing quotation marks and brackets right after it, unless the full stop
//! closes an abbreviation (`resources/text/abbreviations.txt`, or a lone letter:
//! `أ.ف.ب`, `U.S.`) or stands inside an open quotation. A paragraph break (see
//! [`LineMode`]) always ends a sentence, so headlines and captions without a full
//! stop are sentences of their own.

use crate::text::layout::{line_breaks, LineMode};
use crate::text::tokenize::is_terminator;
use marsad_core::chars::is_arabic_letter;
use marsad_core::document::{Document, Origin, Sentence, SentenceKind, Token, TokenKind};
use marsad_core::span::Span;

/// An unterminated line of at most this many tokens is a headline when it opens
/// the text or a blank line follows it.
const MAX_HEADLINE_TOKENS: usize = 25;
/// An unterminated line of at most this many tokens is a sub-heading anywhere.
const MAX_SUBHEADING_TOKENS: usize = 10;

/// The stage: adds [`Document::sentences`].
pub fn split(doc: &mut Document, res: &super::TextData) {
    let mode = LineMode::of(&doc.text);
    let toks = &doc.tokens;
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32; // open quotation marks and brackets
    let mut i = 0;
    while i < toks.len() {
        let tok = &toks[i];
        if tok.kind == TokenKind::Punct {
            depth = (depth + quote_delta(&tok.norm, depth)).max(0);
        }
        let terminator = tok.kind == TokenKind::Punct && tok.norm.chars().all(is_terminator);
        let end = if let Some(j) = terminator
            .then(|| closing_run(doc, mode, i + 1, depth))
            .flatten()
            .filter(|_| !closes_abbreviation(toks, i, res))
        {
            Some((j, "sentences.terminator"))
        } else if i + 1 == toks.len() {
            Some((i + 1, "sentences.end_of_text"))
        } else if gap_breaks(doc, mode, i + 1) {
            Some((i + 1, "sentences.line_break"))
        } else {
            None
        };
        if let Some((j, rule)) = end {
            let kind = kind_of(doc, mode, start, j);
            let confidence = if rule == "sentences.terminator" || kind == SentenceKind::Headline { 0.95 } else { 0.8 };
            out.push(Sentence {
                span: Span::new(toks[start].span.start, toks[j - 1].span.end),
                first_token: start,
                end_token: j,
                kind,
                origin: Origin::rule(rule, confidence),
            });
            start = j;
            depth = 0;
            i = j;
            continue;
        }
        i += 1;
    }
    doc.sentences = out;
}

/// The closing quotation marks and brackets from token `j` on: the index after
/// them if they close every open quotation (`depth`), else `None`.
fn closing_run(doc: &Document, mode: LineMode, mut j: usize, mut depth: i32) -> Option<usize> {
    let toks = &doc.tokens;
    while j < toks.len() && is_closer(&toks[j].norm) && !gap_breaks(doc, mode, j) {
        depth = (depth + quote_delta(&toks[j].norm, depth)).max(0);
        j += 1;
    }
    (depth == 0).then_some(j)
}

/// True when a paragraph break stands between token `i - 1` and token `i`.
fn gap_breaks(doc: &Document, mode: LineMode, i: usize) -> bool {
    i > 0
        && i < doc.tokens.len()
        && mode.breaks_paragraph(&doc.text[doc.tokens[i - 1].span.end..doc.tokens[i].span.start])
}

fn kind_of(doc: &Document, mode: LineMode, start: usize, end: usize) -> SentenceKind {
    let toks = &doc.tokens[start..end];
    let terminated = toks
        .iter()
        .rev()
        .find(|t| !is_closer(&t.norm))
        .is_some_and(|t| t.kind == TokenKind::Punct && t.norm.chars().all(is_terminator));
    if terminated {
        return SentenceKind::Sentence;
    }
    let starts_line = start == 0 || gap_breaks(doc, mode, start);
    let blank_after = doc
        .tokens
        .get(end)
        .is_some_and(|next| line_breaks(&doc.text[doc.tokens[end - 1].span.end..next.span.start]) >= 2);
    let short = toks.len() <= MAX_SUBHEADING_TOKENS;
    if starts_line && toks.len() <= MAX_HEADLINE_TOKENS && (start == 0 || blank_after || short) {
        SentenceKind::Headline
    } else {
        SentenceKind::Fragment
    }
}

/// Change of quotation depth caused by a token. Straight double quotes open when
/// nothing is open and close otherwise.
fn quote_delta(norm: &str, depth: i32) -> i32 {
    match norm {
        "«" | "“" | "‹" | "„" | "(" | "[" => 1,
        "»" | "”" | "›" | ")" | "]" => -1,
        "\"" => {
            if depth > 0 {
                -1
            } else {
                1
            }
        }
        _ => 0,
    }
}

fn is_closer(norm: &str) -> bool {
    matches!(norm, "»" | "”" | "›" | ")" | "]" | "\"" | "'" | "’")
}

/// True when the full stop at `i` ends an abbreviation rather than a sentence.
fn closes_abbreviation(toks: &[Token], i: usize, res: &super::TextData) -> bool {
    if toks[i].norm != "." || i == 0 || !toks[i].joined {
        return false;
    }
    let prev = &toks[i - 1];
    if res.abbreviations.contains(prev.key.as_str()) {
        return true;
    }
    let single_letter =
        prev.norm.chars().count() == 1 && prev.norm.chars().all(|c| c.is_uppercase() || is_arabic_letter(c));
    // a lone letter before the stop, itself after a stop or a space: initials
    single_letter
        && matches!(prev.kind, TokenKind::Arabic | TokenKind::Latin)
        && toks.get(i + 1).is_some_and(|n| n.kind != TokenKind::Punct)
        || single_letter && i >= 2 && toks[i - 2].norm == "."
}

#[cfg(test)]
mod tests {
    use crate::Pipeline;
    use marsad_core::document::{Metadata, SentenceKind};

    fn sentences(text: &str) -> Vec<(String, SentenceKind)> {
        let doc = Pipeline::new().analyze_through(text, Metadata::default(), "sentences");
        doc.sentences.iter().map(|s| (s.span.slice(text).to_owned(), s.kind)).collect()
    }

    fn s(t: &str, k: SentenceKind) -> (String, SentenceKind) {
        (t.to_owned(), k)
    }

    #[test]
    fn splits_at_arabic_and_latin_terminators() {
        use SentenceKind::*;
        assert_eq!(
            sentences("وصل الوفد. هل انتهت المحادثات؟ نعم!"),
            vec![s("وصل الوفد.", Sentence), s("هل انتهت المحادثات؟", Sentence), s("نعم!", Sentence)]
        );
    }

    #[test]
    fn headline_without_full_stop() {
        use SentenceKind::*;
        assert_eq!(
            sentences("الرئيس يزور باريس\n\nوصل الرئيس أمس إلى باريس."),
            vec![s("الرئيس يزور باريس", Headline), s("وصل الرئيس أمس إلى باريس.", Sentence)]
        );
    }

    #[test]
    fn quotation_stays_whole_and_takes_its_closing_mark() {
        use SentenceKind::*;
        assert_eq!(
            sentences("قال: «هذا مهم. ونحن مستعدون.» ثم غادر."),
            vec![s("قال: «هذا مهم. ونحن مستعدون.»", Sentence), s("ثم غادر.", Sentence)]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        use SentenceKind::*;
        assert_eq!(
            sentences("نقلت وكالة أ.ف.ب. الخبر عن د. أحمد."),
            vec![s("نقلت وكالة أ.ف.ب. الخبر عن د. أحمد.", Sentence)]
        );
        assert_eq!(
            sentences("The U.S. envoy arrived. He left."),
            vec![s("The U.S. envoy arrived.", Sentence), s("He left.", Sentence)]
        );
    }

    #[test]
    fn missing_space_after_full_stop_still_splits() {
        assert_eq!(sentences("انتهى الاجتماع.وقال الوزير").len(), 2);
    }

    #[test]
    fn crlf_line_ends_split_like_lf() {
        assert_eq!(sentences("عنوان\r\nنص الخبر.\r\n"), sentences("عنوان\nنص الخبر.\n"));
    }
}
