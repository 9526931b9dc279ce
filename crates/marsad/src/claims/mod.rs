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

pub use marsad_core::document::{Claim, Quotation, QuoteKind, Source, SourceKind};

pub mod checkworthy;
pub mod lexicon;
pub mod quotes;
pub mod sources;
pub mod worth;

pub use crate::entities::resolve::Reference;
use marsad_core::document::Document;

/// What the claims stages read besides the document: borrowed from the pipeline's resources.
#[derive(Clone, Copy)]
pub struct ClaimData<'r> {
    /// Verbs of saying, reporting phrases, vague sources, hedges and the check-worthiness model.
    pub claims: &'r lexicon::ClaimLexicon,
}

/// The `quotations` stage: adds [`Document::quotations`].
pub fn recognize_quotations(doc: &mut Document, res: &ClaimData) {
    doc.quotations = quotes::find(doc, res.claims);
}

/// The `claims` stage: adds [`Document::claims`].
pub fn recognize_claims(doc: &mut Document, res: &ClaimData) {
    doc.claims = worth::claims(doc, res.claims);
}
