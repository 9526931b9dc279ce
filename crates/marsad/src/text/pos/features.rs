//! The tagger's features: what it knows of a piece (a token, or a clitic piece of a
//! word) and of its neighbours, hashed to 64 bits.
//!
//! A piece is described by its matching key (`marsad_core::normalize::match_key`),
//! the key of the written word it belongs to, where it stands in that word (alone,
//! first, inside, last: the clitic segmentation), its first and last letters, its
//! shape, its frequency in the word-frequency lexicon, the keys of two pieces on
//! each side, and the tags already given to the two pieces before it (the tagger
//! goes left to right). The same features are computed on a treebank's own pieces
//! (training, evaluation) and on the pieces of marsad's segmentation (the stage).

use std::borrow::Cow;

use marsad_core::lexicon::Lexicon;

/// One unit to tag: a token, or a clitic piece of a written word.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece<'a> {
    /// The piece's matching key (the article kept on its noun, ta marbuta restored
    /// before a pronoun: حكومته → حكومه + ه).
    pub key: Cow<'a, str>,
    /// The matching key of the written word the piece belongs to.
    pub word: Cow<'a, str>,
    /// Its index among the word's pieces.
    pub at: u8,
    /// How many pieces the word has (1: a word standing alone).
    pub of: u8,
}

/// The hash of a feature: template `tpl` and its parts, under `seed`.
///
/// Each part is mixed in by bytes of eight (a folded 128-bit multiplication), closed
/// by its length so that `ab|c` and `a|bc` differ, then the result is finished by
/// MurmurHash3's avalanche. Little-endian on every platform: a model's hashes are
/// the same everywhere.
pub fn hash(seed: u64, tpl: u8, parts: &[&[u8]]) -> u64 {
    #[inline]
    fn mix(h: u64, x: u64) -> u64 {
        let m = ((h ^ x) as u128).wrapping_mul(0x9e37_79b9_7f4a_7c15_u128);
        (m as u64) ^ ((m >> 64) as u64)
    }
    let mut h = mix(0xcbf2_9ce4_8422_2325 ^ seed, 0x100 | tpl as u64);
    for p in parts {
        let mut chunks = p.chunks_exact(8);
        for c in &mut chunks {
            h = mix(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            h = mix(h, u64::from_le_bytes(buf));
        }
        h = mix(h, 0xff00 | p.len() as u64);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Template numbers of the features that depend on the tags before the piece.
const T_PREV: u8 = 40;
const T_PREV2: u8 = 41;
const T_PREV_WORD: u8 = 42;
const T_PREV_NEXT: u8 = 43;
const T_PREV_SUFFIX: u8 = 44;

/// The first `n` letters of `s`, when it has more than `n`.
fn first(s: &str, n: usize) -> Option<&str> {
    let end = s.char_indices().nth(n).map(|(i, _)| i)?;
    Some(&s[..end])
}

/// The last `n` letters of `s`, when it has more than `n`.
fn last(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map(|(i, _)| i)?;
    Some(&s[start..])
}

/// The shape of a key: its script or kind, and a length class.
fn shape(key: &str) -> &'static str {
    let Some(c) = key.chars().next() else { return "empty" };
    let n = key.chars().count();
    if key.chars().any(|c| c.is_ascii_digit()) {
        let number = key.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '٫' | '٬'));
        return if number { "digits" } else { "with-digits" };
    }
    if key.chars().all(|c| !c.is_alphanumeric()) {
        return "punct";
    }
    if c.is_ascii_alphabetic() {
        return "latin";
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return match n {
            1 => "ar1",
            2 => "ar2",
            3 => "ar3",
            4..=5 => "ar5",
            6..=8 => "ar8",
            _ => "ar9",
        };
    }
    "other"
}

/// The Zipf frequency of a key as a class (0 unknown, 1..=7).
fn zipf_class(lexicon: &Lexicon, key: &str) -> u8 {
    let z = lexicon.zipf(key);
    if z <= 0.0 {
        0
    } else {
        (z.floor() as i32).clamp(1, 7) as u8
    }
}

