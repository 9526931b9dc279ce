//! Framing: the persuasion techniques an article uses, with their spans.
//!
//! The taxonomy is the one of the Arabic propaganda shared tasks (ArAIEval, ArMPro):
//! 23 techniques in 7 coarse classes ([`taxonomy`]). Detection works at three levels:
//!
//! - **spans**: a token model ([`features::token`]) gives every word a probability
//!   of lying inside a span of each technique; runs of words above the technique's
//!   threshold become spans ([`detect`]);
//! - **paragraphs**: a paragraph model ([`features::paragraph`]) gives each paragraph
//!   its techniques (multi-label) and a probability of being propagandistic at all;
//! - **the article**: a summary of which techniques, how many, how dense, where, and
//!   its profile: each technique's density and the overall density as percentiles of
//!   ordinary news ([`reference`]); marked propagandistic when the overall density
//!   passes a threshold chosen so that ordinary news is rarely marked.
//!
//! Both models are multi-label logistic regressions ([`marsad_core::learn::linear`])
//! trained by `marsad train framing` ([`train`]) on the shared tasks' gold data;
//! their features read reviewable cue lexicons (`resources/framing/cues.tsv`: intensifiers,
//! certainty and doubt markers, labels, appeals to fear and to the flag…), the claims
//! layer's vague-source phrases and the tone lexicon.

pub use marsad_core::document::{
    ClassCount, Label, ParagraphTechniques, Summary, TechniqueCount, TechniqueSpan, Techniques,
};

pub mod detect;
pub mod features;
pub mod lexicon;
pub mod reference;
pub use marsad_core::taxonomy;

use marsad_core::document::Document;

/// What the framing stages read besides the document: borrowed from the pipeline's resources.
#[derive(Clone, Copy)]
pub struct FramingData<'r> {
    /// Word frequencies.
    pub lexicon: &'r marsad_core::lexicon::Lexicon,
    /// Polarity words (features of loaded language).
    pub tone: &'r crate::tone::lexicon::ToneLexicon,
    /// Taxonomy, cues and models of the techniques.
    pub framing: &'r lexicon::FramingLexicon,
}

/// The `techniques` stage: adds [`Document::techniques`].
pub fn recognize(doc: &mut Document, res: &FramingData) {
    doc.techniques = detect::techniques(doc, res.framing, res.tone, res.lexicon);
}
