//! Evaluation of events and claims (`marsad eval events`, `marsad eval claims`) on a
//! gold file of `docs/annotation/events_claims.md`, whose texts come from any JSON
//! Lines file (`--texts FILE --id-field id --text-field text`).
//!
//! Items are paired with gold items by overlapping spans (the trigger for events, the
//! asserted text for claims), one to one, largest overlap first; each field is then
//! scored on the pairs: a type or modality is right when equal; an actor, recipient or
//! speaker is a true positive when both sides name one and the spans overlap, a false
//! positive when marsad names one the gold does not (or elsewhere), a false negative
//! when the gold names one marsad misses.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;
use std::io::BufRead;
use std::path::Path;

use serde_json::{json, Value};

use super::expressions::{relaxed_pairs, Item};
use marsad::Pipeline;
use marsad_core::data::DataError;
use marsad_core::document::{Document, Metadata};
use marsad_core::metrics::prf;
use marsad_core::metrics::{percent, round2};
use marsad_core::span::CharIndex;

/// A character range.
type Range = (usize, usize);

/// One gold event.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldEvent {
    /// The trigger.
    pub trigger: Range,
    /// PLOVER type.
    pub event_type: String,
    /// Actor and recipient, when named.
    pub actor: Option<Range>,
    /// See `actor`.
    pub recipient: Option<Range>,
    /// Modality.
    pub modality: String,
}

/// One gold claim.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldClaim {
    /// The asserted text.
    pub span: Range,
    /// Source type.
    pub source_type: String,
    /// The source's span, when not the outlet.
    pub speaker: Option<Range>,
}

/// One annotated document.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldDoc {
    /// Record id.
    pub doc: String,
    /// Sentences the annotator counted.
    pub sentences: usize,
    /// Its events.
    pub events: Vec<GoldEvent>,
    /// Its claims.
    pub claims: Vec<GoldClaim>,
    /// Line in the gold file.
    pub line: usize,
}

fn range(v: &Value) -> Option<Range> {
    Some((v.get("start")?.as_u64()? as usize, v.get("end")?.as_u64()? as usize))
}

/// Reads a gold file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, DataError> {
    let err = |line: usize, message: String| DataError { file: path.to_owned(), line, message };
    let mut out = Vec::new();
    for (line, v) in marsad_core::data::json_lines(path)? {
        let doc = v.get("doc").and_then(Value::as_str).ok_or_else(|| err(line, "no \"doc\" string".into()))?.to_owned();
        let list =
            |k: &str| v.get(k).and_then(Value::as_array).cloned().ok_or_else(|| err(line, format!("no \"{k}\" list")));
        let str_of = |x: &Value, k: &str| x.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
        let mut events = Vec::new();
        for (i, e) in list("events")?.iter().enumerate() {
            let trigger =
                e.get("trigger").and_then(range).ok_or_else(|| err(line, format!("event {}: no trigger", i + 1)))?;
            events.push(GoldEvent {
                trigger,
                event_type: str_of(e, "type"),
                actor: e.get("actor").and_then(range),
                recipient: e.get("recipient").and_then(range),
                modality: str_of(e, "modality"),
            });
        }
        let mut claims = Vec::new();
        for (i, c) in list("claims")?.iter().enumerate() {
            let span = c.get("span").and_then(range).ok_or_else(|| err(line, format!("claim {}: no span", i + 1)))?;
            claims.push(GoldClaim {
                span,
                source_type: str_of(c, "source_type"),
                speaker: c.get("speaker").and_then(range),
            });
        }
        let sentences = v.get("sentences").and_then(Value::as_u64).unwrap_or(0) as usize;
        out.push(GoldDoc { doc, sentences, events, claims, line });
    }
    Ok(out)
}

