//! The framing layer's resources: taxonomy, cue lexicon and the two models.

use super::taxonomy::Taxonomy;
use marsad_core::learn::LinearModel;
use marsad_core::phrases::{tsv_rows, Phrases};

/// Everything the `techniques` stage reads besides the document.
pub struct FramingLexicon {
    /// The techniques and their classes.
    pub taxonomy: Taxonomy,
    /// Cue phrases (`للغاية` → `intensifier`), by matching key; the claims layer's
    /// vague-source phrases (مصادر مطلعة) are among them as `vague`.
    pub cues: Phrases<String>,
    /// Why a word is loaded (`resources/framing/loaded_words.tsv`): `evaluative`,
    /// `superlative`, `pejorative`, `emotion`, `metaphor`, by matching key.
    pub loaded: Phrases<String>,
    /// The token model: probability of each technique for each word.
    pub spans: LinearModel,
    /// The paragraph model: the techniques of a paragraph, and `propaganda` (any).
    pub paragraphs: LinearModel,
    /// Persuasion in ordinary news: percentiles and the article threshold.
    pub reference: super::reference::Reference,
    /// For each label of the span model, its technique in the taxonomy.
    pub span_techniques: Vec<Option<usize>>,
    /// For each label of the paragraph model, its technique in the taxonomy.
    pub paragraph_techniques: Vec<Option<usize>>,
}

/// The paragraph model's label for "uses any technique".
pub const ANY: &str = "propaganda";

impl FramingLexicon {
    /// The resources embedded in the binary.
    pub fn embedded() -> FramingLexicon {
        let model = |name: &str, text: &str| {
            LinearModel::parse(text).unwrap_or_else(|e| panic!("embedded model resources/models/{name}: {e}"))
        };
        FramingLexicon::with_models(
            model("framing_spans.tsv", include_str!("../../../../resources/models/framing_spans.tsv")),
            model("framing_paragraphs.tsv", include_str!("../../../../resources/models/framing_paragraphs.tsv")),
        )
    }

    /// The embedded taxonomy and cues with the given models (training, cross-validation).
    pub fn with_models(spans: LinearModel, paragraphs: LinearModel) -> FramingLexicon {
        let taxonomy = Taxonomy::embedded();
        let index = |m: &LinearModel| m.labels().iter().map(|l| taxonomy.position(l)).collect();
        FramingLexicon {
            span_techniques: index(&spans),
            paragraph_techniques: index(&paragraphs),
            cues: cue_phrases(&[
                include_str!("../../../../resources/framing/cues.tsv"),
                // shared with the claims layer, which flags claims from such sources
                &vague_cues(include_str!("../../../../resources/claims/vague_sources.tsv")),
            ]),
            loaded: cue_phrases(&[include_str!("../../../../resources/framing/loaded_words.tsv")]),
            reference: super::reference::Reference::embedded(),
            taxonomy,
            spans,
            paragraphs,
        }
    }
}

/// The vague-source list (one phrase a row) as `phrase<TAB>vague` rows.
fn vague_cues(text: &str) -> String {
    tsv_rows(text).filter_map(|row| row.first().map(|p| format!("{p}\tvague\n"))).collect()
}

/// Reads `phrase<TAB>cue` rows from each text.
pub fn cue_phrases(texts: &[&str]) -> Phrases<String> {
    let mut p = Phrases::default();
    for row in texts.iter().flat_map(|t| tsv_rows(t)) {
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
