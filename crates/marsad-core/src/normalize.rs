//! The normalised view of a text, with an offset map back to the original.
//!
//! Rules, applied per character of the original:
//! - Arabic diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic
//!   marks) and tatweel are removed; their bytes are attributed to the letter
//!   before them, so a word's span in the original includes its diacritics;
//! - zero-width characters, bidi controls, soft hyphens and BOMs are removed;
//! - presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) are replaced by their
//!   compatibility decomposition (`ﻻ` → `لا`), then the other rules apply;
//! - alef with hamza or madda and alef wasla become bare alef `ا`;
//! - Persian yeh and keheh become Arabic ya and kaf;
//! - Arabic-Indic and Persian digits become ASCII digits, and the Arabic decimal
//!   separator, thousands separator and percent sign their ASCII counterparts;
//! - exotic spaces become a plain space.
//!
//! Alef maqsura and ta marbuta are kept in the view (they carry meaning) and
//! folded only in matching keys ([`match_key`]).

use serde::{Deserialize, Serialize};
use unicode_normalization::char::decompose_compatible;

use crate::chars::{char_rule, fold_key_char, CharRule};
use crate::span::Span;

/// One character of the normalised view and the original bytes it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapEntry {
    /// Byte offset of the character in the normalised text.
    pub norm: u32,
    /// Original bytes it comes from (with any diacritics it absorbed).
    pub orig_start: u32,
    /// End of those original bytes.
    pub orig_end: u32,
}

/// A normalised view of the original text and the offset map between them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NormalizedView {
    /// The normalised text.
    pub text: String,
    /// One entry per character of `text`, in order.
    #[serde(skip)]
    map: Vec<MapEntry>,
    /// Length of the original text in bytes.
    #[serde(skip)]
    orig_len: usize,
}

impl NormalizedView {
    /// Normalises `original`.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map: Vec<MapEntry> = Vec::with_capacity(original.len() / 2);
        let mut last_kept_end: Option<usize> = None; // original end of the last kept char
        for (i, c) in original.char_indices() {
            let end = i + c.len_utf8();
            if is_presentation_form(c) {
                let mut pushed = false;
                decompose_compatible(c, |d| {
                    if let Some(m) = apply(d) {
                        if m != ' ' || !pushed {
                            map.push(MapEntry { norm: text.len() as u32, orig_start: i as u32, orig_end: end as u32 });
                            text.push(m);
                            pushed = true;
                        }
                    }
                });
                if pushed {
                    last_kept_end = Some(end);
                }
                continue;
            }
            match char_rule(c) {
                CharRule::Keep | CharRule::Map(_) => {
                    let m = if let CharRule::Map(m) = char_rule(c) { m } else { c };
                    map.push(MapEntry { norm: text.len() as u32, orig_start: i as u32, orig_end: end as u32 });
                    text.push(m);
                    last_kept_end = Some(end);
                }
                CharRule::Absorb => {
                    // Attach to the preceding kept character when nothing separates them.
                    if last_kept_end == Some(i) {
                        if let Some(prev) = map.last_mut() {
                            // all entries of an expanded presentation form share the range
                            let start = prev.orig_start;
                            for e in map.iter_mut().rev().take_while(|e| e.orig_start == start) {
                                e.orig_end = end as u32;
                            }
                        }
                        last_kept_end = Some(end);
                    }
                }
                CharRule::Drop => {}
            }
        }
        NormalizedView { text, map, orig_len: original.len() }
    }

    /// Index of the map entry of the character starting at normalised byte `norm`,
    /// or of the first character after it.
    fn entry_at(&self, norm: usize) -> usize {
        self.map.partition_point(|e| (e.norm as usize) < norm)
    }

    /// Maps a span of the normalised text (on character boundaries) to the span of
    /// the original text it comes from.
    pub fn to_original(&self, norm: Span) -> Span {
        let first = self.entry_at(norm.start);
        if norm.is_empty() {
            let at = self.map.get(first).map_or(self.orig_len, |e| e.orig_start as usize);
            return Span::new(at, at);
        }
        let last = self.entry_at(norm.end) - 1;
        Span::new(self.map[first].orig_start as usize, self.map[last].orig_end as usize)
    }

    /// Maps a span of the original text to the smallest span of the normalised
    /// text covering every character that came from inside it.
    pub fn to_normalized(&self, orig: Span) -> Span {
        let first = self.map.partition_point(|e| (e.orig_end as usize) <= orig.start);
        let end = self.map.partition_point(|e| (e.orig_start as usize) < orig.end);
        if end <= first {
            let at = self.map.get(first).map_or(self.text.len(), |e| e.norm as usize);
            return Span::new(at, at);
        }
        let last = &self.map[end - 1];
        let last_len = self.text[last.norm as usize..].chars().next().map_or(0, char::len_utf8);
        Span::new(self.map[first].norm as usize, last.norm as usize + last_len)
    }

    /// Original byte offset where the normalised character at byte `norm` starts
    /// (the original length past the end).
    pub fn orig_offset(&self, norm: usize) -> usize {
        self.map.get(self.entry_at(norm)).map_or(self.orig_len, |e| e.orig_start as usize)
    }

    /// The entries of the offset map, one per normalised character.
    pub fn map(&self) -> &[MapEntry] {
        &self.map
    }
}

