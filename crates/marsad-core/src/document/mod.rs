//! The [`Document`]: the original text, its metadata, and the stand-off layers
//! that the pipeline stages add to it.
//!
//! The original text is never modified. Every layer is a list of items holding
//! [`Span`]s (byte offsets) into it, and every item says which rule or model made
//! it and with what confidence ([`Origin`]).

pub mod layers;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::normalize::NormalizedView;
use crate::span::Span;
pub use layers::claims::{Claim, Quotation, QuoteKind, Source, SourceKind, Stance};
pub use layers::entities::{
    Candidate, Coordinates, Entity, EntityKind, GazKind, GazetteerRef, Mention, MentionKind, Reference, Role, MAX_REFS,
};
pub use layers::events::{Event, Modality, Participant};
pub use layers::pos::{PosOrigin, PosTag, Upos};
pub use layers::quantity::{Qualifier, Quantity, QuantityKind};
pub use layers::techniques::{
    ClassCount, Label, ParagraphTechniques, Summary, TechniqueCount, TechniqueSpan, Techniques,
};
pub use layers::text::{
    Morpheme, MorphemeRole, Paragraph, Repair, RepairKind, Segmentation, Sentence, SentenceKind, Token, TokenKind,
    TokenRule,
};
pub use layers::time::{Anchor, Calendar, Evidence, TimeExpr, TimeKind};
pub use layers::tone::{ActorTone, Clause, PolarWord, Tone, ToneScores};

/// Version of the JSON document schema (`docs/schema/document.schema.json`).
///
/// Bumped on every change that could break a reader: a renamed or removed field,
/// a changed meaning. Adding a layer or an optional field bumps the minor part.
pub const SCHEMA_VERSION: &str = "1.8";

/// Which rule or model produced an item, and how sure it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Origin {
    /// A stable, dotted name of the rule or model, e.g. `clitics.frequency`.
    pub rule: Cow<'static, str>,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}

impl Origin {
    /// An origin for a fixed rule name.
    pub const fn rule(rule: &'static str, confidence: f32) -> Self {
        Origin { rule: Cow::Borrowed(rule), confidence }
    }
}

/// What is known about an article apart from its text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Headline or page title, when the input gives one.
    pub title: Option<String>,
    /// Publishing outlet (newspaper, agency, site).
    pub outlet: Option<String>,
    /// Address the article was published at.
    pub url: Option<String>,
    /// Publication date as `YYYY-MM-DD`, when known.
    pub published: Option<String>,
    /// Language of the text as an ISO 639-1 code (`ar` for Arabic), as detected.
    pub language: Option<String>,
    /// Where the text came from: a path, `-` for standard input, or a record id.
    pub source: Option<String>,
    /// The character encoding the input was decoded from (e.g. `UTF-8`, `windows-1256`).
    pub encoding: Option<String>,
}

/// A problem with the input as a whole that does not stop the analysis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// A stable code, e.g. `not_arabic`.
    pub code: String,
    /// A sentence for a person.
    pub message: String,
}

/// An article under analysis: the original text, its metadata and its layers.
///
/// Stages of the pipeline (the `marsad` crate) add layers in a fixed order; each
/// reads the layers before it and never edits them.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Document {
    /// The text exactly as decoded from the input. Never modified.
    pub text: String,
    /// What is known about the article.
    pub meta: Metadata,
    /// Problems with the input that did not stop the analysis.
    pub warnings: Vec<Warning>,
    /// The normalised view of the text, with its offset map.
    pub normalized: NormalizedView,
    /// Tokens, in text order.
    pub tokens: Vec<Token>,
    /// Clitic segmentations of the Arabic words that have clitics, in token order.
    pub clitics: Vec<Segmentation>,
    /// Sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// Paragraphs, in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Suggested repairs, in text order.
    pub repairs: Vec<Repair>,
    /// Parts of speech: one tag per token, or per clitic piece of a split word, in text order.
    pub pos: Vec<PosTag>,
    /// Time expressions (dates, intervals, durations, times of day), in text order.
    pub times: Vec<TimeExpr>,
    /// Quantities (numbers, money, percentages, counts, ordinals, measures), in text order.
    pub quantities: Vec<Quantity>,
    /// Named-entity mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Entities the mentions resolve to, in order of first mention.
    pub entities: Vec<Entity>,
    /// Direct quotations and reports of speech, in text order.
    pub quotations: Vec<Quotation>,
    /// Claims, in text order, each with its check-worthiness rank.
    pub claims: Vec<Claim>,
    /// Events (PLOVER), in text order.
    pub events: Vec<Event>,
    /// Tone: the article's, each actor's, and the polar words.
    pub tone: Tone,
    /// Persuasion techniques: spans, paragraphs, summary.
    pub techniques: Techniques,
}