/// Where a piece stands in its word.
fn position(p: &Piece) -> &'static [u8] {
    match (p.at, p.of) {
        (_, 0 | 1) => b"alone",
        (0, _) => b"first",
        (a, n) if a + 1 >= n => b"last",
        _ => b"inside",
    }
}

/// The features of a sentence's pieces that do not depend on tags: one list per piece.
#[derive(Clone, Debug, Default)]
pub struct StaticFeatures {
    hashes: Vec<u64>,
    offsets: Vec<u32>,
}

impl StaticFeatures {
    /// The hashes of piece `k`.
    pub fn of(&self, k: usize) -> &[u64] {
        &self.hashes[self.offsets[k] as usize..self.offsets[k + 1] as usize]
    }

    /// Number of pieces.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True when there is no piece.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The key standing for "before the sentence".
pub const START_KEY: &str = "<s>";
const START: &str = START_KEY;
/// The key standing for "after the sentence".
pub const END_KEY: &str = "</s>";
const END: &str = END_KEY;

/// The features of a piece that depend on nothing but the piece (its key, its word
/// and its place in the word): the same wherever the word occurs, so the tagger
/// remembers their scores by word.
pub fn word_features(seed: u64, p: &Piece, lexicon: &Lexicon, h: &mut Vec<u64>) {
    let w = p.key.as_bytes();
    let pos = position(p);
    h.push(hash(seed, 0, &[]));
    h.push(hash(seed, 1, &[w]));
    if p.of > 1 {
        h.push(hash(seed, 2, &[p.word.as_bytes()]));
        h.push(hash(seed, 3, &[pos, w]));
        h.push(hash(seed, 4, &[pos, &[p.at, p.of]]));
        if let Some(s) = first(&p.word, 2) {
            h.push(hash(seed, 5, &[pos, s.as_bytes()]));
        }
    }
    for n in 1..=3 {
        if let Some(s) = first(&p.key, n) {
            h.push(hash(seed, 5 + n as u8, &[s.as_bytes()]));
        }
    }
    for n in 1..=4 {
        if let Some(s) = last(&p.key, n) {
            h.push(hash(seed, 8 + n as u8, &[s.as_bytes()]));
        }
    }
    let shape = shape(&p.key);
    h.push(hash(seed, 13, &[shape.as_bytes()]));
    let z = zipf_class(lexicon, &p.key);
    h.push(hash(seed, 14, &[&[z], shape.as_bytes()]));
}

/// How a piece is seen from another: one or two places before it, or after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The piece just before.
    Prev,
    /// Two before.
    Prev2,
    /// The piece just after.
    Next,
    /// Two after.
    Next2,
}

impl Role {
    /// Every role, in the order of [`Role::offset`]'s table.
    pub const ALL: [Role; 4] = [Role::Prev, Role::Prev2, Role::Next, Role::Next2];

    /// Where the neighbour stands relative to the piece.
    pub fn offset(self) -> isize {
        match self {
            Role::Prev => -1,
            Role::Prev2 => -2,
            Role::Next => 1,
            Role::Next2 => 2,
        }
    }
}

/// The features a neighbour with key `key` gives a piece, seen in `role`: they depend
/// on the neighbour alone, so the tagger remembers their scores by word too. The
/// sentence's edges are the keys `<s>` and `</s>`.
pub fn neighbour_features(seed: u64, key: &str, role: Role, h: &mut Vec<u64>) {
    let k = key.as_bytes();
    match role {
        Role::Prev => {
            h.push(hash(seed, 15, &[k]));
            if let Some(s) = last(key, 2) {
                h.push(hash(seed, 23, &[s.as_bytes()]));
            }
        }
        Role::Prev2 => h.push(hash(seed, 17, &[k])),
        Role::Next => {
            h.push(hash(seed, 16, &[k]));
            if let Some(s) = first(key, 2) {
                h.push(hash(seed, 21, &[s.as_bytes()]));
            }
            if let Some(s) = last(key, 2) {
                h.push(hash(seed, 22, &[s.as_bytes()]));
            }
        }
        Role::Next2 => h.push(hash(seed, 18, &[k])),
    }
}

/// The key of the piece at `k` (`<s>` before the sentence, `</s>` after it).
pub fn key_at<'p>(pieces: &'p [Piece], k: isize) -> &'p str {
    if k < 0 {
        START
    } else {
        pieces.get(k as usize).map_or(END, |p| p.key.as_ref())
    }
}

