//! One description of each layer for every renderer.
//!
//! The text report and the HTML page say the same things about an item — its kind,
//! its value or who it concerns, the notes that explain it, the rule or model that
//! made it and how sure it is — and differ only in how they draw it. This module says
//! it once: each function turns one layer of a [`Document`] into [`ItemView`]s, in
//! the layer's order; the renderers lay them out (a terminal line, a tooltip, a table
//! row). Adding a layer means adding its function here, and both renderers show it.

use marsad_core::document::{Document, Entity, Origin, Participant, RepairKind, Segmentation, Source, Upos};
use marsad_core::names::serde_name;
use marsad_core::span::Span;

/// What a renderer shows of one item of a layer.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemView {
    /// Where the item stands in the original text.
    pub span: Span,
    /// Its kind within the layer, as in JSON (`date`, `per`, `COERCE/arrest`).
    pub kind: String,
    /// Its value, or who and what it concerns, in words (`2022-11-16`, `23 billion USD`,
    /// `الجزائر [DZA] → روسيا [RUS], asserted`).
    pub value: String,
    /// What else explains it (the anchor of a date, the cues of a technique, the
    /// reasons of a claim's rank), in order.
    pub notes: Vec<String>,
    /// The rule or model that made it, and how sure it is.
    pub origin: Origin,
}

impl ItemView {
    /// The value and the notes as one line: `value; note; note`.
    pub fn summary(&self) -> String {
        let mut parts = vec![self.value.clone()];
        parts.extend(self.notes.iter().cloned());
        parts.retain(|p| !p.is_empty());
        parts.join("; ")
    }

    /// The rule and confidence as people read them: `clitics.frequency 0.94`.
    pub fn provenance(&self) -> String {
        format!("{} {}", self.origin.rule, format_confidence(self.origin.confidence))
    }
}

/// A number for people: integers without a fraction, huge values in exponent form.
pub fn format_value(v: f64) -> Option<String> {
    if !v.is_finite() {
        None
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        Some(format!("{}", v as i64))
    } else if v.abs() >= 1e15 {
        Some(format!("{v:e}"))
    } else {
        Some(format!("{v}"))
    }
}

/// A confidence for a reader: two decimals (`0.94`).
pub fn format_confidence(c: f32) -> String {
    format!("{c:.2}")
}

/// The name of a repair's kind, as in JSON (`run_on`).
pub fn repair_kind_name(kind: RepairKind) -> &'static str {
    match kind {
        RepairKind::RunOn => "run_on",
        RepairKind::GluedNumber => "glued_number",
        RepairKind::StrayLetter => "stray_letter",
        RepairKind::Misspelling => "misspelling",
    }
}

/// A word with its morphemes separated by `sep` (`و+ال+حكومة`).
pub fn segmented(doc: &Document, seg: &Segmentation, sep: &str) -> String {
    seg.morphemes.iter().map(|m| doc.slice(m.span)).collect::<Vec<_>>().join(sep)
}

/// Who a source is, in words: its kind, the text naming it, the person it is.
pub fn source_words(doc: &Document, s: &Source) -> String {
    s.describe(doc)
}

/// A participant of an event in words: its text and its code (`الجزائر [DZA]`), or `?`.
pub fn participant_words(doc: &Document, p: Option<&Participant>) -> String {
    match p {
        Some(p) => match &p.code {
            Some(c) => format!("{} [{c}]", doc.slice(p.span)),
            None => doc.slice(p.span).to_owned(),
        },
        None => "?".to_owned(),
    }
}

/// The time expressions: kind, ISO value, anchor (with the text an inferred year comes
/// from) and calendar.
pub fn times(doc: &Document) -> Vec<ItemView> {
    (0..doc.times.len()).map(|i| time(doc, i)).collect()
}

/// The view of time expression `i` (see [`times`]).
pub fn time(doc: &Document, i: usize) -> ItemView {
    let t = &doc.times[i];
    let mut anchor = serde_name(&t.anchor);
    if let Some(e) = t.evidence {
        anchor = format!("{anchor} from «{}»", doc.slice(e.span));
    }
    ItemView {
        span: t.span,
        kind: serde_name(&t.kind),
        value: t.value.clone().unwrap_or_else(|| "?".to_owned()),
        notes: vec![anchor, serde_name(&t.calendar)],
        origin: t.origin.clone(),
    }
}

