//! Parts of speech: a universal part-of-speech tag per token, and per clitic piece
//! where the clitics layer splits a word.

use serde::{Deserialize, Serialize};

use crate::document::Origin;
use crate::span::Span;

/// A universal part-of-speech tag (Universal Dependencies v2, UPOS).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Upos {
    /// Adjective.
    Adj,
    /// Adposition (preposition): في، على، ب، ل.
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary: كان and its sisters.
    Aux,
    /// Coordinating conjunction: و، ف، أو.
    Cconj,
    /// Determiner: هذا، كل، بعض.
    Det,
    /// Interjection.
    Intj,
    /// Noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle: لا، لم، س.
    Part,
    /// Pronoun, attached pronouns included.
    Pron,
    /// Proper noun (rare in PADT, which tags most names `X`).
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction: أن، إن، الذي.
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
    /// Other: foreign and unanalysed words (most proper names in PADT).
    X,
}

impl Upos {
    /// Every tag, in the order of their indexes (`Upos::ALL[t as usize] == t`).
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// Its name in JSON and reports (`NOUN`).
    pub fn name(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// The tag called `name` (`NOUN`), if any.
    pub fn from_name(name: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The part of speech of one token, or of one clitic piece of a word the clitics
/// layer splits (the article stays on its noun, as Universal Dependencies keeps it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PosTag {
    /// The token, or the piece of it.
    pub span: Span,
    /// Index of the token in [`Document::tokens`](crate::document::Document::tokens).
    pub token: usize,
    /// Its tag.
    pub tag: Upos,
    /// The model that chose it and its confidence.
    pub origin: PosOrigin,
}

/// The origin of a [`PosTag`]: always the tagger ([`PosOrigin::RULE`]), so only its
/// confidence is kept: 4 bytes instead of an [`Origin`]'s 32, for a tag on every
/// token and clitic piece. Written and read as the same origin object.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PosOrigin {
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}

impl PosOrigin {
    /// The rule name of the tagger's decisions.
    pub const RULE: &'static str = "pos.perceptron";

    /// The origin it stands for.
    pub fn origin(self) -> Origin {
        Origin::rule(Self::RULE, self.confidence)
    }
}

impl Serialize for PosOrigin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.origin().serialize(s)
    }
}

impl<'de> Deserialize<'de> for PosOrigin {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let origin = Origin::deserialize(d)?;
        if origin.rule != Self::RULE {
            return Err(serde::de::Error::custom(format!("unknown part-of-speech rule {:?}", origin.rule)));
        }
        Ok(PosOrigin { confidence: origin.confidence })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_json() {
        let origin = PosOrigin { confidence: 0.75 };
        let json = serde_json::to_string(&origin).unwrap();
        assert_eq!(json, serde_json::to_string(&Origin::rule("pos.perceptron", 0.75)).unwrap());
        assert_eq!(serde_json::from_str::<PosOrigin>(&json).unwrap(), origin);
        assert!(serde_json::from_str::<PosOrigin>(r#"{"rule":"other","confidence":1.0}"#).is_err());
        assert_eq!(std::mem::size_of::<PosTag>(), 32, "a tag for every token stays small");
        for (i, t) in Upos::ALL.into_iter().enumerate() {
            assert_eq!(t as usize, i);
            assert_eq!(Upos::from_name(t.name()), Some(t));
            assert_eq!(serde_json::to_value(t).unwrap(), t.name());
        }
        assert_eq!(Upos::from_name("_"), None);
    }
}
