//! Features of the named-entity tagger, hashed.
//!
//! Every feature is a template number and one or more strings (`w-1=قال`), hashed with
//! a fixed 64-bit hash ([`Hasher`], seeded by the model's header, no random state) so
//! that the same text always gives the same features, across runs, threads and
//! machines. The model stores weights only for the hashes it was trained on.
//!
//! Per token, with the sentence as context:
//! - the token's key, its clitic stem (without proclitics, article and pronoun) and
//!   which clitics it carries (from the clitics layer);
//! - the stem's first and last one to three letters, its length;
//! - its shape (Arabic, Latin with its capitalisation, digits, punctuation);
//! - its frequency bucket in the lexicon (`res.lexicon.zipf`), of the key and of the stem;
//! - the keys of the two tokens before and after, the stems of the neighbours, stem bigrams;
//! - gazetteer features: the token begins or continues a gazetteer name of each kind,
//!   the neighbours' gazetteer kinds;
//! - trigger words ([`Triggers`]) one or two tokens before: titles before persons,
//!   heads of organisation and place names;
//! - distributional word classes ([`word_classes`], learnt from unlabelled news) of the
//!   token's key and stem and of the keys of the tokens ±1 and ±2, at each granularity.

use std::cell::RefCell;

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use super::gazetteer::{GazMatch, GAZ_KINDS};
use super::word_classes::{self, Classes};
use marsad_core::document::{Document, MorphemeRole, TokenKind};
use marsad_core::memo::WordMemo;
use marsad_core::normalize::key_of;

/// A trigger kind: a person's title (الرئيس، الشيخ).
pub const TRIGGER_TITLE: u8 = 1;
/// A trigger kind: the head of an organisation's name (وزارة، شركة).
pub const TRIGGER_ORG: u8 = 2;
/// A trigger kind: the head of a place name (مدينة، نهر).
pub const TRIGGER_LOC: u8 = 4;

/// Trigger words by matching key (from `resources/models/ner_triggers.tsv`).
#[derive(Debug, Default)]
pub struct Triggers {
    words: FxHashMap<String, u8>,
    pairs: FxHashMap<String, u8>,
}

impl Triggers {
    /// Parses the trigger list (`word<TAB>kind` lines, `#` comments).
    pub fn parse(text: &str) -> Self {
        let mut t = Triggers::default();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((word, kind)) = line.split_once('\t') else { continue };
            let bit = match kind.trim() {
                "title" => TRIGGER_TITLE,
                "org_head" => TRIGGER_ORG,
                "loc_head" => TRIGGER_LOC,
                _ => continue,
            };
            let key = key_of(word.trim());
            if key.contains(' ') {
                *t.pairs.entry(key).or_default() |= bit;
            } else {
                if let Some(bare) = key.strip_prefix("ال").filter(|b| b.chars().count() >= 2) {
                    *t.words.entry(bare.to_owned()).or_default() |= bit;
                }
                *t.words.entry(key).or_default() |= bit;
            }
        }
        t
    }

    /// The embedded trigger list.
    pub fn embedded() -> Self {
        Triggers::parse(include_str!("../../../../resources/models/ner_triggers.tsv"))
    }

    /// The trigger kinds of a word's key or stem.
    pub fn of(&self, key: &str) -> u8 {
        self.words.get(key).copied().unwrap_or(0)
    }

    /// The trigger kinds of a two-word phrase (`رئيس الوزراء`).
    pub fn of_pair(&self, first: &str, second: &str) -> u8 {
        if self.pairs.is_empty() {
            return 0;
        }
        self.pairs.get(&format!("{first} {second}")).copied().unwrap_or(0)
    }
}

/// A fixed, seeded 64-bit hash of a template number and parts: eight bytes at a time,
/// each word mixed in by a folded 128-bit multiplication (the high and low halves of
/// the product xored, so that every input bit reaches every output bit), each part
/// closed by its length
/// (so `ab|c` and `a|bc` differ), and a final avalanche (MurmurHash3's) so that the
/// model's index can use the top bits. Little-endian on every platform.
#[derive(Clone, Copy)]
pub struct Hasher {
    seed: u64,
}

const K_INIT: u64 = 0xcbf2_9ce4_8422_2325;
const K_MUL: u64 = 0x9e37_79b9_7f4a_7c15;

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    let m = ((h ^ x) as u128).wrapping_mul(K_MUL as u128);
    (m as u64) ^ ((m >> 64) as u64)
}

impl Hasher {
    /// A hasher with `seed` (from the model header).
    pub fn new(seed: u64) -> Self {
        Hasher { seed }
    }

