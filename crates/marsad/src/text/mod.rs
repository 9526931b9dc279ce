//! The Arabic text layer: normalised view, tokens, clitics, sentences,
//! paragraphs and repairs. Each submodule is one stage or one idea.

pub mod chars;
pub mod clitics;
pub mod inspect;
pub mod layout;
pub mod normalize;
pub mod paragraphs;
pub mod repairs;
pub mod sentences;
pub mod tokenize;

use crate::document::Document;
use crate::resources::Resources;

/// The stage: adds [`Document::normalized`].
pub fn normalize_stage(doc: &mut Document, _res: &Resources) {
    doc.normalized = normalize::NormalizedView::new(&doc.text);
}
