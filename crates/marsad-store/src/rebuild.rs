//! The analysed document, rebuilt from its stored layers.
//!
//! The store keeps each revision's document as the compact profile of the JSON
//! output (`docs/schema/README.md`): spans as `[start, end]` character offsets,
//! tokens and clitic segmentations as arrays. Rebuilding turns that back into a
//! [`Document`] (spans in bytes, tokens with their matching keys), so that every
//! renderer — the default JSON, GDELT rows — gives from the store what `marsad
//! analyze` gave for the same article.
//!
//! What the compact profile leaves out of a token is derived again: its `key` from
//! its `norm` (as the tokenizer makes it) and `joined` and its place in the
//! normalised view by scanning the stored text again; when the scan does not give
//! the stored tokens (a store written by another version of the tokenizer), `joined`
//! is read off the spans instead (no character between the token and the one before).

use marsad::text::tokenize;
use marsad_core::document::Document;
use marsad_core::normalize::{match_key, NormalizedView};
use serde_json::{json, Map, Value};

/// Why stored layers cannot be rebuilt into a document.
pub type RebuildError = String;

/// Byte offsets of each character of a text, and of its end.
struct Offsets(Vec<usize>);

impl Offsets {
    fn new(text: &str) -> Offsets {
        let mut at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        at.push(text.len());
        Offsets(at)
    }

    /// The byte offset of character `c`.
    fn byte(&self, c: &Value) -> Result<usize, RebuildError> {
        let c = c.as_u64().ok_or_else(|| format!("an offset that is not a number: {c}"))? as usize;
        self.0.get(c).copied().ok_or_else(|| format!("offset {c} is past the end of the text"))
    }

    /// A compact `[start, end]` as the document's `{start, end}` in bytes.
    fn span(&self, pair: &Value) -> Result<Value, RebuildError> {
        match pair.as_array().map(Vec::as_slice) {
            Some([s, e]) => Ok(json!({ "start": self.byte(s)?, "end": self.byte(e)? })),
            _ => Err(format!("a span that is not [start, end]: {pair}")),
        }
    }
}

/// Rebuilds a document from the JSON of its compact profile.
///
/// # Errors
/// JSON that is not a document in the compact profile.
pub fn document_from_compact(json: &str) -> Result<Document, RebuildError> {
    let mut v: Value = serde_json::from_str(json).map_err(|e| format!("not JSON: {e}"))?;
    let top = v.as_object_mut().ok_or("not a JSON object")?;
    if top.get("profile").and_then(Value::as_str) != Some("compact") {
        return Err("not the compact profile".to_owned());
    }
    for key in ["schema_version", "offsets", "profile"] {
        top.remove(key);
    }
    let text = top.get("text").and_then(Value::as_str).ok_or("no text")?.to_owned();
    let at = Offsets::new(&text);
    // the normalised view is made again from the text below, with its offset map
    top.insert("normalized".to_owned(), json!({ "text": "" }));
    let tokens = match top.remove("tokens") {
        Some(Value::Array(tokens)) => tokens.iter().map(|t| token(&at, t)).collect::<Result<Vec<_>, _>>()?,
        _ => return Err("no tokens".to_owned()),
    };
    let clitics = match top.remove("clitics") {
        Some(Value::Array(words)) => {
            words.iter().map(|w| segmentation(&at, &tokens, w)).collect::<Result<Vec<_>, _>>()?
        }
        _ => return Err("no clitics".to_owned()),
    };
    for (key, value) in top.iter_mut() {
        if key != "text" {
            byte_spans(&at, value)?;
        }
    }
    top.insert("tokens".to_owned(), Value::Array(tokens));
    top.insert("clitics".to_owned(), Value::Array(clitics));
    let mut doc: Document = serde_json::from_value(v).map_err(|e| format!("not a document: {e}"))?;
    doc.normalized = NormalizedView::new(&doc.text);
    complete_tokens(&mut doc);
    Ok(doc)
}

