//! Events coded to PLOVER and CAMEO, with their participants and modality.

use serde::{Deserialize, Serialize};

use super::claims::Source;
use super::entities::Reference;
use crate::document::Origin;
use crate::span::Span;

/// How the text presents an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// The text states it happened.
    Asserted,
    /// Someone is reported to say it happened (see `source`).
    Reported,
    /// A source denies it.
    Denied,
    /// The text says it did not happen (لم، لن، عدم).
    Negated,
    /// Planned or announced (سـ، سوف، من المقرر).
    Future,
    /// Called for (دعا إلى، طالب بـ).
    Demanded,
    /// Possible (قد، ربما).
    Speculative,
    /// Under a condition (إذا، في حال).
    Conditional,
}

/// An actor or recipient of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// Where the text names it.
    pub span: Span,
    /// Its entity (`E3`), when resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// A CAMEO-style actor code: country (ISO 3166-1 alpha-3) and role (`GOV`, `MIL`,
    /// `LEG`, `JUD`, `COP`…), e.g. `USAGOV`; absent when nothing is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// An event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The words that name it.
    pub trigger: Reference,
    /// The sentence it is in (index into [`Document::sentences`]).
    pub sentence: usize,
    /// PLOVER event type (`CONSULT`, `ASSAULT`…).
    pub event_type: String,
    /// PLOVER mode, when the trigger settles it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Nearest CAMEO code.
    pub cameo: String,
    /// GDELT quad class (1–4) of the CAMEO code.
    pub quad_class: u8,
    /// Goldstein value of the CAMEO code.
    pub goldstein: f32,
    /// Who acts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<Participant>,
    /// To or with whom.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Participant>,
    /// How the text presents it.
    pub modality: Modality,
    /// Who reports or denies it (reported and denied events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Its date, from the time layer (index into [`Document::times`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<usize>,
    /// Where it happened: a place or country entity (`E4`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// PLOVER contexts its sentence speaks of (`military`, `economic`, `terrorism`…),
    /// from the cue words of `resources/events/contexts.tsv`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<String>,
    /// The rule that found it and how sure it is.
    pub origin: Origin,
}
