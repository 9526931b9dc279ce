//! Repairs: suggestions for run-on words, words glued to numbers, stray letters
//! and misspellings.
//!
//! The stage only reports; the original text is never modified. Every
//! [`Repair`](marsad_core::document::Repair) holds the span of the faulty text in the
//! original, the suggested replacement, the rule that found it and a confidence.
//! The rules are general and backed by the word-frequency lexicon
//! (`docs/repairs.md` gives the rules and their measured false-repair rate,
//! precision and recall):
//!
//! - [`run_on`]: a rare word that splits into two frequent words (`عدةخبراء`);
//! - [`glued_number`]: a word glued to a number (`فوستوك2022`), not an era
//!   marker or a unit (`2022م`, `10كم`);
//! - [`stray`]: a lone letter that belongs to a neighbouring word or to none;
//! - [`misspelling`]: a hamza on an alef that must not carry one (`إتخاذ`), and
//!   conservative one-edit corrections of rare words (`الأكرانية`).
//!
//! Each word receives at most one of a hamza, a run-on and a one-edit repair,
//! tried in that order; a word that splits into two frequent words, but too
//! ambiguously to say where, gets none. A rare word that occurs more than once in
//! the document is taken as deliberate (names are repeated, slips seldom are) and
//! gets no run-on or one-edit repair.

pub mod glued_number;
pub mod misspelling;
pub mod run_on;
pub mod stray;

use std::collections::HashSet;

use std::cell::RefCell;

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use marsad_core::document::{Document, Origin, Repair, RepairKind, TokenKind};
use marsad_core::lexicon::Lexicon;
use marsad_core::memo::WordMemo;
use marsad_core::span::Span;

/// The stage: adds [`Document::repairs`], in text order.
pub fn find(doc: &mut Document, res: &crate::text::TextData) {
    let mut out = Vec::new();
    glued_number::find(doc, res, &mut out);
    stray::find(doc, res, &mut out);
    let mut occurrences: FxHashMap<&str, usize> = FxHashMap::default();
    for t in doc.tokens.iter().filter(|t| t.kind == TokenKind::Arabic) {
        *occurrences.entry(t.key.as_str()).or_default() += 1;
    }
    for i in 0..doc.tokens.len() {
        let tok = &doc.tokens[i];
        if tok.kind != TokenKind::Arabic || tok.norm.chars().nth(2).is_none() {
            continue;
        }
        let repeated = occurrences.get(tok.key.as_str()).copied().unwrap_or(1) > 1;
        let written = doc.slice(tok.span);
        let found = WORD_REPAIRS.with(|memos| {
            WordMemo::get_or_insert_with(&memos[usize::from(repeated)], written, || {
                if plainly_known(doc, i, res) {
                    return None;
                }
                let mut word = Word::new(doc, i);
                word.occurrences = if repeated { 2 } else { 1 };
                word_repair(&word, res).map(|r| Box::new((r.kind, r.suggestion, r.origin)))
            })
        });
        if let Some((kind, suggestion, origin)) = found.map(|b| *b) {
            out.push(Repair { span: tok.span, kind, suggestion, origin });
        }
    }
    out.sort_by_key(|r| (r.span.start, r.span.end));
    doc.repairs = out;
}

/// Words longer than this are not checked: no Arabic word, nor two or three glued
/// together, is as long, and the split and edit searches grow with the square of
/// the length (a ligature like ﷺ repeated thousands of times makes one such "word").
const MAX_LETTERS: usize = 40;

/// The hamza, run-on or one-edit repair of one word, tried in that order.
fn word_repair(word: &Word<'_>, res: &crate::text::TextData) -> Option<Repair> {
    if word.letters.len() > MAX_LETTERS {
        return None;
    }
    if let Some(r) = misspelling::hamza(word, res) {
        return Some(r);
    }
    match run_on::check(word, res) {
        run_on::Verdict::RunOn(r) => Some(r),
        run_on::Verdict::Doubtful => None,
        run_on::Verdict::No => misspelling::edit1(word, res),
    }
}

/// A word's repair depends only on how it is written and on whether it recurs in
/// its document, so it is remembered per thread: most words recur across texts.
/// Boxed: few words have a repair, and the others take one pointer.
type WordRepair = Option<Box<(RepairKind, String, Origin)>>;

thread_local! {
    /// Remembered repairs by written word: one memory for words that occur once in
    /// their document, one for words that recur.
    static WORD_REPAIRS: [RefCell<WordMemo<CompactString, WordRepair>>; 2] = Default::default();
}

