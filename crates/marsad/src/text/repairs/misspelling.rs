//! Misspellings, conservatively: a wrong hamza on an alef, and one-edit typing
//! errors in rare words.
//!
//! **Hamza** (`repairs.hamza`). Spellings are compared by their exact letters
//! (hamza forms kept, [`Lexicon::surface_zipf`](marsad_core::lexicon::Lexicon::surface_zipf)):
//! - a hamza on the first alef of a stem that by its pattern has a hamzat wasl
//!   (the perfect, imperative and verbal noun of derived forms VII, VIII and X:
//!   `انفعال`, `افتعال`, `استفعال`, and the nouns `اسم`, `ابن`…:
//!   `resources/text/hamza_wasl_nouns.txt`), when the spelling without hamza is
//!   more frequent: `إتخاذ` → `اتخاذ`, `الإنحياز` → `الانحياز`, `بإستخدام` →
//!   `باستخدام`. A hamza above (`أ`) is taken as wrong only on a verbal noun or
//!   after the article, since `أنتظر`, `أستطيع` are first-person verbs;
//! - a hamza form swapped for another (`أ`/`إ`/`آ`) in a rare spelling whose
//!   variant is a hundred times as frequent: `الآخير` → `الأخير`, `يآتي` →
//!   `يأتي`. Pairs of real words (`أمام`/`إمام`) mostly differ less; the plural
//!   `أفعال` and the verbal noun `إفعال` (`أشكال`/`إشكال`) are never swapped.
//!
//! A bare alef where a hamza is due (`الاسلام`) is a widespread and accepted
//! habit in news text and is not reported (the normalised view unifies alef
//! forms anyway).
//!
//! **One edit** (`repairs.edit1`). A word of at least five letters that is rare or
//! unknown even with its clitics is compared with every spelling one edit away
//! (a letter inserted, deleted or replaced, or two adjacent letters swapped;
//! proclitics are kept apart and not edited). Only a doubled letter is dropped
//! (`االمتحدة`): a rare word that holds a common one plus a letter is far more
//! often a name or a rare form (`المحرس`, `الرجيش`) than a slip. Candidates are
//! ranked by their frequency plus the log prior of the edit (a left-out long
//! vowel or doubled letter is a common slip, a swap less so, a neighbouring key
//! still less, any other letter rare), and the best is suggested when its score
//! is at least 3, it is frequent (Zipf ≥ 3.5), a hundred times as frequent as the
//! word, and clearly ahead of the runner-up: `الأكرانية` → `الأوكرانية` (not the
//! more frequent but less likely `الإيرانية`). Letters that transliterate the same
//! foreign sound (`ج غ ق ك`, `س ص ث`, `ت ط`, `د ض`, `ز ذ ظ`, `ه ح`) are not
//! substituted for each other, so a foreign name spelt in an unusual
//! transliteration is not "corrected".

use std::collections::HashMap;

use crate::text::repairs::{explained, known_zipf, Edit, Word, PROCLITICS};
use marsad_core::document::{Origin, Repair, RepairKind};
use marsad_core::lexicon::{KeyCursor, Lexicon};

/// Rule name of hamza repairs.
pub const RULE_HAMZA: &str = "repairs.hamza";
/// Rule name of one-edit repairs.
pub const RULE_EDIT1: &str = "repairs.edit1";

/// The spelling without hamza must be at least this frequent (Zipf).
const MIN_WASL_VARIANT_ZIPF: f32 = 3.0;
/// ... and this much more frequent than the spelling with hamza (log10).
const MIN_WASL_GAIN: f32 = 0.3;
/// ... or this, for the shape shared with form IV verbal nouns (`اتفاق`/`إتقان`).
const MIN_WASL_GAIN_AMBIGUOUS: f32 = 0.5;
/// A swapped hamza form: the written spelling at most this frequent...
const MAX_SWAP_ZIPF: f32 = 3.0;
/// ... the variant at least this frequent...
const MIN_SWAP_VARIANT_ZIPF: f32 = 4.0;
/// ... and this much more frequent (log10).
const MIN_SWAP_GAIN: f32 = 2.0;

