//! Persuasion techniques: spans, paragraph labels and the article's summary.

use serde::{Deserialize, Serialize};

use crate::document::Origin;
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
    /// True when the overall persuasion density passes the threshold chosen on ordinary
    /// news (weather, markets, sport, agency reports) so that such news is rarely marked.
    pub propagandistic: bool,
    /// Technique spans per 100 words.
    pub density: f32,
    /// Pieces of evidence (spans, and paragraphs the paragraph model labels) of every
    /// technique per 100 words: the measure the decision and the profile read.
    #[serde(default)]
    pub persuasion_density: f32,
    /// Percentile (0–100) of `persuasion_density` among ordinary news articles; absent
    /// without a reference distribution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentile: Option<f32>,
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
    /// Its pieces of evidence (spans, and paragraphs the paragraph model labels with it)
    /// per 100 words.
    #[serde(default)]
    pub density: f32,
    /// Percentile (0–100) of `density` among ordinary news articles; absent without a
    /// reference distribution for the technique.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentile: Option<f32>,
}

/// Span count of one coarse class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassCount {
    /// The coarse class.
    pub class: String,
    /// Its spans.
    pub spans: usize,
}
