//! Quotations and claims: who says what, and what a fact-checker should check first.
//!
//! The `quotations` stage finds direct quotations (« »، " "، “ ”، ‹ ›) and reported
//! speech (قال إن، أكد أن، نفى أن) with the verb's stance, and the speaker: a named
//! person, an office, an institution or country, an unnamed or vague source (مصادر
//! مطلعة، خبراء), or — for a verb without a subject (وأضاف) — the speaker before it.
//! The `claims` stage makes every assertive sentence a claim with its source (the
//! quotation or report it holds, a phrase such as حسب X or نقلا عن X, or else the
//! outlet's own voice), flags hedged and vaguely sourced claims, and scores each for
//! check-worthiness ([`worth`]), ranking them.

pub mod checkworthy;
pub mod lexicon;
pub mod quotes;
pub mod sources;
pub mod worth;

use serde::{Deserialize, Serialize};

use crate::document::{Document, Origin};
pub use crate::entities::resolve::Reference;
use crate::resources::Resources;
use crate::span::Span;
use lexicon::Stance;

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
        let kind = crate::render::text::serde_name(&self.kind);
        let Some(span) = self.span else { return kind };
        let person = self
            .entity
            .as_deref()
            .and_then(|id| doc.entities.iter().find(|e| e.id == id))
            .filter(|e| e.kind == crate::entities::resolve::EntityKind::Person);
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

/// The `quotations` stage: adds [`Document::quotations`].
pub fn recognize_quotations(doc: &mut Document, res: &Resources) {
    doc.quotations = quotes::find(doc, &res.claims);
}

/// The `claims` stage: adds [`Document::claims`].
pub fn recognize_claims(doc: &mut Document, res: &Resources) {
    doc.claims = worth::claims(doc, &res.claims);
}
