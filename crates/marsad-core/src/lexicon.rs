//! The Arabic word-frequency lexicon, compiled into the binary as fst maps.
//!
//! Source: `resources/lexicon/wordfreq_ar.tsv` (see `resources/README.md`).
//! Frequencies are Zipf values: log10 of occurrences per billion words, so 7 is
//! a function word, 4 an everyday word, 2 a rare one, and 0 means unknown.

use fst::raw::{Node, Output};
use fst::Map;

static KEYS_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_keys.fst"));
static SURFACE_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_surface.fst"));
static NORM_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_norm.fst"));

/// Word frequencies by matching key, by normalised form and by surface form.
pub struct Lexicon {
    keys: Map<&'static [u8]>,
    norms: Map<&'static [u8]>,
    surface: Map<&'static [u8]>,
}

impl Lexicon {
    /// The lexicon embedded in the binary. Cheap: the maps are read in place.
    pub fn embedded() -> Self {
        Lexicon {
            keys: Map::new(KEYS_FST).expect("embedded lexicon fst is valid"),
            norms: Map::new(NORM_FST).expect("embedded lexicon fst is valid"),
            surface: Map::new(SURFACE_FST).expect("embedded lexicon fst is valid"),
        }
    }

    /// Zipf frequency of a matching key (see [`match_key`](crate::text::normalize::match_key)),
    /// summed over every spelling that folds to it; 0 when unknown.
    pub fn zipf(&self, key: &str) -> f32 {
        self.keys.get(key).map_or(0.0, |v| v as f32 / 100.0)
    }

    /// The position in the matching-key lexicon before any letter, for walking
    /// many keys that share prefixes (see [`KeyCursor`]).
    pub fn key_root(&self) -> KeyCursor<'_> {
        KeyCursor { node: self.keys.as_fst().root(), out: Output::zero() }
    }

    /// The position after `c` from `at`; `None` when no key continues so.
    pub fn key_step<'a>(&'a self, at: KeyCursor<'a>, c: char) -> Option<KeyCursor<'a>> {
        let fst = self.keys.as_fst();
        let (mut node, mut out) = (at.node, at.out);
        for &b in c.encode_utf8(&mut [0; 4]).as_bytes() {
            let t = node.transition(node.find_input(b)?);
            out = out.cat(t.out);
            node = fst.node(t.addr);
        }
        Some(KeyCursor { node, out })
    }

    /// Zipf frequency of the key that ends at `at` (0 when none does): the same
    /// as [`Self::zipf`] of the letters walked.
    pub fn key_zipf_at(&self, at: KeyCursor<'_>) -> f32 {
        if at.node.is_final() {
            at.out.cat(at.node.final_output()).value() as f32 / 100.0
        } else {
            0.0
        }
    }

    /// Zipf frequency of a normalised form (the view's spelling: alef variants
    /// unified, ta marbuta and alef maqsura kept); 0 when unknown.
    pub fn norm_zipf(&self, norm: &str) -> f32 {
        self.norms.get(norm).map_or(0.0, |v| v as f32 / 100.0)
    }

    /// Zipf frequency of an exact spelling (hamza and alef forms kept, diacritics
    /// removed); 0 when unknown.
    pub fn surface_zipf(&self, word: &str) -> f32 {
        self.surface.get(word).map_or(0.0, |v| v as f32 / 100.0)
    }

    /// True when the key is a known word.
    pub fn contains(&self, key: &str) -> bool {
        self.keys.contains_key(key)
    }

    /// Number of distinct matching keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when the lexicon is empty (never, for the embedded one).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequent_words_rank_above_rare_ones() {
        let lex = Lexicon::embedded();
        assert!(lex.len() > 100_000);
        assert!(lex.zipf("في") > 7.0);
        assert!(lex.zipf("وزير") > lex.zipf("زير") + 1.5);
        assert_eq!(lex.zipf("كككككك"), 0.0);
        // keys fold hamza and ta marbuta; surface forms keep them
        assert!(lex.zipf("الحكومه") > 5.0);
        assert!(lex.surface_zipf("الحكومة") > 5.0);
        assert!(lex.surface_zipf("اتخاذ") > lex.surface_zipf("إتخاذ"));
    }
}

/// A position in the matching-key lexicon: the keys walked so far share this
/// prefix. Scoring hundreds of one-edit variants of a word walks the word's
/// prefixes once instead of every variant from the start.
#[derive(Clone, Copy)]
pub struct KeyCursor<'a> {
    node: Node<'a>,
    out: Output,
}
