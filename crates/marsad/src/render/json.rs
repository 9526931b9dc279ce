//! JSON output (character offsets).

use crate::document::Document;

/// The document as a JSON value.
pub fn to_value(doc: &Document) -> serde_json::Value {
    serde_json::to_value(doc).expect("documents serialise")
}

/// The document as pretty-printed JSON.
pub fn to_string_pretty(doc: &Document) -> String {
    serde_json::to_string_pretty(&to_value(doc)).expect("values serialise")
}
