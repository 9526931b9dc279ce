//! Clitic segmentation of Arabic words.
//!
//! A word is read as `[و|ف] [ب|ل|ك|س] [ال] stem [pronoun]` (the article and a
//! pronoun suffix never together; `لل` is ل + ال with the alef elided; س only
//! before an imperfect verb prefix). Every reading is scored with the
//! word-frequency lexicon: a reading with clitics wins when its stem is frequent
//! enough for the word to be that stem plus clitics, i.e. when
//!
//! `zipf(stem) + Σ log10 P(clitic) + MARGIN > zipf(word)`.
//!
//! So وزير stays whole (زير is rare, وزير frequent), والحكومة splits into
//! و + ال + حكومة, and a list of lexicalised words (`resources/text/clitic_stems.txt`:
//! كما، لكن، الذي…) is never split. The article is split whenever a stem of two
//! letters or more remains, unless the alef carries a hamza in the original
//! (إلغاء, ألعاب are not ال + stem) or a known word would leave an unknown stem.

use compact_str::CompactString;

use marsad_core::document::{Document, Morpheme, MorphemeRole, Origin, Segmentation, TokenKind};
use marsad_core::memo::WordMemo;
use marsad_core::span::Span;

/// How much more frequent than its clitic reading a word must be to stay whole (log10).
const MARGIN: f32 = 1.0;
/// A stem must be at least this frequent (Zipf) to justify a split by frequency.
const MIN_STEM_ZIPF: f32 = 2.0;

/// Conjunctions and the log10 of their prior.
const CONJUNCTIONS: &[(&str, f32)] = &[("و", -0.7), ("ف", -1.2)];
/// Prefixes after the conjunction, their role and the log10 of their prior.
const PREFIXES: &[(&str, MorphemeRole, f32)] = &[
    ("ب", MorphemeRole::Preposition, -1.0),
    ("ل", MorphemeRole::Preposition, -1.0),
    ("ك", MorphemeRole::Preposition, -1.5),
    ("س", MorphemeRole::Future, -1.2),
];
/// Pronoun suffixes and the log10 of their prior. First-person ي and ني are rare in
/// news prose and easily confused with the nisba ending (مصري), so they cost most.
const PRONOUNS: &[(&str, f32)] = &[
    ("هما", -1.6),
    ("ها", -1.0),
    ("هم", -1.0),
    ("هن", -2.0),
    ("كم", -1.3),
    ("ني", -2.0),
    ("نا", -1.2),
    ("ه", -0.9),
    ("ك", -1.3),
    ("ي", -2.5),
];
/// Particles that never take a pronoun suffix (لاي is ل + أي, not لا + ي).
const NO_SUFFIX_STEMS: &[&str] = &["لا", "ما", "يا", "ذا"];

/// One reading of a word: byte lengths (in the normalised form) of each part.
#[derive(Clone, Debug, PartialEq)]
struct Reading {
    conj: usize,
    prefix: Option<(usize, MorphemeRole)>,
    /// Length of the article as written: 4 for ال, 2 for the second ل of لل.
    article: usize,
    suffix: usize,
    score: f32,
}

impl Reading {
    fn count(&self) -> usize {
        usize::from(self.conj > 0)
            + usize::from(self.prefix.is_some())
            + usize::from(self.article > 0)
            + usize::from(self.suffix > 0)
    }
    fn prefix_len(&self) -> usize {
        self.prefix.map_or(0, |p| p.0)
    }
}

/// A word under segmentation: its normalised form and where its original
/// spelling has a hamza on alef (which the normalised form hides).
struct Word<'a> {
    norm: &'a str,
    /// Byte offsets in `norm` of alefs written أ, إ or آ in the original.
    hamza_alefs: Vec<usize>,
}

impl Word<'_> {
    /// True when `norm[at..]` starts an article whose alef is bare in the original.
    fn bare_article_at(&self, at: usize) -> bool {
        self.norm[at..].starts_with("ال") && !self.hamza_alefs.contains(&at)
    }
}

/// What may still come in a reading of (part of) a word.
#[derive(Clone, Copy)]
struct Allowed {
    conj: bool,
    prefix: bool,
}

