//! From model probabilities to spans, paragraph labels and the article summary.

use std::collections::BTreeMap;

use super::features::Context;
use super::lexicon::{FramingLexicon, ANY};
use super::{ClassCount, Label, ParagraphTechniques, Summary, TechniqueCount, TechniqueSpan, Techniques};
use crate::tone::lexicon::ToneLexicon;
use marsad_core::document::{Document, Origin, TokenKind};
use marsad_core::lexicon::Lexicon;
use marsad_core::span::Span;

/// Runs both models over a document whose earlier layers are built.
pub fn techniques(doc: &Document, lex: &FramingLexicon, tone: &ToneLexicon, words: &Lexicon) -> Techniques {
    if doc.tokens.is_empty() {
        return Techniques::default();
    }
    let ctx = Context::new(doc, lex, tone, words);
    let spans = spans(doc, &ctx, lex);
    let ranges = paragraph_ranges(doc);
    let paragraphs = paragraphs(&ctx, lex, &ranges, &spans);
    let summary = summary(doc, lex, &spans, &paragraphs, ranges.len());
    Techniques { spans, paragraphs, summary }
}

/// Runs of words whose probability for a technique passes its threshold.
pub fn spans(doc: &Document, ctx: &Context, lex: &FramingLexicon) -> Vec<TechniqueSpan> {
    let model = &lex.spans;
    let k = model.labels().len();
    if k == 0 {
        return Vec::new();
    }
    let n = doc.tokens.len();
    // For each technique, the words at or above its threshold and their probability,
    // in text order: all that the runs below read, a few per hundred words, where a
    // table of every word's probability for every technique took 4 bytes × 23 a word.
    let thresholds: Vec<f32> = (0..k).map(|l| model.threshold(l)).collect();
    let mut above: Vec<Vec<(usize, f32)>> = vec![Vec::new(); k];
    let mut feats: Vec<u64> = Vec::with_capacity(32);
    let mut p = Vec::with_capacity(k);
    let zeros = vec![0f32; k];
    for i in 0..n {
        let probs = if doc.tokens[i].kind == TokenKind::Punct {
            &zeros // punctuation is not scored
        } else {
            feats.clear();
            ctx.token(i, &mut feats);
            model.probabilities(&feats, &mut p);
            &p
        };
        for (l, (&prob, &thr)) in probs.iter().zip(&thresholds).enumerate() {
            if prob >= thr && thr <= 1.0 {
                above[l].push((i, prob));
            }
        }
    }
    let mut out = Vec::new();
    // A span stays inside its sentence.
    let mut sentence_of = vec![usize::MAX; n];
    for (si, s) in doc.sentences.iter().enumerate() {
        sentence_of[s.first_token.min(n)..s.end_token.min(n)].fill(si);
    }
    for (l, hits) in above.iter().enumerate() {
        let Some(technique) = lex.span_techniques[l].map(|t| &lex.taxonomy.techniques[t]) else { continue };
        let prob = |i: usize| hits.binary_search_by_key(&i, |h| h.0).ok().map(|h| hits[h].1);
        let on = |i: usize| prob(i).is_some();
        let mut next = 0; // the first hit not yet inside a span
        while let Some(&(start, _)) = hits.get(next) {
            let mut end = start + 1;
            // A run goes on over words above the threshold in the same sentence; one
            // punctuation mark inside the sentence (a comma, a quotation mark)
            // between two such words does not break it.
            let same = |j: usize| sentence_of[j] == sentence_of[start];
            loop {
                if end < n && on(end) && same(end) {
                    end += 1;
                } else if end + 1 < n
                    && doc.tokens[end].kind == TokenKind::Punct
                    && !matches!(doc.tokens[end].norm.as_str(), "." | "!" | "?" | "؟" | "…")
                    && on(end + 1)
                    && same(end + 1)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            let scored: Vec<f32> = (start..end)
                .filter(|&j| doc.tokens[j].kind != TokenKind::Punct)
                .map(|j| prob(j).unwrap_or(0.0))
                .collect();
            let confidence = scored.iter().sum::<f32>() / scored.len().max(1) as f32;
            let span = Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
            // The evidence: cue phrases and loaded-word classes inside the span.
            let cues = (start..end)
                .flat_map(|j| {
                    let cue = ctx.cue(j).filter(|(_, b)| *b).map(|(c, _)| format!("{c}:{}", ctx.cue_text(j)));
                    let lw = ctx.loaded(j).filter(|(_, b)| *b).map(|(c, _)| format!("{c}:{}", ctx.loaded_text(j)));
                    cue.into_iter().chain(lw)
                })
                .collect();
            out.push(TechniqueSpan {
                span,
                technique: technique.name.clone(),
                class: technique.class.clone(),
                cues,
                origin: Origin::rule("framing.span_model", (confidence * 100.0).round() / 100.0),
            });
            next += hits[next..].partition_point(|h| h.0 < end);
        }
    }
    out.sort_by(|a, b| {
        a.span.start.cmp(&b.span.start).then(a.span.end.cmp(&b.span.end)).then(a.technique.cmp(&b.technique))
    });
    out
}

/// Token ranges of the document's paragraphs (the whole text when it has none).
pub fn paragraph_ranges(doc: &Document) -> Vec<(usize, usize, Span)> {
    let ranges: Vec<(usize, usize, Span)> = doc
        .paragraphs
        .iter()
        .filter(|p| p.end_sentence > p.first_sentence)
        .map(|p| (doc.sentences[p.first_sentence].first_token, doc.sentences[p.end_sentence - 1].end_token, p.span))
        .collect();
    if ranges.is_empty() && !doc.tokens.is_empty() {
        return vec![(
            0,
            doc.tokens.len(),
            Span::new(doc.tokens[0].span.start, doc.tokens[doc.tokens.len() - 1].span.end),
        )];
    }
    ranges
}

/// The techniques of each paragraph: the paragraph model's, and those of the spans inside.
pub fn paragraphs(
    ctx: &Context,
    lex: &FramingLexicon,
    ranges: &[(usize, usize, Span)],
    spans: &[TechniqueSpan],
) -> Vec<ParagraphTechniques> {
    let model = &lex.paragraphs;
    let any = model.label_index(ANY);
    let mut feats: Vec<u64> = Vec::with_capacity(256);
    let mut p = Vec::new();
    let mut out = Vec::new();
    for (pi, &(first, end, span)) in ranges.iter().enumerate() {
        feats.clear();
        ctx.paragraph(first, end, &mut feats);
        model.probabilities(&feats, &mut p);
        let mut labels: Vec<Label> = Vec::new();
        for (l, t) in lex.paragraph_techniques.iter().enumerate() {
            let Some(t) = t.map(|t| &lex.taxonomy.techniques[t]) else { continue };
            if p[l] >= model.threshold(l) {
                labels.push(Label {
                    technique: t.name.clone(),
                    class: t.class.clone(),
                    origin: Origin::rule("framing.paragraph_model", (p[l] * 100.0).round() / 100.0),
                });
            }
        }
        for s in spans.iter().filter(|s| span.contains(s.span)) {
            if !labels.iter().any(|l| l.technique == s.technique) {
                labels.push(Label {
                    technique: s.technique.clone(),
                    class: s.class.clone(),
                    origin: Origin::rule("framing.spans", s.origin.confidence),
                });
            }
        }
        labels.sort_by(|a, b| b.origin.confidence.total_cmp(&a.origin.confidence).then(a.technique.cmp(&b.technique)));
        let propaganda = any.map_or(0.0, |a| p[a]);
        let flagged = any.is_some_and(|a| p[a] >= model.threshold(a));
        if !labels.is_empty() || flagged {
            out.push(ParagraphTechniques {
                paragraph: pi,
                span,
                flagged,
                propaganda: (propaganda * 100.0).round() / 100.0,
                techniques: labels,
            });
        }
    }
    out
}

/// The article's profile; `total` is its number of paragraphs.
fn summary(
    doc: &Document,
    lex: &FramingLexicon,
    spans: &[TechniqueSpan],
    paragraphs: &[ParagraphTechniques],
    total: usize,
) -> Summary {
    let words = doc.tokens.iter().filter(|t| t.kind == TokenKind::Arabic).count();
    // per technique: spans, paragraphs, and paragraphs the paragraph model labels
    let mut by: BTreeMap<&str, (usize, Vec<usize>, usize)> = BTreeMap::new();
    for s in spans {
        by.entry(s.technique.as_str()).or_default().0 += 1;
    }
    for p in paragraphs {
        for l in &p.techniques {
            let e = by.entry(l.technique.as_str()).or_default();
            if !e.1.contains(&p.paragraph) {
                e.1.push(p.paragraph);
            }
            if l.origin.rule == "framing.paragraph_model" {
                e.2 += 1;
            }
        }
    }
    let per_100 = |n: usize| if words == 0 { 0.0 } else { 100.0 * n as f32 / words as f32 };
    let round2 = |x: f32| (x * 100.0).round() / 100.0;
    let reference = &lex.reference;
    let mut evidence = 0;
    let mut techniques: Vec<TechniqueCount> = by
        .into_iter()
        .map(|(t, (spans, paragraphs, labelled))| {
            evidence += spans + labelled;
            let density = round2(per_100(spans + labelled));
            TechniqueCount {
                technique: t.to_string(),
                class: lex.taxonomy.class_of(t).to_string(),
                spans,
                paragraphs,
                density,
                percentile: reference.percentile(t, density),
            }
        })
        .collect();
    techniques.sort_by(|a, b| b.spans.cmp(&a.spans).then(b.paragraphs.len().cmp(&a.paragraphs.len())));
    let mut classes: BTreeMap<&str, usize> = BTreeMap::new();
    for s in spans {
        *classes.entry(s.class.as_str()).or_default() += 1;
    }
    let mut classes: Vec<ClassCount> =
        classes.into_iter().map(|(c, n)| ClassCount { class: c.to_string(), spans: n }).collect();
    classes.sort_by_key(|c| std::cmp::Reverse(c.spans));
    let used = paragraphs.iter().filter(|p| !p.techniques.is_empty()).count();
    let persuasion_density = round2(per_100(evidence));
    Summary {
        propagandistic: reference.threshold.is_some_and(|t| persuasion_density >= t),
        persuasion_density,
        percentile: reference.percentile(super::reference::OVERALL, persuasion_density),
        density: if words == 0 { 0.0 } else { (1000.0 * spans.len() as f32 / words as f32).round() / 10.0 },
        paragraph_share: if total == 0 { 0.0 } else { (100.0 * used as f32 / total as f32).round() / 100.0 },
        techniques,
        classes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Metadata, Pipeline};
    use marsad_core::learn::LinearModel;

    /// A span model that knows two words, and a paragraph model that flags any
    /// paragraph holding the word `مجزرة`.
    fn lexicon() -> FramingLexicon {
        let spans = LinearModel::parse(
            "labels\tLoaded_Language\tDoubt\nthresholds\t0.5\t0.5\nbias\t-4\t-4\n\
             w=وحشي\tLoaded_Language\t8\nw=المزعوم\tDoubt\t8\nw=الهجوم\tLoaded_Language\t4.5\n",
        )
        .unwrap();
        let paragraphs = LinearModel::parse(
            "labels\tFlag_Waving\tpropaganda\nthresholds\t0.5\t0.5\nbias\t-4\t-4\n\
             s=مجزره\tFlag_Waving\t8\ns=مجزره\tpropaganda\t8\n",
        )
        .unwrap();
        let mut lex = FramingLexicon::with_models(spans, paragraphs);
        // ordinary news: no evidence up to the median, 4 per 100 words at the top
        let quantiles: Vec<String> =
            (0..=100).map(|i| if i < 50 { "0".into() } else { format!("{}", i / 25) }).collect();
        let q = quantiles.join("\t");
        lex.reference = super::super::reference::Reference::parse(&format!(
            "threshold\t{threshold}\nall\t{q}\nLoaded_Language\t{q}\n",
            threshold = 5.0
        ))
        .unwrap();
        lex
    }

    fn run(text: &str) -> (Document, Techniques) {
        run_with(text, &lexicon())
    }

    fn run_with(text: &str, lex: &FramingLexicon) -> (Document, Techniques) {
        let pipeline = Pipeline::new();
        let doc = pipeline.analyze_through(text, Metadata::default(), "quotations");
        let res = pipeline.resources();
        let t = techniques(&doc, lex, &res.tone, &res.lexicon);
        (doc, t)
    }

    #[test]
    fn runs_of_words_above_the_threshold_become_spans_with_their_class() {
        let (doc, t) = run("وقع الهجوم وحشي على القرية.\nوقالت الجماعة إن الدليل المزعوم ملفق.");
        let found: Vec<(&str, &str)> = t.spans.iter().map(|s| (doc.slice(s.span), s.technique.as_str())).collect();
        assert_eq!(found, [("الهجوم وحشي", "Loaded_Language"), ("المزعوم", "Doubt")], "{t:#?}");
        assert_eq!(t.spans[0].class, "Manipulative_Wording");
        assert_eq!(t.spans[1].class, "Reputation");
        assert!(t.spans[0].origin.confidence > 0.5 && t.spans[0].origin.rule == "framing.span_model");
        // Paragraph labels come from the spans inside when the paragraph model is silent.
        assert_eq!(t.paragraphs.len(), 2);
        assert_eq!(t.paragraphs[1].techniques[0].technique, "Doubt");
        assert_eq!(t.paragraphs[1].techniques[0].origin.rule, "framing.spans");
        // two spans in 11 words: 18.18 pieces of evidence per 100 words, past the threshold
        // of 5 and above every article of the reference
        assert_eq!(doc.tokens.iter().filter(|t| t.kind == TokenKind::Arabic).count(), 11);
        assert_eq!(t.summary.persuasion_density, 18.18);
        assert!(t.summary.propagandistic);
        assert_eq!(t.summary.percentile, Some(100.0));
        let loaded = t.summary.techniques.iter().find(|c| c.technique == "Loaded_Language").unwrap();
        assert_eq!((loaded.density, loaded.percentile), (9.09, Some(100.0)));
        assert_eq!(t.summary.techniques.iter().find(|c| c.technique == "Doubt").unwrap().percentile, None);
        assert_eq!(t.summary.techniques.len(), 2);
        assert_eq!(t.summary.classes.iter().map(|c| c.spans).sum::<usize>(), 2);
    }

    #[test]
    fn the_paragraph_model_labels_and_flags_paragraphs() {
        let (_, t) = run("خبر عادي عن الطقس.\nارتكبت القوات مجزرة في المدينة.");
        assert_eq!(t.paragraphs.len(), 1, "{t:#?}");
        let p = &t.paragraphs[0];
        assert_eq!((p.paragraph, p.flagged), (1, true));
        assert_eq!(p.techniques[0].technique, "Flag_Waving");
        assert!(t.summary.propagandistic, "one label in 9 words");
        assert_eq!(t.summary.paragraph_share, 0.5);
    }

    #[test]
    fn an_article_under_the_threshold_is_not_marked_and_reads_as_typical() {
        let mut lex = lexicon();
        lex.reference.threshold = Some(50.0);
        let (_, t) = run_with("ارتفع المؤشر في الجلسة مع الهجوم الوحشي على الأسعار وتراجع الدولار أمام العملات.", &lex);
        assert!(!t.spans.is_empty() && t.summary.persuasion_density < 50.0, "{t:#?}");
        assert!(!t.summary.propagandistic);
        lex.reference.threshold = None;
        let (_, t) = run_with("وقع الهجوم وحشي على القرية.", &lex);
        assert!(!t.summary.propagandistic, "without a threshold no article is marked");
    }

    #[test]
    fn text_without_words_has_no_techniques() {
        assert_eq!(run("").1, Techniques::default());
        assert!(run("؟!! 123").1.spans.is_empty());
    }
}