impl Document {
    /// A document with `text` and `meta` and no layers yet.
    pub fn new(text: impl Into<String>, meta: Metadata) -> Self {
        Document { text: text.into(), meta, ..Default::default() }
    }

    /// The names of the layers, as in JSON, in the order the pipeline adds them.
    pub const LAYERS: [&'static str; 17] = [
        "warnings",
        "normalized",
        "tokens",
        "clitics",
        "sentences",
        "paragraphs",
        "repairs",
        "pos",
        "times",
        "quantities",
        "mentions",
        "entities",
        "quotations",
        "claims",
        "events",
        "tone",
        "techniques",
    ];

    /// Empties the layer called `name` (one of [`Document::LAYERS`]); false when there
    /// is no such layer. The pipeline's declaration test uses it to run a stage without
    /// the layers it says it does not read.
    pub fn clear_layer(&mut self, name: &str) -> bool {
        match name {
            "warnings" => self.warnings = Vec::new(),
            "normalized" => self.normalized = NormalizedView::default(),
            "tokens" => self.tokens = Vec::new(),
            "clitics" => self.clitics = Vec::new(),
            "sentences" => self.sentences = Vec::new(),
            "paragraphs" => self.paragraphs = Vec::new(),
            "repairs" => self.repairs = Vec::new(),
            "pos" => self.pos = Vec::new(),
            "times" => self.times = Vec::new(),
            "quantities" => self.quantities = Vec::new(),
            "mentions" => self.mentions = Vec::new(),
            "entities" => self.entities = Vec::new(),
            "quotations" => self.quotations = Vec::new(),
            "claims" => self.claims = Vec::new(),
            "events" => self.events = Vec::new(),
            "tone" => self.tone = Tone::default(),
            "techniques" => self.techniques = Techniques::default(),
            _ => return false,
        }
        true
    }

    /// The original text under `span`.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The clitic segmentation of token `token`, if it has clitics.
    pub fn segmentation_of(&self, token: usize) -> Option<&Segmentation> {
        self.clitics.binary_search_by_key(&token, |s| s.token).ok().map(|i| &self.clitics[i])
    }

    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.first_token..s.end_token]
    }

    /// The token's matching key without its clitics (`والوزراء` → `وزراء`), as the clitics
    /// layer segments it; the key itself when the word has none.
    pub fn stem_key(&self, i: usize) -> Cow<'_, str> {
        Cow::Borrowed(&self.tokens[i].key[self.stem_range(i)])
    }

    /// Where [`Document::stem_key`] lies in the token's key, in bytes: the key without
    /// the letters of the clitics before and after the stem.
    pub fn stem_range(&self, i: usize) -> std::ops::Range<usize> {
        let key = self.tokens[i].key.as_str();
        let Some(seg) = self.segmentation_of(i) else { return 0..key.len() };
        let letters = |span| self.slice(span).chars().filter(|c| !is_mark(*c)).count();
        let mut before = 0;
        let mut after = 0;
        let mut seen_stem = false;
        for m in &seg.morphemes {
            match m.role {
                MorphemeRole::Stem => seen_stem = true,
                _ if seen_stem => after += letters(m.span),
                _ => before += letters(m.span),
            }
        }
        let n = key.chars().count();
        if before + after >= n {
            return 0..key.len();
        }
        let at = |c: usize| key.char_indices().nth(c).map_or(key.len(), |(b, _)| b);
        at(before)..at(n - after)
    }
}

/// Diacritics and tatweel: marks that the clitics layer's spans count but matching keys drop.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}
