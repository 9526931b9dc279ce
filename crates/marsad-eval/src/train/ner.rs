//! Training of the tagger: an averaged structured perceptron (Collins 2002) over the
//! hashed features of [`marsad::entities::features`], with Viterbi decoding under BILOU constraints.
//!
//! Training is deterministic: the features are fixed hashes, the examples are visited
//! in an order drawn from a fixed-seed generator, weights are integers until they are
//! averaged, and the model file is written in sorted order. The same data and options
//! give a byte-identical model.
//!
//! After each epoch the averaged weights are written out as a model, read back and
//! run through the whole `entities` stage on the dev sentences, so the dev F1 printed
//! is that of the model file itself; the best epoch is kept. Its confidence
//! calibration (confidence = σ(a·margin + b), margin = the score difference between the
//! best labelling and the best one that differs on the mention) is fitted on dev.

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;

use crate::eval::conll::ConllSentence;
use crate::eval::ner::{Aligned, ChunkCounts};
use marsad::entities::features::SentenceFeatures;
use marsad::entities::tagger::{self, ModelWriter, NerModel, Transitions, N_LABELS};
use marsad::Resources;

/// The seed of the feature hash of models trained by this code.
pub const HASH_SEED: u64 = 0x6d61_7273_6164_0001;

/// Training options.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Features seen fewer times in the training data are dropped.
    pub min_count: u32,
    /// Bits of the model's bucket index.
    pub index_bits: u32,
    /// Seed of the order in which examples are visited.
    pub shuffle_seed: u64,
    /// Perceptrons trained side by side on different visiting orders, their averaged
    /// weights averaged again (a bagged perceptron: steadier than one order).
    pub runs: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 20, min_count: 2, index_bits: 16, shuffle_seed: 0x5eed, runs: 4 }
    }
}

/// One sentence for training: its features and gold labels.
struct Example {
    /// Feature indexes per token, flattened.
    feats: Vec<u32>,
    offsets: Vec<u32>,
    gold: Vec<u8>,
}

/// The result of training.
pub struct Trained {
    /// The model file's bytes.
    pub model: Vec<u8>,
    /// The epoch kept (1-based).
    pub best_epoch: usize,
    /// Dev scores of the kept epoch.
    pub dev: ChunkCounts,
}