/// `[start, end, kind, norm]` (and the value) as a token object; `joined` is set later.
fn token(at: &Offsets, t: &Value) -> Result<Value, RebuildError> {
    let a = t.as_array().filter(|a| a.len() == 4 || a.len() == 5).ok_or_else(|| format!("not a token: {t}"))?;
    let norm = a[3].as_str().ok_or_else(|| format!("a token without its norm: {t}"))?;
    let mut o = Map::new();
    o.insert("span".to_owned(), json!({ "start": at.byte(&a[0])?, "end": at.byte(&a[1])? }));
    o.insert("kind".to_owned(), a[2].clone());
    o.insert("norm".to_owned(), Value::from(norm));
    o.insert("key".to_owned(), Value::from(match_key(norm)));
    if let Some(value) = a.get(4) {
        o.insert("value".to_owned(), value.clone());
    }
    o.insert("joined".to_owned(), Value::Bool(false));
    o.insert("origin".to_owned(), json!({ "rule": "tokenize.scanner", "confidence": 1.0 }));
    Ok(Value::Object(o))
}

/// `[token, [[start, end, form, role]…], rule, confidence]` as a segmentation object,
/// whose span is its token's.
fn segmentation(at: &Offsets, tokens: &[Value], w: &Value) -> Result<Value, RebuildError> {
    let bad = || format!("not a clitic segmentation: {w}");
    let a = w.as_array().filter(|a| a.len() == 4).ok_or_else(bad)?;
    let index = a[0].as_u64().ok_or_else(bad)? as usize;
    let span = tokens.get(index).map(|t| t["span"].clone()).ok_or_else(bad)?;
    let morphemes = a[1]
        .as_array()
        .ok_or_else(bad)?
        .iter()
        .map(|m| match m.as_array().map(Vec::as_slice) {
            Some([s, e, form, role]) => Ok(json!({
                "span": { "start": at.byte(s)?, "end": at.byte(e)? },
                "form": form,
                "role": role,
            })),
            _ => Err(bad()),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(json!({
        "token": index,
        "span": span,
        "morphemes": morphemes,
        "origin": { "rule": a[2], "confidence": a[3] },
    }))
}

/// Every `span` field below `v` from `[start, end]` characters to `{start, end}` bytes.
fn byte_spans(at: &Offsets, v: &mut Value) -> Result<(), RebuildError> {
    match v {
        Value::Object(o) => {
            for (key, value) in o.iter_mut() {
                if key == "span" && value.is_array() {
                    *value = at.span(value)?;
                } else {
                    byte_spans(at, value)?;
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                byte_spans(at, item)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Gives the tokens what the compact profile leaves out: the tokenizer's own tokens
/// when it gives the stored ones again, else `joined` read off the spans.
fn complete_tokens(doc: &mut Document) {
    let scanned = tokenize::scan(&doc.normalized);
    let same = scanned.len() == doc.tokens.len()
        && scanned.iter().zip(&doc.tokens).all(|(s, t)| s.span == t.span && s.kind == t.kind && s.norm == t.norm);
    if same {
        doc.tokens = scanned;
        return;
    }
    for i in 1..doc.tokens.len() {
        doc.tokens[i].joined = doc.tokens[i - 1].span.end == doc.tokens[i].span.start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad::{Metadata, Pipeline};

    fn compact(doc: &Document) -> String {
        let options = marsad_render::json::Options { pretty: false, compact: true, layers: None };
        let mut out = Vec::new();
        marsad_render::json::write(doc, &mut out, &options).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_rebuilt_document_writes_the_same_json_and_gdelt_rows() {
        let text = "زارَ الرئيس الفرنسي إيمانويل ماكرون الجزائر يوم 5 مارس 2024، وقال إن النمو بلغ ٣٫٥٪.\n\nوأكد ذلك.";
        let meta = Metadata { published: Some("2024-03-10".into()), ..Default::default() };
        let doc = Pipeline::new().analyze(text, meta);
        let back = document_from_compact(&compact(&doc)).unwrap();
        assert_eq!(marsad_render::json::to_string(&back), marsad_render::json::to_string(&doc));
        assert_eq!(marsad_render::gdelt::render(&back, true), marsad_render::gdelt::render(&doc, true));
        assert!(!doc.events.is_empty() && !doc.clitics.is_empty());
    }

    #[test]
    fn layers_of_another_profile_or_broken_are_refused() {
        let doc = Pipeline::new().analyze("قال الوزير إن المحادثات ستستأنف غدا.", Metadata::default());
        let full = marsad_render::json::to_string(&doc);
        assert_eq!(document_from_compact(&full).unwrap_err(), "not the compact profile");
        let broken = compact(&doc).replacen("\"tokens\":[[0,", "\"tokens\":[[99999,", 1);
        assert!(document_from_compact(&broken).unwrap_err().contains("past the end"));
        assert!(document_from_compact("{").unwrap_err().starts_with("not JSON"));
    }
}
