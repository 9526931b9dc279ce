//! Tone: how positive or negative the article's words are, overall and around
//! each actor, in the sense of GDELT's tone fields.
//!
//! Every Arabic word found in the polarity lexicon (`resources/tone/sentiment.tsv`)
//! (and every phrase of it) counts with its polarity in [-1, 1]; a negator up to
//! three words before it (لا، لم، ليس، غير، عدم) reverses it, an intensifier or
//! diminisher next to it (جدا، للغاية، قليلا) scales it, each by the factor the
//! modifier list gives. From the signed words:
//!
//! - `positive`, `negative`: the share of words (percent) that are positive, negative;
//! - `tone` = positive − negative (GDELT's Tone, −100…100, news mostly −10…10);
//! - `polarity` = positive + negative: how charged the text is, whatever the direction;
//! - `emotional_density`: the sum of absolute weighted polarities per 100 words;
//! - `group_density`: first-person plural references (نحن، -نا) per 100 words.
//!
//! Tone towards an actor is the same measure over the clauses (between commas,
//! semicolons and sentence ends) that mention it.

pub use marsad_core::document::{ActorTone, Clause, PolarWord, Tone, ToneScores};

pub mod lexicon;

use lexicon::{ModifierKind, ToneLexicon};
use marsad_core::document::{Document, Origin, TokenKind};
use marsad_core::span::Span;

/// The `tone` stage: adds [`Document::tone`].
pub fn recognize(doc: &mut Document, lex: &ToneLexicon) {
    doc.tone = measure(doc, lex);
}

/// Measures the tone of a document whose tokens, sentences and entities are known.
pub fn measure(doc: &Document, lex: &ToneLexicon) -> Tone {
    let words = polar_words(doc, lex);
    let article = scores(doc, &words, 0, doc.tokens.len());
    let actors = actor_tones(doc, &words);
    Tone { article, actors, words }
}

/// Polar words and phrases with their modifiers applied.
pub fn polar_words(doc: &Document, lex: &ToneLexicon) -> Vec<PolarWord> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // the longest polar phrase here, else the word
        let (prior, end) = match lex.phrases.find(toks, i, true) {
            Some(m) => (*m.value, m.end),
            None => match lex.polarity(&toks[i]) {
                Some(p) => (p, i + 1),
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        let mut polarity = prior;
        let mut modifier = None;
        // A modifier within three words before (negators, intensifiers) or right
        // after (جدا، للغاية) — nothing but words between.
        let before = (i.saturating_sub(3)..i).rev().take_while(|&j| toks[j].kind == TokenKind::Arabic);
        for j in before.chain((end..(end + 1).min(toks.len())).filter(|&j| toks[j].kind == TokenKind::Arabic)) {
            if let Some(m) = lex.modifiers.find(toks, j, true) {
                if j >= end && m.value.kind == ModifierKind::Negator {
                    continue;
                }
                polarity *= m.value.factor;
                let name = match m.value.kind {
                    ModifierKind::Negator => "negator",
                    ModifierKind::Intensifier => "intensifier",
                    ModifierKind::Diminisher => "diminisher",
                };
                modifier =
                    Some(format!("{name}:{}", doc.slice(Span::new(toks[j].span.start, toks[m.end - 1].span.end))));
                break;
            }
        }
        let span = Span::new(toks[i].span.start, toks[end - 1].span.end);
        out.push(PolarWord { span, token: i, polarity: polarity.clamp(-2.0, 2.0), prior, modifier });
        i = end;
    }
    out
}

/// The figures over tokens `first..end`.
pub fn scores(doc: &Document, words: &[PolarWord], first: usize, end: usize) -> ToneScores {
    let toks = &doc.tokens[first..end];
    let n = toks.iter().filter(|t| t.kind == TokenKind::Arabic).count();
    let group = toks.iter().filter(|t| t.kind == TokenKind::Arabic && is_group_reference(&t.key)).count();
    figures(n, group, words.iter().filter(|w| (first..end).contains(&w.token)))
}

