//! Language resources, compiled into the binary and loaded once.
//!
//! Every resource is a human-readable file under the repository's `resources/`
//! folder (sources and licences in `resources/README.md`). They are embedded with
//! `include_str!` (or compiled to fst by `build.rs`), parsed on first use, and
//! shared by every thread through [`Resources::embedded`].

use std::collections::HashSet;
use std::sync::OnceLock;

use marsad_core::lexicon::Lexicon;
use marsad_core::normalize::key_of;

use crate::claims::ClaimData;
use crate::entities::EntityData;
use crate::events::EventData;
use crate::framing::FramingData;
use crate::quantity::QuantityData;
use crate::text::repairs::RepairLists;
use crate::text::TextData;
use crate::time::TimeData;

/// Everything the stages need besides the document.
pub struct Resources {
    /// Word frequencies.
    pub lexicon: Lexicon,
    /// Matching keys of words whose first or last letters look like clitics but
    /// belong to the stem (و in وزير, ب in بلد): never split.
    pub clitic_stems: HashSet<String>,
    /// Abbreviations that end with a full stop that does not end a sentence, by
    /// matching key without the final stop (`د`, `Mr`, `U.S`).
    pub abbreviations: HashSet<String>,
    /// Word lists of the repairs stage ([`crate::text::repairs`]).
    pub repairs: RepairLists,
    /// The gazetteer index of the entities stage (read in place).
    pub gazetteer: crate::entities::gazetteer::Gazetteer,
    /// The part-of-speech tagger's model.
    pub pos: crate::text::pos::model::PosModel,
    /// The named-entity tagger's model (read in place).
    pub ner: crate::entities::tagger::NerModel,
    /// Trigger words of the named-entity tagger's features.
    pub ner_triggers: crate::entities::features::Triggers,
    /// Month names, relative expressions and the Umm al-Qura table of the times stage.
    pub time: crate::time::lexicon::TimeLexicon,
    /// Number words, currencies, units and approximation markers of the quantities stage.
    pub quantity: crate::quantity::lexicon::QuantityLexicon,
    /// Verbs of saying, reporting phrases, vague sources and hedges.
    pub claims: crate::claims::lexicon::ClaimLexicon,
    /// Event triggers and the PLOVER/CAMEO table.
    pub events: crate::events::lexicon::EventLexicon,
    /// The event trigger and argument models.
    pub event_models: crate::events::model::EventModels,
    /// Polarity words and their modifiers.
    pub tone: crate::tone::lexicon::ToneLexicon,
    /// Persuasion techniques: taxonomy, cues and models.
    pub framing: crate::framing::lexicon::FramingLexicon,
}

impl Resources {
    /// What the text-layer stages read.
    pub fn text(&self) -> TextData<'_> {
        TextData {
            lexicon: &self.lexicon,
            clitic_stems: &self.clitic_stems,
            abbreviations: &self.abbreviations,
            repairs: &self.repairs,
        }
    }

    /// What the part-of-speech stage reads.
    pub fn pos(&self) -> crate::text::pos::PosData<'_> {
        crate::text::pos::PosData { lexicon: &self.lexicon, model: &self.pos }
    }

    /// What the entity stages read.
    pub fn entities(&self) -> EntityData<'_> {
        EntityData {
            lexicon: &self.lexicon,
            gazetteer: &self.gazetteer,
            ner: &self.ner,
            ner_triggers: &self.ner_triggers,
        }
    }

    /// What the times stage reads.
    pub fn times(&self) -> TimeData<'_> {
        TimeData { lexicon: &self.lexicon, time: &self.time, quantity: &self.quantity }
    }

    /// What the quantities stage reads.
    pub fn quantities(&self) -> QuantityData<'_> {
        QuantityData { lexicon: &self.lexicon, quantity: &self.quantity, gazetteer: &self.gazetteer }
    }

    /// What the quotations and claims stages read.
    pub fn claims(&self) -> ClaimData<'_> {
        ClaimData { claims: &self.claims }
    }

    /// What the events stage reads.
    pub fn events(&self) -> EventData<'_> {
        EventData { lexicon: &self.lexicon, claims: &self.claims, events: &self.events, models: &self.event_models }
    }

    /// What the techniques stage reads.
    pub fn framing(&self) -> FramingData<'_> {
        FramingData { lexicon: &self.lexicon, tone: &self.tone, framing: &self.framing }
    }
}

static EMBEDDED: OnceLock<Resources> = OnceLock::new();

impl Resources {
    /// The resources embedded in the binary, parsed on first call and shared after.
    pub fn embedded() -> &'static Resources {
        EMBEDDED.get_or_init(Resources::load_embedded)
    }

    fn load_embedded() -> Resources {
        Resources {
            lexicon: Lexicon::embedded(),
            clitic_stems: word_list(include_str!("../../../resources/text/clitic_stems.txt")),
            abbreviations: word_list(include_str!("../../../resources/text/abbreviations.txt")),
            repairs: RepairLists {
                one_letter_words: word_list(include_str!("../../../resources/text/one_letter_words.txt")),
                number_affixes: word_list(include_str!("../../../resources/text/number_affixes.txt")),
                short_left: word_list(include_str!("../../../resources/text/short_words_left.txt")),
                short_right: word_list(include_str!("../../../resources/text/short_words_right.txt")),
                joined_name_heads: word_list(include_str!("../../../resources/text/joined_name_heads.txt")),
                hamza_wasl_nouns: word_list(include_str!("../../../resources/text/hamza_wasl_nouns.txt")),
            },
            gazetteer: crate::entities::gazetteer::Gazetteer::embedded(),
            pos: crate::text::pos::model::PosModel::embedded(),
            ner: crate::entities::tagger::NerModel::embedded(),
            ner_triggers: crate::entities::features::Triggers::embedded(),
            time: crate::time::lexicon::TimeLexicon::embedded(),
            quantity: crate::quantity::lexicon::QuantityLexicon::embedded(),
            claims: crate::claims::lexicon::ClaimLexicon::embedded(),
            events: crate::events::lexicon::EventLexicon::embedded(),
            event_models: crate::events::model::EventModels::embedded(),
            tone: crate::tone::lexicon::ToneLexicon::embedded(),
            framing: crate::framing::lexicon::FramingLexicon::embedded(),
        }
    }
}

/// Parses a one-entry-per-line list (`#` starts a comment) into matching keys.
fn word_list(text: &str) -> HashSet<String> {
    text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()).map(key_of).collect()
}
