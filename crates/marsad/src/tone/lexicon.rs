//! The tone stage's resources: a polarity lexicon and its modifiers.

use rustc_hash::FxHashMap;

use marsad_core::document::{Token, TokenKind};
use marsad_core::normalize::key_of;
use marsad_core::phrases::{stems, tsv_rows, Phrases};

/// What a modifier does to the polar word it governs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ModifierKind {
    /// لا، لم، ليس، غير، عدم: reverses the polarity.
    Negator,
    /// جدا، للغاية، بشدة: strengthens it.
    Intensifier,
    /// قليلا، نسبيا: weakens it.
    Diminisher,
}

/// A modifier and its factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Modifier {
    /// Its kind.
    pub kind: ModifierKind,
    /// The factor applied to the polarity.
    pub factor: f32,
}

/// Polarity words and modifiers (`resources/tone/`).
pub struct ToneLexicon {
    /// Polarity in [-1, 1] by matching key (entries written with the article also
    /// without it).
    pub words: FxHashMap<String, f32>,
    /// Polar phrases of two words or more (مثير للجدل).
    pub phrases: Phrases<f32>,
    /// Negators, intensifiers and diminishers.
    pub modifiers: Phrases<Modifier>,
}

impl ToneLexicon {
    /// The lexicon embedded in the binary.
    pub fn embedded() -> ToneLexicon {
        ToneLexicon::parse(
            include_str!("../../../../resources/tone/sentiment.tsv"),
            include_str!("../../../../resources/tone/modifiers.tsv"),
        )
    }

    /// Reads `word<TAB>polarity` and `phrase<TAB>kind<TAB>factor` rows; rows that do
    /// not parse are skipped (the resource checks in the tests count them).
    pub fn parse(sentiment: &str, modifiers: &str) -> ToneLexicon {
        let mut words = FxHashMap::default();
        let mut phrases = Phrases::default();
        for row in tsv_rows(sentiment) {
            let (Some(w), Some(p)) = (row.first(), row.get(1).and_then(|p| p.parse::<f32>().ok())) else { continue };
            if p == 0.0 {
                continue;
            }
            if w.contains(' ') {
                phrases.insert(w, p);
                // and with the article (القرار المثير للجدل)
                if !w.starts_with("ال") {
                    phrases.insert(&format!("ال{w}"), p);
                }
                continue;
            }
            // A word written with hamza on its first alef before ل (ألحق، ألهم) has
            // the matching key of the article and a word (الحق، الهم): left out.
            if ["أل", "إل", "آل"].iter().any(|h| w.starts_with(h)) {
                continue;
            }
            let key = key_of(w);
            // An entry written with the article also matches without it; only a
            // written ال is the article (ألمع، ألحق are not).
            if let Some(bare) = w.strip_prefix("ال").filter(|b| b.chars().count() >= 2) {
                words.entry(key_of(bare)).or_insert(p);
            }
            words.insert(key, p);
        }
        let mut mods = Phrases::default();
        for row in tsv_rows(modifiers) {
            let kind = match row.get(1).copied() {
                Some("negator") => ModifierKind::Negator,
                Some("intensifier") => ModifierKind::Intensifier,
                Some("diminisher") => ModifierKind::Diminisher,
                _ => continue,
            };
            let Some(factor) = row.get(2).and_then(|f| f.parse::<f32>().ok()) else { continue };
            mods.insert(row[0], Modifier { kind, factor });
        }
        ToneLexicon { words, phrases, modifiers: mods }
    }

    /// The polarity of a token: its key, or its key without conjunction, preposition
    /// and article.
    pub fn polarity(&self, token: &Token) -> Option<f32> {
        if token.kind != TokenKind::Arabic {
            return None;
        }
        let look =
            |s: &str| self.words.get(s).or_else(|| s.strip_prefix("ال").and_then(|r| self.words.get(r))).copied();
        stems(&token.key).find_map(|(_, s)| {
            let s = s.as_ref();
            // The accusative ending of indefinite nouns (نجاحا) is not in the lexicon.
            look(s).or_else(|| s.strip_suffix('ا').filter(|r| r.chars().count() >= 3).and_then(look))
        })
    }
}