/// The features of every sentence of an aligned gold sentence, with its gold labels.
fn sentence_data(a: &Aligned, res: &Resources, model: &NerModel) -> Vec<(SentenceFeatures, Vec<u8>)> {
    let labels = a.token_labels();
    let doc = &a.doc;
    doc.sentences
        .iter()
        .filter(|s| s.end_token > s.first_token)
        .map(|s| {
            let (feats, _) =
                marsad::entities::sentence_features(doc, &res.entities(), s.first_token..s.end_token, model);
            // an entity cut by a sentence break starts again after it
            let gold = crate::eval::ner::to_tagger_labels(&labels[s.first_token..s.end_token]);
            (feats, gold)
        })
        .collect()
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

/// Perceptron weights with the sums needed for averaging.
struct Weights {
    w: Vec<i32>,
    u: Vec<i64>,
    tw: [[i32; N_LABELS]; N_LABELS + 1],
    tu: [[i64; N_LABELS]; N_LABELS + 1],
    c: i64,
}

impl Weights {
    fn emissions(&self, ex: &Example) -> Vec<[f32; N_LABELS]> {
        (0..ex.gold.len())
            .map(|k| {
                let mut acc = [0i32; N_LABELS];
                for &f in &ex.feats[ex.offsets[k] as usize..ex.offsets[k + 1] as usize] {
                    let row = &self.w[f as usize * N_LABELS..][..N_LABELS];
                    for l in 0..N_LABELS {
                        acc[l] += row[l];
                    }
                }
                acc.map(|a| a as f32)
            })
            .collect()
    }

    fn transitions(&self) -> Transitions {
        self.tw.map(|r| r.map(|x| x as f32))
    }

    fn update(&mut self, ex: &Example, pred: &[u8]) {
        let c = self.c;
        for k in 0..ex.gold.len() {
            let (g, p) = (ex.gold[k] as usize, pred[k] as usize);
            if g != p {
                for &f in &ex.feats[ex.offsets[k] as usize..ex.offsets[k + 1] as usize] {
                    let at = f as usize * N_LABELS;
                    self.w[at + g] += 1;
                    self.u[at + g] += c;
                    self.w[at + p] -= 1;
                    self.u[at + p] -= c;
                }
            }
            let gp = if k == 0 { 0 } else { 1 + ex.gold[k - 1] as usize };
            let pp = if k == 0 { 0 } else { 1 + pred[k - 1] as usize };
            if (gp, g) != (pp, p) {
                self.tw[gp][g] += 1;
                self.tu[gp][g] += c;
                self.tw[pp][p] -= 1;
                self.tu[pp][p] -= c;
            }
        }
    }

    /// The averaged weights: w − u / c.
    fn averaged(&self, hashes: &[u64], index_bits: u32, dev_f1: f32, calibration: (f32, f32)) -> ModelWriter {
        let c = self.c.max(1) as f64;
        let avg = |w: i32, u: i64| (w as f64 - u as f64 / c) as f32;
        let features = hashes
            .iter()
            .enumerate()
            .map(|(f, &h)| {
                let mut row = [0f32; N_LABELS];
                for (l, r) in row.iter_mut().enumerate() {
                    *r = avg(self.w[f * N_LABELS + l], self.u[f * N_LABELS + l]);
                }
                (h, row)
            })
            .collect();
        let mut trans = [[0f32; N_LABELS]; N_LABELS + 1];
        for (r, row) in trans.iter_mut().enumerate() {
            for (l, t) in row.iter_mut().enumerate() {
                *t = avg(self.tw[r][l], self.tu[r][l]);
            }
        }
        ModelWriter { seed: HASH_SEED, index_bits, trans, features, calibration, dev_f1 }
    }
}

/// Scores a model on aligned dev sentences; also returns each predicted mention's
/// margin and whether it was right.
fn score_dev(dev: &[Aligned], res: &Resources, model: &NerModel) -> (ChunkCounts, Vec<(f32, bool)>) {
    let per: Vec<(ChunkCounts, Vec<(f32, bool)>)> = dev
        .par_iter()
        .map(|a| {
            let found = marsad::entities::find_mentions_with_margins(&a.doc, &res.entities(), model);
            let mentions: Vec<_> = found.iter().map(|(m, _)| m.clone()).collect();
            let gold = a.gold_chunks();
            let pred = a.projected(&mentions);
            let mut c = ChunkCounts::default();
            c.add(&gold, &pred, a.gold.len());
            let pairs = found
                .iter()
                .filter(|(m, _)| m.origin.rule == "ner.perceptron")
                .map(|(m, margin)| (*margin, a.projected(std::slice::from_ref(m)).iter().all(|p| gold.contains(p))))
                .collect();
            (c, pairs)
        })
        .collect();
    let mut counts = ChunkCounts::default();
    let mut pairs = Vec::new();
    for (c, p) in per {
        counts.merge(&c);
        pairs.extend(p);
    }
    (counts, pairs)
}

/// Fits confidence = σ(a·margin + b) to (margin, correct) pairs by logistic
/// regression (Newton's method on standardised margins).
pub(crate) fn calibrate(pairs: &[(f32, bool)]) -> (f32, f32) {
    if pairs.is_empty() {
        return (1.0, 0.0);
    }
    let n = pairs.len() as f64;
    let mean = pairs.iter().map(|p| p.0 as f64).sum::<f64>() / n;
    let sd = (pairs.iter().map(|p| (p.0 as f64 - mean).powi(2)).sum::<f64>() / n).sqrt().max(1e-6);
    let (mut a, mut b) = (0.0f64, 0.0f64);
    for _ in 0..50 {
        // gradient and Hessian of the log loss, with a little ridge for separable data
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (1e-3 * a, 1e-3 * b, 1e-3, 0.0, 1e-3);
        for &(m, y) in pairs {
            let x = (m as f64 - mean) / sd;
            let p = 1.0 / (1.0 + (-(a * x + b)).exp());
            let d = p - if y { 1.0 } else { 0.0 };
            let w = p * (1.0 - p);
            ga += d * x;
            gb += d;
            haa += w * x * x;
            hab += w * x;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        a -= (hbb * ga - hab * gb) / det;
        b -= (haa * gb - hab * ga) / det;
    }
    // back to raw margins: a·(m − mean)/sd + b
    ((a / sd) as f32, (b - a * mean / sd) as f32)
}

/// Trains a model on gold sentences, choosing the epoch by dev micro-F1. `log` gets
/// one line per step (data preparation, each epoch's dev scores).
pub fn train(
    train: &[ConllSentence],
    dev: &[ConllSentence],
    res: &Resources,
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Trained {
    // features do not depend on the weights: any model with the right seed extracts them
    let seed_model = NerModel::from_bytes(Cow::Owned(
        ModelWriter {
            seed: HASH_SEED,
            index_bits: 1,
            trans: [[0.0; N_LABELS]; N_LABELS + 1],
            features: Vec::new(),
            calibration: (1.0, 0.0),
            dev_f1: 0.0,
        }
        .to_bytes(),
    ))
    .expect("an empty model is valid");
    let aligned: Vec<Aligned> = train.par_iter().map(|s| Aligned::new(s, res, false)).collect();
    let data: Vec<(SentenceFeatures, Vec<u8>)> =
        aligned.par_iter().flat_map_iter(|a| sentence_data(a, res, &seed_model)).collect();
    drop(aligned);
    let dev: Vec<Aligned> = dev.par_iter().map(|s| Aligned::new(s, res, false)).collect();

    // the feature dictionary, in first-seen order (deterministic)
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for (f, _) in &data {
        for &h in &f.hashes {
            *counts.entry(h).or_default() += 1;
        }
    }
    let mut index: HashMap<u64, u32> = HashMap::new();
    let mut hashes: Vec<u64> = Vec::new();
    let examples: Vec<Example> = data
        .iter()
        .map(|(f, gold)| {
            let mut feats = Vec::with_capacity(f.hashes.len());
            let mut offsets = vec![0u32];
            for k in 0..f.len() {
                for &h in f.of(k) {
                    if counts[&h] >= opts.min_count {
                        let id = *index.entry(h).or_insert_with(|| {
                            hashes.push(h);
                            hashes.len() as u32 - 1
                        });
                        feats.push(id);
                    }
                }
                offsets.push(feats.len() as u32);
            }
            Example { feats, offsets, gold: gold.clone() }
        })
        .collect();
    drop(data);
    let tokens: usize = examples.iter().map(|e| e.gold.len()).sum();
    log(&format!(
        "training data: {} sentences, {} tokens, {} features (of {} seen); dev: {} sentences",
        examples.len(),
        tokens,
        hashes.len(),
        counts.len(),
        dev.len()
    ));

    let runs = opts.runs.max(1);
    let mut states: Vec<(Weights, Rng, Vec<usize>)> = (0..runs)
        .map(|r| {
            let wts = Weights {
                w: vec![0; hashes.len() * N_LABELS],
                u: vec![0; hashes.len() * N_LABELS],
                tw: [[0; N_LABELS]; N_LABELS + 1],
                tu: [[0; N_LABELS]; N_LABELS + 1],
                c: 1,
            };
            let seed = opts.shuffle_seed.wrapping_add(0x9e37_79b9_7f4a_7c15u64.wrapping_mul(r as u64)) | 1;
            (wts, Rng(seed), (0..examples.len()).collect())
        })
        .collect();
    // (dev F1, epoch, model bytes, dev counts, dev margins)
    type Best = (f64, usize, Vec<u8>, ChunkCounts, Vec<(f32, bool)>);
    let mut best: Option<Best> = None;
    for epoch in 1..=opts.epochs {
        // each run is independent: train them in parallel, deterministically
        let errors: usize = states
            .par_iter_mut()
            .map(|(wts, rng, order)| {
                for i in (1..order.len()).rev() {
                    let j = (rng.next() % (i as u64 + 1)) as usize;
                    order.swap(i, j);
                }
                let mut errors = 0usize;
                for &i in order.iter() {
                    let ex = &examples[i];
                    let em = wts.emissions(ex);
                    let pred = tagger::viterbi(&em, &wts.transitions());
                    if pred != ex.gold {
                        errors += pred.iter().zip(&ex.gold).filter(|(p, g)| p != g).count();
                        wts.update(ex, &pred);
                    }
                    wts.c += 1;
                }
                errors
            })
            .collect::<Vec<_>>()
            .iter()
            .sum::<usize>()
            / runs;
        let mut writer = states[0].0.averaged(&hashes, opts.index_bits, 0.0, (1.0, 0.0));
        for (wts, _, _) in &states[1..] {
            let other = wts.averaged(&hashes, opts.index_bits, 0.0, (1.0, 0.0));
            for (a, b) in writer.features.iter_mut().zip(&other.features) {
                for l in 0..N_LABELS {
                    a.1[l] += b.1[l];
                }
            }
            for (a, b) in writer.trans.iter_mut().zip(&other.trans) {
                for l in 0..N_LABELS {
                    a[l] += b[l];
                }
            }
        }
        let bytes = writer.to_bytes();
        let model = NerModel::from_bytes(Cow::Owned(bytes.clone())).expect("a written model reads back");
        let (counts, pairs) = score_dev(&dev, res, &model);
        let (p, r, f) = counts.micro().prf();
        log(&format!(
            "epoch {epoch:>2}: training errors {errors:>6} tokens; dev P {p:.2} R {r:.2} F1 {f:.2}; model {} features, {:.1} MB",
            model.n_features(),
            bytes.len() as f64 / 1e6
        ));
        if best.as_ref().is_none_or(|b| f > b.0) {
            best = Some((f, epoch, bytes, counts, pairs));
        }
    }
    let (f, best_epoch, bytes, dev_counts, pairs) = best.expect("at least one epoch");
    let calibration = calibrate(&pairs);
    // rewrite the kept model with its calibration and dev F1 in the header
    let mut model = bytes;
    let at = 36;
    model[at..at + 4].copy_from_slice(&calibration.0.to_le_bytes());
    model[at + 4..at + 8].copy_from_slice(&calibration.1.to_le_bytes());
    model[at + 8..at + 12].copy_from_slice(&(f as f32).to_le_bytes());
    log(&format!(
        "kept epoch {best_epoch} (dev micro-F1 {f:.2}); confidence = σ({:.3}·margin + {:.3})",
        calibration.0, calibration.1
    ));
    Trained { model, best_epoch, dev: dev_counts }
}

/// K-fold cross-validation on the training data: the training sentences are cut into
/// `folds` contiguous blocks (corpus order, so that an article's sentences stay
/// together); each block is scored by a model trained on the others, its epoch chosen
/// on `dev` as in [`train`]. Returns the pooled counts and each fold's.
pub fn cross_validate(
    train_data: &[ConllSentence],
    dev: &[ConllSentence],
    res: &Resources,
    opts: &TrainOptions,
    folds: usize,
    log: &mut dyn FnMut(&str),
) -> (ChunkCounts, Vec<ChunkCounts>) {
    let folds = folds.clamp(2, train_data.len().max(2));
    let mut pooled = ChunkCounts::default();
    let mut per_fold = Vec::with_capacity(folds);
    for i in 0..folds {
        let (lo, hi) = (i * train_data.len() / folds, (i + 1) * train_data.len() / folds);
        let rest: Vec<ConllSentence> = train_data[..lo].iter().chain(&train_data[hi..]).cloned().collect();
        let trained = train(&rest, dev, res, opts, &mut |_| {});
        let model = NerModel::from_bytes(Cow::Owned(trained.model)).expect("a trained model reads back");
        let held: Vec<Aligned> = train_data[lo..hi].par_iter().map(|s| Aligned::new(s, res, false)).collect();
        let (counts, _) = score_dev(&held, res, &model);
        let (p, r, f) = counts.micro().prf();
        log(&format!(
            "fold {}/{folds}: sentences {lo}..{hi}; epoch {} (dev F1 {:.2}); held-out P {p:.2} R {r:.2} F1 {f:.2}",
            i + 1,
            trained.best_epoch,
            trained.dev.micro().f1()
        ));
        pooled.merge(&counts);
        per_fold.push(counts);
    }
    (pooled, per_fold)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::conll::parse;

    const GOLD: &str = "قال O\nالرئيس O\nسمير B-PERS\nخليل I-PERS\nفي O\nبيروت B-LOC\n. O\n\n\
        زار O\nوزير O\nخارجية O\nلبنان B-LOC\nمقر O\nالأمم B-ORG\nالمتحدة I-ORG\nفي O\nنيويورك B-LOC\n. O\n\n\
        وأكد O\nكريم B-PERS\nسالم I-PERS\nأن O\nشركة O\nنوكيا B-ORG\nستفتح O\nمكتبا O\nفي O\nدبي B-LOC\n. O\n";

    #[test]
    fn training_is_deterministic_and_learns() {
        let data = parse(GOLD, "gold").unwrap();
        let res = Resources::embedded();
        let opts = TrainOptions { epochs: 3, min_count: 1, ..TrainOptions::default() };
        let a = train(&data, &data, res, &opts, &mut |_| {});
        let b = train(&data, &data, res, &opts, &mut |_| {});
        assert_eq!(a.model, b.model, "same data, same options: byte-identical model");
        let model = NerModel::from_bytes(Cow::Owned(a.model)).unwrap();
        assert!(model.n_features() > 0);
        assert!(a.dev.micro().f1() > 90.0, "it fits its own training data: {}", a.dev.report());
    }

    #[test]
    fn calibration_orders_margins() {
        let pairs: Vec<(f32, bool)> = (0..100).map(|i| (i as f32 / 10.0, i % 10 < i / 10)).collect();
        let (a, b) = calibrate(&pairs);
        let sig = |m: f32| 1.0 / (1.0 + (-(a * m + b)).exp());
        assert!(a > 0.0);
        assert!(sig(9.0) > sig(1.0));
    }
}
