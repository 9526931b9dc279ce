//! Claims and their check-worthiness.
//!
//! Each assertive sentence (not a question) is a claim, or several when it holds
//! several quotations. Its score starts at [`BASE`] and moves with what a
//! fact-checker can check and what weakens it:
//!
//! | feature | effect |
//! |---|---|
//! | a number with a value (quantities layer) | +0.25 |
//! | a dated time expression (times layer) | +0.15 |
//! | named entities (mentions layer) | +0.1 each, at most +0.3 |
//! | a denial, accusation, disclosure, announcement or distanced claim (نفى، اتهم، كشف، أعلن، زعم) | +0.1 |
//! | a hedge (ربما، قد، يعتقد) | −0.2 |
//! | a vague or unknown source | −0.15 |
//! | an opinion, prediction or demand (اعتبر، توقع، دعا) | −0.15 |
//! | fewer than five words | −0.1 |
//!
//! The weights are set by hand, so that checkable facts rank above opinions; a
//! model trained on check-worthiness data can replace them without changing the layer.

use super::lexicon::{ClaimLexicon, Stance};
use super::sources::Speakers;
use super::{Claim, Source};
use crate::document::{Document, Origin, SentenceKind, TokenKind};
use crate::span::Span;
use crate::time::Anchor;

/// The score of a claim with no feature.
pub const BASE: f32 = 0.3;

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
        let quotes: Vec<usize> = doc
            .quotations
            .iter()
            .enumerate()
            .filter(|(_, q)| q.span.start >= s.span.start && q.span.start < s.span.end)
            .map(|(i, _)| i)
            .collect();
        if quotes.is_empty() {
            let (source, rule) = according_to(doc, lex, &speakers, s.first_token, s.end_token)
                .map_or((Source::outlet(), "claims.outlet"), |src| (src, "claims.according_to"));
            out.push(claim(doc, si, s.span, source, None, Stance::None, hedged, rule, s.kind));
        } else {
            for qi in quotes {
                let q = &doc.quotations[qi];
                out.push(claim(
                    doc,
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
    sentence: usize,
    span: Span,
    source: Source,
    quotation: Option<usize>,
    stance: Stance,
    hedged: bool,
    rule: &'static str,
    kind: SentenceKind,
) -> Claim {
    let inside = |s: Span| s.start < span.end && span.start < s.end;
    let mut score = BASE;
    let mut reasons = Vec::new();
    let mut add = |delta: f32, why: &str| {
        score += delta;
        reasons.push(format!("{}{why}", if delta >= 0.0 { "+" } else { "-" }));
    };
    if doc.quantities.iter().any(|q| inside(q.span) && q.value.is_some()) {
        add(0.25, "number");
    }
    if doc.times.iter().any(|t| inside(t.span) && t.value.is_some() && t.anchor != Anchor::None) {
        add(0.15, "date");
    }
    let names = doc.mentions.iter().filter(|m| inside(m.span)).count();
    if names > 0 {
        add(0.1 * names.min(3) as f32, &format!("named entities ({names})"));
    }
    if matches!(stance, Stance::Deny | Stance::Accuse | Stance::Reveal | Stance::Announce | Stance::Claim) {
        add(0.1, "checkable statement");
    }
    if hedged {
        add(-0.2, "hedged");
    }
    let vague = source.is_vague();
    if vague {
        add(-0.15, "vague source");
    }
    if matches!(stance, Stance::Believe | Stance::Expect | Stance::Call) {
        add(-0.15, "opinion, prediction or demand");
    }
    let words = doc.tokens.iter().filter(|t| inside(t.span) && t.kind == TokenKind::Arabic).count();
    if words < 5 {
        add(-0.1, "short");
    }
    let confidence = if kind == SentenceKind::Sentence { 0.8 } else { 0.6 };
    Claim {
        sentence,
        span,
        source,
        quotation,
        stance,
        hedged,
        vague,
        checkworthiness: score.clamp(0.0, 1.0),
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
        let doc =
            Pipeline::new().analyze(text, Metadata { published: Some("2025-01-17".into()), ..Default::default() });
        assert_eq!(doc.claims.len(), 2, "a question is not a claim: {:#?}", doc.claims);
        let first = doc.claims.iter().find(|c| c.rank == 1).unwrap();
        assert!(doc.slice(first.span).contains("23 مليار"), "{:#?}", doc.claims);
        let second = doc.claims.iter().find(|c| c.rank == 2).unwrap();
        assert!(second.hedged, "{second:#?}");
        assert!(second.checkworthiness < first.checkworthiness);
    }

    #[test]
    fn an_unattributed_sentence_is_the_outlets_and_according_to_names_a_source() {
        let doc = Pipeline::new().analyze(
            "ارتفعت أسعار النفط أمس بشكل حاد. وبلغ عدد الضحايا 12 شخصا، حسب وزارة الصحة الفلسطينية.",
            Metadata::default(),
        );
        assert_eq!(doc.claims[0].source.kind, SourceKind::Outlet);
        assert_ne!(doc.claims[1].source.kind, SourceKind::Outlet, "{:#?}", doc.claims[1]);
    }
}
