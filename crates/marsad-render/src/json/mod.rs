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
//!
//! [`write`] streams the output to a writer as it is made, with [`Options`]: only
//! some layers, and the compact profile (`docs/schema/README.md`): spans as
//! `[start, end]` without their text, tokens as `[start, end, kind, norm]` (and
//! the value of a number), clitic segmentations as `[token, morphemes, rule,
//! confidence]` with each morpheme `[start, end, form, role]`.

use serde_json::Value;

mod compact;
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
    "persuasion_density",
    "percentile",
    "propaganda",
];

/// How [`write`] writes a document.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Indented, one field a line; one line when false.
    pub pretty: bool,
    /// The compact profile (see the module documentation), marked `"profile": "compact"`.
    pub compact: bool,
    /// Only these layers (names of [`Document::LAYERS`]), besides `text`, `meta` and
    /// `warnings`, which are always written; every layer when `None`.
    pub layers: Option<Vec<String>>,
}

impl Options {
    /// True when the top-level field `key` is written.
    pub(crate) fn writes(&self, key: &str) -> bool {
        match &self.layers {
            Some(layers) if key != "warnings" && Document::LAYERS.contains(&key) => layers.iter().any(|l| l == key),
            _ => true,
        }
    }
}

/// Writes the document as JSON to `out` as it is made, without holding the
/// output in memory (give a buffered writer).
///
/// # Errors
///
/// The writer's errors.
pub fn write<W: std::io::Write>(doc: &Document, out: W, options: &Options) -> std::io::Result<()> {
    let ctx = Context { doc, index: CharIndex::new(&doc.text), options };
    let shaped = Shaped::root(doc, &ctx);
    if options.pretty {
        serde_json::to_writer_pretty(out, &shaped)?;
    } else {
        serde_json::to_writer(out, &shaped)?;
    }
    Ok(())
}

/// The document as a JSON value with character offsets.
pub fn to_value(doc: &Document) -> Value {
    // through the text, so that numbers keep the precision the text gives them
    serde_json::from_str(&to_string(doc)).expect("the output is JSON")
}

/// The document as compact JSON with character offsets, on one line.
pub fn to_string(doc: &Document) -> String {
    let options = Options::default();
    let ctx = Context { doc, index: CharIndex::new(&doc.text), options: &options };
    serde_json::to_string(&Shaped::root(doc, &ctx)).expect("documents serialise")
}

/// The document as pretty-printed JSON with character offsets.
pub fn to_string_pretty(doc: &Document) -> String {
    let options = Options::default();
    let ctx = Context { doc, index: CharIndex::new(&doc.text), options: &options };
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

    fn written(doc: &Document, options: &Options) -> String {
        let mut out = Vec::new();
        write(doc, &mut out, options).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn written_as_streamed_is_what_the_strings_hold() {
        let doc = Pipeline::new().analyze("قالَ الوزيرُ إنّ النمو بلغ ٣٫٥٪ في 2022.\nوأكد ذلك.", Metadata::default());
        assert_eq!(written(&doc, &Options::default()), to_string(&doc));
        assert_eq!(written(&doc, &Options { pretty: true, ..Options::default() }), to_string_pretty(&doc));
    }

    #[test]
    fn chosen_layers_only() {
        let doc = Pipeline::new().analyze("قال الوزير إن المحادثات ستستأنف غدا.", Metadata::default());
        let options = Options { layers: Some(vec!["tokens".into(), "times".into()]), ..Options::default() };
        let v: Value = serde_json::from_str(&written(&doc, &options)).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["meta", "offsets", "schema_version", "text", "times", "tokens", "warnings"]);
    }

    #[test]
    fn the_compact_profile_has_no_per_token_objects_and_no_span_texts() {
        let text = "قالَ الوزيرُ والحكومة إنّ النمو بلغ ٣٫٥٪ في 2022.";
        let doc = Pipeline::new().analyze(text, Metadata::default());
        let out = written(&doc, &Options { compact: true, ..Options::default() });
        let v: Value = serde_json::from_str(&out).unwrap();
        let full = to_value(&doc);
        assert_eq!(v["profile"], "compact");
        assert_eq!(v["text"], text);
        let chars: Vec<char> = text.chars().collect();
        let slice = |s: &Value, e: &Value| {
            chars[s.as_u64().unwrap() as usize..e.as_u64().unwrap() as usize].iter().collect::<String>()
        };
        let tokens = v["tokens"].as_array().unwrap();
        assert_eq!(tokens.len(), doc.tokens.len());
        for (t, f) in tokens.iter().zip(full["tokens"].as_array().unwrap()) {
            assert_eq!(slice(&t[0], &t[1]), f["text"].as_str().unwrap());
            assert_eq!((&t[2], &t[3]), (&f["kind"], &f["norm"]));
            assert_eq!(t.get(4), f.get("value"));
        }
        assert_eq!(tokens[1][0], 5);
        let clitics = v["clitics"].as_array().unwrap();
        assert_eq!(clitics.len(), doc.clitics.len());
        let at = clitics.iter().position(|c| c[0] == 2).expect("والحكومة is segmented");
        let w = &clitics[at];
        let parts: Vec<String> = w[1].as_array().unwrap().iter().map(|m| slice(&m[0], &m[1])).collect();
        assert_eq!(parts, ["و", "ال", "حكومة"]);
        assert_eq!((&w[1][2][2], &w[1][2][3]), (&Value::from("حكومة"), &Value::from("stem")));
        assert_eq!(
            (&w[2], &w[3]),
            (&full["clitics"][at]["origin"]["rule"], &full["clitics"][at]["origin"]["confidence"])
        );
        // other layers: spans as [start, end], without their text
        assert_eq!(v["sentences"][0]["span"], serde_json::json!([0, chars.len()]));
        assert!(v["sentences"][0].get("text").is_none());
        // the per-token layers, where the profile saves, shrink to under a third (the other
        // layers differ only by their span texts, so the whole depends on what was found)
        let size = |v: &Value| v["tokens"].to_string().len() + v["clitics"].to_string().len();
        assert!(size(&v) * 3 < size(&full), "{} against {}", size(&v), size(&full));
        assert!(out.len() < to_string(&doc).len(), "{} against {}", out.len(), to_string(&doc).len());
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