    /// The hash of template `tpl` with `parts`.
    pub fn hash(&self, tpl: u8, parts: &[&[u8]]) -> u64 {
        let mut h = mix(K_INIT ^ self.seed, 0x100 | tpl as u64);
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
}

/// What the features need to know about one token.
#[derive(Clone)]
struct Info {
    key: CompactString,
    stem: CompactString,
    /// Clitics: 1 conjunction, 2 preposition, 4 article, 8 future, 16 pronoun.
    clitics: u8,
    shape: &'static str,
    zipf: u8,
    stem_zipf: u8,
    trigger: u8,
    /// Gazetteer kinds the token begins (bits 0..16) and continues (bits 16..32).
    gaz: u32,
    /// Gazetteer kinds of major entries the token is inside.
    gaz_major: u16,
    /// Word classes of the key and of the stem (`None`: a word outside the table).
    classes: Option<Classes>,
    stem_classes: Option<Classes>,
}

fn bucket(z: f32) -> u8 {
    if z <= 0.0 {
        0
    } else {
        (z.floor() as i32).clamp(1, 6) as u8
    }
}

fn shape(doc: &Document, i: usize) -> &'static str {
    let t = &doc.tokens[i];
    match t.kind {
        TokenKind::Arabic => "ar",
        TokenKind::Latin => {
            let s = t.norm.as_str();
            if s.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) {
                "LAT"
            } else if s.chars().next().is_some_and(char::is_uppercase) {
                "Lat"
            } else {
                "lat"
            }
        }
        TokenKind::Number => "num",
        TokenKind::Percent => "pct",
        TokenKind::Punct => match t.norm.as_str() {
            "\"" | "«" | "»" | "'" | "“" | "”" => "quote",
            "(" | ")" | "[" | "]" => "paren",
            "." | "!" | "?" | "؟" | "..." => "stop",
            "،" | "," => "comma",
            _ => "punct",
        },
        _ => "sym",
    }
}

thread_local! {
    /// What a written word and its kind decide of [`Info`]: its segmentation,
    /// lexicon readings and shape do not depend on the sentence.
    static INFO_CACHE: RefCell<WordMemo<(TokenKind, CompactString), WordInfo>> = Default::default();
}

/// [`Info`] as remembered: without the token's key (the token has it) and the
/// gazetteer fields (set per sentence), for a memory that holds up to 100,000 words.
#[derive(Clone)]
struct WordInfo {
    stem: CompactString,
    shape: &'static str,
    clitics: u8,
    zipf: u8,
    stem_zipf: u8,
    trigger: u8,
}

fn info(doc: &Document, res: &super::EntityData, i: usize) -> Info {
    let t = &doc.tokens[i];
    let key = (t.kind, CompactString::from(doc.slice(t.span)));
    let w = INFO_CACHE.with(|memo| WordMemo::get_or_insert_with(memo, &key, || word_info(doc, res, i)));
    // word classes are looked up again rather than remembered: a lookup in the embedded
    // table is cheap, and the memory stays small
    let classes = match t.kind {
        TokenKind::Number | TokenKind::Percent => word_classes::of("<num>"),
        _ => word_classes::of(&t.key),
    };
    let stem_classes = if w.stem == t.key { classes } else { word_classes::of(&w.stem) };
    Info {
        key: t.key.as_str().into(),
        stem: w.stem,
        clitics: w.clitics,
        shape: w.shape,
        zipf: w.zipf,
        stem_zipf: w.stem_zipf,
        trigger: w.trigger,
        gaz: 0,
        gaz_major: 0,
        classes,
        stem_classes,
    }
}

fn word_info(doc: &Document, res: &super::EntityData, i: usize) -> WordInfo {
    let t = &doc.tokens[i];
    let mut clitics = 0u8;
    let mut stem = None;
    let mut lookup = CompactString::default();
    if let Some(seg) = doc.segmentation_of(i) {
        for m in &seg.morphemes {
            clitics |= match m.role {
                MorphemeRole::Conjunction => 1,
                MorphemeRole::Preposition => 2,
                MorphemeRole::Article => 4,
                MorphemeRole::Future => 8,
                MorphemeRole::Pronoun => 16,
                MorphemeRole::Stem => 0,
            };
            if m.role == MorphemeRole::Article {
                lookup.push_str("ال");
            }
            if m.role == MorphemeRole::Stem {
                let k = marsad_core::normalize::match_key(&m.form);
                lookup.push_str(&k);
                stem = Some(CompactString::from(k.as_str()));
            }
        }
    }
    let stem = stem.unwrap_or_else(|| t.key.as_str().into());
    if lookup.is_empty() {
        lookup = t.key.as_str().into();
    }
    let trigger = res.ner_triggers.of(&t.key) | res.ner_triggers.of(&lookup) | res.ner_triggers.of(&stem);
    let zipf = bucket(res.lexicon.zipf(&t.key));
    let stem_zipf = if stem == t.key { zipf } else { bucket(res.lexicon.zipf(&stem)) };
    WordInfo { stem, shape: shape(doc, i), clitics, zipf, stem_zipf, trigger }
}

