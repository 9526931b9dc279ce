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
//! letters or more remains.

use crate::document::{Document, Morpheme, MorphemeRole, Origin, Segmentation, TokenKind};
use crate::resources::Resources;
use crate::span::Span;
use crate::text::normalize::match_key;

/// How much more frequent than its clitic reading a word must be to stay whole (log10).
const MARGIN: f32 = 1.0;
/// A stem must be at least this frequent (Zipf) to justify a split by frequency.
const MIN_STEM_ZIPF: f32 = 2.0;

const CONJUNCTIONS: &[(&str, f32)] = &[("و", -0.7), ("ف", -1.2)];
const PREFIXES: &[(&str, MorphemeRole, f32)] = &[
    ("ب", MorphemeRole::Preposition, -0.9),
    ("ل", MorphemeRole::Preposition, -0.9),
    ("ك", MorphemeRole::Preposition, -1.3),
    ("س", MorphemeRole::Future, -1.0),
];
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
    fn has_clitics(&self) -> bool {
        self.conj > 0 || self.prefix.is_some() || self.article > 0 || self.suffix > 0
    }
    fn count(&self) -> usize {
        usize::from(self.conj > 0)
            + usize::from(self.prefix.is_some())
            + usize::from(self.article > 0)
            + usize::from(self.suffix > 0)
    }
}

/// The stage: adds [`Document::clitics`].
pub fn segment(doc: &mut Document, res: &Resources) {
    let mut out = Vec::new();
    for (i, tok) in doc.tokens.iter().enumerate() {
        if tok.kind != TokenKind::Arabic || tok.norm.chars().count() < 3 {
            continue;
        }
        let Some((reading, rule, confidence)) = best_reading(&tok.norm, &tok.key, res) else {
            continue;
        };
        let nspan = doc.normalized.to_normalized(tok.span);
        let morphemes = morphemes(&tok.norm, &reading)
            .into_iter()
            .map(|(start, end, form, role)| Morpheme {
                span: doc
                    .normalized
                    .to_original(Span::new(nspan.start + start, nspan.start + end)),
                form,
                role,
            })
            .collect();
        out.push(Segmentation {
            token: i,
            span: tok.span,
            morphemes,
            origin: Origin::rule(rule, confidence),
        });
    }
    doc.clitics = out;
}

/// Splits one normalised word into (start, end, canonical form, role) parts.
fn morphemes(word: &str, r: &Reading) -> Vec<(usize, usize, String, MorphemeRole)> {
    let mut parts = Vec::new();
    let mut at = 0;
    if r.conj > 0 {
        parts.push((
            0,
            r.conj,
            word[..r.conj].to_owned(),
            MorphemeRole::Conjunction,
        ));
        at = r.conj;
    }
    if let Some((len, role)) = r.prefix {
        parts.push((at, at + len, word[at..at + len].to_owned(), role));
        at += len;
    }
    if r.article > 0 {
        parts.push((at, at + r.article, "ال".to_owned(), MorphemeRole::Article));
        at += r.article;
    }
    let stem_end = word.len() - r.suffix;
    parts.push((
        at,
        stem_end,
        word[at..stem_end].to_owned(),
        MorphemeRole::Stem,
    ));
    if r.suffix > 0 {
        parts.push((
            stem_end,
            word.len(),
            word[stem_end..].to_owned(),
            MorphemeRole::Pronoun,
        ));
    }
    parts
}

/// The best reading with at least one clitic, with the rule and confidence, or
/// `None` when the word stands alone.
fn best_reading(norm: &str, key: &str, res: &Resources) -> Option<(Reading, &'static str, f32)> {
    if res.clitic_stems.contains(key) {
        return None;
    }
    let lex = &res.lexicon;
    let word_zipf = lex.zipf(key);
    let mut best: Option<Reading> = None;
    for_each_reading(norm, |r, stem| {
        let stem_chars = stem.chars().count();
        if stem_chars < 2 || (r.article == 0 && r.count() >= 2 && stem_chars < 3 && r.suffix > 0) {
            return;
        }
        let lookup = lookup_form(stem, r);
        let key = match_key(&lookup);
        let z = lex.zipf(&key);
        if z < MIN_STEM_ZIPF {
            return;
        }
        let cost: f32 = conj_cost(norm, r) + prefix_cost(r) + suffix_cost(norm, r);
        let mut r = r.clone();
        r.score = z + cost;
        let better = match &best {
            None => true,
            Some(b) => {
                r.score > b.score + 1e-4
                    || ((r.score - b.score).abs() <= 1e-4 && r.count() < b.count())
            }
        };
        if better {
            best = Some(r);
        }
    });
    match best {
        Some(r)
            if r.score + MARGIN > word_zipf
                && (r.conj > 0 || r.prefix.is_some() || r.suffix > 0) =>
        {
            let confidence = (0.6 + (r.score + MARGIN - word_zipf) / 5.0).clamp(0.55, 0.98);
            Some((r, "clitics.frequency", confidence))
        }
        _ => article_only(norm, word_zipf, lex),
    }
}