/// True when no rule can apply to word `i`: a frequent word (every rule leaves
/// words of Zipf ≥ 2.5 alone) with no hamza on alef and no final-only letter
/// inside it. Most words of a text are such, and one look-up settles them.
fn plainly_known(doc: &Document, i: usize, res: &crate::text::TextData) -> bool {
    let tok = &doc.tokens[i];
    let inner = tok.norm.char_indices().next_back().map_or("", |(last, _)| &tok.norm[..last]);
    !doc.slice(tok.span).contains(['أ', 'إ', 'آ'])
        && !inner.contains(['ة', 'ى'])
        && res.lexicon.zipf(&tok.key) >= PLAINLY_KNOWN_ZIPF
}

/// See [`plainly_known`]; equal to the highest Zipf at which a rule still looks
/// at a word (`run_on::MAX_WHOLE_ZIPF`).
const PLAINLY_KNOWN_ZIPF: f32 = 2.5;

/// Proclitic strings (conjunction, then preposition or future particle), as
/// matching keys, with the log10 of their prior. The article is handled apart.
pub(crate) const PROCLITICS: &[(&str, f32)] = &[
    ("", 0.0),
    ("و", -0.7),
    ("ف", -1.2),
    ("ب", -0.9),
    ("ل", -0.9),
    ("ك", -1.3),
    ("وب", -1.6),
    ("ول", -1.6),
    ("وك", -2.0),
    ("فب", -2.1),
    ("فل", -2.1),
    ("فك", -2.5),
    ("س", -1.0),
    ("وس", -1.7),
    ("فس", -2.2),
];

/// Attached pronouns, as matching keys, with the log10 of their prior.
const PRONOUNS: &[(&str, f32)] = &[
    ("هما", -1.6),
    ("كما", -1.8),
    ("ها", -1.0),
    ("هم", -1.0),
    ("هن", -1.6),
    ("كم", -1.3),
    ("كن", -1.8),
    ("ني", -1.5),
    ("نا", -1.2),
    ("ه", -0.9),
    ("ك", -1.3),
    ("ي", -1.5),
];

/// How frequent a matching key is as a word, allowing clitics: the best of its
/// own Zipf value and of every reading `proclitics + [article] + stem + [pronoun]`
/// with a stem of at least `min_stem` letters, scored as `zipf(stem) + weight ×
/// log10 prior of the clitics`. 0 when nothing is known.
pub(crate) fn known_zipf(lex: &Lexicon, key: &str, min_stem: usize, weight: f32) -> f32 {
    lex.zipf(key).max(clitic_zipf(lex, key, min_stem, weight))
}

/// [`known_zipf`] over the readings with at least one clitic only.
pub(crate) fn clitic_zipf(lex: &Lexicon, key: &str, min_stem: usize, weight: f32) -> f32 {
    let mut best = 0.0f32;
    for &(p, pc) in PROCLITICS {
        let Some(rest) = key.strip_prefix(p) else { continue };
        if p.ends_with('س') && !rest.starts_with(['ي', 'ت', 'ن', 'ا']) {
            continue;
        }
        let rest_len = rest.chars().count();
        if rest_len < min_stem {
            continue;
        }
        let article = if rest.starts_with("ال") { 2 } else { 0 };
        if !p.is_empty() && rest_len >= min_stem + article {
            best = best.max(lex.zipf(rest) + weight * pc);
        }
        // لل = ل + ال with the alef elided
        if p.ends_with('ل') && rest.starts_with('ل') && !rest.starts_with("ال") && rest_len > min_stem {
            best = best.max(lex.zipf(&format!("ا{rest}")) + weight * pc);
        }
        if article > 0 || p.ends_with('س') {
            continue;
        }
        for &(s, sc) in PRONOUNS {
            let Some(stem) = rest.strip_suffix(s) else { continue };
            if stem.chars().count() < min_stem {
                continue;
            }
            best = best.max(lex.zipf(stem) + weight * (pc + sc));
            // the form the stem takes before a pronoun: ta marbuta written ت
            // (حكومته → حكومة), a final hamza on a seat (استثنائه → استثناء)
            if let Some(base) = before_pronoun(stem) {
                if base.chars().count() >= min_stem {
                    best = best.max(lex.zipf(&base) + weight * (pc + sc));
                }
            }
        }
    }
    best
}

/// The dictionary form of a stem written before a suffix: ta marbuta written as
/// ت (`حكومت`+ه → `حكومه`, the key of حكومة), a final hamza moved onto a seat
/// (`استثنائ`+ه → `استثناء`, `ابناؤ`+ه → `ابناء`).
fn before_pronoun(stem: &str) -> Option<String> {
    let base = stem.strip_suffix(['ت', 'ئ', 'ؤ'])?;
    Some(format!("{base}{}", if stem.ends_with('ت') { 'ه' } else { 'ء' }))
}

