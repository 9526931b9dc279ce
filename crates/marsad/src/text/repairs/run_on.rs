//! Run-on words: two words written without a space between them (`عدةخبراء`,
//! `للمواجهةالعسكرية`, `معالغرب`).
//!
//! A word is a candidate when it is rare or unknown even in its best reading
//! with clitics, and does not read as an inflected form of a known word
//! (`يعرقلان` is يعرقل + the dual ending, not يعرقل + ان). Every
//! split into a left and a right part is scored by the frequencies of the parts,
//! each of which may carry clitics; the best split is suggested when both parts
//! are frequent words, clearly more frequent than the whole, and no other split
//! comes close.
//!
//! Short parts are where chance matches hide, so they need more evidence:
//! one-letter parts are clitics, never words; two-letter parts must be function
//! words (`resources/text/short_words_left.txt` and `short_words_right.txt`);
//! three-letter parts must be common words by themselves (Zipf ≥ 4.5), and a part
//! that is the article and a stem of one or two letters (`الخ`, `المع`) must be a
//! very common word (`الى`, `الذي`, `الحج`).
//!
//! Where the split falls matters too. Ta marbuta and alef maqsura only end a
//! word, so a word with one of them inside must split right after it, and such a
//! split needs less evidence. After a letter that does not join the next one
//! (ا د ذ ر ز و ة ى) a missing space is invisible on screen, which is why most
//! run-ons in published text are found there (`بالتطورالاقتصادي`); after a joining
//! letter the glued shape shows, the writer would have seen it, and a rare word
//! that splits there is more often a name (`ميلوفان`, `باتنايك`), so both parts
//! must be common words. Compound names conventionally written joined
//! (`عبدالله`, `resources/text/joined_name_heads.txt`) are left alone.

use std::collections::HashSet;

use crate::text::repairs::{clitic_zipf, explained, known_zipf, Word, PROCLITICS};
use marsad_core::document::{Origin, Repair, RepairKind};
use marsad_core::lexicon::Lexicon;

/// Rule name.
pub const RULE: &str = "repairs.run_on";
/// A word at least this frequent (in its best reading with clitics) is never split...
const MAX_WHOLE_ZIPF: f32 = 2.5;
/// ... and one at least this frequent only when the parts are far more frequent.
const MAX_WHOLE_ZIPF_EASY: f32 = 2.0;
/// A word that is an inflected form of a base at least this frequent is not split.
const MIN_EXPLAINING_ZIPF: f32 = 2.5;
/// Weight of the clitic priors when a part carries clitics (the whole word is
/// taken at its best reading, without them).
const CLITIC_WEIGHT: f32 = 0.5;
/// Each part must be at least this frequent (with clitics) when the split falls
/// after a letter that does not join the next one (ا د ذ ر ز و), where a missing
/// space is invisible, or after a two-letter function word...
const MIN_PART_ZIPF: f32 = 3.0;
/// ... this frequent after a ta marbuta or alef maqsura, which only end words...
const MIN_PART_ZIPF_FINAL: f32 = 2.5;
/// ... and this frequent after a joining letter, where the missing space shows.
const MIN_PART_ZIPF_JOINED: f32 = 4.0;
/// A part of three letters must be at least this frequent by itself.
const MIN_SHORT_PART_ZIPF: f32 = 4.5;
/// A part that is the article and a stem of one letter must be at least this
/// frequent (`الى`, not `الخ`)...
const MIN_ARTICLE_STEM1_ZIPF: f32 = 5.0;
/// ... and one with a stem of two letters this frequent (`الحج`, not `المع`).
const MIN_ARTICLE_STEM2_ZIPF: f32 = 4.5;
/// The rarer part must be this much more frequent than the whole word (log10)...
const MIN_GAIN: f32 = 1.5;
/// ... or this much, when the whole word is not rare.
const MIN_GAIN_NOT_RARE: f32 = 2.5;
/// The best split must beat every other plausible split by this much (log10).
const MIN_LEAD: f32 = 0.5;
/// Words shorter than this are never split.
const MIN_LETTERS: usize = 5;

/// Letters that do not join the letter after them.
fn is_non_joining(c: char) -> bool {
    matches!(c, 'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'د' | 'ذ' | 'ر' | 'ز' | 'و' | 'ؤ' | 'ة' | 'ى' | 'ء')
}

/// Letters that only end a word.
fn is_final_only(c: char) -> bool {
    matches!(c, 'ة' | 'ى')
}

/// A split of a word before letter `at`, with the frequencies of its parts.
#[derive(Clone, Copy, Debug)]
struct Split {
    at: usize,
    left: f32,
    right: f32,
    /// After a ta marbuta or alef maqsura.
    after_final: bool,
    /// After a non-joining letter or a two-letter function word: a missing space
    /// there does not show.
    unseen: bool,
}

impl Split {
    fn weakest(&self) -> f32 {
        self.left.min(self.right)
    }
    fn score(&self) -> f32 {
        self.left
            + self.right
            + if self.after_final {
                1.0
            } else if self.unseen {
                0.6
            } else {
                0.0
            }
    }
}

/// What the run-on rule makes of a word.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// A run-on, with its repair.
    RunOn(Repair),
    /// Splits into two frequent words, but not clearly enough to say where or
    /// whether: other rules should leave the word alone too.
    Doubtful,
    /// Not a run-on.
    No,
}

