//! Tone: the article's, each actor's, and the polar words behind them.

use serde::{Deserialize, Serialize};

use crate::document::Origin;
use crate::span::Span;

/// The `tone` layer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tone {
    /// The article as a whole.
    pub article: ToneScores,
    /// Tone towards each entity mentioned in a clause with polar words, by entity.
    pub actors: Vec<ActorTone>,
    /// The polar words, with their weighted polarity (the evidence).
    pub words: Vec<PolarWord>,
}

/// Tone figures of a stretch of text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ToneScores {
    /// Arabic words counted.
    pub words: usize,
    /// Percent of words that are positive.
    pub positive: f32,
    /// Percent of words that are negative.
    pub negative: f32,
    /// positive − negative.
    pub tone: f32,
    /// positive + negative.
    pub polarity: f32,
    /// Sum of absolute weighted polarities per 100 words.
    pub emotional_density: f32,
    /// First-person plural references per 100 words.
    pub group_density: f32,
}

/// Tone towards one entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorTone {
    /// The entity (index into [`Document::entities`]).
    pub entity: usize,
    /// The clauses that mention it.
    pub clauses: Vec<Clause>,
    /// The figures over those clauses.
    pub scores: ToneScores,
    /// `tone.lexicon` and a confidence that grows with the number of polar words.
    pub origin: Origin,
}

/// A clause: a stretch of a sentence between clause punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// Where it stands.
    pub span: Span,
}

/// A word of the polarity lexicon, as counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolarWord {
    /// Where it stands.
    pub span: Span,
    /// Its token.
    pub token: usize,
    /// Its polarity after negation and intensifiers, in [-2, 2].
    pub polarity: f32,
    /// The lexicon's polarity, before modifiers.
    pub prior: f32,
    /// The modifier that changed it, if any (`negator:لم`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}