/// Inflectional endings (dual, plural, feminine, nisba, verb endings), as keys.
const INFLECTIONS: &[&str] = &[
    "ان", "ين", "ون", "ات", "ه", "يه", "يين", "يون", "يات", "يان", "يتين", "يتان", "تين", "تان", "وا", "و", "تم",
    "تما", "تن", "نا", "ت", "ا", "ي", "ن", "تا",
];

/// Inflectional endings that a pronoun may follow (`سياراته`, `كتبته`, `كتبوه`);
/// ta marbuta, nisba and the nunation alef never carry one.
const INFLECTIONS_BEFORE_PRONOUN: &[&str] = &["ات", "ت", "نا", "و", "ي", "تا", "ا"];

/// True when `tail` is an inflectional ending, a pronoun, or an ending then a pronoun.
fn is_tail(tail: &str) -> bool {
    let pronoun = |t: &str| PRONOUNS.iter().any(|(p, _)| *p == t);
    INFLECTIONS.contains(&tail)
        || pronoun(tail)
        || INFLECTIONS_BEFORE_PRONOUN
            .iter()
            .any(|i| tail.strip_prefix(i).is_some_and(|rest| !rest.is_empty() && pronoun(rest)))
}

/// True when the matching key reads as a base word of at least three letters
/// that is at least `min_zipf` frequent, with proclitics or the article before
/// it and at least one inflectional ending or pronoun after it (`ينقضونه` =
/// ينقض + ون + ه, `المرشحتين` = ال + مرشح + تين). Such a word is an
/// inflected form of a known word, not a run-on or a typing error. `letters` are
/// the written letters of the key: an ending never starts with a hamza on alef.
pub(crate) fn explained(lex: &Lexicon, key: &str, letters: &[char], min_zipf: f32) -> bool {
    let chars: Vec<char> = key.chars().collect();
    let n = chars.len();
    let mut starts = Vec::new();
    for &(p, _) in PROCLITICS {
        if !key.starts_with(p) {
            continue;
        }
        let s = p.chars().count();
        let rest = &chars[s..];
        if rest.len() < 3 {
            continue;
        }
        starts.push((s, false));
        if rest[0] == 'ا' && rest[1] == 'ل' {
            starts.push((s + 2, true));
        } else if p.ends_with('ل') && rest[0] == 'ل' {
            starts.push((s + 1, true));
        }
    }
    for (s, article) in starts {
        for e in (s + 3..=n).rev() {
            let tail: String = chars[e..].iter().collect();
            if !is_tail(&tail) || letters.get(e).is_some_and(|c| matches!(c, 'أ' | 'إ' | 'آ')) {
                continue;
            }
            // a written hamza on alef is looked up as written (بعدأن is not ب + عدا + ن)
            let written = letters.get(s..e).filter(|l| l.iter().any(|c| matches!(c, 'أ' | 'إ' | 'آ')));
            let base: String = match written {
                Some(l) => l.iter().collect(),
                None => chars[s..e].iter().collect(),
            };
            let look = |b: &str| if written.is_some() { lex.surface_zipf(b) } else { lex.zipf(b) };
            let z = |b: &str| {
                let with = if article { look(&format!("ال{b}")) } else { 0.0 };
                look(b).max(with)
            };
            if z(&base) >= min_zipf || before_pronoun(&base).is_some_and(|b| z(&b) >= min_zipf) {
                return true;
            }
        }
    }
    false
}

/// One Arabic word of a document, letter by letter, with the original bytes of
/// each letter, so that a suggestion keeps the diacritics of untouched letters.
pub struct Word<'d> {
    /// Index of the token.
    pub token: usize,
    /// The token's span in the original.
    pub span: Span,
    /// Its letters as written, diacritics removed: the normalised letters with
    /// the hamza and madda forms of alef (أ إ آ) restored.
    pub letters: Vec<char>,
    /// Original byte offset where each letter starts.
    starts: Vec<usize>,
    /// The matching key (one character per letter).
    pub key: &'d str,
    /// How many times the same word (matching key) occurs in the document. A
    /// spelling used again and again is deliberate (a name), not a slip.
    pub occurrences: usize,
    /// True when a presentation-form ligature stands for several letters.
    ligature: bool,
    text: &'d str,
}