/// The figures of `n` words holding `polar` words and `group` group references.
fn figures<'w>(n: usize, group: usize, polar: impl Iterator<Item = &'w PolarWord>) -> ToneScores {
    let (mut pos, mut neg, mut sum) = (0usize, 0usize, 0f32);
    for w in polar {
        pos += usize::from(w.polarity > 0.0);
        neg += usize::from(w.polarity < 0.0);
        sum += w.polarity.abs();
    }
    let per100 = |x: f32| if n == 0 { 0.0 } else { r2(100.0 * x / n as f32) };
    let positive = per100(pos as f32);
    let negative = per100(neg as f32);
    ToneScores {
        words: n,
        positive,
        negative,
        tone: r2(positive - negative),
        polarity: r2(positive + negative),
        emotional_density: per100(sum),
        group_density: per100(group as f32),
    }
}

/// نحن and words ending in the first-person plural suffix -نا (بلادنا، شعبنا),
/// not verbs' own -نا only when too short to carry it.
fn is_group_reference(key: &str) -> bool {
    key == "نحن" || key == "لنا" || key == "علينا" || (key.ends_with("نا") && key.chars().count() >= 5)
}

/// Tone towards each entity over the clauses that mention it.
fn actor_tones(doc: &Document, words: &[PolarWord]) -> Vec<ActorTone> {
    let toks = &doc.tokens;
    // Clause boundaries: sentence ends and clause punctuation.
    let mut clause_of = vec![usize::MAX; toks.len()];
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    for s in &doc.sentences {
        let mut start = s.first_token;
        for (i, t) in toks.iter().enumerate().take(s.end_token).skip(s.first_token) {
            if t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "،" | "," | "؛" | ";" | ":") {
                if i > start {
                    bounds.push((start, i));
                }
                start = i + 1;
            }
        }
        if s.end_token > start {
            bounds.push((start, s.end_token));
        }
    }
    for (c, &(a, b)) in bounds.iter().enumerate() {
        clause_of[a..b].fill(c);
    }
    // the polar words of each clause (indices into `words`), so that an entity reads
    // only its clauses' words and not all of the document's
    let mut words_of_clause: Vec<Vec<usize>> = vec![Vec::new(); bounds.len()];
    for (wi, w) in words.iter().enumerate() {
        if let Some(&c) = clause_of.get(w.token).filter(|&&c| c != usize::MAX) {
            words_of_clause[c].push(wi);
        }
    }
    let mut out = Vec::new();
    for (ei, e) in doc.entities.iter().enumerate() {
        // Where the text names it: mentions, and for countries the adjectives and
        // names kept as references.
        let named: Vec<Span> = e
            .mentions
            .iter()
            .filter_map(|&m| doc.mentions.get(m).map(|m| m.span))
            .chain(e.references.iter().map(|r| r.span))
            .collect();
        let mut clauses: Vec<usize> = named
            .iter()
            .map(|s| toks.partition_point(|t| t.span.end <= s.start))
            .filter(|&i| i < toks.len() && clause_of[i] != usize::MAX)
            .map(|i| clause_of[i])
            .collect();
        clauses.sort_unstable();
        clauses.dedup();
        // in the order of `words`, as a filter over all of them would give
        let mut in_clauses: Vec<usize> = clauses.iter().flat_map(|&c| words_of_clause[c].iter().copied()).collect();
        in_clauses.sort_unstable();
        let polar: Vec<PolarWord> = in_clauses
            .into_iter()
            .map(|wi| &words[wi])
            .filter(|w| !named.iter().any(|s| s.contains(w.span)))
            .cloned()
            .collect();
        if polar.is_empty() {
            continue;
        }
        let counted = |a: usize, b: usize, f: fn(&marsad_core::document::Token) -> bool| {
            toks[a..b].iter().filter(|t| f(t)).count()
        };
        let words: usize =
            clauses.iter().map(|&c| counted(bounds[c].0, bounds[c].1, |t| t.kind == TokenKind::Arabic)).sum();
        let group: usize = clauses
            .iter()
            .map(|&c| counted(bounds[c].0, bounds[c].1, |t| t.kind == TokenKind::Arabic && is_group_reference(&t.key)))
            .sum();
        let sc = figures(words, group, polar.iter());
        let confidence = (0.4 + 0.1 * polar.len() as f32).min(0.9);
        out.push(ActorTone {
            entity: ei,
            clauses: clauses.iter().map(|&c| Clause { span: clause_span(doc, bounds[c]) }).collect(),
            scores: sc,
            origin: Origin::rule("tone.lexicon", confidence),
        });
    }
    out
}

