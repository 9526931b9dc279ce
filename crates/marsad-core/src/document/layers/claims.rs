//! Quotations and claims, with their sources.

use serde::{Deserialize, Serialize};

use super::entities::{EntityKind, Reference};
use crate::document::{Document, Origin};
use crate::names::serde_name;
use crate::span::Span;

/// Who a quotation or claim is attributed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A named person.
    Person,
    /// An office named without its holder (وزير الخارجية الفرنسي).
    Office,
    /// A named organisation or institution.
    Organization,
    /// A state, named by its country, nationality or capital.
    Country,
    /// An unnamed or vague group (مصادر مطلعة، خبراء، تقارير).
    Vague,
    /// The outlet's own voice: nothing attributes the sentence.
    Outlet,
    /// A verb of saying whose subject could not be found.
    Unknown,
}

/// The source of a quotation or claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// What kind of source.
    pub kind: SourceKind,
    /// Where the text names it (absent for the outlet and unknown sources).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Its entity (`E3`) when the entity layer resolved it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

impl Source {
    /// The outlet's own voice.
    pub fn outlet() -> Source {
        Source { kind: SourceKind::Outlet, span: None, entity: None }
    }

    /// True when no one is named.
    pub fn is_vague(&self) -> bool {
        matches!(self.kind, SourceKind::Vague | SourceKind::Unknown)
    }

    /// The source in words, for reports: its kind, the text naming it, and the
    /// person's full name when the text names them by title or surname
    /// (`person «البدري» = هشام البدري`).
    pub fn describe(&self, doc: &Document) -> String {
        let kind = serde_name(&self.kind);
        let Some(span) = self.span else { return kind };
        let person = self
            .entity
            .as_deref()
            .and_then(|id| doc.entities.iter().find(|e| e.id == id))
            .filter(|e| e.kind == EntityKind::Person);
        let who = person.map_or(String::new(), |e| format!(" = {}", e.name));
        format!("{kind} «{}»{who}", doc.slice(span))
    }
}

/// How a quotation is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Between quotation marks.
    Direct,
    /// Reported with a verb of saying and إن/أن.
    Indirect,
}

/// A quotation or a report of speech.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quotation {
    /// What is said (inside the marks, or after إن/أن to the end of the sentence).
    pub span: Span,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The verb of saying, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verb: Option<Reference>,
    /// What the verb says about it (a denial, a warning…).
    pub stance: Stance,
    /// Who says it.
    pub speaker: Source,
    /// The rule that found it and how sure it is.
    pub origin: Origin,
}

/// An assertion of the text, with who stands behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The sentence asserting it (index into [`Document::sentences`]).
    pub sentence: usize,
    /// The asserted text: the sentence, or the quotation it reports.
    pub span: Span,
    /// Who stands behind it.
    pub source: Source,
    /// The quotation it comes from (index into [`Document::quotations`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotation: Option<usize>,
    /// What the verb of saying says about it.
    pub stance: Stance,
    /// True when a hedge weakens it (ربما، قد، يعتقد).
    pub hedged: bool,
    /// True when its source names no one.
    pub vague: bool,
    /// How worth checking it is, 0–1 ([`worth`]).
    pub checkworthiness: f32,
    /// Why: the features that raised or lowered the score.
    pub reasons: Vec<String>,
    /// Its place when the claims are sorted by check-worthiness (1 = check first).
    pub rank: usize,
    /// The rule that made it and how sure the attribution is.
    pub origin: Origin,
}

/// What a verb of saying says about what it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// A neutral report (قال، ذكر).
    Say,
    /// An affirmation (أكد، شدد).
    Assert,
    /// A continuation of what the speaker said (أضاف، تابع).
    Add,
    /// An explanation (أوضح، أشار).
    Explain,
    /// An announcement (أعلن).
    Announce,
    /// A disclosure (كشف).
    Reveal,
    /// A denial (نفى).
    Deny,
    /// A warning (حذر).
    Warn,
    /// A claim the writer keeps at a distance (زعم، ادعى).
    Claim,
    /// A call or demand (دعا، طالب).
    Call,
    /// An accusation (اتهم).
    Accuse,
    /// An opinion (اعتبر، رأى).
    Believe,
    /// A prediction (توقع).
    Expect,
    /// An admission or confirmation (أقر، اعترف).
    Confirm,
    /// No verb: the source is named by a phrase (حسب، وفقا لـ) or is the outlet.
    None,
}