/// One-edit corrections apply to words of at least this many letters...
const MIN_EDIT_LETTERS: usize = 5;
/// ... that are at most this frequent with their clitics...
const MAX_EDIT_ZIPF: f32 = 1.6;
/// ... and are no inflected form of a base word this frequent.
const MIN_EXPLAINING_ZIPF: f32 = 2.5;
/// The candidate must be at least this frequent...
const MIN_EDIT_CANDIDATE_ZIPF: f32 = 3.5;
/// ... score at least this much: its Zipf value plus the log10 prior of the edit...
const MIN_EDIT_SCORE: f32 = 3.0;
/// ... be this much more frequent than the word (log10)...
const MIN_EDIT_GAIN: f32 = 2.0;
/// ... be written that way (hamza, ta marbuta) at least this often...
const MIN_ATTESTED_ZIPF: f32 = 2.0;
/// ... and score (frequency and likelihood of the edit) this much above the
/// runner-up (log10).
const MIN_EDIT_LEAD: f32 = 0.7;

/// The letters of matching keys (hamza forms of alef folded to ا, ة to ه, ى to ي).
const KEY_LETTERS: &str = "ءؤئابتثجحخدذرزسشصضطظعغفقكلمنهوي";

/// Groups of letters that transliterate the same foreign sound.
const TRANSLITERATION_GROUPS: &[&str] = &["جغقك", "سصث", "تط", "دض", "زذظ", "هح"];

/// Lengths of the proclitic strings (و ف ب ل ك and pairs) the word starts with,
/// as (proclitics, proclitics + article) letter counts.
fn prefixes(letters: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(p, _) in PROCLITICS {
        if p.contains('س') {
            continue;
        }
        let pl = p.chars().count();
        if letters.len() < pl + 3 || !letters.iter().zip(p.chars()).all(|(a, b)| *a == b) {
            continue;
        }
        out.push((pl, pl));
        let rest = &letters[pl..];
        if p.ends_with('ل') && rest[0] == 'ل' && rest[1] != 'ا' {
            out.push((pl, pl + 1)); // لل = ل + ال
        } else if !p.ends_with('ل') && rest[0] == 'ا' && rest[1] == 'ل' && rest.len() > 3 {
            out.push((pl, pl + 2));
        }
    }
    out
}

/// How a stem that starts with a hamzated alef matches a hamzat-wasl pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wasl {
    /// A clear pattern: derived forms VII, VIII, X or a wasl noun.
    Clear,
    /// The assimilated form VIII verbal noun (`اتّفاق`), shaped like a form IV one.
    Ambiguous,
}

/// Whether the stem `alef + rest` has a hamzat wasl by its pattern. `rest` runs
/// to the end of the word (pronoun suffixes included).
fn wasl_pattern(alef: char, rest: &[char], article: bool, res: &crate::text::TextData) -> Option<Wasl> {
    let n = rest.len();
    if n < 2 {
        return None;
    }
    let stem: String = std::iter::once('ا').chain(rest.iter().copied()).collect();
    let stem_key = marsad_core::normalize::match_key(&stem);
    let nouns = &res.repairs.hamza_wasl_nouns;
    if nouns.contains(&stem_key)
        || ["ه", "ها", "هم", "هما", "ي", "نا", "ك", "كم"]
            .iter()
            .any(|s| stem_key.strip_suffix(s).is_some_and(|b| nouns.contains(b)))
    {
        return Some(Wasl::Clear);
    }
    if n < 4 {
        return None;
    }
    // with hamza below or after the article any shape counts; a hamza above marks
    // a first-person verb unless the word is a verbal noun (ا before the last radical)
    let free = alef == 'إ' || article;
    let masdar = |at: usize| rest.get(at) == Some(&'ا');
    // X: استفعل / استفعال
    if rest[0] == 'س' && rest[1] == 'ت' && rest[2] != 'ا' && (free || masdar(4)) {
        return Some(Wasl::Clear);
    }
    // VII: انفعل / انفعال; VIII: افتعل / افتعال, with ت assimilated to ط or د
    // after some radicals. A long vowel as second radical only in the verbal noun
    // (اختيار, انهيار), not in a verb.
    let second = free && !matches!(rest[2], 'و' | 'ي') || masdar(3);
    if (rest[0] == 'ن' || matches!(rest[1], 'ت' | 'ط' | 'د')) && rest[2] != 'ا' && second {
        return Some(Wasl::Clear);
    }
    // VIII of a first radical و/ت/ط/د, the doubled ت written once: اتّفاق, اطّلاع, ادّعاء
    if matches!(rest[0], 'ت' | 'ط' | 'د') && rest[2] == 'ا' && free {
        return Some(Wasl::Ambiguous);
    }
    None
}