/// Template numbers (stable: changing one changes every hash, so retrain).
mod tpl {
    pub const BIAS: u8 = 0;
    pub const KEY: u8 = 1;
    pub const STEM: u8 = 2;
    pub const CLITICS: u8 = 3;
    pub const PREFIX: u8 = 4;
    pub const SUFFIX: u8 = 5;
    pub const SHAPE: u8 = 6;
    pub const ZIPF: u8 = 7;
    pub const KEY_AT: u8 = 8;
    pub const STEM_AT: u8 = 9;
    pub const BIGRAM_LEFT: u8 = 10;
    pub const BIGRAM_RIGHT: u8 = 11;
    pub const ZIPF_PATTERN: u8 = 12;
    pub const SHAPE_AT: u8 = 13;
    pub const GAZ: u8 = 14;
    pub const GAZ_ZIPF: u8 = 15;
    pub const GAZ_AT: u8 = 16;
    pub const TRIGGER_AT: u8 = 17;
    pub const TRIGGER_ZIPF: u8 = 18;
    pub const POSITION: u8 = 19;
    pub const LENGTH: u8 = 20;
    pub const STEM_CLITICS: u8 = 21;
    pub const GAZ_MAJOR: u8 = 22;
    pub const GAZ_SPAN: u8 = 23;
    pub const TRIGGER_PAIR: u8 = 24;
    pub const CHAR3: u8 = 25;
    pub const AFFIX_AT: u8 = 26;
    pub const KEY_ZIPF_AT: u8 = 27;
    pub const CLASS_AT: u8 = 28;
    pub const STEM_CLASS: u8 = 29;
}

/// The bytes of a word's class at granularity `g`, or a marker for a word without one.
fn class_bytes(c: Option<Classes>, g: usize) -> [u8; 3] {
    match c {
        Some(c) => [g as u8, c[g] as u8, (c[g] >> 8) as u8],
        None => [g as u8, 0xff, 0xff],
    }
}

/// The features of the tokens of one sentence, flattened: token `k`'s hashes are
/// `hashes[offsets[k]..offsets[k + 1]]`.
#[derive(Clone, Debug, Default)]
pub struct SentenceFeatures {
    /// Feature hashes.
    pub hashes: Vec<u64>,
    /// Start of each token's hashes, plus the end.
    pub offsets: Vec<u32>,
}

impl SentenceFeatures {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True for a sentence without tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The hashes of token `k` (relative to the sentence).
    pub fn of(&self, k: usize) -> &[u64] {
        &self.hashes[self.offsets[k] as usize..self.offsets[k + 1] as usize]
    }
}

fn first_chars(s: &str, n: usize) -> Option<&str> {
    let end = s.char_indices().nth(n).map(|(i, _)| i)?;
    Some(&s[..end])
}

fn last_chars(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map(|(i, _)| i)?;
    Some(&s[start..])
}

