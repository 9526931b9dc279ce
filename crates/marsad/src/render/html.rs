//! The self-contained HTML report.

use crate::document::Document;

/// The report as one self-contained HTML page.
pub fn render(doc: &Document) -> String {
    format!(
        "<!doctype html><html lang=\"ar\" dir=\"rtl\"><body><pre>{}</pre></body></html>",
        doc.text.len()
    )
}
