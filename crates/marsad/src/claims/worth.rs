//! Claims and their check-worthiness.
//!
//! Each assertive sentence (not a question) is a claim, or several when it holds
//! several quotations. Its check-worthiness is the probability given by the learned
//! model of [`super::checkworthy`] (trained on CheckThat! 2022), from the claim's
//! words and what the other layers know of it: numbers, dates, named entities, the
//! verb of saying's stance, hedges, the source's kind. The reasons listed are the
//! claim-level features that moved the score most, with their weights.

use super::checkworthy::{self, ClaimFacts};
use super::lexicon::{ClaimLexicon, Stance};
use super::sources::Speakers;
use super::{Claim, Source};
use marsad_core::document::{Document, Origin, SentenceKind, TokenKind};
use marsad_core::span::Span;

/// The claims of a document, ranked by check-worthiness.
pub fn claims(doc: &Document, lex: &ClaimLexicon) -> Vec<Claim> {
    let speakers = Speakers::new(doc);
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let toks = &doc.tokens[s.first_token..s.end_token];
        let words = toks.iter().filter(|t| t.kind == TokenKind::Arabic).count();
        let question = toks
            .iter()
            .rev()
            .find(|t| t.kind == TokenKind::Punct)
            .is_some_and(|t| matches!(t.norm.as_str(), "؟" | "?"));
        if words == 0 || question {
            continue;
        }
        let hedged = (s.first_token..s.end_token).any(|i| lex.hedges.find(&doc.tokens, i, true).is_some());
        // quotations are sorted by start: those starting in this sentence
        let lo = doc.quotations.partition_point(|q| q.span.start < s.span.start);
        let quotes: Vec<usize> =
            (lo..lo + doc.quotations[lo..].partition_point(|q| q.span.start < s.span.end)).collect();
        if quotes.is_empty() {
            let (source, rule) = according_to(doc, lex, &speakers, s.first_token, s.end_token)
                .map_or((Source::outlet(), "claims.outlet"), |src| (src, "claims.according_to"));
            out.push(claim(doc, lex, si, s.span, source, None, Stance::None, hedged, rule, s.kind));
        } else {
            for qi in quotes {
                let q = &doc.quotations[qi];
                out.push(claim(
                    doc,
                    lex,
                    si,
                    q.span,
                    q.speaker.clone(),
                    Some(qi),
                    q.stance,
                    hedged,
                    "claims.quotation",
                    s.kind,
                ));
            }
        }
    }
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| out[b].checkworthiness.total_cmp(&out[a].checkworthiness).then(a.cmp(&b)));
    for (rank, i) in order.into_iter().enumerate() {
        out[i].rank = rank + 1;
    }
    out
}

/// The source named by a reporting phrase in the sentence (حسب X، نقلا عن X).
fn according_to(doc: &Document, lex: &ClaimLexicon, speakers: &Speakers, first: usize, end: usize) -> Option<Source> {
    (first..end).find_map(|i| {
        let m = lex.phrases.find(&doc.tokens, i, true)?;
        speakers.after(doc, lex, m.end, end)
    })
}

#[allow(clippy::too_many_arguments)]
fn claim(
    doc: &Document,
    lex: &ClaimLexicon,
    sentence: usize,
    span: Span,
    source: Source,
    quotation: Option<usize>,
    stance: Stance,
    hedged: bool,
    rule: &'static str,
    kind: SentenceKind,
) -> Claim {
    let vague = source.is_vague();
    let facts = ClaimFacts { stance, hedged, source: Some(source.kind) };
    let judgement = checkworthy::judge(&lex.checkworthy, doc, span, facts);
    let (score, reasons) = (judgement.score, judgement.reasons);
    let confidence = if kind == SentenceKind::Sentence { 0.8 } else { 0.6 };
    Claim {
        sentence,
        span,
        source,
        quotation,
        stance,
        hedged,
        vague,
        checkworthiness: (score * 1000.0).round() / 1000.0,
        reasons,
        rank: 0,
        origin: Origin::rule(rule, confidence),
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::SourceKind;
    use crate::{Metadata, Pipeline};

    #[test]
    fn numbers_dates_and_names_rank_above_opinions() {
        let text = "وأعلنت وزارة المالية المغربية يوم 16 يناير 2025 أن العجز بلغ 23 مليار درهم. \
                    ويعتقد بعض المحللين أن الوضع قد يتحسن قريبا. هل يتغير شيء؟";
        let doc = Pipeline::new().analyze_through(
            text,
            Metadata { published: Some("2025-01-17".into()), ..Default::default() },
            "claims",
        );
        assert_eq!(doc.claims.len(), 2, "a question is not a claim: {:#?}", doc.claims);
        let first = doc.claims.iter().find(|c| c.rank == 1).unwrap();
        assert!(doc.slice(first.span).contains("23 مليار"), "{:#?}", doc.claims);
        let second = doc.claims.iter().find(|c| c.rank == 2).unwrap();
        assert!(second.hedged, "{second:#?}");
        assert!(second.checkworthiness < first.checkworthiness);
    }

    #[test]
    fn an_unattributed_sentence_is_the_outlets_and_according_to_names_a_source() {
        let doc = Pipeline::new().analyze_through(
            "ارتفعت أسعار النفط أمس بشكل حاد. وبلغ عدد الضحايا 12 شخصا، حسب وزارة الصحة الفلسطينية.",
            Metadata::default(),
            "claims",
        );
        assert_eq!(doc.claims[0].source.kind, SourceKind::Outlet);
        assert_ne!(doc.claims[1].source.kind, SourceKind::Outlet, "{:#?}", doc.claims[1]);
    }
}