/// The quantities: kind and value with its qualifier and unit (`about 23000000000 USD`).
pub fn quantities(doc: &Document) -> Vec<ItemView> {
    (0..doc.quantities.len()).map(|i| quantity(doc, i)).collect()
}

/// The view of quantity `i` (see [`quantities`]).
pub fn quantity(doc: &Document, i: usize) -> ItemView {
    let q = &doc.quantities[i];
    let mut value = q.value.and_then(format_value).unwrap_or_else(|| "?".to_owned());
    if let Some(unit) = &q.unit {
        value = format!("{value} {unit}");
    }
    if let Some(qual) = q.qualifier {
        value = format!("{} {value}", serde_name(&qual));
    }
    ItemView { span: q.span, kind: serde_name(&q.kind), value, notes: Vec::new(), origin: q.origin.clone() }
}

/// The named-entity mentions: kind, the entity each resolves to, the gazetteer entries
/// inside it.
pub fn mentions(doc: &Document) -> Vec<ItemView> {
    let entities = entity_of_mentions(doc);
    (0..doc.mentions.len()).map(|i| mention(doc, i, entities[i].map(|e| &doc.entities[e]))).collect()
}

/// For every mention, the first entity that holds it, if any: found once for the
/// whole document rather than by searching every entity for each mention.
pub fn entity_of_mentions(doc: &Document) -> Vec<Option<usize>> {
    let mut of = vec![None; doc.mentions.len()];
    for (e, entity) in doc.entities.iter().enumerate() {
        for &m in &entity.mentions {
            if let Some(slot @ None) = of.get_mut(m) {
                *slot = Some(e);
            }
        }
    }
    of
}

/// The view of mention `i` (see [`mentions`]), given the entity it resolves to.
pub fn mention(doc: &Document, i: usize, entity: Option<&Entity>) -> ItemView {
    let m = &doc.mentions[i];
    let value = entity.map_or(String::new(), |e| {
        let link = e.link.as_deref().unwrap_or("unresolved");
        let metonymy = if e.metonymy.contains(&i) { ", metonymy" } else { "" };
        format!("→ {} {} ({link}{metonymy})", e.id, e.name)
    });
    let ids: Vec<String> = m.gazetteer.iter().map(|g| format!("{} {}", g.kind.name(), g.id)).collect();
    let notes = if ids.is_empty() { Vec::new() } else { vec![format!("gazetteer: {}", ids.join(", "))] };
    ItemView { span: m.span, kind: m.kind.name().to_owned(), value, notes, origin: m.origin.clone() }
}

/// The entities, in order of first mention: kind, name, what they are linked to and
/// where they are; notes list their mentions, roles and the alternatives. The span is
/// the first place the text names it.
pub fn entities(doc: &Document) -> Vec<ItemView> {
    doc.entities
        .iter()
        .map(|e| {
            let mut what = vec![e.name.clone()];
            what.extend(e.link.clone());
            what.extend(e.name_en.clone());
            if let Some(c) = e.coordinates {
                what.push(format!("{:.2}, {:.2}", c.lat, c.lon));
            } else if let Some(c) = e.country.as_ref().filter(|c| e.link.as_deref() != Some(&format!("country:{c}"))) {
                what.push(c.clone());
            }
            let mut names: Vec<(Span, String)> = e
                .mentions
                .iter()
                .map(|&m| {
                    let span = doc.mentions[m].span;
                    let metonymy = if e.metonymy.contains(&m) { " (metonymy)" } else { "" };
                    (span, format!("{}{metonymy}", doc.slice(span)))
                })
                .collect();
            names.extend(e.references.iter().map(|r| (r.span, doc.slice(r.span).to_owned())));
            if names.is_empty() {
                // an office named without its holder: where it is named
                names.extend(e.roles.iter().map(|r| (r.span, doc.slice(r.span).to_owned())));
            }
            let span = names.iter().map(|n| n.0).min_by_key(|s| s.start).unwrap_or_default();
            let mut notes = vec![format!("«{}»", names.iter().map(|n| n.1.as_str()).collect::<Vec<_>>().join("، "))];
            notes.extend(e.roles.iter().map(|r| format!("role: «{}» {}", doc.slice(r.span), r.describe())));
            if !e.alternatives.is_empty() {
                let alts: Vec<String> = e
                    .alternatives
                    .iter()
                    .map(|a| format!("{} {} {}", a.link, a.name, format_confidence(a.confidence)))
                    .collect();
                notes.push(format!("or: {}", alts.join("; ")));
            }
            ItemView { span, kind: serde_name(&e.kind), value: what.join("  "), notes, origin: e.origin.clone() }
        })
        .collect()
}

