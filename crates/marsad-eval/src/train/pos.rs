//! Training of the part-of-speech tagger (`marsad train pos`): a greedy averaged
//! perceptron (Collins 2002; Honnibal's tagger) over the features of
//! [`marsad::text::pos::features`], on a file of the format [`crate::eval::pos`] reads.
//!
//! Deterministic: the features are fixed hashes, sentences are visited in an order
//! drawn from a fixed-seed generator, weights are integers until they are averaged,
//! and the model file is written in sorted order, so the same data and options give a
//! byte-identical model. The history features use the tags the model itself gave (as
//! when tagging). After each epoch the averaged weights are written out as a model,
//! read back and scored on the dev sentences, so the accuracy printed is the model
//! file's; the best epoch is kept, and its confidence calibration
//! (σ(a·margin + b)) is fitted on dev.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::eval::pos::{tag_own, Sentence};
use marsad::text::pos::features::{static_features, Piece, StaticFeatures};
use marsad::text::pos::model::{ModelWriter, PosModel, Scores, N_TAGS};
use marsad::text::pos::tagger::{best, features_at, NO_TAG};
use marsad_core::lexicon::Lexicon;
use marsad_core::metrics::percent;

/// The seed of the feature hash of models trained by this code.
pub const HASH_SEED: u64 = 0x6d61_7273_6164_0b05;

/// Training options.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Weights whose magnitude is under this share of the largest are dropped from the file.
    pub prune: f32,
    /// Seed of the order in which sentences are visited.
    pub shuffle_seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 12, prune: 0.002, shuffle_seed: 0x5eed }
    }
}

/// The result of training.
pub struct Trained {
    /// The model file's bytes.
    pub model: Vec<u8>,
    /// The epoch kept (1-based).
    pub best_epoch: usize,
    /// Accuracy of the kept model on dev (on training data when no dev is given), percent.
    pub accuracy: f64,
}

/// A tiny deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Perceptron weights with the sums needed for averaging (w − u / c).
#[derive(Default)]
struct Weights {
    index: FxHashMap<u64, u32>,
    hashes: Vec<u64>,
    w: Vec<[i32; N_TAGS]>,
    u: Vec<[i64; N_TAGS]>,
    c: i64,
}

impl Weights {
    fn scores(&self, feats: &[u64]) -> Scores {
        let mut acc = [0i32; N_TAGS];
        for h in feats {
            if let Some(&f) = self.index.get(h) {
                for (a, w) in acc.iter_mut().zip(&self.w[f as usize]) {
                    *a += w;
                }
            }
        }
        acc.map(|a| a as f32)
    }

    fn update(&mut self, feats: &[u64], gold: usize, guess: usize) {
        let c = self.c;
        for &h in feats {
            let f = *self.index.entry(h).or_insert_with(|| {
                self.hashes.push(h);
                self.w.push([0; N_TAGS]);
                self.u.push([0; N_TAGS]);
                self.hashes.len() as u32 - 1
            }) as usize;
            self.w[f][gold] += 1;
            self.u[f][gold] += c;
            self.w[f][guess] -= 1;
            self.u[f][guess] -= c;
        }
    }

    fn averaged(&self, prune: f32) -> ModelWriter {
        let c = self.c.max(1) as f64;
        let features = (0..self.hashes.len())
            .map(|f| {
                let mut row = [0f32; N_TAGS];
                for (t, r) in row.iter_mut().enumerate() {
                    *r = (self.w[f][t] as f64 - self.u[f][t] as f64 / c) as f32;
                }
                (self.hashes[f], row)
            })
            .collect();
        ModelWriter { seed: HASH_SEED, features, prune, calibration: (1.0, 0.0), dev_accuracy: 0.0 }
    }
}

/// A training sentence: its pieces, their tag-independent features and gold tags.
struct Example {
    pieces: Vec<Piece<'static>>,
    statics: StaticFeatures,
    gold: Vec<u8>,
}

/// Accuracy (percent) of a model on sentences' own pieces, with each decision's
/// margin and whether it was right.
fn score(sentences: &[Sentence], model: &PosModel, lexicon: &Lexicon) -> (f64, Vec<(f32, bool)>) {
    let pairs: Vec<(f32, bool)> = sentences
        .par_iter()
        .flat_map_iter(|s| {
            let gold = s.tags();
            tag_own(s, model, lexicon)
                .into_iter()
                .zip(gold)
                .map(|(d, g)| (d.margin, d.tag == g as u8))
                .collect::<Vec<_>>()
        })
        .collect();
    let right = pairs.iter().filter(|p| p.1).count();
    (percent(right, pairs.len()), pairs)
}

