//! Framing: the persuasion techniques an article uses, with their spans.
//!
//! The taxonomy is the one of the Arabic propaganda shared tasks (ArAIEval, ArMPro):
//! 23 techniques in 7 coarse classes ([`taxonomy`]). Detection works at three levels:
//!
//! - **spans**: a token model ([`features::token`]) gives every word a probability
//!   of lying inside a span of each technique; runs of words above the technique's
//!   threshold become spans ([`detect`]);
//! - **paragraphs**: a paragraph model ([`features::paragraph`]) gives each paragraph
//!   its techniques (multi-label) and a probability of being propagandistic at all;
//! - **the article**: a summary of which techniques, how many, how dense, where.
//!
//! Both models are multi-label logistic regressions ([`crate::learn::linear`])
//! trained by `marsad train framing` ([`train`]) on the shared tasks' gold data;
//! their features read reviewable cue lexicons (`resources/framing/cues.tsv`: intensifiers,
//! certainty and doubt markers, labels, appeals to fear and to the flag…), the claims
//! layer's vague-source phrases and the tone lexicon.

pub mod detect;
pub mod features;
pub mod gold;
pub mod lexicon;
pub mod taxonomy;
pub mod train;

use serde::{Deserialize, Serialize};

use crate::document::{Document, Origin};
use crate::resources::Resources;
use crate::span::Span;

/// The `techniques` layer: spans, paragraphs and the article's summary.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Techniques {
    /// Technique spans, in text order (spans of different techniques may overlap).
    pub spans: Vec<TechniqueSpan>,
    /// The techniques of each paragraph that has any, in paragraph order.
    pub paragraphs: Vec<ParagraphTechniques>,
    /// The article as a whole.
    pub summary: Summary,
}

/// One span of text using a persuasion technique.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TechniqueSpan {
    /// Where it stands.
    pub span: Span,
    /// The technique (`Loaded_Language`).
    pub technique: String,
    /// Its coarse class (`Manipulative_Wording`).
    pub class: String,
    /// Cue-lexicon entries inside the span (`intensifier:للغاية`), as evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
    /// The model and its confidence (mean probability of the span's words).
    pub origin: Origin,
}

/// The techniques of one paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParagraphTechniques {
    /// The paragraph (index into [`Document::paragraphs`]).
    pub paragraph: usize,
    /// Its span.
    pub span: Span,
    /// Probability that the paragraph is propagandistic (uses any technique).
    pub propaganda: f32,
    /// True when that probability passes the model's threshold.
    pub flagged: bool,
    /// Its techniques, most likely first.
    pub techniques: Vec<Label>,
}

/// A technique given to a paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Label {
    /// The technique.
    pub technique: String,
    /// Its coarse class.
    pub class: String,
    /// `framing.paragraph_model` (or `framing.spans` when only spans show it) and the probability.
    pub origin: Origin,
}

/// The article's persuasion profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// True when the paragraph model judges any paragraph propagandistic.
    pub propagandistic: bool,
    /// Technique spans per 100 words.
    pub density: f32,
    /// Share of paragraphs (0–1) that use at least one technique.
    pub paragraph_share: f32,
    /// Each technique used, most spans first.
    pub techniques: Vec<TechniqueCount>,
    /// Span counts per coarse class, largest first.
    pub classes: Vec<ClassCount>,
}

/// How much of the article uses one technique.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TechniqueCount {
    /// The technique.
    pub technique: String,
    /// Its coarse class.
    pub class: String,
    /// Its spans.
    pub spans: usize,
    /// The paragraphs (indexes) that use it, by span or by the paragraph model.
    pub paragraphs: Vec<usize>,
}

/// Span count of one coarse class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassCount {
    /// The coarse class.
    pub class: String,
    /// Its spans.
    pub spans: usize,
}

/// The `techniques` stage: adds [`Document::techniques`].
pub fn recognize(doc: &mut Document, res: &Resources) {
    doc.techniques = detect::techniques(doc, &res.framing, &res.tone, &res.lexicon);
}
