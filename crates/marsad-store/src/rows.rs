//! The queryable rows of an analysed document: its entities, events, claims,
//! persuasion techniques and tone, flattened into plain records with character
//! offsets into the stored text (as the JSON output counts them). They hold no SQL,
//! so every backend of [`Store`](crate::Store) writes the same rows.

use marsad_core::document::{Document, Participant, Source};
use marsad_core::span::{CharIndex, Span};
use serde::Serialize;

/// A `snake_case` name of an enum value, as the JSON output writes it.
fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// A span in character offsets `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

impl CharSpan {
    fn of(index: &CharIndex, span: Span) -> Self {
        CharSpan { start: index.char_of(span.start), end: index.char_of(span.end) }
    }
}

/// An entity of the document.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRow {
    /// Its id within the document (`E3`).
    pub key: String,
    /// `person`, `country`, `organization`…
    pub kind: String,
    /// Its name as the text gives it.
    pub name: String,
    /// Its English name, when linked.
    pub name_en: Option<String>,
    /// Its gazetteer link (`wikidata:Q…`), when linked.
    pub link: Option<String>,
    /// Its country (ISO 3166-1 alpha-3), when known.
    pub country: Option<String>,
    /// Latitude and longitude, for a place.
    pub coordinates: Option<(f64, f64)>,
    /// How many mentions refer to it.
    pub mentions: usize,
    /// Its first mention (or, for an entity named only by a reference such as a
    /// nationality adjective, its first reference).
    pub first: Option<CharSpan>,
    /// The rule that resolved it, and how sure it is.
    pub rule: String,
    /// Confidence.
    pub confidence: f32,
}

/// An actor or recipient of an event.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantRow {
    /// The words that name it.
    pub text: String,
    /// Where.
    pub span: CharSpan,
    /// Its entity (`E3`), when resolved.
    pub entity: Option<String>,
    /// The name of that entity.
    pub name: Option<String>,
    /// Its CAMEO-style code (`USAGOV`).
    pub code: Option<String>,
    /// Its country: the entity's, else the first three letters of the code.
    pub country: Option<String>,
}

/// An event of the document.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    /// PLOVER type (`CONSULT`…).
    pub event_type: String,
    /// PLOVER mode, when known.
    pub mode: Option<String>,
    /// Nearest CAMEO code.
    pub cameo: String,
    /// GDELT quad class.
    pub quad_class: u8,
    /// Goldstein value.
    pub goldstein: f32,
    /// `asserted`, `reported`, `denied`…
    pub modality: String,
    /// The trigger's words and span.
    pub trigger: (String, CharSpan),
    /// Its sentence (index).
    pub sentence: usize,
    /// Who acts.
    pub actor: Option<ParticipantRow>,
    /// To or with whom.
    pub recipient: Option<ParticipantRow>,
    /// Its date, as the time layer resolved it (`2015-07-21`, `2015-07`), when known.
    pub date: Option<String>,
    /// Where: the name of its place entity.
    pub location: Option<String>,
    /// Who reports it: `person`, `vague`, `outlet`…
    pub source_kind: Option<String>,
    /// PLOVER contexts, comma-separated.
    pub contexts: String,
    /// The rule.
    pub rule: String,
    /// Confidence.
    pub confidence: f32,
}

/// A claim of the document.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimRow {
    /// Its sentence (index).
    pub sentence: usize,
    /// Its words.
    pub span: CharSpan,
    /// Who makes it: `person`, `office`, `vague`, `outlet`…
    pub source_kind: String,
    /// The source's entity, when resolved.
    pub source_entity: Option<String>,
    /// The words that name the source.
    pub source_text: Option<String>,
    /// `asserts`, `denies`…
    pub stance: String,
    /// A hedge weakens it.
    pub hedged: bool,
    /// Its source is vague.
    pub vague: bool,
    /// Check-worthiness score.
    pub checkworthiness: f32,
    /// Rank among the document's claims (1 = most check-worthy).
    pub rank: usize,
    /// The rule.
    pub rule: String,
    /// Confidence.
    pub confidence: f32,
}

/// A persuasion technique found on a span.
#[derive(Clone, Debug, PartialEq)]
pub struct TechniqueRow {
    /// The technique (`loaded_language`…).
    pub technique: String,
    /// Its class.
    pub class: String,
    /// Where.
    pub span: CharSpan,
    /// The cue words, comma-separated.
    pub cues: String,
    /// The rule or model.
    pub rule: String,
    /// Confidence.
    pub confidence: f32,
}

