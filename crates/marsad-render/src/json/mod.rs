//! JSON output, with character offsets.
//!
//! The document is serialised with serde through a wrapper serializer
//! ([`rewrite`]) that shapes it for readers outside Rust as it goes:
//!
//! - every object with a `span` field gets it in character offsets (Unicode
//!   scalar values, half-open `[start, end)`) into the top-level `text`, and a
//!   sibling `text` field holding the spanned original text, so a reader needs no
//!   offset arithmetic;
//! - `normalized` is the normalised text alone (its offset map stays internal);
//! - confidences are written with the precision they are stored with (`0.9`, not
//!   `0.8999999761581543`);
//! - a numeric `value` too large to be a finite number is omitted;
//! - `schema_version` ([`SCHEMA_VERSION`](crate::SCHEMA_VERSION)) and `offsets` ([`OFFSETS`]) come first.
//!
//! The result is described by `docs/schema/document.schema.json`.

use serde_json::Value;

mod rewrite;

use self::rewrite::{Context, Shaped};

use marsad_core::document::Document;
use marsad_core::span::CharIndex;

/// What the offsets of the JSON output count: Unicode scalar values (what Python's
/// `str` and Rust's `chars()` index; a JavaScript reader uses `Array.from(text)`).
pub const OFFSETS: &str = "unicode_scalar";

/// Fields held as `f32`: written with `f32` precision (0.9, not 0.8999999761581421).
const F32_FIELDS: &[&str] = &[
    "confidence",
    "checkworthiness",
    "positive",
    "negative",
    "tone",
    "polarity",
    "prior",
    "emotional_density",
    "group_density",
    "density",
    "paragraph_share",
    "propaganda",
];

/// The document as a JSON value with character offsets.
pub fn to_value(doc: &Document) -> Value {
    // through the text, so that numbers keep the precision the text gives them
    serde_json::from_str(&to_string(doc)).expect("the output is JSON")
}

/// The document as compact JSON with character offsets, on one line.
pub fn to_string(doc: &Document) -> String {
    let ctx = Context { doc, index: CharIndex::new(&doc.text) };
    serde_json::to_string(&Shaped::root(doc, &ctx)).expect("documents serialise")
}

/// The document as pretty-printed JSON with character offsets.
pub fn to_string_pretty(doc: &Document) -> String {
    let ctx = Context { doc, index: CharIndex::new(&doc.text) };
    serde_json::to_string_pretty(&Shaped::root(doc, &ctx)).expect("documents serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad::{Metadata, Pipeline, SCHEMA_VERSION};

    #[test]
    fn spans_become_character_offsets_with_their_text() {
        let text = "قالَ الوزيرُ إنّ النمو بلغ ٣٫٥٪ في 2022.";
        let doc = Pipeline::new().analyze(text, Metadata::default());
        let v = to_value(&doc);
        assert_eq!(v["offsets"], OFFSETS);
        assert_eq!(v["schema_version"], SCHEMA_VERSION);
        assert_eq!(v["normalized"], doc.normalized.text.as_str());
        let chars: Vec<char> = text.chars().collect();
        let tokens = v["tokens"].as_array().unwrap();
        assert_eq!(tokens.len(), doc.tokens.len());
        for t in tokens {
            let (s, e) = (t["span"]["start"].as_u64().unwrap() as usize, t["span"]["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[s..e].iter().collect::<String>(), t["text"].as_str().unwrap());
        }
        assert_eq!(tokens[1]["text"], "الوزيرُ");
        assert_eq!(tokens[0]["origin"]["confidence"], serde_json::json!(1.0));
    }

    #[test]
    fn confidences_keep_their_f32_precision() {
        let doc = Pipeline::new().analyze("قال الوزير إن النمو بلغ 3 في المئة.", Metadata::default());
        let out = to_string(&doc);
        assert!(!out.contains("99999"), "{out}");
        assert!(!out.contains("00000001"), "{out}");
    }

    #[test]
    fn an_overflowing_number_has_no_value() {
        let text = format!("{} مليار", "9".repeat(400));
        let doc = Pipeline::new().analyze(text, Metadata::default());
        let v = to_value(&doc);
        assert_eq!(v["tokens"][0]["kind"], "number");
        assert!(v["tokens"][0].get("value").is_none());
    }
}