/// The stage: adds [`Document::clitics`].
pub fn segment(doc: &mut Document, res: &super::TextData) {
    let mut out = Vec::new();
    let map = doc.normalized.map();
    let mut cursor = 0; // words come in text order: walk the offset map alongside
    let persian = super::inspect::persian_stretches(doc);
    for (i, tok) in doc.tokens.iter().enumerate() {
        // a word with a Persian-only letter (پ چ ژ گ) is a Persian or Kurdish word or
        // name, and a word in Persian text (خارجه in وزارت امور خارجه گفت که) is
        // Persian even in Arabic letters: Arabic clitics do not apply to them
        if tok.kind != TokenKind::Arabic
            || tok.norm.chars().nth(2).is_none()
            || res.clitic_stems.contains(tok.key.as_str())
            || tok.norm.contains(super::inspect::is_persian_only)
            || persian.get(i).copied().unwrap_or(false)
        {
            continue;
        }
        let nspan = tok.norm_span;
        let written = doc.slice(tok.span);
        let found = CACHE.with(|memo| {
            WordMemo::get_or_insert_with(memo, written, || {
                best_reading(&Word { norm: &tok.norm, hamza_alefs: hamza_alefs(doc, nspan) }, res).map(Packed::pack)
            })
        });
        let Some(Remembered { reading, rule, confidence }) = found.map(Remembered::unpack) else {
            continue;
        };
        // Cut the original word where each morpheme's first letter starts, so that
        // dropped characters (bidi marks) stay inside the word and nothing overlaps.
        let parts = morphemes(&tok.norm, &reading);
        while (map[cursor].norm as usize) < nspan.start {
            cursor += 1;
        }
        let n_parts = parts.len();
        let cut = |norm_offset: usize, k: usize| match k {
            0 => tok.span.start,
            _ if k == n_parts => tok.span.end,
            _ => {
                let at = nspan.start + norm_offset;
                map[cursor..].iter().find(|e| e.norm as usize >= at).map_or(tok.span.end, |e| e.orig_start as usize)
            }
        };
        let morphemes: Vec<Morpheme> = parts
            .into_iter()
            .enumerate()
            .map(|(k, (start, end, form, role))| Morpheme {
                span: Span::new(cut(start, k), cut(end, k + 1)),
                form,
                role,
            })
            .collect();
        // a boundary inside one original character (a ligature) cannot be shown: keep the word whole
        if morphemes.iter().any(|m| m.span.is_empty()) {
            continue;
        }
        out.push(Segmentation { token: i, span: tok.span, morphemes, origin: Origin::rule(rule, confidence) });
    }
    doc.clitics = out;
}

/// A reading as remembered: where the word is cut (each clitic is a few bytes long,
/// from the tables above), the rule and the confidence; a third of [`Reading`] with
/// its rule, for a memory that holds up to 100,000 words.
#[derive(Clone, Copy)]
struct Packed {
    conj: u8,
    prefix: Option<(u8, MorphemeRole)>,
    article: u8,
    suffix: u8,
    confidence: f32,
    rule: &'static str,
}

/// A reading as read back from the memory (its score is not kept: the cuts are what
/// the layer needs).
struct Remembered {
    reading: Reading,
    rule: &'static str,
    confidence: f32,
}