/// Reads the texts of `ids` from a JSON Lines file, by the named fields.
pub fn read_texts(
    path: &Path,
    id_field: &str,
    text_field: &str,
    ids: &HashSet<&str>,
) -> Result<HashMap<String, String>, DataError> {
    let err = |line: usize, message: String| DataError { file: path.to_owned(), line, message };
    let file = std::fs::File::open(path).map_err(|e| err(0, marsad_core::data::io_reason(&e)))?;
    let mut out = HashMap::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| err(n + 1, marsad_core::data::io_reason(&e)))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line).map_err(|e| err(n + 1, format!("not JSON: {e}")))?;
        let Some(id) = v.get(id_field).and_then(Value::as_str) else {
            return Err(err(n + 1, format!("no \"{id_field}\" string field")));
        };
        if ids.contains(id) {
            let text = v
                .get(text_field)
                .and_then(Value::as_str)
                .ok_or_else(|| err(n + 1, format!("no \"{text_field}\" string field")))?;
            out.insert(id.to_owned(), text.to_owned());
        }
    }
    Ok(out)
}

/// True positives, false positives, false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// Right.
    pub tp: usize,
    /// Found but wrong or absent from the gold.
    pub fp: usize,
    /// In the gold but not found.
    pub fn_: usize,
}

impl Prf {
    fn json(&self) -> Value {
        let (p, r, f) = prf(self.tp, self.fp, self.fn_);
        json!({"precision": round2(p), "recall": round2(r), "f1": round2(f), "tp": self.tp, "fp": self.fp, "fn": self.fn_})
    }

    fn line(&self, name: &str) -> String {
        let (p, r, f) = prf(self.tp, self.fp, self.fn_);
        format!("{name:<14} {p:>9.2} {r:>9.2} {f:>9.2} {:>6} {:>6} {:>6}", self.tp, self.fp, self.fn_)
    }

    /// Scores an optional span field of a matched pair.
    fn add_span(&mut self, gold: Option<Range>, found: Option<Range>) {
        match (gold, found) {
            (Some(g), Some(f)) if g.0 < f.1 && f.0 < g.1 => self.tp += 1,
            (Some(_), Some(_)) => {
                self.fp += 1;
                self.fn_ += 1;
            }
            (Some(_), None) => self.fn_ += 1,
            (None, Some(_)) => self.fp += 1,
            (None, None) => {}
        }
    }
}

/// The scores of one layer: detection, and each field on the matched pairs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// Documents and the sentences the annotators counted in them.
    pub documents: usize,
    /// See `documents`.
    pub sentences: usize,
    /// Detection by overlapping spans.
    pub detection: Prf,
    /// Per field: label agreements (`type`, `modality`, `source_type`: tp = right,
    /// fp = fn = wrong) and spans (`actor`, `recipient`, `speaker`).
    pub fields: BTreeMap<&'static str, Prf>,
    /// Gold items per label (event types, source types), and how many were matched.
    pub per_label: BTreeMap<String, (usize, usize)>,
}

impl Scores {
    /// A readable report.
    pub fn report(&self, layer: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{layer}: {} documents, {} sentences", self.documents, self.sentences);
        let _ = writeln!(
            out,
            "{:<14} {:>9} {:>9} {:>9} {:>6} {:>6} {:>6}",
            "field", "precision", "recall", "F1", "tp", "fp", "fn"
        );
        let _ = writeln!(out, "{}", self.detection.line("detection"));
        for (name, s) in &self.fields {
            let _ = writeln!(out, "{}", s.line(name));
        }
        let _ = writeln!(out, "gold per label (found):");
        for (label, (gold, found)) in &self.per_label {
            let _ = writeln!(out, "  {label:<14} {gold:>4} ({found}, {:.0}%)", percent(*found, *gold));
        }
        out
    }

    /// The scores as JSON.
    pub fn to_json(&self, layer: &str) -> Value {
        let fields: serde_json::Map<String, Value> =
            self.fields.iter().map(|(k, v)| ((*k).to_owned(), v.json())).collect();
        let labels: serde_json::Map<String, Value> =
            self.per_label.iter().map(|(k, (g, f))| (k.clone(), json!({"gold": g, "found": f}))).collect();
        json!({"layer": layer, "documents": self.documents, "sentences": self.sentences,
               "detection": self.detection.json(), "fields": fields, "per_label": labels})
    }
}

