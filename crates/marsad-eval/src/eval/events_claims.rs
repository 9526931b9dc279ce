//! Evaluation of events and claims (`marsad eval events`, `marsad eval claims`) on a
//! gold file of `docs/annotation/events_claims.md` (by default `gold/events/dev.jsonl`),
//! whose texts come from JSON Lines files (`--texts FILE`, repeatable; both news corpora
//! by default).
//!
//! Items are paired with gold items by overlapping spans (the trigger for events, the
//! asserted text for claims), one to one, largest overlap first; each field is then
//! scored on the pairs: a type or modality is right when equal; an actor, recipient or
//! speaker is a true positive when both sides name one and the spans overlap, a false
//! positive when marsad names one the gold does not (or elsewhere), a false negative
//! when the gold names one marsad misses.
//!
//! `type+actor+recipient` scores whole events: a matched pair counts only when the
//! PLOVER type is equal and the actor and the recipient each agree (spans overlap, or
//! both resolve to the same ISO 3166 alpha-3 country; a gold event without one wants
//! none); every other system event is a false positive, every other gold event a false
//! negative.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;
use std::io::BufRead;
use std::path::Path;

use serde_json::{json, Value};

use super::expressions::{relaxed_pairs, Item};
use marsad::Pipeline;
use marsad_core::data::DataError;
use marsad_core::document::{Document, Metadata, TokenKind};
use marsad_core::metrics::{percent, Baselines, Counts};
use marsad_core::span::{CharIndex, Span};

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
    /// The actor's and the recipient's countries (ISO 3166 alpha-3), when the
    /// annotator gave them.
    pub actor_country: Option<String>,
    /// See `actor_country`.
    pub recipient_country: Option<String>,
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

fn country(v: Option<&Value>) -> Option<String> {
    v?.get("country")?.as_str().filter(|c| !c.is_empty()).map(str::to_owned)
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
                actor_country: country(e.get("actor")),
                recipient_country: country(e.get("recipient")),
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

/// Reads the texts of `ids` from JSON Lines files, by the named fields (an id found
/// in two files keeps its first text).
pub fn read_texts<P: AsRef<Path>>(
    paths: &[P],
    id_field: &str,
    text_field: &str,
    ids: &HashSet<&str>,
) -> Result<HashMap<String, String>, DataError> {
    let mut out = HashMap::new();
    for p in paths {
        for (id, text) in read_texts_of(p.as_ref(), id_field, text_field, ids)? {
            out.entry(id).or_insert(text);
        }
    }
    Ok(out)
}

fn read_texts_of(
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

/// The line of a report for one field's counts.
fn line(c: &Counts, name: &str) -> String {
    let (p, r, f) = c.prf();
    format!("{name:<14} {p:>9.2} {r:>9.2} {f:>9.2} {:>6} {:>6} {:>6}", c.tp, c.fp, c.fn_)
}

/// Scores an optional span field of a matched pair: both named and overlapping is right,
/// named elsewhere is both a false positive and a false negative.
fn add_span(c: &mut Counts, gold: Option<Range>, found: Option<Range>) {
    match (gold, found) {
        (Some(g), Some(f)) if g.0 < f.1 && f.0 < g.1 => c.tp += 1,
        (Some(_), Some(_)) => {
            c.fp += 1;
            c.fn_ += 1;
        }
        (Some(_), None) => c.fn_ += 1,
        (None, Some(_)) => c.fp += 1,
        (None, None) => {}
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
    pub detection: Counts,
    /// Per field: label agreements (`type`, `modality`, `source_type`: tp = right,
    /// fp = fn = wrong) and spans (`actor`, `recipient`, `speaker`).
    pub fields: BTreeMap<&'static str, Counts>,
    /// Whole events (`type+actor+recipient`, module comment); events only.
    pub whole: Counts,
    /// Gold items per label (event types, source types), and how many were matched.
    pub per_label: BTreeMap<String, (usize, usize)>,
    /// What trivial systems score on the same documents: detection by every candidate
    /// (every sentence for claims, every trigger-lexicon word for events) and the
    /// constant answer for each label field on the matched pairs.
    pub baselines: Baselines,
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
        let _ = writeln!(out, "{}", line(&self.detection, "detection"));
        for (name, s) in &self.fields {
            let _ = writeln!(out, "{}", line(s, name));
        }
        if self.whole != Counts::default() || layer == "events" {
            let _ = writeln!(out, "{}", line(&self.whole, "type+act+rec"));
            if let Some(m) = self.fields.get("modality") {
                let _ = writeln!(out, "modality accuracy (matched): {:.2}", m.f1());
            }
        }
        out.push_str(&self.baselines.report());
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
               "detection": self.detection.json(), "type_actor_recipient": self.whole.json(), "fields": fields, "per_label": labels,
               "baselines": self.baselines.json()})
    }
}

fn item(r: Range) -> Item {
    Item { start: r.0, end: r.1, label: String::new(), value: None, unit: None }
}

fn label(s: &mut Scores, field: &'static str, right: bool) {
    s.fields.entry(field).or_default().label(right);
}