/// How frequent a part of a split is as a word (0 when it is too short to trust),
/// from its matching key and its written `letters`. Parts of three letters or
/// fewer are looked up as written (`للة` is not `لله`); a two-letter right part
/// that starts with a hamza on alef begins a word (`أن`), where a bare one may be
/// an ending (the dual `ان`).
fn part_zipf(lex: &Lexicon, key: &str, letters: &[char], short: &HashSet<String>, right: bool) -> f32 {
    let written = |l: &[char]| lex.surface_zipf(&l.iter().collect::<String>());
    let n = letters.len();
    let direct = if n <= 3 { written(letters) } else { lex.zipf(key) };
    let at_least = |min: f32| if direct >= min { direct } else { 0.0 };
    // the article (after proclitics) and the number of letters after it
    let article_stem = ["", "و", "ف", "ب", "ك", "وب", "فب", "وك"]
        .iter()
        .filter_map(|p| key.strip_prefix(p).and_then(|r| r.strip_prefix("ال")))
        .chain(["ل", "ول", "فل"].iter().filter_map(|p| key.strip_prefix(p).and_then(|r| r.strip_prefix('ل'))))
        .map(|stem| stem.chars().count())
        .min();
    match (n, article_stem) {
        (0 | 1, _) => 0.0,
        (2, _) if short.contains(key) => direct,
        (2, _) if right && matches!(letters[0], 'أ' | 'إ' | 'آ') => at_least(MIN_SHORT_PART_ZIPF),
        (2, _) => 0.0,
        (_, Some(0 | 1)) => at_least(MIN_ARTICLE_STEM1_ZIPF),
        (_, Some(2)) => at_least(MIN_ARTICLE_STEM2_ZIPF),
        (3, _) => at_least(MIN_SHORT_PART_ZIPF),
        (4, _) => {
            // a proclitic and a three-letter stem, which must be common by itself
            let prior = PROCLITICS.iter().find(|(p, _)| p.chars().count() == 1 && key.starts_with(p)).map(|(_, c)| *c);
            let stem = written(&letters[1..]);
            match prior {
                Some(c) if stem >= MIN_SHORT_PART_ZIPF => direct.max(stem + CLITIC_WEIGHT * c),
                _ => direct,
            }
        }
        _ => direct.max(known_zipf(lex, key, 3, CLITIC_WEIGHT)),
    }
}

/// The verdict on one word.
pub fn check(w: &Word<'_>, res: &crate::text::TextData) -> Verdict {
    let n = w.letters.len();
    if n < MIN_LETTERS || w.occurrences > 1 {
        return Verdict::No;
    }
    let lex = &res.lexicon;
    let lists = &res.repairs;
    // a final-only letter inside the word (not at its end) forces the split after it
    let final_inside = w.letters[..n - 1].iter().position(|&c| is_final_only(c));
    // with a final-only letter inside, no reading as one word with clitics holds
    // (a glued form the lexicon knows from web text is no word either: على ان)
    // (a written hamza on alef is looked up as written: بعدأن is not the web's بعدان)
    let direct = if w.letters.iter().any(|c| matches!(c, 'أ' | 'إ' | 'آ')) {
        lex.surface_zipf(&w.surface())
    } else {
        lex.zipf(w.key)
    };
    let whole = if final_inside.is_some() { 0.0 } else { direct.max(clitic_zipf(lex, w.key, 2, 0.0)) };
    if whole >= MAX_WHOLE_ZIPF
        || (final_inside.is_none() && explained(lex, w.key, &w.letters, MIN_EXPLAINING_ZIPF))
        || lists.joined_name_heads.iter().any(|h| w.key.starts_with(h.as_str()))
    {
        return Verdict::No;
    }
    let keys: Vec<char> = w.key.chars().collect();
    if keys.len() != n {
        return Verdict::No;
    }
    let mut splits = Vec::new();
    for at in 2..=n - 2 {
        if final_inside.is_some_and(|f| at != f + 1)
            || is_final_only(w.letters[at])
            || w.letters[..at - 1].iter().any(|&c| is_final_only(c))
        {
            continue;
        }
        let left: String = keys[..at].iter().collect();
        let right: String = keys[at..].iter().collect();
        let split = Split {
            at,
            left: part_zipf(lex, &left, &w.letters[..at], &lists.short_left, false),
            right: part_zipf(lex, &right, &w.letters[at..], &lists.short_right, true),
            after_final: is_final_only(w.letters[at - 1]),
            unseen: at == 2 || is_non_joining(w.letters[at - 1]),
        };
        let min_part = if split.after_final {
            MIN_PART_ZIPF_FINAL
        } else if split.unseen {
            MIN_PART_ZIPF
        } else {
            MIN_PART_ZIPF_JOINED
        };
        if split.weakest() >= min_part {
            splits.push(split);
        }
    }
    splits.sort_by(|a, b| b.score().total_cmp(&a.score()));
    let Some(&best) = splits.first() else { return Verdict::No };
    let min_gain = if whole < MAX_WHOLE_ZIPF_EASY || best.after_final { MIN_GAIN } else { MIN_GAIN_NOT_RARE };
    if best.weakest() - whole < min_gain || splits.get(1).is_some_and(|s| s.score() + MIN_LEAD > best.score()) {
        return Verdict::Doubtful;
    }
    let Some(suggestion) = w.split_at(best.at) else { return Verdict::Doubtful };
    let margin = best.weakest() - whole - min_gain;
    let confidence = (0.6 + 0.1 * margin + if best.after_final { 0.2 } else { 0.0 }).clamp(0.5, 0.97);
    Verdict::RunOn(Repair { span: w.span, kind: RepairKind::RunOn, suggestion, origin: Origin::rule(RULE, confidence) })
}
