//! The Arabic text layer: normalised view, tokens, clitics, sentences,
//! paragraphs, repairs and parts of speech. Each submodule is one stage or one idea.

pub mod clitics;
pub mod inspect;
pub mod layout;
pub mod paragraphs;
pub mod pos;
pub mod repairs;
pub mod sentences;
pub mod tokenize;

use marsad_core::document::Document;

/// What the text stages read besides the document: borrowed from the pipeline's resources.
#[derive(Clone, Copy)]
pub struct TextData<'r> {
    /// Word frequencies.
    pub lexicon: &'r marsad_core::lexicon::Lexicon,
    /// Matching keys of words whose first or last letters look like clitics but belong to the stem: never split.
    pub clitic_stems: &'r std::collections::HashSet<String>,
    /// Abbreviations whose full stop does not end a sentence, by matching key without the stop.
    pub abbreviations: &'r std::collections::HashSet<String>,
    /// Word lists of the repairs stage.
    pub repairs: &'r repairs::RepairLists,
}

/// The stage: adds [`Document::normalized`].
pub fn normalize_stage(doc: &mut Document) {
    doc.normalized = marsad_core::normalize::NormalizedView::new(&doc.text);
}