/// Splits a leading article (after optional و/ف and ب/ك/ل) by form alone, when no
/// frequency evidence chose a reading with other clitics.
fn article_only(
    norm: &str,
    word_zipf: f32,
    lex: &crate::lexicon::Lexicon,
) -> Option<(Reading, &'static str, f32)> {
    if !norm.starts_with("ال") || norm.chars().count() < 4 {
        return None;
    }
    let stem = &norm["ال".len()..];
    let confidence = if word_zipf > 0.0 || lex.zipf(&match_key(stem)) > 0.0 {
        0.95
    } else {
        0.8
    };
    Some((
        Reading {
            conj: 0,
            prefix: None,
            article: "ال".len(),
            suffix: 0,
            score: 0.0,
        },
        "clitics.article",
        confidence,
    ))
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

fn conj_cost(norm: &str, r: &Reading) -> f32 {
    if r.conj == 0 {
        return 0.0;
    }
    CONJUNCTIONS
        .iter()
        .find(|(c, _)| norm.starts_with(c))
        .map_or(0.0, |(_, p)| *p)
}

fn prefix_cost(r: &Reading) -> f32 {
    match r.prefix {
        None => 0.0,
        Some((_, MorphemeRole::Future)) => PREFIXES[3].2,
        Some(_) => -1.0,
    }
}

fn suffix_cost(norm: &str, r: &Reading) -> f32 {
    if r.suffix == 0 {
        return 0.0;
    }
    let suffix = &norm[norm.len() - r.suffix..];
    PRONOUNS
        .iter()
        .find(|(p, _)| *p == suffix)
        .map_or(0.0, |(_, c)| *c)
}

/// Calls `f` with every reading of `norm` that has at least one clitic, and its stem.
fn for_each_reading(norm: &str, mut f: impl FnMut(&Reading, &str)) {
    let conj_opts: Vec<usize> = std::iter::once(0)
        .chain(
            CONJUNCTIONS
                .iter()
                .filter(|(c, _)| norm.starts_with(c))
                .map(|(c, _)| c.len()),
        )
        .collect();
    for &conj in &conj_opts {
        let after_conj = &norm[conj..];
        let mut prefix_opts: Vec<Option<(usize, MorphemeRole)>> = vec![None];
        for (p, role, _) in PREFIXES {
            if after_conj.starts_with(p) {
                let rest = &after_conj[p.len()..];
                if *role == MorphemeRole::Future && !rest.starts_with(['ي', 'ت', 'ن', 'ا']) {
                    continue;
                }
                prefix_opts.push(Some((p.len(), *role)));
            }
        }
        for prefix in prefix_opts {
            let after_prefix = &after_conj[prefix.map_or(0, |p| p.0)..];
            let lam = prefix.is_some_and(|_| after_conj.starts_with('ل'));
            let mut article_opts = vec![0];
            let future = prefix.is_some_and(|p| p.1 == MorphemeRole::Future);
            if !future {
                if lam && after_prefix.starts_with('ل') && !after_prefix.starts_with("ال") {
                    article_opts.push('ل'.len_utf8()); // لل = ل + ال
                } else if after_prefix.starts_with("ال") && !lam {
                    article_opts.push("ال".len());
                }
            }
            for article in article_opts {
                let body = &after_prefix[article..];
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
                    let r = Reading {
                        conj,
                        prefix,
                        article,
                        suffix,
                        score: 0.0,
                    };
                    if !r.has_clitics() {
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
    use super::*;
    use crate::document::Metadata;
    use crate::Pipeline;

    fn split(word: &str) -> Vec<String> {
        let doc = Pipeline::new().analyze(word, Metadata::default());
        match doc.segmentation_of(0) {
            Some(s) => s.morphemes.iter().map(|m| m.form.clone()).collect(),
            None => vec![doc.tokens[0].norm.clone()],
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

    segments! {
        keeps_wazir: "وزير" => ["وزير"];
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
        let doc = Pipeline::new().analyze(text, Metadata::default());
        let seg = doc.segmentation_of(0).expect("split");
        let joined: String = seg.morphemes.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(joined, text);
        assert_eq!(seg.stem().span.slice(text), "حُكومةِ");
    }
}