/// Frequencies of the written spelling and of its variants, compared on the
/// whole word, or without its proclitics when the first variant is too rare as a
/// whole to judge.
fn compare<const N: usize>(
    lex: &Lexicon,
    written: &[char],
    variants: [&[char]; N],
    proclitics: usize,
    min_variant: f32,
) -> (f32, [f32; N]) {
    let z = |l: &[char], from: usize| lex.surface_zipf(&l[from..].iter().collect::<String>());
    let from = if proclitics > 0 && z(variants[0], 0) < min_variant && z(variants[0], proclitics) > z(variants[0], 0) {
        proclitics
    } else {
        0
    };
    (z(written, from), variants.map(|v| z(v, from)))
}

/// The hamza repair of one word, if it has a wrong hamza on an alef.
pub fn hamza(w: &Word<'_>, res: &crate::text::TextData) -> Option<Repair> {
    let lex = &res.lexicon;
    let letters = &w.letters;
    if letters.len() < 3 || !letters.iter().any(|c| matches!(c, 'أ' | 'إ' | 'آ')) {
        return None;
    }
    // a hamza on a hamzat wasl
    for (pl, k) in prefixes(letters) {
        let alef = letters[k];
        if !matches!(alef, 'أ' | 'إ') {
            continue;
        }
        let Some(kind) = wasl_pattern(alef, &letters[k + 1..], k > pl, res) else { continue };
        let variant = |a: char| {
            let mut v = letters.clone();
            v[k] = a;
            v
        };
        let (bare, above, madda) = (variant('ا'), variant('أ'), variant('آ'));
        let (zw, [zv, za, zm]) = compare(lex, letters, [&bare, &above, &madda], pl, MIN_WASL_VARIANT_ZIPF);
        // the bare spelling must not owe its frequency to another word whose hamza
        // is often left out (ادوار is mostly أدوار, not a wasl form of إدوار)
        let hamzated = [za, zm];
        let min_gain = if kind == Wasl::Clear { MIN_WASL_GAIN } else { MIN_WASL_GAIN_AMBIGUOUS };
        if zv >= MIN_WASL_VARIANT_ZIPF && zv - zw >= min_gain && hamzated.iter().all(|&z| z < zv) {
            let confidence = (0.7 + 0.2 * (zv - zw)).clamp(0.7, 0.95);
            return Some(repair(w, Edit::Substitute(k, 'ا'), RULE_HAMZA, confidence));
        }
    }
    // a hamza form swapped for another
    let plain = prefixes(letters).into_iter().map(|(pl, _)| pl).max().unwrap_or(0);
    let mut best: Option<(f32, Edit)> = None;
    for (k, &c) in letters.iter().enumerate() {
        if !matches!(c, 'أ' | 'إ' | 'آ') {
            continue;
        }
        // أفعال (plural) and إفعال (verbal noun) are both patterns: أشكال/إشكال,
        // أسرار/إسرار are pairs of words, whichever is rarer
        let af_al = letters.get(k + 3) == Some(&'ا')
            && letters.len() > k + 4
            && letters[k + 1..k + 3].iter().all(|c| !matches!(c, 'ا' | 'أ' | 'إ' | 'آ' | 'و' | 'ي'));
        for f in ['أ', 'إ', 'آ'] {
            if f == c || (af_al && matches!((c, f), ('أ', 'إ') | ('إ', 'أ'))) {
                continue;
            }
            let mut variant = letters.clone();
            variant[k] = f;
            let pl = if k >= plain { plain } else { 0 };
            let (zw, [zv]) = compare(lex, letters, [&variant], pl, MIN_SWAP_VARIANT_ZIPF);
            let gain = zv - zw;
            if zw <= MAX_SWAP_ZIPF
                && zv >= MIN_SWAP_VARIANT_ZIPF
                && gain >= MIN_SWAP_GAIN
                && best.is_none_or(|(g, _)| gain > g)
            {
                best = Some((gain, Edit::Substitute(k, f)));
            }
        }
    }
    best.map(|(gain, edit)| repair(w, edit, RULE_HAMZA, (0.5 + 0.1 * gain).clamp(0.6, 0.85)))
}

