//! Tokenisation of the normalised view.
//!
//! The scanner walks the normalised text (so diacritics, tatweel and invisible
//! controls never split a word, and every digit set reads as ASCII) and maps each
//! token back to the original text through the view's offset map.
//!
//! Recognised, in order of precedence at each position: URLs, e-mail addresses,
//! hashtags, mentions, numbers (with decimal and thousands separators, and a
//! following percent sign), Arabic words, Latin words, punctuation (runs of
//! `. ! ? ؟` as one token), and any other symbol.

use compact_str::CompactString;
use marsad_core::chars::is_arabic_letter;
use marsad_core::document::{Document, Token, TokenKind, TokenRule};
use marsad_core::span::Span;

use marsad_core::normalize::{match_key_compact, NormalizedView};

/// Punctuation characters (Latin, Arabic and general punctuation, quotation marks).
pub fn is_punct(c: char) -> bool {
    matches!(c,
        '!' | '"' | '\'' | '(' | ')' | ',' | '-' | '.' | '/' | ':' | ';' | '?' | '[' | ']' | '{' | '}' | '\\' | '_' | '*' | '&' | '#' | '@'
        | '،' | '؛' | '؟' | '٭' | '۔' | '«' | '»' | '‹' | '›'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3001}' | '\u{3002}' | '\u{FD3E}' | '\u{FD3F}')
}

/// Sentence-ending punctuation.
pub fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔')
}

/// The stage: adds [`Document::tokens`].
pub fn tokenize(doc: &mut Document) {
    doc.tokens = scan(&doc.normalized);
}

/// Tokenises a normalised view.
pub fn scan(view: &NormalizedView) -> Vec<Token> {
    let text = view.text.as_str();
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 6);
    // tokens come in text order: walk the offset map alongside instead of searching it
    let map = view.map();
    let mut cursor = 0;
    let mut pos = 0;
    let mut joined = false;
    while pos < text.len() {
        let c = char_at(text, pos);
        if c.is_whitespace() || c.is_control() {
            pos += c.len_utf8();
            joined = false;
            continue;
        }
        let (end, kind, value) = if let Some(end) = url_end(text, pos) {
            (end, TokenKind::Url, None)
        } else if let Some(end) = email_end(text, pos) {
            (end, TokenKind::Email, None)
        } else if (c == '#' || c == '@') && pos + 1 < text.len() && is_tag_char(char_at(text, pos + 1)) {
            let end = take_while(text, pos + 1, is_tag_char);
            (end, if c == '#' { TokenKind::Hashtag } else { TokenKind::Mention }, None)
        } else if c.is_ascii_digit() {
            let (end, value) = number_end(bytes, pos);
            match percent_after(text, end) {
                Some(pend) => (pend, TokenKind::Percent, Some(value)),
                None => (end, TokenKind::Number, Some(value)),
            }
        } else if c == '%' && pos + 1 < text.len() && bytes[pos + 1].is_ascii_digit() {
            // "%40": the sign written first, as right-to-left typing often leaves it
            let (end, value) = number_end(bytes, pos + 1);
            (end, TokenKind::Percent, Some(value))
        } else if is_arabic_letter(c) {
            (take_while(text, pos, is_arabic_letter), TokenKind::Arabic, None)
        } else if c.is_alphabetic() {
            (latin_word_end(text, pos), TokenKind::Latin, None)
        } else if matches!(c, '.' | '!' | '?' | '؟' | '…') {
            (take_while(text, pos, |c| matches!(c, '.' | '!' | '?' | '؟' | '…')), TokenKind::Punct, None)
        } else if is_punct(c) {
            (pos + c.len_utf8(), TokenKind::Punct, None)
        } else {
            (pos + c.len_utf8(), TokenKind::Symbol, None)
        };
        let norm = &text[pos..end];
        while (map[cursor].norm as usize) < pos {
            cursor += 1;
        }
        let mut last = cursor;
        while last + 1 < map.len() && (map[last + 1].norm as usize) < end {
            last += 1;
        }
        tokens.push(Token {
            span: Span::new(map[cursor].orig_start as usize, map[last].orig_end as usize),
            norm_span: Span::new(pos, end),
            kind,
            norm: CompactString::from(norm),
            key: match_key_compact(norm),
            value,
            joined,
            origin: TokenRule::Scanner,
        });
        pos = end;
        joined = true;
    }
    tokens
}

