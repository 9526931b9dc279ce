//! Gold data of the propaganda shared tasks, in their own formats, read into one
//! record type.
//!
//! | format | a record | gives |
//! |---|---|---|
//! | ArMPro (JSON Lines) | `paragraph`, `paragraph_id`, `page_id`, `labels: [{technique, start, end}]` | spans, labels, binary |
//! | ArAIEval 2023 1B (JSON Lines) | `id`, `text`, `labels: ["Loaded_Language", …]` | labels, binary |
//! | ArAIEval 2023 1A (JSON Lines) | `id`, `text`, `label: "true"/"false"` | binary |
//! | WANLP 2022 task 1/2 (one JSON array) | `id`, `text`, `labels`: names (task 1) or `{technique, start, end}` (task 2) | labels (and spans) |
//!
//! Offsets are in characters, as the tasks give them. Technique names of the older
//! lists are mapped to the 23-technique taxonomy; `no_technique` means none.

use std::path::Path;

use serde_json::Value;

use marsad_core::data::{io_reason, DataError};
use marsad_core::taxonomy::Taxonomy;

/// One gold record.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Its id.
    pub id: String,
    /// The group it belongs to (ArMPro's page): cross-validation keeps a group in one fold.
    pub group: String,
    /// Its text.
    pub text: String,
    /// Technique spans, when the format has them.
    pub spans: Option<Vec<GoldSpan>>,
    /// Its techniques, when the format has them.
    pub labels: Option<Vec<String>>,
    /// Whether it is propagandistic.
    pub propaganda: bool,
    /// `tweet` or `paragraph`, when the format says.
    pub kind: Option<String>,
}

/// A technique span, in characters.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Technique (taxonomy name).
    pub technique: String,
}

/// Reads a gold file in any of the formats; errors name the file and the line (or record).
pub fn read(path: &Path, taxonomy: &Taxonomy) -> Result<Vec<Record>, DataError> {
    let err = |line: usize, message: String| DataError { file: path.to_owned(), line, message };
    let text = std::fs::read_to_string(path).map_err(|e| err(0, io_reason(&e)))?;
    let values: Vec<(usize, Value)> = if text.trim_start().starts_with('[') {
        let all: Value = serde_json::from_str(&text).map_err(|e| err(0, format!("not JSON: {e}")))?;
        all.as_array().cloned().unwrap_or_default().into_iter().enumerate().map(|(i, v)| (i + 1, v)).collect()
    } else {
        marsad_core::data::json_lines(path)?
    };
    let array = text.trim_start().starts_with('[');
    let mut out = Vec::with_capacity(values.len());
    for (n, v) in values {
        let at = |m: String| if array { err(0, format!("record {n}: {m}")) } else { err(n, m) };
        out.push(record(&v, taxonomy).map_err(at)?);
    }
    if out.is_empty() {
        return Err(err(0, "no records".into()));
    }
    // A file of spans (WANLP task 2): a record with an empty label list has no spans.
    if out.iter().any(|r| r.spans.is_some()) {
        for r in out.iter_mut().filter(|r| r.spans.is_none() && r.labels.as_ref().is_some_and(Vec::is_empty)) {
            r.spans = Some(Vec::new());
        }
    }
    Ok(out)
}

