//! Parts of speech: a universal part-of-speech tag (UPOS) per token, and per clitic
//! piece where the clitics layer splits a word, by an averaged-perceptron tagger
//! trained on UD Arabic-PADT (`marsad train pos`, `docs/pos.md`).
//!
//! The pieces follow Universal Dependencies' tokenisation of Arabic: conjunction,
//! preposition, future particle and attached pronoun are pieces of their own, the
//! article stays on its noun (و + ب + الحكومة, حكومة + ه). [`features`] says what the
//! tagger looks at, [`model`] holds its weights and file format, [`tagger`] decodes.

pub mod features;
pub mod model;
pub mod tagger;

use std::borrow::Cow;

use marsad_core::document::{Document, MorphemeRole, PosOrigin, PosTag, Upos};
use marsad_core::lexicon::Lexicon;
use marsad_core::normalize::match_key;
use marsad_core::span::Span;

use features::Piece;
use model::PosModel;

/// The rule name of the tagger's decisions.
pub const RULE: &str = PosOrigin::RULE;

/// What the stage reads besides the document: borrowed from the pipeline's resources.
#[derive(Clone, Copy)]
pub struct PosData<'r> {
    /// Word frequencies (a feature).
    pub lexicon: &'r Lexicon,
    /// The tagger's model.
    pub model: &'r PosModel,
}

/// The stage: adds [`Document::pos`], sentence by sentence.
pub fn recognize(doc: &mut Document, data: &PosData) {
    let mut out = Vec::with_capacity(doc.tokens.len() + doc.clitics.len());
    for s in &doc.sentences {
        let (pieces, at) = sentence_pieces(doc, s.first_token..s.end_token);
        let decisions = tagger::tag(&pieces, data.model, data.lexicon);
        for ((span, token), d) in at.into_iter().zip(decisions) {
            let origin = PosOrigin { confidence: data.model.confidence(d.margin) };
            out.push(PosTag { span, token, tag: Upos::ALL[d.tag as usize], origin });
        }
    }
    doc.pos = out;
}

/// The pieces of tokens `range` of `doc`, with where each stands (its span and token).
pub fn sentence_pieces(doc: &Document, range: std::ops::Range<usize>) -> (Vec<Piece<'_>>, Vec<(Span, usize)>) {
    let mut pieces = Vec::with_capacity(range.len() + 8);
    let mut at = Vec::with_capacity(range.len() + 8);
    for i in range {
        token_pieces(doc, i, &mut pieces, &mut at);
    }
    (pieces, at)
}

/// Appends the pieces of token `i`: the token itself, or the pieces of its clitic
/// segmentation with the article joined to its stem.
fn token_pieces<'d>(doc: &'d Document, i: usize, pieces: &mut Vec<Piece<'d>>, at: &mut Vec<(Span, usize)>) {
    let tok = &doc.tokens[i];
    let word: Cow<'d, str> = Cow::Borrowed(tok.key.as_str());
    let Some(seg) = doc.segmentation_of(i) else {
        pieces.push(Piece { key: word.clone(), word, at: 0, of: 1 });
        at.push((tok.span, i));
        return;
    };
    let ms = &seg.morphemes;
    let first = pieces.len();
    let mut k = 0;
    while k < ms.len() {
        let m = &ms[k];
        let (span, key) = if m.role == MorphemeRole::Article && k + 1 < ms.len() {
            let stem = &ms[k + 1];
            k += 1;
            (Span::new(m.span.start, stem.span.end), match_key(&format!("ال{}", stem.form)))
        } else if m.role == MorphemeRole::Stem {
            let mut key = match_key(&m.form);
            // ta marbuta written ت before a pronoun: حكومته → حكومة + ه
            if ms.get(k + 1).is_some_and(|n| n.role == MorphemeRole::Pronoun)
                && key.ends_with('ت')
                && key.chars().count() > 2
            {
                key.pop();
                key.push('ه');
            }
            (m.span, key)
        } else {
            (m.span, match_key(&m.form))
        };
        pieces.push(Piece { key: Cow::Owned(key), word: word.clone(), at: 0, of: 0 });
        at.push((span, i));
        k += 1;
    }
    let n = (pieces.len() - first) as u8;
    for (j, p) in pieces[first..].iter_mut().enumerate() {
        p.at = j as u8;
        p.of = n;
    }
}

#[cfg(test)]
mod tests {
    use crate::Pipeline;
    use marsad_core::document::{Metadata, MorphemeRole, Upos};

    fn tags(text: &str) -> Vec<(String, Upos)> {
        let doc = Pipeline::new().analyze_through(text, Metadata::default(), "pos");
        doc.pos.iter().map(|p| (doc.slice(p.span).to_owned(), p.tag)).collect()
    }

    #[test]
    fn every_token_and_piece_gets_a_tag() {
        let text = "وقال الوزير إن حكومته ستعقد اجتماعا في بيروت يوم 3 مايو.";
        let doc = Pipeline::new().analyze_through(text, Metadata::default(), "pos");
        let pieces: usize = (0..doc.tokens.len())
            .map(|i| {
                doc.segmentation_of(i)
                    .map_or(1, |s| s.morphemes.iter().filter(|m| m.role != MorphemeRole::Article).count())
            })
            .sum();
        assert_eq!(doc.pos.len(), pieces);
        let joined: String = doc.pos.iter().map(|p| doc.slice(p.span)).collect();
        assert_eq!(joined, doc.tokens.iter().map(|t| doc.slice(t.span)).collect::<String>());
        assert!(doc.pos.iter().all(|p| p.origin.confidence > 0.0 && p.origin.confidence < 1.0));
    }

    #[test]
    fn tags_a_plain_sentence() {
        let t = tags("وقال الوزير إن الحكومة ستعقد اجتماعا في بيروت.");
        let tag_of = |w: &str| t.iter().find(|(s, _)| s == w).map(|p| p.1);
        assert_eq!(tag_of("و"), Some(Upos::Cconj));
        assert_eq!(tag_of("قال"), Some(Upos::Verb));
        assert_eq!(tag_of("الوزير"), Some(Upos::Noun));
        assert_eq!(tag_of("في"), Some(Upos::Adp));
        assert_eq!(tag_of("."), Some(Upos::Punct));
    }
}