fn char_at(text: &str, pos: usize) -> char {
    text[pos..].chars().next().expect("position inside the text")
}

fn take_while(text: &str, start: usize, pred: impl Fn(char) -> bool) -> usize {
    text[start..].char_indices().find(|&(_, c)| !pred(c)).map_or(text.len(), |(i, _)| start + i)
}

fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A Latin word: letters and digits, with single internal apostrophes or hyphens
/// (`al-Assad`, `O'Brien`).
fn latin_word_end(text: &str, start: usize) -> usize {
    let mut end = take_while(text, start, |c| c.is_alphabetic() && !is_arabic_letter(c) || c.is_ascii_digit());
    loop {
        let rest = &text[end..];
        let mut it = rest.chars();
        match (it.next(), it.next()) {
            (Some('-' | '\'' | '’'), Some(n)) if n.is_alphabetic() && !is_arabic_letter(n) => {
                let sep = rest.chars().next().unwrap().len_utf8();
                end = take_while(text, end + sep, |c| c.is_alphabetic() && !is_arabic_letter(c) || c.is_ascii_digit());
            }
            _ => return end,
        }
    }
}

/// End of a number starting at `start`, and its value. A `.` followed by a digit is
/// a decimal point; a `,` followed by exactly three digits is a thousands separator,
/// by one or two digits (and no group before it) a decimal comma (14,46 ريال),
/// otherwise the comma is punctuation.
fn number_end(bytes: &[u8], start: usize) -> (usize, f64) {
    let digits = |from: usize| (from..bytes.len()).find(|&i| !bytes[i].is_ascii_digit()).unwrap_or(bytes.len());
    let mut end = digits(start);
    let mut decimal = false;
    let mut grouped = false;
    let mut decimal_comma = None;
    let mut int_digits = end - start;
    loop {
        if end + 1 < bytes.len() && bytes[end + 1].is_ascii_digit() {
            let sep = bytes[end];
            let next = digits(end + 1);
            let len = next - (end + 1);
            if sep == b',' && !decimal && len == 3 && int_digits <= 3 {
                end = next;
                int_digits = 3;
                grouped = true;
                continue;
            }
            let comma_ok = sep == b',' && !grouped && (1..=2).contains(&len);
            if (sep == b'.' || comma_ok) && !decimal {
                if sep == b',' {
                    decimal_comma = Some(end);
                }
                end = next;
                decimal = true;
                continue;
            }
        }
        break;
    }
    let clean: String = (start..end)
        .filter_map(|i| match bytes[i] {
            b',' if decimal_comma == Some(i) => Some('.'),
            b',' => None,
            b => Some(b as char),
        })
        .collect();
    (end, clean.parse().unwrap_or(f64::NAN))
}

/// End of a percent sign directly after a number, or after one space.
fn percent_after(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    if rest.starts_with('%') {
        Some(end + 1)
    } else if rest.starts_with(" %") {
        Some(end + 2)
    } else {
        None
    }
}

/// End of a URL starting at `start` (`http://`, `https://` or `www.`), without
/// trailing punctuation.
fn url_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    if !rest.starts_with(['h', 'H', 'w', 'W']) {
        return None;
    }
    let lower = rest.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    if !(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")) {
        return None;
    }
    let raw = take_while(text, start, |c| !c.is_whitespace() && !matches!(c, '"' | '«' | '»' | '<' | '>' | '“' | '”'));
    let trimmed = text[start..raw].trim_end_matches(|c: char| {
        matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\'' | '،' | '؛' | '؟')
    });
    Some(start + trimmed.len())
}