/// The events: type and mode, CAMEO code, actor → recipient, modality (and who
/// reports it), date and contexts.
pub fn events(doc: &Document) -> Vec<ItemView> {
    (0..doc.events.len()).map(|i| event(doc, i)).collect()
}

/// The view of event `i` (see [`events`]).
pub fn event(doc: &Document, i: usize) -> ItemView {
    let e = &doc.events[i];
    let kind = match &e.mode {
        Some(m) => format!("{}/{m}", e.event_type),
        None => e.event_type.clone(),
    };
    let mut modality = serde_name(&e.modality);
    if let Some(s) = &e.source {
        modality = format!("{modality} by {}", source_words(doc, s));
    }
    let value = format!(
        "{} → {}, {modality}",
        participant_words(doc, e.actor.as_ref()),
        participant_words(doc, e.recipient.as_ref())
    );
    let mut notes = vec![format!("CAMEO {}", e.cameo)];
    notes.extend(e.time.and_then(|t| doc.times.get(t)).and_then(|t| t.value.clone()));
    notes.extend(e.location.clone());
    if !e.contexts.is_empty() {
        notes.push(format!("contexts: {}", e.contexts.join(", ")));
    }
    ItemView { span: e.trigger.span, kind, value, notes, origin: e.origin.clone() }
}

/// The quotations and reports of speech: kind and stance, the speaker.
pub fn quotations(doc: &Document) -> Vec<ItemView> {
    (0..doc.quotations.len()).map(|i| quotation(doc, i)).collect()
}

/// The view of quotation `i` (see [`quotations`]).
pub fn quotation(doc: &Document, i: usize) -> ItemView {
    let q = &doc.quotations[i];
    ItemView {
        span: q.span,
        kind: format!("{} {}", serde_name(&q.kind), serde_name(&q.stance)),
        value: source_words(doc, &q.speaker),
        notes: Vec::new(),
        origin: q.origin.clone(),
    }
}

/// The claims, in text order: rank and check-worthiness, source (hedged or vague
/// marked), the reasons for the rank.
pub fn claims(doc: &Document) -> Vec<ItemView> {
    (0..doc.claims.len()).map(|i| claim(doc, i)).collect()
}

/// The view of claim `i` (see [`claims`]).
pub fn claim(doc: &Document, i: usize) -> ItemView {
    let c = &doc.claims[i];
    let flags: Vec<&str> =
        [(c.hedged, "hedged"), (c.vague, "vague source")].iter().filter(|f| f.0).map(|f| f.1).collect();
    let mut value =
        format!("#{} check-worthiness {:.2}, source: {}", c.rank, c.checkworthiness, source_words(doc, &c.source));
    if !flags.is_empty() {
        value.push_str(&format!(" ({})", flags.join(", ")));
    }
    ItemView {
        span: c.span,
        kind: if c.rank <= 3 { "top".to_owned() } else { "claim".to_owned() },
        value,
        notes: c.reasons.clone(),
        origin: c.origin.clone(),
    }
}

/// The persuasion-technique spans: technique and class, the cues inside.
pub fn techniques(doc: &Document) -> Vec<ItemView> {
    (0..doc.techniques.spans.len()).map(|i| technique(doc, i)).collect()
}

/// The view of technique span `i` (see [`techniques`]).
pub fn technique(doc: &Document, i: usize) -> ItemView {
    let t = &doc.techniques.spans[i];
    ItemView {
        span: t.span,
        kind: t.technique.clone(),
        value: t.class.clone(),
        notes: if t.cues.is_empty() { Vec::new() } else { vec![format!("evidence: {}", t.cues.join(", "))] },
        origin: t.origin.clone(),
    }
}

/// A percentile of ordinary news in words: "typical of news" up to the 75th, else
/// "at the 97th percentile of news".
pub fn percentile_phrase(p: f32) -> String {
    if p <= 75.0 {
        return "typical of news".to_owned();
    }
    let n = p.round() as u32;
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("at the {n}{suffix} percentile of news")
}

/// The words of the polarity lexicon found in the text: their weight here and in the
/// lexicon, and the modifier before them.
pub fn polar_words(doc: &Document) -> Vec<ItemView> {
    (0..doc.tone.words.len()).map(|i| polar_word(doc, i)).collect()
}