impl<'d> Word<'d> {
    /// The word of token `token` of `doc`.
    pub fn new(doc: &'d Document, token: usize) -> Self {
        let tok = &doc.tokens[token];
        let view = &doc.normalized;
        let nspan = tok.norm_span;
        let map = view.map();
        let first = map.partition_point(|e| (e.norm as usize) < nspan.start);
        let mut letters = Vec::with_capacity(tok.norm.len() / 2);
        let mut starts = Vec::with_capacity(tok.norm.len() / 2);
        for e in map[first..].iter().take_while(|e| (e.norm as usize) < nspan.end) {
            let n = view.text[e.norm as usize..].chars().next().unwrap_or(' ');
            let o = doc.text[e.orig_start as usize..].chars().next().unwrap_or(' ');
            letters.push(if n == 'ا' && matches!(o, 'أ' | 'إ' | 'آ') { o } else { n });
            starts.push(e.orig_start as usize);
        }
        let ligature = starts.windows(2).any(|w| w[0] == w[1]);
        Word { token, span: tok.span, letters, starts, key: &tok.key, occurrences: 1, ligature, text: &doc.text }
    }

    /// The letters as a string (the surface form looked up in the lexicon).
    pub fn surface(&self) -> String {
        self.letters.iter().collect()
    }

    /// Original text of letters `a..b` with their diacritics.
    fn orig(&self, a: usize, b: usize) -> &'d str {
        let start = self.starts.get(a).copied().unwrap_or(self.span.end);
        let end = self.starts.get(b).copied().unwrap_or(self.span.end);
        &self.text[start..end.max(start)]
    }

    /// The word split by a space before letter `i`, in original letters, or `None`
    /// when a ligature straddles the split.
    pub fn split_at(&self, i: usize) -> Option<String> {
        if i == 0 || i >= self.letters.len() || self.starts[i - 1] == self.starts[i] {
            return None;
        }
        Some(format!("{} {}", self.orig(0, i), self.orig(i, self.letters.len())))
    }

    /// The word with one edit applied, in original letters (untouched letters
    /// keep their diacritics).
    pub fn apply(&self, edit: Edit) -> String {
        let n = self.letters.len();
        if self.ligature {
            let mut l = self.letters.clone();
            edit.apply(&mut l);
            return l.into_iter().collect();
        }
        match edit {
            Edit::Insert(p, c) => format!("{}{c}{}", self.orig(0, p), self.orig(p, n)),
            Edit::Delete(p) => format!("{}{}", self.orig(0, p), self.orig(p + 1, n)),
            Edit::Substitute(p, c) => {
                // keep the diacritics of the replaced letter
                let letter = self.orig(p, p + 1);
                let marks = letter.char_indices().nth(1).map_or("", |(i, _)| &letter[i..]);
                format!("{}{c}{marks}{}", self.orig(0, p), self.orig(p + 1, n))
            }
            Edit::Transpose(p) => {
                format!("{}{}{}{}", self.orig(0, p), self.orig(p + 1, p + 2), self.orig(p, p + 1), self.orig(p + 2, n))
            }
        }
    }
}

/// One edit of a word, by letter index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Insert a letter before index `.0`.
    Insert(usize, char),
    /// Delete the letter at `.0`.
    Delete(usize),
    /// Replace the letter at `.0`.
    Substitute(usize, char),
    /// Swap the letters at `.0` and `.0 + 1`.
    Transpose(usize),
}

impl Edit {
    /// Applies the edit to a list of letters.
    pub fn apply(self, letters: &mut Vec<char>) {
        match self {
            Edit::Insert(p, c) => letters.insert(p, c),
            Edit::Delete(p) => {
                letters.remove(p);
            }
            Edit::Substitute(p, c) => letters[p] = c,
            Edit::Transpose(p) => letters.swap(p, p + 1),
        }
    }

    /// The same edit shifted right by `by` letters.
    pub fn shifted(self, by: usize) -> Edit {
        match self {
            Edit::Insert(p, c) => Edit::Insert(p + by, c),
            Edit::Delete(p) => Edit::Delete(p + by),
            Edit::Substitute(p, c) => Edit::Substitute(p + by, c),
            Edit::Transpose(p) => Edit::Transpose(p + by),
        }
    }
}

#[cfg(test)]
mod tests;

/// The word lists of the repairs stage, by matching key.
pub struct RepairLists {
    /// Letters that are words or are commonly written detached (و): never stray.
    pub one_letter_words: HashSet<String>,
    /// Era markers and unit abbreviations normally written glued to a number (`2022م`).
    pub number_affixes: HashSet<String>,
    /// Two-letter function words that may be the left part of a run-on word (`مع`, `من`).
    pub short_left: HashSet<String>,
    /// Two-letter function words that may be the right part of a run-on word (`من`, `في`).
    pub short_right: HashSet<String>,
    /// Heads of compound names conventionally written joined (`عبد` in عبدالله).
    pub joined_name_heads: HashSet<String>,
    /// Nouns with a hamzat wasl (`اسم`, `ابن`): a hamza written on them is a misspelling.
    pub hamza_wasl_nouns: HashSet<String>,
}