/// Extracts the features of tokens `range` of `doc` (one sentence), given the
/// gazetteer matches inside it.
pub fn extract(
    doc: &Document,
    res: &super::EntityData,
    range: std::ops::Range<usize>,
    matches: &[GazMatch],
    hasher: Hasher,
) -> SentenceFeatures {
    let n = range.len();
    let mut infos: Vec<Info> = range.clone().map(|i| info(doc, res, i)).collect();
    for m in matches {
        let bits = m.kinds as u32;
        let first = m.first_token - range.start;
        infos[first].gaz |= bits;
        for inf in &mut infos[first + 1..m.end_token - range.start] {
            inf.gaz |= bits << 16;
        }
        for inf in &mut infos[first..m.end_token - range.start] {
            inf.gaz_major |= m.major_kinds;
        }
    }
    // the longest match over each token, for span-shape features
    let mut longest: Vec<(u8, u8)> = vec![(0, 0); n]; // (length, position)
    for m in matches {
        let len = m.len().min(9) as u8;
        for (p, slot) in longest[m.first_token - range.start..m.end_token - range.start].iter_mut().enumerate() {
            if len > slot.0 {
                *slot = (len, p as u8);
            }
        }
    }

    let mut out = SentenceFeatures { hashes: Vec::with_capacity(n * 48), offsets: Vec::with_capacity(n + 1) };
    let h = |tpl: u8, parts: &[&[u8]]| hasher.hash(tpl, parts);
    let with_classes = !word_classes::is_empty();
    const BOS: &[u8] = b"<s>";
    const EOS: &[u8] = b"</s>";
    // a field of the token at `k`, or a sentence-boundary marker outside the sentence
    let field_at = |k: isize, field: fn(&Info) -> &str| -> &[u8] {
        if k < 0 {
            BOS
        } else if k as usize >= n {
            EOS
        } else {
            field(&infos[k as usize]).as_bytes()
        }
    };
    let key_at = |k: isize| field_at(k, |i| &i.key);
    let stem_at = |k: isize| field_at(k, |i| &i.stem);
    for k in 0..n {
        out.offsets.push(out.hashes.len() as u32);
        let f = &mut out.hashes;
        let me = &infos[k];
        let ki = k as isize;
        let digits = [b'0' + me.zipf, b'0' + me.stem_zipf];
        f.push(h(tpl::BIAS, &[]));
        f.push(h(tpl::KEY, &[me.key.as_bytes()]));
        f.push(h(tpl::STEM, &[me.stem.as_bytes()]));
        f.push(h(tpl::CLITICS, &[&[me.clitics]]));
        f.push(h(tpl::STEM_CLITICS, &[me.stem.as_bytes(), &[me.clitics & 0b10110]]));
        for len in 1..=3u8 {
            if let Some(p) = first_chars(&me.stem, len as usize) {
                if p.len() < me.stem.len() {
                    f.push(h(tpl::PREFIX, &[&[len], p.as_bytes()]));
                }
            }
            if let Some(s) = last_chars(&me.stem, len as usize) {
                f.push(h(tpl::SUFFIX, &[&[len], s.as_bytes()]));
            }
        }
        // letter trigrams of the stem, with word boundaries: transliterated foreign
        // names have their own letter patterns
        if me.stem_zipf < 5 && me.shape == "ar" {
            let chars: Vec<char> = std::iter::once('^').chain(me.stem.chars()).chain(std::iter::once('$')).collect();
            let mut buf = [0u8; 16];
            for w in chars.windows(3) {
                let mut len = 0;
                for c in w {
                    len += c.encode_utf8(&mut buf[len..]).len();
                }
                f.push(h(tpl::CHAR3, &[&buf[..len]]));
            }
        }
        for d in [-1isize, 1] {
            let j = ki + d;
            if j >= 0 && (j as usize) < n {
                let o = &infos[j as usize];
                if let Some(s) = last_chars(&o.stem, 2) {
                    f.push(h(tpl::AFFIX_AT, &[&[d as u8], b"s", s.as_bytes()]));
                }
                f.push(h(tpl::KEY_ZIPF_AT, &[&[d as u8], o.key.as_bytes(), &digits[1..]]));
            }
        }
        let stem_len = me.stem.chars().count().min(12) as u8;
        f.push(h(tpl::LENGTH, &[&[stem_len]]));
        f.push(h(tpl::SHAPE, &[me.shape.as_bytes()]));
        f.push(h(tpl::ZIPF, &[&digits[..1]]));
        f.push(h(tpl::ZIPF, &[&digits, &[me.clitics & 4]]));
        for d in [-2isize, -1, 1, 2] {
            f.push(h(tpl::KEY_AT, &[&[d as u8], key_at(ki + d)]));
        }
        for d in [-1isize, 1] {
            f.push(h(tpl::STEM_AT, &[&[d as u8], stem_at(ki + d)]));
        }
        f.push(h(tpl::BIGRAM_LEFT, &[stem_at(ki - 1), stem_at(ki)]));
        f.push(h(tpl::BIGRAM_RIGHT, &[stem_at(ki), stem_at(ki + 1)]));
        let z = |d: isize| -> u8 {
            let j = ki + d;
            if j < 0 || j as usize >= n {
                b'x'
            } else {
                b'0' + infos[j as usize].stem_zipf
            }
        };
        f.push(h(tpl::ZIPF_PATTERN, &[&[z(-1), z(0), z(1)]]));
        f.push(h(tpl::ZIPF_PATTERN, &[&[z(-1), z(0)], b"L"]));
        f.push(h(tpl::ZIPF_PATTERN, &[&[z(0), z(1)], b"R"]));
        for d in [-1isize, 1] {
            let j = ki + d;
            let s = if j < 0 {
                "<s>"
            } else if j as usize >= n {
                "</s>"
            } else {
                infos[j as usize].shape
            };
            f.push(h(tpl::SHAPE_AT, &[&[d as u8], s.as_bytes(), me.shape.as_bytes()]));
        }
        // gazetteer
        for (b, kind) in GAZ_KINDS.iter().enumerate() {
            let begins = me.gaz & (1 << b) != 0;
            let inside = me.gaz & (1 << (b + 16)) != 0;
            if begins || inside {
                let pos: &[u8] = if begins { b"B" } else { b"I" };
                let kb = [*kind as u8];
                f.push(h(tpl::GAZ, &[&kb, pos]));
                f.push(h(tpl::GAZ_ZIPF, &[&kb, pos, &digits[1..]]));
                if me.gaz_major & (1 << b) != 0 {
                    f.push(h(tpl::GAZ_MAJOR, &[&kb, pos]));
                }
            }
        }
        let (span_len, span_pos) = longest[k];
        if span_len > 0 {
            f.push(h(tpl::GAZ_SPAN, &[&[span_len, span_pos]]));
        }
        for d in [-1isize, 1] {
            let j = ki + d;
            if j >= 0 && (j as usize) < n {
                let g = infos[j as usize].gaz;
                let kinds = (g | (g >> 16)) & 0xffff;
                if kinds != 0 {
                    f.push(h(tpl::GAZ_AT, &[&[d as u8], &kinds.to_le_bytes()]));
                }
            }
        }
        // triggers
        for d in [-2isize, -1, 0] {
            let j = ki + d;
            if j >= 0 {
                let t = infos[j as usize].trigger;
                if t != 0 {
                    f.push(h(tpl::TRIGGER_AT, &[&[d as u8, t]]));
                    if d == -1 {
                        f.push(h(tpl::TRIGGER_ZIPF, &[&[t], &digits[1..]]));
                    }
                }
            }
        }
        if ki >= 2 {
            let t = res.ner_triggers.of_pair(&infos[k - 2].key, &infos[k - 1].key);
            if t != 0 {
                f.push(h(tpl::TRIGGER_PAIR, &[&[t]]));
            }
        }
        if k == 0 {
            f.push(h(tpl::POSITION, &[b"first"]));
        }
        // distributional word classes: of the key and stem, and of the neighbours' keys
        for g in 0..if with_classes { word_classes::GRANULARITIES } else { 0 } {
            for d in [-2isize, -1, 0, 1, 2] {
                let j = ki + d;
                if j >= 0 && (j as usize) < n {
                    f.push(h(tpl::CLASS_AT, &[&[d as u8], &class_bytes(infos[j as usize].classes, g)]));
                }
            }
            f.push(h(tpl::STEM_CLASS, &[&class_bytes(me.stem_classes, g)]));
        }
    }
    out.offsets.push(out.hashes.len() as u32);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Metadata, Pipeline};

    #[test]
    fn hashing_is_fixed() {
        let h = Hasher::new(0);
        assert_eq!(h.hash(1, &[b"abc"]), h.hash(1, &[b"abc"]));
        assert_ne!(h.hash(1, &[b"abc"]), h.hash(2, &[b"abc"]));
        assert_ne!(h.hash(1, &[b"ab", b"c"]), h.hash(1, &[b"a", b"bc"]));
        assert_ne!(Hasher::new(1).hash(1, &[b"abc"]), h.hash(1, &[b"abc"]));
        // a fixed value: hashes never depend on the process, the platform or a random state
        assert_eq!(h.hash(7, &[b"x"]), 0x3797f0eec5cbebe3);
    }

    #[test]
    fn features_are_deterministic() {
        let p = Pipeline::new();
        let text = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس";
        let a = p.analyze(text, Metadata::default());
        let b = p.analyze(text, Metadata::default());
        let res = &p.resources().entities();
        let fa = extract(&a, res, 0..a.tokens.len(), &res.gazetteer.matches(&a, 0..a.tokens.len()), Hasher::new(42));
        let fb = extract(&b, res, 0..b.tokens.len(), &res.gazetteer.matches(&b, 0..b.tokens.len()), Hasher::new(42));
        assert_eq!(fa.hashes, fb.hashes);
        assert_eq!(fa.len(), a.tokens.len());
    }
}