/// Trains a model on `train`, choosing the epoch by accuracy on `dev` (on `train`
/// itself when `dev` is empty). `log` gets one line per step.
pub fn train(
    train: &[Sentence],
    dev: &[Sentence],
    lexicon: &Lexicon,
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Trained {
    let examples: Vec<Example> = train
        .par_iter()
        .map(|s| {
            let pieces = s.pieces();
            let statics = static_features(HASH_SEED, &pieces, lexicon);
            Example { pieces, statics, gold: s.tags().into_iter().map(|t| t as u8).collect() }
        })
        .collect();
    let n_pieces: usize = examples.iter().map(|e| e.gold.len()).sum();
    log(&format!("training data: {} sentences, {n_pieces} pieces; dev: {} sentences", examples.len(), dev.len()));
    let scored = if dev.is_empty() { train } else { dev };
    let mut wts = Weights { c: 1, ..Weights::default() };
    let mut rng = Rng(opts.shuffle_seed | 1);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::with_capacity(48);
    // (accuracy, epoch, model bytes, margins)
    type Kept = (f64, usize, Vec<u8>, Vec<(f32, bool)>);
    let mut kept: Option<Kept> = None;
    for epoch in 1..=opts.epochs.max(1) {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0usize;
        for &i in &order {
            let ex = &examples[i];
            let (mut prev, mut prev2) = (NO_TAG, NO_TAG);
            for k in 0..ex.pieces.len() {
                features_at(HASH_SEED, &ex.pieces, &ex.statics, k, prev, prev2, &mut feats);
                let guess = best(&wts.scores(&feats)).tag;
                let gold = ex.gold[k];
                if guess != gold {
                    errors += 1;
                    wts.update(&feats, gold as usize, guess as usize);
                }
                wts.c += 1;
                prev2 = prev;
                prev = guess;
            }
        }
        let bytes = wts.averaged(opts.prune).to_bytes();
        let model = PosModel::from_bytes(&bytes).expect("a written model reads back");
        let (accuracy, pairs) = score(scored, &model, lexicon);
        log(&format!(
            "epoch {epoch:>2}: training errors {errors:>6} pieces; {} accuracy {accuracy:.2}; model {} features, {:.2} MB",
            if dev.is_empty() { "training" } else { "dev" },
            model.n_features(),
            bytes.len() as f64 / 1e6
        ));
        if kept.as_ref().is_none_or(|k| accuracy > k.0) {
            kept = Some((accuracy, epoch, bytes, pairs));
        }
    }
    let (accuracy, best_epoch, bytes, pairs) = kept.expect("at least one epoch");
    let calibration = super::ner::calibrate(&pairs);
    // the kept model with its calibration and accuracy in the header (offsets in model.rs)
    let mut model = bytes;
    model[28..32].copy_from_slice(&calibration.0.to_le_bytes());
    model[32..36].copy_from_slice(&calibration.1.to_le_bytes());
    model[36..40].copy_from_slice(&(accuracy as f32).to_le_bytes());
    log(&format!(
        "kept epoch {best_epoch} (accuracy {accuracy:.2}); confidence = σ({:.3}·margin + {:.3})",
        calibration.0, calibration.1
    ));
    Trained { model, best_epoch, accuracy }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::pos::parse;
    use std::path::Path;

    const GOLD: &str = "وقال و قال الوزير إن الحكومة ستعقد س تعقد اجتماعا في بيروت .\t_ CCONJ VERB NOUN SCONJ NOUN _ AUX VERB NOUN ADP X PUNCT\n\
        وأكد و أكد الرئيس أن الوزير زار بيروت .\t_ CCONJ VERB NOUN SCONJ NOUN VERB X PUNCT\n";

    #[test]
    fn training_is_deterministic_and_learns() {
        let data = parse(GOLD, Path::new("gold")).unwrap();
        let lex = Lexicon::embedded();
        let opts = TrainOptions { epochs: 4, ..TrainOptions::default() };
        let a = train(&data, &[], &lex, &opts, &mut |_| {});
        let b = train(&data, &[], &lex, &opts, &mut |_| {});
        assert_eq!(a.model, b.model, "same data, same options: byte-identical model");
        let model = PosModel::from_bytes(&a.model).unwrap();
        assert!(model.n_features() > 0);
        assert!(a.accuracy > 95.0, "it fits its own training data: {}", a.accuracy);
        assert!((model.dev_accuracy() as f64 - a.accuracy).abs() < 1e-3);
    }
}
