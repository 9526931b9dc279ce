//! What must hold for any input, however damaged: checks shared by the fuzz
//! targets (`fuzz/`), their regression tests and the mutation test.
//!
//! Each `probe_*` function runs one path of the engine on arbitrary bytes and
//! returns an error describing the first broken invariant; a panic inside the
//! engine is itself a failure the caller sees.
//!
//! ```
//! use marsad_eval::robustness::{probe_analyze, probe_decode, probe_text_layer};
//!
//! for input in [&b"\xff\xfe\x00"[..], "قال الوزير «نعم» ".as_bytes(), b""] {
//!     probe_decode(input).unwrap();
//!     probe_text_layer(input).unwrap();
//!     probe_analyze(input).unwrap();
//! }
//! ```

use serde_json::Value;

use marsad::input::{decode, Limits};
use marsad::{Document, Metadata, Pipeline, Span};
use marsad_render::{gdelt, html, json, text};

/// The size limit the probes decode with: large enough for any fuzzer input,
/// small enough that the limit itself is exercised; a few invalid bytes are
/// replaced (`--lossy`), so that damaged text reaches the stages.
const PROBE_LIMITS: Limits = Limits { max_bytes: 1 << 20, lossy: true };

/// Encodings [`decode`] may name.
const ENCODINGS: &[&str] = &["UTF-8", "UTF-16LE", "UTF-16BE", "windows-1256", "ISO-8859-6"];

/// Decodes `bytes` as an article's input: either a clear refusal or a non-blank
/// text in a supported encoding.
pub fn probe_decode(bytes: &[u8]) -> Result<(), String> {
    match decode(bytes, &PROBE_LIMITS) {
        Err(e) if e.to_string().trim().is_empty() => Err("an input error without a message".to_owned()),
        Err(_) => Ok(()),
        Ok(d) if d.text.trim().is_empty() => Err("decoded a blank text instead of refusing it".to_owned()),
        Ok(d) if !ENCODINGS.contains(&d.encoding) => Err(format!("decoded as an unknown encoding {}", d.encoding)),
        Ok(d) if d.warnings.iter().any(|w| w.code.is_empty() || w.message.is_empty()) => {
            Err("a warning without a code or message".to_owned())
        }
        Ok(_) => Ok(()),
    }
}

/// Runs the text layer (normalised view, tokens, clitics, sentences,
/// paragraphs, repairs) over `bytes` read as UTF-8 (invalid sequences
/// replaced), and checks its layers.
pub fn probe_text_layer(bytes: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let doc = Pipeline::new().analyze_through(text, Metadata::default(), "repairs");
    check(&doc)?;
    check_normalized(&doc)?;
    // tokens in order, without overlap
    if doc.tokens.windows(2).any(|w| w[0].span.end > w[1].span.start) {
        return Err("tokens overlap or are out of order".to_owned());
    }
    Ok(())
}

/// The whole `marsad analyze` path: decode, every stage, and every output
/// format.
pub fn probe_analyze(bytes: &[u8]) -> Result<(), String> {
    let Ok(decoded) = decode(bytes, &PROBE_LIMITS) else {
        return Ok(()); // a clear refusal is the right answer to undecodable input
    };
    let meta = Metadata { title: Some(decoded.text.lines().next().unwrap_or("").to_owned()), ..Metadata::default() };
    let mut doc = Document::new(decoded.text, meta);
    doc.warnings = decoded.warnings;
    Pipeline::new().run(&mut doc);
    check(&doc)?;
    let value = json::to_value(&doc);
    serde_json::from_str::<Value>(&json::to_string_pretty(&doc)).map_err(|e| format!("JSON output unreadable: {e}"))?;
    if value["text"].as_str() != Some(doc.text.as_str()) {
        return Err("the JSON output does not carry the original text".to_owned());
    }
    let page = html::render(&doc);
    if page.contains("<script>alert") {
        return Err("input markup reached the HTML page unescaped".to_owned());
    }
    for row in gdelt::render(&doc, false).lines() {
        if row.contains('\n') || row.contains('\r') {
            return Err("a GDELT row spans lines".to_owned());
        }
    }
    text::render(&doc, false);
    Ok(())
}

/// Every span of every layer lies on character boundaries inside the text, and
/// every `span` in the JSON output lies inside the text's characters.
pub fn check(doc: &Document) -> Result<(), String> {
    let text = &doc.text;
    let spans = doc
        .tokens
        .iter()
        .map(|t| t.span)
        .chain(doc.clitics.iter().flat_map(|c| std::iter::once(c.span).chain(c.morphemes.iter().map(|m| m.span))))
        .chain(doc.sentences.iter().map(|s| s.span))
        .chain(doc.paragraphs.iter().map(|p| p.span))
        .chain(doc.repairs.iter().map(|r| r.span))
        .chain(doc.times.iter().map(|t| t.span))
        .chain(doc.quantities.iter().map(|q| q.span))
        .chain(doc.mentions.iter().map(|m| m.span))
        .chain(doc.quotations.iter().map(|q| q.span))
        .chain(doc.claims.iter().map(|c| c.span))
        .chain(doc.events.iter().map(|e| e.trigger.span))
        .chain(doc.tone.words.iter().map(|w| w.span))
        .chain(doc.techniques.spans.iter().map(|s| s.span));
    for s in spans {
        check_span(text, s)?;
    }
    json_spans_inside(&json::to_value(doc), text.chars().count())
}

fn check_span(text: &str, s: Span) -> Result<(), String> {
    if s.start > s.end || s.end > text.len() || !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
        return Err(format!(
            "byte span {}..{} is not on character boundaries of a {}-byte text",
            s.start,
            s.end,
            text.len()
        ));
    }
    Ok(())
}

/// The normalised view maps every piece of itself back into the original.
fn check_normalized(doc: &Document) -> Result<(), String> {
    let norm = &doc.normalized;
    let mut at = 0;
    for c in norm.text.chars() {
        let back = norm.to_original(Span::new(at, at + c.len_utf8()));
        check_span(&doc.text, back).map_err(|e| format!("normalised character at {at}: {e}"))?;
        at += c.len_utf8();
    }
    Ok(())
}

fn json_spans_inside(v: &Value, chars: usize) -> Result<(), String> {
    match v {
        Value::Array(items) => items.iter().try_for_each(|x| json_spans_inside(x, chars)),
        Value::Object(map) => {
            if let Some(s) = map.get("span") {
                let (a, b) = (s["start"].as_u64().unwrap_or(u64::MAX), s["end"].as_u64().unwrap_or(u64::MAX));
                if a > b || b as usize > chars {
                    return Err(format!("JSON span {a}..{b} outside a text of {chars} characters"));
                }
            }
            map.iter().filter(|(k, _)| *k != "span").try_for_each(|(_, x)| json_spans_inside(x, chars))
        }
        _ => Ok(()),
    }
}