/// The words of a document that begin an entry of the event-trigger lexicon (as written
/// or without their clitics): the candidates of the "every trigger-lexicon hit" baseline.
/// Each comes with the type of its first lexicon entry.
fn trigger_lexicon_hits(doc: &Document, lex: &marsad::events::lexicon::EventLexicon) -> Vec<(Span, &'static str)> {
    (0..doc.tokens.len())
        .filter_map(|i| {
            let t = &doc.tokens[i];
            let list = lex.by_first.get(t.key.as_str()).or_else(|| lex.by_first.get(doc.stem_key(i).as_ref()))?;
            Some((t.span, lex.triggers[list[0]].event_type))
        })
        .collect()
}

/// The sentences of a document with at least `min_words` words, as claim candidates.
fn sentences_with(doc: &Document, min_words: usize) -> Vec<Span> {
    doc.sentences
        .iter()
        .filter(|s| {
            doc.sentence_tokens(s).iter().filter(|t| matches!(t.kind, TokenKind::Arabic | TokenKind::Latin)).count()
                >= min_words
        })
        .map(|s| s.span)
        .collect()
}

/// Detection counts of candidate spans against gold items (paired as the model is).
fn detect(gold: &[Item], found: &[Item]) -> Counts {
    Counts::detection(gold.len(), found.len(), relaxed_pairs(gold, found).len())
}

/// The share (percent) of matched pairs whose gold label is the most frequent one.
fn constant_label(labels: &[String]) -> (String, f64) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for l in labels {
        *counts.entry(l.as_str()).or_default() += 1;
    }
    let best = counts.iter().max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l)));
    best.map_or((String::new(), 0.0), |(l, n)| ((*l).to_owned(), percent(*n, labels.len())))
}

/// Whether a system participant agrees with a gold one: both absent, or spans that
/// overlap, or the same country.
fn agrees(gold: Option<Range>, gold_country: Option<&str>, found: Option<(Range, Option<&str>)>) -> bool {
    match (gold, found) {
        (None, None) => true,
        (Some(g), Some((f, country))) => {
            (g.0 < f.1 && f.0 < g.1) || (gold_country.is_some() && gold_country == country)
        }
        _ => false,
    }
}

/// The country (ISO 3166 alpha-3) of a participant's entity.
fn participant_country<'d>(doc: &'d Document, p: &marsad_core::document::Participant) -> Option<&'d str> {
    let id = p.entity.as_deref()?;
    doc.entities.iter().find(|e| e.id == id)?.country.as_deref()
}

/// What the events of one document add to the scores.
#[derive(Default)]
pub struct EventTally {
    /// Gold types of the matched pairs (the constant-type baseline).
    pub types: Vec<String>,
    /// Gold modalities of the matched pairs (the constant-modality baseline).
    pub modalities: Vec<String>,
    /// Every trigger-lexicon hit as an event.
    pub every_trigger: Counts,
    /// Trigger-lexicon hits typed by the lexicon, the first entity of the sentence as
    /// actor and no recipient, scored as `type+actor+recipient`.
    pub lexicon_first_entity: Counts,
}

/// Scores `events` (found in `doc`) against gold document `g` into `ev`.
pub fn score_events(
    ev: &mut Scores,
    tally: &mut EventTally,
    g: &GoldDoc,
    doc: &Document,
    events: &[marsad_core::document::Event],
    lexicon: &marsad::events::lexicon::EventLexicon,
) {
    let index = CharIndex::new(&doc.text);
    let ch = |s: Span| (index.char_of(s.start), index.char_of(s.end));
    ev.documents += 1;
    ev.sentences += g.sentences;
    let found: Vec<Item> = events.iter().map(|e| item(ch(e.trigger.span))).collect();
    let gold_items: Vec<Item> = g.events.iter().map(|e| item(e.trigger)).collect();
    let pairs = relaxed_pairs(&gold_items, &found);
    ev.detection.add(Counts::detection(gold_items.len(), found.len(), pairs.len()));
    let hits = trigger_lexicon_hits(doc, lexicon);
    let hit_items: Vec<Item> = hits.iter().map(|(s, _)| item(ch(*s))).collect();
    tally.every_trigger.add(detect(&gold_items, &hit_items));
    // the lexicon baseline of whole events
    let hit_pairs = relaxed_pairs(&gold_items, &hit_items);
    let first_entity = |at: Span| {
        let s = doc.sentences.iter().find(|s| s.span.start <= at.start && at.start < s.span.end)?;
        let m = doc.mentions.iter().find(|m| m.span.start >= s.span.start && m.span.end <= s.span.end)?;
        let country = doc
            .entities
            .iter()
            .find(|e| e.mentions.iter().any(|&k| doc.mentions[k].span == m.span))
            .and_then(|e| e.country.as_deref());
        Some((ch(m.span), country))
    };
    let right = hit_pairs
        .iter()
        .filter(|&&(gi, hi)| {
            let ge = &g.events[gi];
            ge.event_type == hits[hi].1
                && agrees(ge.actor, ge.actor_country.as_deref(), first_entity(hits[hi].0))
                && ge.recipient.is_none()
        })
        .count();
    tally.lexicon_first_entity.add(Counts::detection(gold_items.len(), hit_items.len(), right));
    for e in &g.events {
        ev.per_label.entry(e.event_type.clone()).or_default().0 += 1;
    }
    let mut whole = 0;
    for &(gi, fi) in &pairs {
        let (ge, fe) = (&g.events[gi], &events[fi]);
        ev.per_label.entry(ge.event_type.clone()).or_default().1 += 1;
        tally.types.push(ge.event_type.clone());
        tally.modalities.push(ge.modality.clone());
        label(ev, "type", ge.event_type == fe.event_type);
        label(ev, "modality", ge.modality == marsad_core::names::serde_name(&fe.modality));
        add_span(ev.fields.entry("actor").or_default(), ge.actor, fe.actor.as_ref().map(|p| ch(p.span)));
        add_span(ev.fields.entry("recipient").or_default(), ge.recipient, fe.recipient.as_ref().map(|p| ch(p.span)));
        let side = |p: &Option<marsad_core::document::Participant>| {
            p.as_ref().map(|p| (ch(p.span), participant_country(doc, p)))
        };
        if ge.event_type == fe.event_type
            && agrees(ge.actor, ge.actor_country.as_deref(), side(&fe.actor))
            && agrees(ge.recipient, ge.recipient_country.as_deref(), side(&fe.recipient))
        {
            whole += 1;
        }
    }
    ev.whole.add(Counts::detection(gold_items.len(), found.len(), whole));
}