impl Packed {
    fn pack((r, rule, confidence): (Reading, &'static str, f32)) -> Packed {
        let byte = |n: usize| u8::try_from(n).expect("a clitic is a few bytes long");
        Packed {
            conj: byte(r.conj),
            prefix: r.prefix.map(|(len, role)| (byte(len), role)),
            article: byte(r.article),
            suffix: byte(r.suffix),
            confidence,
            rule,
        }
    }
}

impl Remembered {
    fn unpack(p: Packed) -> Remembered {
        let reading = Reading {
            conj: p.conj.into(),
            prefix: p.prefix.map(|(len, role)| (len.into(), role)),
            article: p.article.into(),
            suffix: p.suffix.into(),
            score: 0.0,
        };
        Remembered { reading, rule: p.rule, confidence: p.confidence }
    }
}

thread_local! {
    /// Readings by the word as written (the reading depends on nothing else).
    static CACHE: std::cell::RefCell<WordMemo<CompactString, Option<Packed>>> = Default::default();
}

/// Offsets (relative to the word) of the alefs that carry a hamza or madda in the original.
fn hamza_alefs(doc: &Document, nspan: Span) -> Vec<usize> {
    let view = &doc.normalized;
    view.text[nspan.start..nspan.end]
        .char_indices()
        .filter(|&(_, c)| c == 'ا')
        .filter(|&(i, _)| {
            let at = nspan.start + i;
            let orig = view.to_original(Span::new(at, at + 'ا'.len_utf8()));
            doc.text[orig.start..orig.end].starts_with(['أ', 'إ', 'آ'])
        })
        .map(|(i, _)| i)
        .collect()
}

/// Splits one normalised word into (start, end, canonical form, role) parts.
fn morphemes(word: &str, r: &Reading) -> Vec<(usize, usize, CompactString, MorphemeRole)> {
    let mut parts = Vec::with_capacity(r.count() + 1);
    let mut at = 0;
    if r.conj > 0 {
        parts.push((0, r.conj, clitic_form(&word[..r.conj]), MorphemeRole::Conjunction));
        at = r.conj;
    }
    if let Some((len, role)) = r.prefix {
        parts.push((at, at + len, clitic_form(&word[at..at + len]), role));
        at += len;
    }
    if r.article > 0 {
        parts.push((at, at + r.article, CompactString::const_new("ال"), MorphemeRole::Article));
        at += r.article;
    }
    let stem_end = word.len() - r.suffix;
    parts.push((at, stem_end, CompactString::from(&word[at..stem_end]), MorphemeRole::Stem));
    if r.suffix > 0 {
        parts.push((stem_end, word.len(), clitic_form(&word[stem_end..]), MorphemeRole::Pronoun));
    }
    parts
}

/// The canonical form of a clitic: one of the tables' strings.
fn clitic_form(written: &str) -> CompactString {
    let known =
        CONJUNCTIONS.iter().map(|c| c.0).chain(PREFIXES.iter().map(|p| p.0)).chain(PRONOUNS.iter().map(|p| p.0));
    CompactString::from(known.into_iter().find(|k| *k == written).unwrap_or(written))
}

/// The best reading with at least one clitic, with the rule and confidence, or
/// `None` when the word stands alone.
fn best_reading(word: &Word, res: &super::TextData) -> Option<(Reading, &'static str, f32)> {
    let (r, rule, confidence) = choose(word, 0, Allowed { conj: true, prefix: true }, res)?;
    if r.article > 0 || r.suffix > 0 || (r.conj == 0 && r.prefix.is_none()) {
        return Some((r, rule, confidence));
    }
    // The rest of a word read as conjunction or preposition + stem may itself carry
    // clitics (و + سيعقد → و + س + يعقد, ب + دوره → ب + دور + ه): segment it the same way.
    let at = r.conj + r.prefix_len();
    let allowed = Allowed { conj: false, prefix: r.prefix.is_none() };
    if res.clitic_stems.contains(&key(&word.norm[at..])) {
        return Some((r, rule, confidence));
    }
    match choose(word, at, allowed, res) {
        Some((inner, _, inner_conf)) => {
            let merged = Reading { conj: r.conj, prefix: r.prefix.or(inner.prefix), ..inner };
            Some((merged, rule, confidence.min(inner_conf)))
        }
        None => Some((r, rule, confidence)),
    }
}

/// Chooses among the readings of `word.norm[from..]`; offsets in the result are
/// relative to the whole word.
fn choose(word: &Word, from: usize, allowed: Allowed, res: &super::TextData) -> Option<(Reading, &'static str, f32)> {
    let lex = &res.lexicon;
    let part = &word.norm[from..];
    let word_zipf = lex.zipf(&key(part));
    let mut best: Option<Reading> = None;
    for_each_reading(word, from, allowed, |r, stem| {
        let stem_chars = stem.chars().count();
        if stem_chars < 2 || (r.suffix > 0 && NO_SUFFIX_STEMS.contains(&stem)) {
            return;
        }
        if matches!(r.prefix, Some((_, MorphemeRole::Future))) && stem_chars < 3 {
            return;
        }
        let lookup = lookup_form(stem, r);
        // a lexicalised word keeps its article: و + الذي, not و + ال + ذي
        if r.article > 0 && res.clitic_stems.contains(&key(&lookup)) {
            return;
        }
        let z = lex.norm_zipf(&lookup);
        if z < MIN_STEM_ZIPF {
            return;
        }
        let mut r = r.clone();
        r.score = z + cost(word.norm, from, &r);
        // Equal scores mean the same stem form read with or without the article:
        // the reading that separates the article wins.
        let better = match &best {
            None => true,
            Some(b) => r.score > b.score + 1e-4 || ((r.score - b.score).abs() <= 1e-4 && r.count() > b.count()),
        };
        if better {
            best = Some(r);
        }
    });
    match best {
        Some(r) if r.score + MARGIN > word_zipf && (r.conj > from || r.prefix.is_some() || r.suffix > 0) => {
            let confidence = (0.6 + (r.score + MARGIN - word_zipf) / 5.0).clamp(0.55, 0.98);
            Some((r, "clitics.frequency", confidence))
        }
        _ => article_only(word, from, word_zipf, res),
    }
}

/// Splits a leading article by form alone, when no frequency evidence chose a
/// reading with other clitics.
fn article_only(
    word: &Word,
    from: usize,
    word_zipf: f32,
    res: &super::TextData,
) -> Option<(Reading, &'static str, f32)> {
    let part = &word.norm[from..];
    if !word.bare_article_at(from) || part.chars().count() < 4 || res.clitic_stems.contains(&key(part)) {
        return None;
    }
    let stem_zipf = res.lexicon.zipf(&key(&part["ال".len()..]));
    // a known word whose remainder is no word at all is not article + stem (الغاء)
    if word_zipf >= MIN_STEM_ZIPF && stem_zipf == 0.0 {
        return None;
    }
    let confidence = if word_zipf > 0.0 || stem_zipf > 0.0 { 0.95 } else { 0.8 };
    let r = Reading { conj: from, prefix: None, article: "ال".len(), suffix: 0, score: 0.0 };
    Some((r, "clitics.article", confidence))
}

/// The matching key of a normalised form.
fn key(norm: &str) -> String {
    marsad_core::normalize::match_key(norm)
}

/// The form to look the stem up under: with its article, and with ta marbuta
/// restored before a pronoun (حكومته → حكومة).
fn lookup_form(stem: &str, r: &Reading) -> String {
    let mut s = String::with_capacity(stem.len() + 4);
    if r.article > 0 {
        s.push_str("ال");
    }
    if r.suffix > 0 && stem.ends_with('ت') && stem.chars().count() > 2 {
        s.push_str(&stem[..stem.len() - 'ت'.len_utf8()]);
        s.push('ة');
    } else {
        s.push_str(stem);
    }
    s
}

/// The log10 prior of a reading's clitics (of `norm[from..]`).
fn cost(norm: &str, from: usize, r: &Reading) -> f32 {
    let conj = if r.conj == from {
        0.0
    } else {
        CONJUNCTIONS.iter().find(|(c, _)| norm[from..].starts_with(c)).map_or(0.0, |c| c.1)
    };
    let prefix = match r.prefix {
        None => 0.0,
        Some((_, role)) => {
            let p = &norm[r.conj..r.conj + r.prefix_len()];
            PREFIXES.iter().find(|(f, rl, _)| *f == p && *rl == role).map_or(0.0, |f| f.2)
        }
    };
    let suffix = if r.suffix == 0 {
        0.0
    } else {
        let s = &norm[norm.len() - r.suffix..];
        PRONOUNS.iter().find(|(p, _)| *p == s).map_or(0.0, |p| p.1)
    };
    conj + prefix + suffix
}

/// Calls `f` with every reading of `word.norm[from..]` that has at least one
/// clitic, and its stem. A reading's `conj` holds `from` when no conjunction is read.
fn for_each_reading(word: &Word, from: usize, allowed: Allowed, mut f: impl FnMut(&Reading, &str)) {
    let norm = word.norm;
    let part = &norm[from..];
    let conj_opts: Vec<usize> = std::iter::once(0)
        .chain(CONJUNCTIONS.iter().filter(|(c, _)| allowed.conj && part.starts_with(c)).map(|(c, _)| c.len()))
        .collect();
    for &conj in &conj_opts {
        let after_conj = from + conj;
        let mut prefix_opts: Vec<Option<(usize, MorphemeRole)>> = vec![None];
        for (p, role, _) in PREFIXES.iter().filter(|_| allowed.prefix) {
            if norm[after_conj..].starts_with(p) {
                let rest = &norm[after_conj + p.len()..];
                if *role == MorphemeRole::Future && !rest.starts_with(['ي', 'ت', 'ن']) {
                    continue;
                }
                prefix_opts.push(Some((p.len(), *role)));
            }
        }
        for prefix in prefix_opts {
            let after_prefix = after_conj + prefix.map_or(0, |p| p.0);
            let lam = prefix.is_some_and(|p| norm[after_conj..].starts_with('ل') && p.1 == MorphemeRole::Preposition);
            let future = prefix.is_some_and(|p| p.1 == MorphemeRole::Future);
            let mut article_opts = vec![0];
            if !future {
                let rest = &norm[after_prefix..];
                if lam && rest.starts_with('ل') && !rest.starts_with("ال") {
                    article_opts.push('ل'.len_utf8()); // لل = ل + ال
                } else if !lam && word.bare_article_at(after_prefix) {
                    article_opts.push("ال".len());
                }
            }
            for article in article_opts {
                let body = &norm[after_prefix + article..];
                let mut suffix_opts = vec![0];
                if article == 0 {
                    suffix_opts.extend(
                        PRONOUNS
                            .iter()
                            .filter(|(p, _)| body.ends_with(p) && body.len() > p.len())
                            .map(|(p, _)| p.len()),
                    );
                }
                for suffix in suffix_opts {
                    let r = Reading { conj: from + conj, prefix, article, suffix, score: 0.0 };
                    if !(conj > 0 || prefix.is_some() || article > 0 || suffix > 0) {
                        continue;
                    }
                    f(&r, &body[..body.len() - suffix]);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Pipeline;
    use marsad_core::document::Metadata;

    fn split(word: &str) -> Vec<String> {
        let doc = Pipeline::new().analyze_through(word, Metadata::default(), "clitics");
        match doc.segmentation_of(0) {
            Some(s) => s.morphemes.iter().map(|m| m.form.to_string()).collect(),
            None => vec![doc.tokens[0].norm.to_string()],
        }
    }

    macro_rules! segments {
        ($($name:ident: $word:expr => [$($part:expr),*];)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(split($word), vec![$($part.to_string()),*]);
            }
        )*};
    }

    /// The words split into clitics in `text`, as their morphemes joined with `+`.
    fn splits_in(text: &str) -> Vec<String> {
        let doc = Pipeline::new().analyze_through(text, Metadata::default(), "clitics");
        doc.clitics
            .iter()
            .map(|s| s.morphemes.iter().map(|m| m.form.to_string()).collect::<Vec<_>>().join("+"))
            .collect()
    }

    #[test]
    fn words_of_persian_text_are_not_split_even_in_arabic_letters() {
        let text = "قال وزير الخارجية إن المحادثات ستستأنف غدا.\n\
                    سخنگوی وزارت امور خارجه گفت که پیشنهاد چین برای گفتگو پذیرفته شد.\n\
                    وأعلنت قوات البيشمركة أن مقاتلي الپيشمرگة استعادوا السيطرة على بلدة شنگال بالكامل.";
        let splits = splits_in(text);
        for persian in ["خارج+ه", "و+زارت", "ب+راي"] {
            assert!(!splits.contains(&persian.to_owned()), "{persian} in {splits:?}");
        }
        // the Arabic lines keep their clitics, names in Persian letters or not
        for arabic in ["ال+خارجية", "س+تستانف", "و+اعلنت", "ال+بيشمركة", "ال+سيطرة"]
        {
            assert!(splits.contains(&arabic.to_owned()), "{arabic} in {splits:?}");
        }
    }

    segments! {
        keeps_wazir: "وزير" => ["وزير"];
        keeps_words_with_persian_letters: "والپيشمرگة" => ["والپيشمرگة"];
        keeps_persian_words: "بزرگه" => ["بزرگه"];
        folds_keyboard_kaf_and_ya_then_splits: "والحکومی" => ["و", "ال", "حكومي"];
        keeps_balad: "بلد" => ["بلد"];
        keeps_kitab: "كتاب" => ["كتاب"];
        keeps_lexicalised_kama: "كما" => ["كما"];
        keeps_lubnan: "لبنان" => ["لبنان"];
        splits_conj_article: "والحكومة" => ["و", "ال", "حكومة"];
        splits_lam_lam: "للحكومة" => ["ل", "ال", "حكومة"];
        splits_preposition_name: "لروسيا" => ["ل", "روسيا"];
        splits_bi_article: "بالجزائر" => ["ب", "ال", "جزائر"];
        splits_pronoun: "حكومته" => ["حكومت", "ه"];
        splits_future: "وسيعقد" => ["و", "س", "يعقد"];
        splits_article_alone: "المناورات" => ["ال", "مناورات"];
        keeps_alladhi: "الذي" => ["الذي"];
    }

    #[test]
    fn morpheme_spans_cover_the_word_in_the_original() {
        let text = "ولِلحُكومةِ";
        let doc = Pipeline::new().analyze_through(text, Metadata::default(), "clitics");
        let seg = doc.segmentation_of(0).expect("split");
        let joined: String = seg.morphemes.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(joined, text);
        assert_eq!(seg.stem().span.slice(text), "حُكومةِ");
    }
}