/// The view of polar word `i` (see [`polar_words`]).
pub fn polar_word(doc: &Document, i: usize) -> ItemView {
    let w = &doc.tone.words[i];
    let modifier = w.modifier.as_deref().map_or(String::new(), |m| format!(", after {m}"));
    ItemView {
        span: w.span,
        kind: if w.polarity > 0.0 { "positive".to_owned() } else { "negative".to_owned() },
        value: format!("{:+.2} (lexicon {:+.2}{modifier})", w.polarity, w.prior),
        notes: Vec::new(),
        origin: Origin::rule("tone.lexicon", 1.0),
    }
}

/// A tag in words (`NOUN` → `noun`).
pub fn upos_words(tag: Upos) -> &'static str {
    match tag {
        Upos::Adj => "adjective",
        Upos::Adp => "adposition",
        Upos::Adv => "adverb",
        Upos::Aux => "auxiliary",
        Upos::Cconj => "coordinating conjunction",
        Upos::Det => "determiner",
        Upos::Intj => "interjection",
        Upos::Noun => "noun",
        Upos::Num => "numeral",
        Upos::Part => "particle",
        Upos::Pron => "pronoun",
        Upos::Propn => "proper noun",
        Upos::Punct => "punctuation",
        Upos::Sconj => "subordinating conjunction",
        Upos::Sym => "symbol",
        Upos::Verb => "verb",
        Upos::X => "other (foreign word or name)",
    }
}

/// The parts of speech: the tag of each token or clitic piece, in words; a piece
/// names its word.
pub fn pos(doc: &Document) -> Vec<ItemView> {
    (0..doc.pos.len()).map(|i| pos_tag(doc, i)).collect()
}

/// The view of part-of-speech tag `i` (see [`pos`]).
pub fn pos_tag(doc: &Document, i: usize) -> ItemView {
    let p = &doc.pos[i];
    let word = doc.tokens.get(p.token).map(|t| t.span);
    let notes = match word {
        Some(w) if w != p.span => vec![format!("piece of {}", doc.slice(w))],
        _ => Vec::new(),
    };
    ItemView {
        span: p.span,
        kind: p.tag.name().to_owned(),
        value: upos_words(p.tag).to_owned(),
        notes,
        origin: p.origin.origin(),
    }
}

/// The suggested repairs: kind, the text and its replacement.
pub fn repairs(doc: &Document) -> Vec<ItemView> {
    (0..doc.repairs.len()).map(|i| repair(doc, i)).collect()
}

/// The view of repair `i` (see [`repairs`]).
pub fn repair(doc: &Document, i: usize) -> ItemView {
    let r = &doc.repairs[i];
    let suggestion = if r.suggestion.is_empty() { "(delete)" } else { r.suggestion.as_str() };
    ItemView {
        span: r.span,
        kind: repair_kind_name(r.kind).to_owned(),
        value: format!("→ {suggestion}"),
        notes: Vec::new(),
        origin: r.origin.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad::{Metadata, Pipeline};

    #[test]
    fn every_item_of_a_layer_has_a_view_in_order() {
        let text =
            "قال وزير الخارجية الجزائري أحمد عطاف في الجزائر يوم 16 نوفمبر 2022 إن بلاده ستقدم 23 مليار دولار لروسيا.";
        let doc =
            Pipeline::new().analyze(text, Metadata { published: Some("2022-11-20".into()), ..Default::default() });
        assert_eq!(times(&doc).len(), doc.times.len());
        assert_eq!(quantities(&doc).len(), doc.quantities.len());
        assert_eq!(mentions(&doc).len(), doc.mentions.len());
        assert_eq!(entities(&doc).len(), doc.entities.len());
        assert_eq!(claims(&doc).len(), doc.claims.len());
        let t = &times(&doc)[0];
        assert_eq!((t.kind.as_str(), t.value.as_str()), ("date", "2022-11-16"), "{t:?}");
        assert!(t.summary().starts_with("2022-11-16; absolute"), "{}", t.summary());
        let q = quantities(&doc).into_iter().find(|q| q.kind == "money").expect("the amount is money");
        assert_eq!(q.value, "23000000000 USD");
        assert!(entities(&doc).iter().all(|e| e.span.end > e.span.start || e.notes[0] == "«»"));
    }
}
