//! Greedy left-to-right decoding: each piece gets the best-scoring tag given its
//! features and the two tags before it (an averaged perceptron's decision, as in
//! Collins 2002 and Honnibal's tagger). Deterministic, no search: a sentence costs
//! one pass.

use std::cell::RefCell;
use std::rc::Rc;

use marsad_core::lexicon::Lexicon;
use marsad_core::memo::WordMemo;

use super::features::{
    neighbour_features, pair_features, tag_features, word_features, Piece, Role, StaticFeatures, END_KEY, START_KEY,
};
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

/// The word-only scores of a piece: as itself, then seen as each neighbour role of
/// another piece (in the order of `Role::ALL`).
type WordScores = [Scores; 5];

/// Pieces whose scores are remembered: each takes about 450 bytes (85 scores and
/// its key), so a quarter of the other memories' bound keeps this one near 11 MB,
/// and the words news repeat most still stay in it.
const REMEMBERED: usize = 25_000;

thread_local! {
    /// Word-only scores of pieces, by model and piece (see [`memo_key`]).
    static WORD_SCORES: RefCell<WordMemo<compact_str::CompactString, Rc<WordScores>, REMEMBERED>> = Default::default();
}

/// The memory key of a piece's word-only scores under a model: the model's id, the
/// piece's place in its word, its key and (for a piece of a split word) its word's key.
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

/// The word-only scores of a piece with key `key` (its own, when `piece` is given).
fn word_scores(model: &PosModel, lexicon: &Lexicon, piece: Option<&Piece>, key: &str) -> WordScores {
    let seed = model.seed();
    let mut out = [[0f32; N_TAGS]; 5];
    let mut feats = Vec::with_capacity(24);
    if let Some(p) = piece {
        word_features(seed, p, lexicon, &mut feats);
        model.add(&feats, &mut out[0]);
    }
    for (r, role) in Role::ALL.into_iter().enumerate() {
        feats.clear();
        neighbour_features(seed, key, role, &mut feats);
        model.add(&feats, &mut out[1 + r]);
    }
    out
}

/// Tags one sentence's pieces with `model`.
///
/// The scores of the features that depend on one word alone (the piece's own, and
/// those it gives its neighbours) are remembered by word, as news repeat their words:
/// most pieces cost only their pair and history features.
pub fn tag(pieces: &[Piece], model: &PosModel, lexicon: &Lexicon) -> Vec<Decision> {
    let seed = model.seed();
    let mut key = String::with_capacity(64);
    let scores: Vec<Rc<WordScores>> = pieces
        .iter()
        .map(|p| {
            memo_key(&mut key, model, p);
            WORD_SCORES.with(|memo| {
                WordMemo::get_or_insert_with(memo, key.as_str(), || {
                    Rc::new(word_scores(model, lexicon, Some(p), &p.key))
                })
            })
        })
        .collect();
    let edges = [START_KEY, END_KEY].map(|k| word_scores(model, lexicon, None, k));
    let n = pieces.len() as isize;
    let mut out = Vec::with_capacity(pieces.len());
    let mut feats = Vec::with_capacity(16);
    let (mut prev, mut prev2) = (NO_TAG, NO_TAG);
    for k in 0..pieces.len() {
        let mut total = scores[k][0];
        for (r, role) in Role::ALL.into_iter().enumerate() {
            let j = k as isize + role.offset();
            let seen = if j < 0 {
                &edges[0][1 + r]
            } else if j >= n {
                &edges[1][1 + r]
            } else {
                &scores[j as usize][1 + r]
            };
            for (t, s) in total.iter_mut().zip(seen) {
                *t += s;
            }
        }
        feats.clear();
        pair_features(seed, pieces, k, &mut feats);
        tag_features(seed, pieces, k, prev, prev2, &mut feats);
        model.add(&feats, &mut total);
        let d = best(&total);
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