fn repair(w: &Word<'_>, edit: Edit, rule: &'static str, confidence: f32) -> Repair {
    Repair {
        span: w.span,
        kind: RepairKind::Misspelling,
        suggestion: w.apply(edit),
        origin: Origin::rule(rule, confidence),
    }
}

/// True when an edit of `stem` into `key` makes or unmakes the article, alone or
/// after a proclitic letter (`كلاوزن` is not `ك` + `الوزن`): that changes the
/// clitics, not the word. Removing a doubled letter in front of an article that
/// was already written (`االمتحدة`) is no change.
fn article_changed(stem: &[char], key: &str) -> bool {
    let article_at = |l: &[char]| l.windows(2).position(|w| w == ['ا', 'ل']);
    let cand: Vec<char> = key.chars().collect();
    let starts = |l: &[char]| match article_at(l) {
        Some(0) => true,
        Some(1) => is_proclitic_letter(l[0]),
        _ => l.len() > 2 && l[0] == 'ل' && l[1] == 'ل',
    };
    let (had, has) = (starts(stem), starts(&cand));
    had != has && !(has && article_at(&stem[..stem.len().min(4)]).is_some())
}

fn is_proclitic_letter(c: char) -> bool {
    matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س')
}

fn same_sound(a: char, b: char) -> bool {
    TRANSLITERATION_GROUPS.iter().any(|g| g.contains(a) && g.contains(b))
}

/// The rows of the standard Arabic keyboard (PC layout), left to right; the key
/// under a letter sits between the two keys above it.
const KEYBOARD_ROWS: [&str; 3] = ["ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤر\u{0}يهوزظ"];

/// The (row, column) of a matching-key letter on the keyboard.
fn key_position(c: char) -> Option<(usize, usize)> {
    KEYBOARD_ROWS.iter().enumerate().find_map(|(r, row)| row.chars().position(|k| k == c).map(|col| (r, col)))
}

/// True when `a` and `b` are neighbouring keys.
fn adjacent_keys(a: char, b: char) -> bool {
    let (Some((ra, ca)), Some((rb, cb))) = (key_position(a), key_position(b)) else { return false };
    match (ra as isize - rb as isize, ca as isize - cb as isize) {
        (0, d) => d.abs() == 1,
        // the lower row is shifted half a key right: a key touches the one above it and the one above-right
        (1, d) => d == 0 || d == -1,
        (-1, d) => d == 0 || d == 1,
        _ => false,
    }
}

