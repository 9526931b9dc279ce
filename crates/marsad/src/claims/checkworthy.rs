//! The check-worthiness model: which claims a fact-checker should check first.
//!
//! A logistic regression (`resources/models/checkworthy.tsv`) trained by `marsad
//! train checkworthy` on the Arabic CheckThat! 2022 task 1 data, with two labels:
//! `verifiable` (task 1B: does it state a checkable fact?) and `checkworthy` (task 1A:
//! is that fact worth a fact-checker's time?). Every 1A tweet is a verifiable claim
//! of 1B, so a text is check-worthy when both pass their thresholds, and its score
//! for ranking is the product of the two probabilities. Its features are the claim's words (stems, clitics off) and
//! what the other layers know of it: a number with a value, a dated time expression,
//! named entities by kind, the verb of saying's stance, a hedge and the source's
//! kind. Length is left out: tweets and news sentences differ in it for reasons
//! that say nothing of check-worthiness. The same extractor reads a tweet at training time and a claim's
//! span in an article at run time.

use super::lexicon::{ClaimLexicon, Stance};
use super::SourceKind;
use marsad_core::document::Anchor;
use marsad_core::document::{Document, TokenKind};
use marsad_core::learn::linear::{self, FeatureSink, LinearModel};
use marsad_core::span::{overlapping, Span};

/// The check-worthiness label (task 1A).
pub const CHECKWORTHY: &str = "checkworthy";
/// The verifiable-claim label (task 1B).
pub const VERIFIABLE: &str = "verifiable";

/// What the claims layer knows of a claim besides its words.
#[derive(Clone, Copy, Debug)]
pub struct ClaimFacts {
    /// The stance of its verb of saying.
    pub stance: Stance,
    /// A hedge weakens it.
    pub hedged: bool,
    /// Its source's kind, when attributed.
    pub source: Option<SourceKind>,
}

/// The features of the text under `span`.
pub fn features(doc: &Document, span: Span, facts: ClaimFacts, out: &mut impl FeatureSink) {
    for i in overlapping(&doc.tokens, span, |t| t.span) {
        let t = &doc.tokens[i];
        match t.kind {
            TokenKind::Arabic => {
                out.add("w", doc.stem_key(i).as_ref());
            }
            TokenKind::Latin => out.add("w", &t.key),
            TokenKind::Number | TokenKind::Percent => out.add("k", "number"),
            TokenKind::Hashtag => out.add("k", "hashtag"),
            TokenKind::Url => out.add("k", "url"),
            TokenKind::Mention => out.add("k", "mention"),
            _ => {}
        }
    }
    if doc.quantities[overlapping(&doc.quantities, span, |q| q.span)].iter().any(|q| q.value.is_some()) {
        out.add("f", "number");
    }
    if doc.times[overlapping(&doc.times, span, |t| t.span)]
        .iter()
        .any(|t| t.value.is_some() && t.anchor != Anchor::None)
    {
        out.add("f", "date");
    }
    let mut names = 0;
    for m in &doc.mentions[overlapping(&doc.mentions, span, |m| m.span)] {
        names += 1;
        out.add("ent", m.kind.name());
    }
    out.add(
        "names",
        match names {
            0 => "0",
            1 => "1",
            2 | 3 => "2-3",
            _ => "4+",
        },
    );
    out.add("stance", &format!("{:?}", facts.stance).to_lowercase());
    if facts.hedged {
        out.add("f", "hedged");
    }
    if let Some(kind) = facts.source {
        out.add("source", &format!("{kind:?}").to_lowercase());
    }
}

/// Facts of a whole text analysed without a claim in view (a tweet): the first
/// quotation's stance and source, and whether any hedge occurs.
pub fn facts_of_text(doc: &Document, lex: &ClaimLexicon) -> ClaimFacts {
    let q = doc.quotations.first();
    ClaimFacts {
        stance: q.map_or(Stance::None, |q| q.stance),
        hedged: (0..doc.tokens.len()).any(|i| lex.hedges.find(&doc.tokens, i, true).is_some()),
        source: q.map(|q| q.speaker.kind),
    }
}

/// What the model says of a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// Probability that it is check-worthy, were it verifiable (learnt from 1A's verifiable texts).
    pub checkworthy: f32,
    /// Probability that it states a verifiable fact.
    pub verifiable: f32,
    /// The ranking score: the product of the two.
    pub score: f32,
    /// Both pass their thresholds.
    pub decision: bool,
    /// The claim-level features that moved the check-worthiness most, with their weights.
    pub reasons: Vec<String>,
}

/// Judges the text under `span`.
pub fn judge(model: &LinearModel, doc: &Document, span: Span, facts: ClaimFacts) -> Judgement {
    let mut names: Vec<String> = Vec::new();
    features(doc, span, facts, &mut names);
    let hash = |n: &str| n.split_once('=').map_or(0, |(t, v)| linear::feature_hash(t, v));
    // every occurrence counts for the probability; each feature once for the reasons
    let hashes: Vec<u64> = names.iter().map(|n| hash(n)).collect();
    names.sort_unstable();
    names.dedup();
    let named: Vec<(u64, String)> = names.into_iter().map(|n| (hash(&n), n)).collect();
    let mut p = Vec::new();
    model.probabilities(&hashes, &mut p);
    let (cw, ver) = (model.label_index(CHECKWORTHY), model.label_index(VERIFIABLE));
    let prob = |l: Option<usize>| l.and_then(|l| p.get(l).copied()).unwrap_or(1.0);
    let pass = |l: Option<usize>| l.is_none_or(|l| p.get(l).is_some_and(|&x| x >= model.threshold(l)));
    let mut reasons: Vec<String> = Vec::new();
    for (label, name) in [(cw, "check-worthy"), (ver, "verifiable")] {
        let Some(l) = label else { continue };
        reasons.extend(
            model
                .contributions(&named, l)
                .into_iter()
                .filter(|(n, w)| !n.starts_with("w=") && w.abs() >= 0.05)
                .take(2)
                .map(|(n, w)| format!("{name}: {n} ({w:+.2})")),
        );
    }
    Judgement {
        checkworthy: prob(cw),
        verifiable: prob(ver),
        score: prob(cw) * prob(ver),
        decision: pass(cw) && pass(ver),
        reasons,
    }
}