/// Rounded to two decimals, as the figures are shown.
fn r2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

fn clause_span(doc: &Document, (a, b): (usize, usize)) -> Span {
    Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Metadata, Pipeline};

    fn lex() -> ToneLexicon {
        ToneLexicon::parse("نجاح\t0.8\nكارثة\t-0.9\nجميل\t0.6\n", "لم\tnegator\t-0.5\nجدا\tintensifier\t1.5\n")
    }

    #[test]
    fn shares_negation_and_intensifiers() {
        let doc = Pipeline::new().analyze_through(
            "كانت كارثة. لم يكن نجاحا. كان جميلا جدا اليوم.",
            Metadata::default(),
            "resolve",
        );
        let t = measure(&doc, &lex());
        assert_eq!(t.words.len(), 3, "{:#?}", t.words);
        assert_eq!(t.words[0].polarity, -0.9);
        assert!(t.words[1].polarity < 0.0, "negated: {:#?}", t.words[1]);
        assert_eq!(t.words[1].modifier.as_deref(), Some("negator:لم"));
        assert!((t.words[2].polarity - 0.9).abs() < 1e-6, "intensified after: {:#?}", t.words[2]);
        let a = &t.article;
        assert_eq!(a.words, 9);
        assert_eq!(a.negative, r2(200.0 / 9.0));
        assert_eq!(a.tone, r2(a.positive - a.negative));
    }

    #[test]
    fn actors_take_the_tone_of_their_own_clauses() {
        let doc = Pipeline::new().analyze_through(
            "وصفت الحكومة المصرية الاتفاق بأنه نجاح، بينما قالت إثيوبيا إنه كارثة.",
            Metadata::default(),
            "resolve",
        );
        let t = measure(&doc, &lex());
        let tone_of = |name: &str| {
            let e = doc
                .entities
                .iter()
                .position(|e| e.name.contains(name))
                .unwrap_or_else(|| panic!("{:#?}", doc.entities));
            t.actors.iter().find(|a| a.entity == e).map(|a| a.scores.tone)
        };
        assert!(tone_of("مصر").unwrap() > 0.0, "{:#?}", t.actors);
        assert!(tone_of("إثيوبيا").unwrap() < 0.0, "{:#?}", t.actors);
    }

    #[test]
    fn a_hamza_alef_is_not_the_article() {
        // ألمع ("brightest") must not make the preposition مع a polar word.
        let lex = ToneLexicon::parse("ألمع\t0.4\nألحق\t-0.4\nالحرب\t-0.4\n", "");
        assert_eq!(lex.words.get("مع"), None);
        assert_eq!(lex.words.get("الحق"), None, "ألحق is not الحق");
        assert_eq!(lex.words.get("حرب"), Some(&-0.4));
    }

    #[test]
    fn phrases_count_once_as_a_whole() {
        let lex = ToneLexicon::parse("مثير للجدل\t-0.4\nمثير\t0.4\n", "");
        let doc = Pipeline::new().analyze_through(
            "هذا قرار مثير للجدل، والقرار المثير للجدل قرار مثير.",
            Metadata::default(),
            "resolve",
        );
        let t = measure(&doc, &lex);
        let found: Vec<(&str, f32)> = t.words.iter().map(|w| (doc.slice(w.span), w.polarity)).collect();
        assert_eq!(found, [("مثير للجدل", -0.4), ("المثير للجدل", -0.4), ("مثير", 0.4)], "{t:#?}");
    }

    #[test]
    fn empty_text_has_zero_scores() {
        let doc = Pipeline::new().analyze_through("", Metadata::default(), "resolve");
        assert_eq!(measure(&doc, &lex()).article, ToneScores::default());
    }
}
