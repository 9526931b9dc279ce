//! The framing layer's resources: taxonomy, cue lexicon and the two models.

use super::taxonomy::Taxonomy;
use crate::learn::LinearModel;
use crate::quantity::words::{tsv_rows, Phrases};

/// Everything the `techniques` stage reads besides the document.
pub struct FramingLexicon {
    /// The techniques and their classes.
    pub taxonomy: Taxonomy,
    /// Cue phrases (`للغاية` → `intensifier`), by matching key.
    pub cues: Phrases<String>,
    /// The token model: probability of each technique for each word.
    pub spans: LinearModel,
    /// The paragraph model: the techniques of a paragraph, and `propaganda` (any).
    pub paragraphs: LinearModel,
}

/// The paragraph model's label for "uses any technique".
pub const ANY: &str = "propaganda";

impl FramingLexicon {
    /// The resources embedded in the binary.
    pub fn embedded() -> FramingLexicon {
        let model = |name: &str, text: &str| {
            LinearModel::parse(text).unwrap_or_else(|e| panic!("embedded model resources/models/{name}: {e}"))
        };
        FramingLexicon {
            taxonomy: Taxonomy::embedded(),
            cues: cue_phrases(include_str!("../../../../resources/framing/cues.tsv")),
            spans: model("framing_spans.tsv", include_str!("../../../../resources/models/framing_spans.tsv")),
            paragraphs: model(
                "framing_paragraphs.tsv",
                include_str!("../../../../resources/models/framing_paragraphs.tsv"),
            ),
        }
    }

    /// The same taxonomy and cues with other models (training, cross-validation).
    pub fn with_models(spans: LinearModel, paragraphs: LinearModel) -> FramingLexicon {
        let base = FramingLexicon::embedded_cues();
        FramingLexicon { spans, paragraphs, ..base }
    }

    fn embedded_cues() -> FramingLexicon {
        FramingLexicon {
            taxonomy: Taxonomy::embedded(),
            cues: cue_phrases(include_str!("../../../../resources/framing/cues.tsv")),
            spans: LinearModel::default(),
            paragraphs: LinearModel::default(),
        }
    }
}

/// Reads `phrase<TAB>cue` rows.
pub fn cue_phrases(text: &str) -> Phrases<String> {
    let mut p = Phrases::default();
    for row in tsv_rows(text) {
        if let [phrase, cue, ..] = row[..] {
            p.insert(phrase, cue.to_string());
            // Single words are listed bare; news writes them with the article too.
            if !phrase.contains(' ') && !phrase.starts_with("ال") {
                p.insert(&format!("ال{phrase}"), cue.to_string());
            }
        }
    }
    p
}