/// The article's tone.
#[derive(Clone, Debug, PartialEq)]
pub struct ToneRow {
    /// Polar words counted.
    pub words: usize,
    /// Positive share.
    pub positive: f32,
    /// Negative share.
    pub negative: f32,
    /// Positive minus negative.
    pub tone: f32,
    /// Polarity.
    pub polarity: f32,
    /// Emotional density.
    pub emotional_density: f32,
    /// Group-reference density.
    pub group_density: f32,
    /// Whether the article as a whole reads as propagandistic.
    pub propagandistic: bool,
}

/// Every queryable row of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Rows {
    /// Entities.
    pub entities: Vec<EntityRow>,
    /// Events.
    pub events: Vec<EventRow>,
    /// Claims.
    pub claims: Vec<ClaimRow>,
    /// Techniques on spans.
    pub techniques: Vec<TechniqueRow>,
    /// Tone.
    pub tone: ToneRow,
}

impl Rows {
    /// The rows of an analysed document.
    pub fn of(doc: &Document) -> Rows {
        let index = CharIndex::new(&doc.text);
        let entity = |id: &str| doc.entities.iter().find(|e| e.id == id);
        let participant = |p: &Participant| {
            let e = p.entity.as_deref().and_then(entity);
            let code_country = p.code.as_ref().filter(|c| c.len() >= 3).map(|c| c[..3].to_owned());
            ParticipantRow {
                text: doc.slice(p.span).to_owned(),
                span: CharSpan::of(&index, p.span),
                entity: p.entity.clone(),
                name: e.map(|e| e.name.clone()),
                code: p.code.clone(),
                country: e.and_then(|e| e.country.clone()).or(code_country),
            }
        };
        let source_text = |s: &Source| s.span.map(|span| doc.slice(span).to_owned());
        let entities = doc
            .entities
            .iter()
            .map(|e| EntityRow {
                key: e.id.clone(),
                kind: name_of(&e.kind),
                name: e.name.clone(),
                name_en: e.name_en.clone(),
                link: e.link.clone(),
                country: e.country.clone(),
                coordinates: e.coordinates.as_ref().map(|c| (c.lat, c.lon)),
                mentions: e.mentions.len(),
                first: e
                    .mentions
                    .first()
                    .and_then(|&m| doc.mentions.get(m))
                    .map(|m| m.span)
                    .or_else(|| e.references.first().map(|r| r.span))
                    .map(|span| CharSpan::of(&index, span)),
                rule: e.origin.rule.to_string(),
                confidence: e.origin.confidence,
            })
            .collect();
        let events = doc
            .events
            .iter()
            .map(|ev| EventRow {
                event_type: ev.event_type.clone(),
                mode: ev.mode.clone(),
                cameo: ev.cameo.clone(),
                quad_class: ev.quad_class,
                goldstein: ev.goldstein,
                modality: name_of(&ev.modality),
                trigger: (doc.slice(ev.trigger.span).to_owned(), CharSpan::of(&index, ev.trigger.span)),
                sentence: ev.sentence,
                actor: ev.actor.as_ref().map(participant),
                recipient: ev.recipient.as_ref().map(participant),
                date: ev.time.and_then(|t| doc.times.get(t)).and_then(|t| t.value.clone()),
                location: ev.location.as_deref().and_then(entity).map(|e| e.name.clone()),
                source_kind: ev.source.as_ref().map(|s| name_of(&s.kind)),
                contexts: ev.contexts.join(","),
                rule: ev.origin.rule.to_string(),
                confidence: ev.origin.confidence,
            })
            .collect();
        let claims = doc
            .claims
            .iter()
            .map(|c| ClaimRow {
                sentence: c.sentence,
                span: CharSpan::of(&index, c.span),
                source_kind: name_of(&c.source.kind),
                source_entity: c.source.entity.clone(),
                source_text: source_text(&c.source),
                stance: name_of(&c.stance),
                hedged: c.hedged,
                vague: c.vague,
                checkworthiness: c.checkworthiness,
                rank: c.rank,
                rule: c.origin.rule.to_string(),
                confidence: c.origin.confidence,
            })
            .collect();
        let techniques = doc
            .techniques
            .spans
            .iter()
            .map(|t| TechniqueRow {
                technique: t.technique.clone(),
                class: t.class.clone(),
                span: CharSpan::of(&index, t.span),
                cues: t.cues.join(","),
                rule: t.origin.rule.to_string(),
                confidence: t.origin.confidence,
            })
            .collect();
        let a = &doc.tone.article;
        let tone = ToneRow {
            words: a.words,
            positive: a.positive,
            negative: a.negative,
            tone: a.tone,
            polarity: a.polarity,
            emotional_density: a.emotional_density,
            group_density: a.group_density,
            propagandistic: doc.techniques.summary.propagandistic,
        };
        Rows { entities, events, claims, techniques, tone }
    }
}