fn apply(c: char) -> Option<char> {
    match char_rule(c) {
        CharRule::Keep => Some(c),
        CharRule::Map(m) => Some(m),
        CharRule::Absorb | CharRule::Drop => None,
    }
}

/// Arabic presentation forms A and B (the BOM U+FEFF is a control, not a form).
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// The matching key of an already normalised string: alef maqsura → ya, ta
/// marbuta → ha, Latin lower-cased.
pub fn match_key(norm: &str) -> String {
    // most words have nothing to fold: copy them whole
    if !needs_folding(norm) {
        return norm.to_owned();
    }
    norm.chars().map(fold_key_char).collect()
}

/// True when [`match_key`] changes `norm`: it has a ta marbuta (UTF-8 D8 A9), an
/// alef maqsura (D9 89) or an ASCII capital. A byte scan: this runs on every token.
fn needs_folding(norm: &str) -> bool {
    let b = norm.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        x.is_ascii_uppercase()
            || (x == 0xD8 && b.get(i + 1) == Some(&0xA9))
            || (x == 0xD9 && b.get(i + 1) == Some(&0x89))
    })
}

/// [`match_key`] into a string stored inline when short (most words).
pub fn match_key_compact(norm: &str) -> compact_str::CompactString {
    if !needs_folding(norm) {
        return compact_str::CompactString::from(norm);
    }
    norm.chars().map(fold_key_char).collect()
}

/// Normalises any string (a lexicon entry, a query) to its matching key.
pub fn key_of(text: &str) -> String {
    match_key(&NormalizedView::new(text).text)
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! normalizes {
        ($($name:ident: $input:expr => $expected:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(NormalizedView::new($input).text, $expected);
            }
        )*};
    }

    normalizes! {
        removes_diacritics: "كَتَبَ" => "كتب";
        removes_tatweel: "مـــرصد" => "مرصد";
        unifies_alef: "أإآٱ" => "اااا";
        keeps_maqsura_and_marbuta: "على مدرسة" => "على مدرسة";
        maps_indic_digits: "٢٠٢٢ و۱۴۰۱" => "2022 و1401";
        maps_arabic_decimal: "٣٫٥" => "3.5";
        maps_percent_sign: "٤٠٪" => "40%";
        drops_bidi_and_zero_width: "a\u{200F}b\u{200C}c\u{202B}d\u{FEFF}" => "abcd";
        decomposes_presentation_forms: "\u{FEFB}\u{FE8D}" => "لاا";
        maps_persian_letters: "کی" => "كي";
        maps_nbsp: "a\u{00A0}b" => "a b";
    }

    #[test]
    fn span_of_word_includes_its_diacritics() {
        let orig = "قالَ  مُحَمَّدٌ";
        let view = NormalizedView::new(orig);
        assert_eq!(view.text, "قال  محمد");
        let n = view.text.find("محمد").unwrap();
        let span = view.to_original(Span::new(n, n + "محمد".len()));
        assert_eq!(span.slice(orig), "مُحَمَّدٌ");
        assert_eq!(view.to_normalized(span), Span::new(n, n + "محمد".len()));
    }

    #[test]
    fn ligature_maps_to_one_original_character() {
        let orig = "ب\u{FEFB}د";
        let view = NormalizedView::new(orig);
        assert_eq!(view.text, "بلاد");
        let span = view.to_original(Span::new(2, 4)); // the ل
        assert_eq!(span.slice(orig), "\u{FEFB}");
    }

    #[test]
    fn keys_fold_maqsura_and_marbuta() {
        assert_eq!(key_of("مُدرسةٌ على"), "مدرسه علي");
        assert_eq!(key_of("Reuters"), "reuters");
    }
}