/// Sets the baselines of the events scores from the tally.
pub fn set_event_baselines(ev: &mut Scores, tally: &EventTally) {
    ev.baselines.set_prf("every_trigger_lexicon_hit", tally.every_trigger);
    ev.baselines.set_prf("lexicon_type_first_entity_actor (type+actor+recipient)", tally.lexicon_first_entity);
    let (t, share) = constant_label(&tally.types);
    ev.baselines.set(&format!("constant_type_{t}"), "type_accuracy", share);
    let (m, share) = constant_label(&tally.modalities);
    ev.baselines.set(&format!("constant_modality_{m}"), "modality_accuracy", share);
}

/// Analyses the gold documents and scores the events layer and the claims layer.
pub fn evaluate(gold: &[GoldDoc], texts: &HashMap<String, String>) -> (Scores, Scores) {
    let pipeline = Pipeline::new();
    let lexicon = &pipeline.resources().events;
    let (mut ev, mut cl) = (Scores::default(), Scores::default());
    let mut tally = EventTally::default();
    let (mut every_sentence, mut long_sentences) = (Counts::default(), Counts::default());
    let mut source_types = Vec::new();
    for g in gold {
        let text = &texts[&g.doc];
        let doc: Document = pipeline.analyze(text.as_str(), Metadata::default());
        let index = CharIndex::new(&doc.text);
        let ch = |s: marsad_core::span::Span| (index.char_of(s.start), index.char_of(s.end));
        score_events(&mut ev, &mut tally, g, &doc, &doc.events, lexicon);
        cl.documents += 1;
        cl.sentences += g.sentences;
        // claims
        let found: Vec<Item> = doc.claims.iter().map(|c| item(ch(c.span))).collect();
        let gold_items: Vec<Item> = g.claims.iter().map(|c| item(c.span)).collect();
        let pairs = relaxed_pairs(&gold_items, &found);
        cl.detection.add(Counts::detection(gold_items.len(), found.len(), pairs.len()));
        let all: Vec<Item> = sentences_with(&doc, 1).into_iter().map(|s| item(ch(s))).collect();
        every_sentence.add(detect(&gold_items, &all));
        let long: Vec<Item> = sentences_with(&doc, 6).into_iter().map(|s| item(ch(s))).collect();
        long_sentences.add(detect(&gold_items, &long));
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
            source_types.push(gc.source_type.clone());
            label(&mut cl, "source_type", gc.source_type == found_type);
            add_span(cl.fields.entry("speaker").or_default(), gc.speaker, fc.source.span.map(ch));
        }
    }
    set_event_baselines(&mut ev, &tally);
    cl.baselines.set_prf("every_sentence", every_sentence);
    cl.baselines.set_prf("every_sentence_of_6_words", long_sentences);
    let (k, share) = constant_label(&source_types);
    cl.baselines.set(&format!("constant_source_{k}"), "source_type_accuracy", share);
    (ev, cl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_fields_count_overlaps_misses_and_extras() {
        let mut p = Counts::default();
        add_span(&mut p, Some((0, 5)), Some((3, 8)));
        add_span(&mut p, Some((0, 5)), Some((6, 8)));
        add_span(&mut p, Some((0, 5)), None);
        add_span(&mut p, None, Some((0, 2)));
        add_span(&mut p, None, None);
        assert_eq!((p.tp, p.fp, p.fn_), (1, 2, 2));
    }
}
