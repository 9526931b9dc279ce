//! Repairs: suggestions for run-on words, stray letters and misspellings.

use crate::document::Document;
use crate::resources::Resources;

/// The stage: adds [`Document::repairs`].
pub fn find(doc: &mut Document, _res: &Resources) {
    doc.repairs = Vec::new();
}