fn item(r: Range) -> Item {
    Item { start: r.0, end: r.1, label: String::new(), value: None, unit: None }
}

fn label(s: &mut Scores, field: &'static str, right: bool) {
    let f = s.fields.entry(field).or_default();
    if right {
        f.tp += 1;
    } else {
        f.fp += 1;
        f.fn_ += 1;
    }
}

/// Analyses the gold documents and scores the events layer and the claims layer.
pub fn evaluate(gold: &[GoldDoc], texts: &HashMap<String, String>) -> (Scores, Scores) {
    let pipeline = Pipeline::new();
    let (mut ev, mut cl) = (Scores::default(), Scores::default());
    for g in gold {
        let text = &texts[&g.doc];
        let doc: Document = pipeline.analyze(text.as_str(), Metadata::default());
        let index = CharIndex::new(&doc.text);
        let ch = |s: marsad_core::span::Span| (index.char_of(s.start), index.char_of(s.end));
        for s in [&mut ev, &mut cl] {
            s.documents += 1;
            s.sentences += g.sentences;
        }
        // events
        let found: Vec<Item> = doc.events.iter().map(|e| item(ch(e.trigger.span))).collect();
        let gold_items: Vec<Item> = g.events.iter().map(|e| item(e.trigger)).collect();
        let pairs = relaxed_pairs(&gold_items, &found);
        ev.detection.tp += pairs.len();
        ev.detection.fp += found.len() - pairs.len();
        ev.detection.fn_ += gold_items.len() - pairs.len();
        for e in &g.events {
            ev.per_label.entry(e.event_type.clone()).or_default().0 += 1;
        }
        for &(gi, fi) in &pairs {
            let (ge, fe) = (&g.events[gi], &doc.events[fi]);
            ev.per_label.entry(ge.event_type.clone()).or_default().1 += 1;
            label(&mut ev, "type", ge.event_type == fe.event_type);
            label(&mut ev, "modality", ge.modality == marsad_core::names::serde_name(&fe.modality));
            ev.fields.entry("actor").or_default().add_span(ge.actor, fe.actor.as_ref().map(|p| ch(p.span)));
            ev.fields.entry("recipient").or_default().add_span(ge.recipient, fe.recipient.as_ref().map(|p| ch(p.span)));
        }
        // claims
        let found: Vec<Item> = doc.claims.iter().map(|c| item(ch(c.span))).collect();
        let gold_items: Vec<Item> = g.claims.iter().map(|c| item(c.span)).collect();
        let pairs = relaxed_pairs(&gold_items, &found);
        cl.detection.tp += pairs.len();
        cl.detection.fp += found.len() - pairs.len();
        cl.detection.fn_ += gold_items.len() - pairs.len();
        for c in &g.claims {
            cl.per_label.entry(c.source_type.clone()).or_default().0 += 1;
        }
        for &(gi, fi) in &pairs {
            let (gc, fc) = (&g.claims[gi], &doc.claims[fi]);
            cl.per_label.entry(gc.source_type.clone()).or_default().1 += 1;
            let found_type = match fc.source.kind {
                marsad::claims::SourceKind::Unknown => "vague".to_owned(),
                k => marsad_core::names::serde_name(&k),
            };
            label(&mut cl, "source_type", gc.source_type == found_type);
            cl.fields.entry("speaker").or_default().add_span(gc.speaker, fc.source.span.map(ch));
        }
    }
    (ev, cl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_fields_count_overlaps_misses_and_extras() {
        let mut p = Prf::default();
        p.add_span(Some((0, 5)), Some((3, 8)));
        p.add_span(Some((0, 5)), Some((6, 8)));
        p.add_span(Some((0, 5)), None);
        p.add_span(None, Some((0, 2)));
        p.add_span(None, None);
        assert_eq!((p.tp, p.fp, p.fn_), (1, 2, 2));
    }
}