/// The log10 prior of an edit of `stem`. Leaving out a long vowel or one of a
/// doubled letter is a common slip; swapping two letters less so; hitting a
/// neighbouring key for the right one still less (a name spelt with another
/// letter often lands on a common word that way: `حوريا`/`كوريا`), any other
/// letter rarely. Extra letters are only dropped when doubled (see [`known_edits`]).
fn edit_cost(stem: &[char], edit: Edit) -> f32 {
    let vowel = |c: char| matches!(c, 'ا' | 'و' | 'ي');
    match edit {
        Edit::Insert(_, c) if vowel(c) => -0.5,
        Edit::Insert(p, c) if (p > 0 && stem[p - 1] == c) || stem.get(p) == Some(&c) => -0.7,
        Edit::Delete(_) => -0.7,
        Edit::Insert(..) => -1.5,
        Edit::Transpose(_) => -1.0,
        Edit::Substitute(p, c) if adjacent_keys(stem[p], c) => -1.7,
        Edit::Substitute(..) => -3.0,
    }
}

/// Every edit of `stem` (matching-key letters) that makes a key the lexicon
/// knows, with that key and its Zipf frequency, found by walking the lexicon from
/// the stem's prefixes instead of looking up every variant.
fn known_edits<'l>(lex: &'l Lexicon, stem: &[char]) -> Vec<(Edit, String, f32)> {
    let n = stem.len();
    // the lexicon position after each prefix of the stem: every edit at `p` keeps
    // `stem[..p]`, so its variants are walked from there
    let mut prefix = Vec::with_capacity(n + 1);
    let mut at = Some(lex.key_root());
    for p in 0..=n {
        prefix.push(at);
        at = at.zip(stem.get(p)).and_then(|(a, &c)| lex.key_step(a, c));
    }
    let finish = |at: Option<KeyCursor<'l>>, rest: &[char]| -> f32 {
        at.and_then(|a| rest.iter().try_fold(a, |a, &c| lex.key_step(a, c))).map_or(0.0, |a| lex.key_zipf_at(a))
    };
    let step = |at: Option<KeyCursor<'l>>, c: char| at.and_then(|a| lex.key_step(a, c));
    let mut out = Vec::new();
    let mut found = |e: Edit, z: f32| {
        if z > 0.0 {
            let mut l = stem.to_vec();
            e.apply(&mut l);
            out.push((e, l.into_iter().collect::<String>(), z));
        }
    };
    for p in 0..n {
        // only a doubled letter is dropped: an unknown word that holds a known one
        // plus a letter is far more often a name or a rare form (المحرس, الرجيش)
        if (p > 0 && stem[p - 1] == stem[p]) || stem.get(p + 1) == Some(&stem[p]) {
            found(Edit::Delete(p), finish(prefix[p], &stem[p + 1..]));
        }
        if p + 1 < n && stem[p] != stem[p + 1] {
            found(Edit::Transpose(p), finish(step(step(prefix[p], stem[p + 1]), stem[p]), &stem[p + 2..]));
        }
    }
    for c in KEY_LETTERS.chars() {
        for p in 0..=n {
            found(Edit::Insert(p, c), finish(step(prefix[p], c), &stem[p..]));
        }
        for (p, &l) in stem.iter().enumerate() {
            if l != c && !same_sound(l, c) {
                found(Edit::Substitute(p, c), finish(step(prefix[p], c), &stem[p + 1..]));
            }
        }
    }
    out
}