/// One record from its JSON value.
pub fn record(v: &Value, taxonomy: &Taxonomy) -> Result<Record, String> {
    let s = |k: &str| v.get(k).and_then(Value::as_str);
    let text = s("paragraph").or_else(|| s("text")).ok_or("no `text` or `paragraph` field")?.to_string();
    let id = s("paragraph_id").or_else(|| s("id")).map(String::from).unwrap_or_default();
    let group = s("page_id").map(String::from).unwrap_or_else(|| id.clone());
    let technique = |name: &str| -> Result<Option<String>, String> {
        let folded: String = name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
        if folded == "notechnique" {
            return Ok(None);
        }
        taxonomy.find(name).map(|t| Some(t.name.clone())).ok_or_else(|| format!("unknown technique {name:?}"))
    };
    let mut spans: Option<Vec<GoldSpan>> = None;
    let mut labels: Option<Vec<String>> = None;
    if let Some(list) = v.get("labels").and_then(Value::as_array) {
        let chars = text.chars().count();
        let mut ls = Vec::new();
        for item in list {
            match item {
                Value::String(name) => {
                    if let Some(t) = technique(name)? {
                        ls.push(t);
                    }
                }
                Value::Object(o) => {
                    let name = o.get("technique").and_then(Value::as_str).ok_or("a label without `technique`")?;
                    let num = |k: &str| o.get(k).and_then(Value::as_u64).map(|x| x as usize);
                    let (Some(start), Some(end)) = (num("start"), num("end")) else {
                        return Err(format!("label {name:?} without `start` and `end`"));
                    };
                    // Some published spans run one character past the text: cut them at its end.
                    let end = end.min(chars);
                    if start >= end {
                        return Err(format!("label {name:?} at {start}..{end} outside the text of {chars} characters"));
                    }
                    if let Some(t) = technique(name)? {
                        ls.push(t.clone());
                        spans.get_or_insert_with(Vec::new).push(GoldSpan { start, end, technique: t });
                    }
                }
                other => return Err(format!("a label is neither a name nor an object: {other}")),
            }
        }
        if list.iter().any(Value::is_object) || spans.is_some() {
            spans.get_or_insert_with(Vec::new);
        } else if list.is_empty() && s("paragraph").is_some() {
            spans = Some(Vec::new());
        }
        ls.sort();
        ls.dedup();
        labels = Some(ls);
    }
    let propaganda = match (s("label"), &labels) {
        (Some(l), _) => match l.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "propagandistic" => true,
            "false" | "0" | "no" | "non-propagandistic" => false,
            other => return Err(format!("`label` is {other:?}, not true or false")),
        },
        (None, Some(ls)) => !ls.is_empty(),
        (None, None) => return Err("no `labels` and no `label` field".into()),
    };
    Ok(Record { id, group, text, spans, labels, propaganda, kind: s("type").map(String::from) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_every_format() {
        let t = Taxonomy::embedded();
        let arm = json!({"page_id": "p1", "paragraph_id": "p1_001", "paragraph": "نص قصير جدا",
            "labels": [{"technique": "Loaded_Language", "text": "جدا", "start": 8, "end": 11}]});
        let r = record(&arm, &t).unwrap();
        assert_eq!(r.group, "p1");
        assert_eq!(r.spans.as_ref().unwrap()[0].end, 11);
        assert_eq!(r.labels.as_deref(), Some(&["Loaded_Language".to_string()][..]));
        assert!(r.propaganda);
        let b = json!({"id": "1", "text": "نص", "labels": ["no_technique"], "type": "tweet"});
        let r = record(&b, &t).unwrap();
        assert_eq!((r.labels.unwrap().len(), r.propaganda, r.spans), (0, false, None));
        let a = json!({"id": "2", "text": "نص", "label": "true"});
        assert!(record(&a, &t).unwrap().propaganda);
        let w = json!({"id": "3", "text": "نص قصير", "labels": [{"technique": "Smears", "start": 0, "end": 2}]});
        assert_eq!(record(&w, &t).unwrap().labels.unwrap(), ["Questioning_the_Reputation"]);
    }

    #[test]
    fn bad_records_say_what_is_wrong() {
        let t = Taxonomy::embedded();
        let e = record(&json!({"id": "1", "text": "نص", "labels": ["Magic"]}), &t).unwrap_err();
        assert!(e.contains("unknown technique \"Magic\""), "{e}");
        let e =
            record(&json!({"text": "نص", "labels": [{"technique": "Doubt", "start": 5, "end": 9}]}), &t).unwrap_err();
        assert!(e.contains("outside the text"), "{e}");
        assert!(record(&json!({"id": "1"}), &t).unwrap_err().contains("no `text`"));
        assert!(record(&json!({"text": "x", "label": "maybe"}), &t).unwrap_err().contains("maybe"));
    }
}