/// End of an e-mail address starting at `start`.
fn email_end(text: &str, start: usize) -> Option<usize> {
    let is_local = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    if !char_at(text, start).is_ascii_alphanumeric() {
        return None;
    }
    let at = take_while(text, start, is_local);
    if !text[at..].starts_with('@') {
        return None;
    }
    let domain_end = take_while(text, at + 1, |c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    let domain = text[at + 1..domain_end].trim_end_matches('.');
    let dot = domain.rfind('.')?;
    (dot > 0 && domain.len() - dot > 2).then_some(at + 1 + domain.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, TokenKind)> {
        scan(&NormalizedView::new(text)).into_iter().map(|t| (t.span.slice(text).to_owned(), t.kind)).collect()
    }

    fn k(s: &str, kind: TokenKind) -> (String, TokenKind) {
        (s.to_owned(), kind)
    }

    #[test]
    fn arabic_words_and_punctuation() {
        use TokenKind::*;
        assert_eq!(
            kinds("قالَ الوزيرُ، ثم غادر."),
            vec![
                k("قالَ", Arabic),
                k("الوزيرُ", Arabic),
                k("،", Punct),
                k("ثم", Arabic),
                k("غادر", Arabic),
                k(".", Punct)
            ]
        );
    }

    #[test]
    fn numbers_in_every_form() {
        let toks = scan(&NormalizedView::new("٢٠٢٢ 23.5 1,200 ٣٫٥ 1,200,000 14,46 3,1234 1,200,5"));
        let vals: Vec<_> = toks.iter().filter_map(|t| t.value).collect();
        // a comma before one or two digits is a decimal comma, before four a list's comma
        assert_eq!(vals, vec![2022.0, 23.5, 1200.0, 3.5, 1_200_000.0, 14.46, 3.0, 1234.0, 1200.0, 5.0]);
    }

    #[test]
    fn percentages() {
        use TokenKind::*;
        assert_eq!(
            kinds("بنسبة 40% و٣٥٪ و 12 % و%7"),
            vec![
                k("بنسبة", Arabic),
                k("40%", Percent),
                k("و", Arabic),
                k("٣٥٪", Percent),
                k("و", Arabic),
                k("12 %", Percent),
                k("و", Arabic),
                k("%7", Percent)
            ]
        );
    }

    #[test]
    fn urls_emails_tags() {
        use TokenKind::*;
        assert_eq!(
            kinds("زوروا https://example.com/a?b=1. أو www.marsad.org، راسلونا info@marsad.org #مرصد @marsad_ar"),
            vec![
                k("زوروا", Arabic),
                k("https://example.com/a?b=1", Url),
                k(".", Punct),
                k("أو", Arabic),
                k("www.marsad.org", Url),
                k("،", Punct),
                k("راسلونا", Arabic),
                k("info@marsad.org", Email),
                k("#مرصد", Hashtag),
                k("@marsad_ar", Mention)
            ]
        );
    }

    #[test]
    fn glued_number_is_two_joined_tokens() {
        let toks = scan(&NormalizedView::new("فوستوك2022"));
        assert_eq!(toks.len(), 2);
        assert_eq!(toks[1].kind, TokenKind::Number);
        assert!(toks[1].joined);
        assert!(!toks[0].joined);
    }

    #[test]
    fn latin_words_with_hyphens() {
        use TokenKind::*;
        assert_eq!(
            kinds("al-Assad O'Brien U.S."),
            vec![k("al-Assad", Latin), k("O'Brien", Latin), k("U", Latin), k(".", Punct), k("S", Latin), k(".", Punct)]
        );
    }

    #[test]
    fn keys_fold() {
        let toks = scan(&NormalizedView::new("المدرسةُ إلى"));
        assert_eq!(toks[0].key, "المدرسه");
        assert_eq!(toks[1].key, "الي");
        assert_eq!(toks[1].norm, "الى");
    }
}