/// The one-edit repair of one word, if it is a rare word one slip away from a
/// frequent one.
pub fn edit1(w: &Word<'_>, res: &crate::text::TextData) -> Option<Repair> {
    let lex = &res.lexicon;
    let n = w.letters.len();
    if n < MIN_EDIT_LETTERS || w.occurrences > 1 || !w.letters.iter().all(|&c| marsad_core::chars::is_arabic_letter(c))
    {
        return None;
    }
    let keys: Vec<char> = w.key.chars().collect();
    if keys.len() != n || !keys.iter().all(|&c| KEY_LETTERS.contains(c)) {
        return None;
    }
    // frequency of the best clitic reading, without the clitic priors
    let whole = known_zipf(lex, w.key, 2, 0.0);
    if whole > MAX_EDIT_ZIPF || explained(lex, w.key, &w.letters, MIN_EXPLAINING_ZIPF) {
        return None;
    }
    // (candidate zipf, lead over the runner-up, edit, proclitic letters)
    let mut best: Option<(f32, f32, Edit, usize)> = None;
    for &(p, _) in PROCLITICS {
        let pl = p.chars().count();
        let Some(rest) = w.key.strip_prefix(p) else { continue };
        if n - pl < MIN_EDIT_LETTERS || (p.ends_with('س') && !rest.starts_with(['ي', 'ت', 'ن', 'ا'])) {
            continue;
        }
        let stem = &keys[pl..];
        let written = lex.zipf(&stem.iter().collect::<String>()).max(whole);
        // best (score, zipf, edit) per distinct key
        let mut by_key: HashMap<String, (f32, f32, Edit)> = HashMap::new();
        for (edit, key, z) in known_edits(lex, stem) {
            // adding or dropping a proclitic letter in front, or making or unmaking
            // the article, changes the clitics, not the word (كلاوزن is not كالوزن)
            let clitic_edit = match edit {
                Edit::Insert(0, c) => is_proclitic_letter(c),
                Edit::Delete(0) => is_proclitic_letter(stem[0]),
                _ => false,
            };
            if clitic_edit || article_changed(stem, &key) {
                continue;
            }
            let score = z + edit_cost(stem, edit);
            let e = by_key.entry(key).or_insert((score, z, edit));
            if score > e.0 {
                *e = (score, z, edit);
            }
        }
        let mut cands: Vec<(f32, f32, Edit)> = by_key.into_values().collect();
        cands.sort_by(|a, b| b.0.total_cmp(&a.0));
        let Some(&(score, z, edit)) = cands.first() else { continue };
        let lead = score - cands.get(1).map_or(0.0, |c| c.0);
        if z >= MIN_EDIT_CANDIDATE_ZIPF
            && score >= MIN_EDIT_SCORE
            && z - written >= MIN_EDIT_GAIN
            && lead >= MIN_EDIT_LEAD
            && best.is_none_or(|(bz, ..)| z > bz)
        {
            best = Some((z, lead, edit.shifted(pl), pl));
        }
    }
    let (z, lead, edit, pl) = best?;
    let edit = surface_edit(w, edit, lex);
    // suggest only a spelling the lexicon knows as written (not `اليإبان` for `الإبان`)
    let mut suggested = w.letters.clone();
    edit.apply(&mut suggested);
    if lex.surface_zipf(&suggested[pl..].iter().collect::<String>()) < MIN_ATTESTED_ZIPF {
        return None;
    }
    let confidence = (0.5 + 0.1 * (z - whole - MIN_EDIT_GAIN) + 0.1 * (lead - MIN_EDIT_LEAD)).clamp(0.5, 0.9);
    Some(repair(w, edit, RULE_EDIT1, confidence))
}

/// The edit with its new letter in the most frequent written form: ا as ا/أ/إ/آ,
/// ه as ه/ة and ي as ي/ى at the end of the word.
fn surface_edit(w: &Word<'_>, edit: Edit, lex: &Lexicon) -> Edit {
    let (p, c) = match edit {
        Edit::Insert(p, c) | Edit::Substitute(p, c) => (p, c),
        _ => return edit,
    };
    let forms: &[char] = match c {
        'ا' => &['ا', 'أ', 'إ', 'آ'],
        'ه' => &['ه', 'ة'],
        'ي' => &['ي', 'ى'],
        _ => return edit,
    };
    let with = |f: char| match edit {
        Edit::Insert(..) => Edit::Insert(p, f),
        _ => Edit::Substitute(p, f),
    };
    let best = forms
        .iter()
        .map(|&f| {
            let mut l = w.letters.clone();
            with(f).apply(&mut l);
            (lex.surface_zipf(&l.into_iter().collect::<String>()), f)
        })
        .fold((0.0, c), |acc, x| if x.0 > acc.0 { x } else { acc });
    with(best.1)
}