/// The features of piece `k` that join it to its neighbours: word pairs and shapes.
pub fn pair_features(seed: u64, pieces: &[Piece], k: usize, h: &mut Vec<u64>) {
    let w = pieces[k].key.as_bytes();
    let (p1, n1) = (key_at(pieces, k as isize - 1), key_at(pieces, k as isize + 1));
    h.push(hash(seed, 19, &[p1.as_bytes(), w]));
    h.push(hash(seed, 20, &[w, n1.as_bytes()]));
    h.push(hash(seed, 24, &[shape_of_neighbour(n1).as_bytes(), shape(&pieces[k].key).as_bytes()]));
}

/// The features of piece `k` that depend on its neighbours (but not on tags).
pub fn context_features(seed: u64, pieces: &[Piece], k: usize, h: &mut Vec<u64>) {
    for role in Role::ALL {
        neighbour_features(seed, key_at(pieces, k as isize + role.offset()), role, h);
    }
    pair_features(seed, pieces, k, h);
}

/// The tag-independent features of every piece of a sentence: its word features and
/// its context features.
pub fn static_features(seed: u64, pieces: &[Piece], lexicon: &Lexicon) -> StaticFeatures {
    let mut out = StaticFeatures { hashes: Vec::with_capacity(pieces.len() * 28), offsets: vec![0] };
    for (k, p) in pieces.iter().enumerate() {
        word_features(seed, p, lexicon, &mut out.hashes);
        context_features(seed, pieces, k, &mut out.hashes);
        out.offsets.push(out.hashes.len() as u32);
    }
    out
}

fn shape_of_neighbour(key: &str) -> &'static str {
    match key {
        START => "start",
        END => "end",
        k => shape(k),
    }
}

/// The features of piece `k` that depend on the tags `prev` (of the piece before)
/// and `prev2` (two before), as tag indexes (`u8::MAX` before the sentence).
pub fn tag_features(seed: u64, pieces: &[Piece], k: usize, prev: u8, prev2: u8, out: &mut Vec<u64>) {
    let w = pieces[k].key.as_bytes();
    let n1 = pieces.get(k + 1).map_or(END, |p| p.key.as_ref());
    out.push(hash(seed, T_PREV, &[&[prev]]));
    out.push(hash(seed, T_PREV2, &[&[prev, prev2]]));
    out.push(hash(seed, T_PREV_WORD, &[&[prev], w]));
    out.push(hash(seed, T_PREV_NEXT, &[&[prev], n1.as_bytes()]));
    if let Some(s) = last(&pieces[k].key, 2) {
        out.push(hash(seed, T_PREV_SUFFIX, &[&[prev], s.as_bytes()]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(key: &'static str) -> Piece<'static> {
        Piece { key: Cow::Borrowed(key), word: Cow::Borrowed(key), at: 0, of: 1 }
    }

    #[test]
    fn hashing_is_fixed_and_parts_are_delimited() {
        assert_eq!(hash(1, 1, &[b"ab", b"c"]), hash(1, 1, &[b"ab", b"c"]));
        assert_ne!(hash(1, 1, &[b"ab", b"c"]), hash(1, 1, &[b"a", b"bc"]));
        assert_ne!(hash(1, 1, &[b"a"]), hash(2, 1, &[b"a"]));
        assert_ne!(hash(1, 1, &[b"a"]), hash(1, 2, &[b"a"]));
    }

    #[test]
    fn every_piece_gets_its_features() {
        let lex = Lexicon::embedded();
        let pieces = [piece("قال"), piece("الوزير"), piece(".")];
        let f = static_features(7, &pieces, &lex);
        assert_eq!(f.len(), 3);
        assert!(f.of(0).len() > 15);
        assert_ne!(f.of(0), f.of(1));
        assert_eq!(shape("2022"), "digits");
        assert_eq!(shape("«"), "punct");
        assert_eq!(shape("الوزير"), "ar8");
        assert_eq!(last("الوزير", 2), Some("ير"));
        assert_eq!(first("في", 2), None);
    }
}
