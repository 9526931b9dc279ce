//! JSON output, with character offsets.
//!
//! The document is serialised with serde, then the value tree is rewritten for
//! readers outside Rust:
//!
//! - every object with a `span` field gets it converted from byte offsets to
//!   character offsets (Unicode scalar values, half-open `[start, end)`) into the
//!   top-level `text`, and gets a sibling `text` field holding the spanned original
//!   text, so a reader needs no offset arithmetic;
//! - `normalized` becomes the normalised text alone (its offset map stays internal);
//! - confidences are written with the precision they are stored with (`0.9`, not
//!   `0.8999999761581543`);
//! - a numeric `value` too large to be a finite number is omitted;
//! - `schema_version` ([`SCHEMA_VERSION`]) and `offsets` ([`OFFSETS`]) are added.
//!
//! The result is described by `docs/schema/document.schema.json`.

use serde_json::{Map, Value};

use crate::document::{Document, SCHEMA_VERSION};
use crate::span::CharIndex;

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
    let mut value = serde_json::to_value(doc).expect("documents serialise");
    let index = CharIndex::new(&doc.text);
    let obj = value.as_object_mut().expect("a document serialises to an object");
    obj.insert("normalized".to_owned(), Value::String(doc.normalized.text.clone()));
    for (key, field) in obj.iter_mut() {
        if !matches!(key.as_str(), "text" | "meta" | "normalized") {
            rewrite(field, &doc.text, &index);
        }
    }
    obj.insert("schema_version".to_owned(), Value::String(SCHEMA_VERSION.to_owned()));
    obj.insert("offsets".to_owned(), Value::String(OFFSETS.to_owned()));
    value
}

/// The document as pretty-printed JSON with character offsets.
pub fn to_string_pretty(doc: &Document) -> String {
    serde_json::to_string_pretty(&to_value(doc)).expect("values serialise")
}

/// Rewrites spans (bytes to characters, plus the surface `text`), confidences and
/// non-finite values, recursively.
fn rewrite(value: &mut Value, text: &str, index: &CharIndex) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| rewrite(v, text, index)),
        Value::Object(map) => {
            if let Some(surface) = rewrite_span(map, text, index) {
                debug_assert!(!map.contains_key("text"), "an item with a span already has a `text` field");
                map.insert("text".to_owned(), Value::String(surface));
            }
            for key in F32_FIELDS {
                if let Some(c) = map.get_mut(*key) {
                    round_f32(c);
                }
            }
            if map.get("value").is_some_and(Value::is_null) {
                map.remove("value");
            }
            for (key, v) in map.iter_mut() {
                if key != "span" {
                    rewrite(v, text, index);
                }
            }
        }
        _ => {}
    }
}

/// Converts `map.span` to character offsets; returns the spanned text.
fn rewrite_span(map: &mut Map<String, Value>, text: &str, index: &CharIndex) -> Option<String> {
    let span = map.get_mut("span")?.as_object_mut()?;
    let start = span.get("start")?.as_u64()? as usize;
    let end = span.get("end")?.as_u64()? as usize;
    let surface = text.get(start..end)?.to_owned();
    span.insert("start".to_owned(), Value::from(index.char_of(start)));
    span.insert("end".to_owned(), Value::from(index.char_of(end)));
    Some(surface)
}

/// A number that came from an `f32`, written with the shortest decimal that reads
/// back as the same `f32`.
fn round_f32(value: &mut Value) {
    if let Some(f) = value.as_f64() {
        let short: f64 = (f as f32).to_string().parse().unwrap_or(f);
        if let Some(n) = serde_json::Number::from_f64(short) {
            *value = Value::Number(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Metadata, Pipeline};

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
        let mut v = serde_json::json!(0.9f32);
        round_f32(&mut v);
        assert_eq!(v.to_string(), "0.9");
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
