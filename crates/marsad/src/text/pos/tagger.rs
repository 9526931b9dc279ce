//! Greedy left-to-right decoding: each piece gets the best-scoring tag given its
//! features and the two tags before it (an averaged perceptron's decision, as in
//! Collins 2002 and Honnibal's tagger). Deterministic, no search: a sentence costs
//! one pass.

use std::cell::RefCell;

use marsad_core::lexicon::Lexicon;
use marsad_core::memo::WordMemo;

use super::features::{context_features, tag_features, word_features, Piece, StaticFeatures};
use super::model::{PosModel, Scores, N_TAGS};

/// The tag index standing for "before the sentence" in the history features.
pub const NO_TAG: u8 = u8::MAX;

/// One decision: the tag index and the margin of its score over the runner-up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Decision {
    /// Index into `Upos::ALL`.
    pub tag: u8,
    /// Best score minus the second best.
    pub margin: f32,
}

/// Every feature of piece `k` given the two tags before it, into `out` (cleared first).
pub fn features_at(
    seed: u64,
    pieces: &[Piece],
    statics: &StaticFeatures,
    k: usize,
    prev: u8,
    prev2: u8,
    out: &mut Vec<u64>,
) {
    out.clear();
    out.extend_from_slice(statics.of(k));
    tag_features(seed, pieces, k, prev, prev2, out);
}

/// The best tag and its margin among `scores`; ties go to the lower index.
pub fn best(scores: &Scores) -> Decision {
    let mut top = 0usize;
    for t in 1..N_TAGS {
        if scores[t] > scores[top] {
            top = t;
        }
    }
    let second = (0..N_TAGS).filter(|&t| t != top).map(|t| scores[t]).fold(f32::NEG_INFINITY, f32::max);
    Decision { tag: top as u8, margin: scores[top] - second }
}

thread_local! {
    /// Scores of the word features of a piece, by model and piece (see [`memo_key`]).
    static WORD_SCORES: RefCell<WordMemo<String, Scores>> = Default::default();
}

/// The memory key of a piece's word features under a model: the model's id, the
/// piece's key, its word's key and its place in the word.
fn memo_key(buf: &mut String, model: &PosModel, p: &Piece) {
    buf.clear();
    // the model's id and the place as characters of their own (no formatting)
    buf.push(char::from_u32(0x1_0000 + (model.id() as u32 & 0xffff)).unwrap_or('\u{1}'));
    buf.push(char::from(p.at));
    buf.push(char::from(p.of));
    buf.push_str(&p.key);
    if p.of > 1 {
        buf.push('\u{1}');
        buf.push_str(&p.word);
    }
}

/// Tags one sentence's pieces with `model`.
///
/// The scores of a piece's word features are remembered by word (news repeat their
/// words), so most pieces cost only their context and history features.
pub fn tag(pieces: &[Piece], model: &PosModel, lexicon: &Lexicon) -> Vec<Decision> {
    let seed = model.seed();
    let mut out = Vec::with_capacity(pieces.len());
    let mut feats = Vec::with_capacity(40);
    let mut key = String::with_capacity(64);
    let (mut prev, mut prev2) = (NO_TAG, NO_TAG);
    for (k, p) in pieces.iter().enumerate() {
        memo_key(&mut key, model, p);
        let mut scores = WORD_SCORES.with(|memo| {
            WordMemo::get_or_insert_with(memo, key.as_str(), || {
                let mut word = Vec::with_capacity(20);
                word_features(seed, p, lexicon, &mut word);
                let mut s = [0f32; N_TAGS];
                model.add(&word, &mut s);
                s
            })
        });
        feats.clear();
        context_features(seed, pieces, k, &mut feats);
        tag_features(seed, pieces, k, prev, prev2, &mut feats);
        model.add(&feats, &mut scores);
        let d = best(&scores);
        out.push(d);
        prev2 = prev;
        prev = d.tag;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_breaks_ties_to_the_lower_index() {
        let mut s = [0f32; N_TAGS];
        assert_eq!(best(&s), Decision { tag: 0, margin: 0.0 });
        s[4] = 2.0;
        s[9] = 1.5;
        assert_eq!(best(&s), Decision { tag: 4, margin: 0.5 });
    }
}
