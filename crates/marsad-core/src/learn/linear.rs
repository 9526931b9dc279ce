//! Multi-label logistic regression over named features.
//!
//! A feature is a template and a value (`w=الوزير`, `cue+1=fear`). Feature
//! extraction writes into a [`FeatureSink`]: at training time the sink keeps the
//! names, at run time it keeps only their 64-bit hashes ([`feature_hash`], fixed,
//! no random state), so the same code extracts features for both.
//!
//! Training is one-vs-rest logistic regression with AdaGrad and L2 decay, over
//! examples visited in an order drawn from a fixed seed: the same data and options
//! give the same model file. The file is TSV, one row a (feature, label, weight),
//! sorted, readable and diffable:
//!
//! ```text
//! # comment lines
//! labels      Loaded_Language  Doubt  …
//! thresholds  0.42             0.55   …
//! bias        -3.1             -4.7   …
//! w=وحشي      Loaded_Language  1.2345
//! ```

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

/// The hash of feature `template=value`, as stored by [`LinearModel`].
pub fn feature_hash(template: &str, value: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(template.as_bytes());
    h.write_u8(0xff);
    h.write(value.as_bytes());
    h.finish()
}

/// The lines of a model file, without their line ends (LF or CRLF). Model files
/// hold tens of thousands of short lines: splitting at bytes with `memchr` is
/// what keeps loading them fast.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (line, after) = split_at_byte(rest, b'\n').unwrap_or((rest, ""));
        rest = after;
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// `s` split around the first `byte` (an ASCII character, so both halves are
/// whole characters).
fn split_at_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    let at = memchr::memchr(byte, s.as_bytes())?;
    Some((&s[..at], &s[at + 1..]))
}

/// A weight as written in model files (`-1.2345`): read digit by digit, which
/// is several times faster than a general float parser on tens of thousands of
/// lines; anything else (exponents, `inf`) goes to the general parser.
fn parse_weight(s: &str) -> Option<f32> {
    let (neg, digits) = s.strip_prefix('-').map_or((false, s), |d| (true, d));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || int.len() + frac.len() > 15 || !plain(int) || !plain(frac) {
        return s.parse().ok();
    }
    let n = int.bytes().chain(frac.bytes()).fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
    let v = n as f64 / 10f64.powi(frac.len() as i32);
    Some(if neg { -v } else { v } as f32)
}

/// Where feature extraction writes its features.
pub trait FeatureSink {
    /// Adds feature `template=value`.
    fn add(&mut self, template: &str, value: &str);
}

/// Run-time features: their hashes.
impl FeatureSink for Vec<u64> {
    fn add(&mut self, template: &str, value: &str) {
        self.push(feature_hash(template, value));
    }
}

/// Training features: their names.
impl FeatureSink for Vec<String> {
    fn add(&mut self, template: &str, value: &str) {
        self.push(format!("{template}={value}"));
    }
}

/// A trained model, read from its TSV file.
#[derive(Clone, Debug, Default)]
pub struct LinearModel {
    labels: Vec<String>,
    thresholds: Vec<f32>,
    bias: Vec<f32>,
    /// Feature hash → its run in `rows`.
    weights: FxHashMap<u64, (u32, u32)>,
    /// Every (label, weight) of every feature, a feature's together.
    rows: Vec<(u16, f32)>,
}

impl LinearModel {
    /// Reads a model file; the error names the line.
    pub fn parse(text: &str) -> Result<LinearModel, String> {
        let mut model = LinearModel::default();
        // labels by name, for the weight lines (tens of thousands of them)
        let mut label_of: FxHashMap<&str, u16> = FxHashMap::default();
        let mut entries: Vec<(u64, u16, f32)> = Vec::new();
        for (n, line) in lines(text).enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |what: &str| format!("line {}: {what}: {line:?}", n + 1);
            let numbers = |rest: &str| -> Result<Vec<f32>, String> {
                rest.split('\t').map(|v| v.parse::<f32>().map_err(|_| bad("not a number"))).collect()
            };
            let (head, rest) = split_at_byte(line, b'\t').unwrap_or((line, ""));
            match head {
                "labels" => {
                    model.labels = rest.split('\t').map(str::to_owned).collect();
                    label_of = rest.split('\t').enumerate().map(|(i, l)| (l, i as u16)).collect();
                }
                "thresholds" => model.thresholds = numbers(rest)?,
                "bias" => model.bias = numbers(rest)?,
                feature => {
                    let Some((label, weight)) = split_at_byte(rest, b'\t').filter(|(_, w)| !w.contains('\t')) else {
                        return Err(bad("expected feature, label, weight"));
                    };
                    let (template, value) = split_at_byte(feature, b'=').ok_or_else(|| bad("feature without `=`"))?;
                    let label = *label_of.get(label).ok_or_else(|| bad("unknown label"))?;
                    let weight = parse_weight(weight).ok_or_else(|| bad("not a number"))?;
                    entries.push((feature_hash(template, value), label, weight));
                }
            }
        }
        model.set_weights(entries);
        if model.labels.is_empty() {
            return Err("no `labels` line".into());
        }
        if model.bias.len() != model.labels.len() || model.thresholds.len() != model.labels.len() {
            return Err("`bias` and `thresholds` need one value per label".into());
        }
        Ok(model)
    }

    /// The labels, in output order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The index of `label`.
    pub fn label_index(&self, label: &str) -> Option<usize> {
        self.labels.iter().position(|l| l == label)
    }

    /// Stores (feature hash, label, weight) entries so that a feature's weights
    /// sit side by side, found through one map entry. Model files list a
    /// feature's lines together; other orders are sorted first.
    fn set_weights(&mut self, mut entries: Vec<(u64, u16, f32)>) {
        if !self.index_runs(&entries) {
            entries.sort_by_key(|e| e.0);
            self.index_runs(&entries);
        }
        self.rows = entries.iter().map(|&(_, l, w)| (l, w)).collect();
    }

    /// Maps each feature to its run of entries; false when a feature's entries
    /// are not together.
    fn index_runs(&mut self, entries: &[(u64, u16, f32)]) -> bool {
        use std::collections::hash_map::Entry;
        self.weights = FxHashMap::default();
        self.weights.reserve(entries.len());
        for (at, e) in entries.iter().enumerate() {
            match self.weights.entry(e.0) {
                Entry::Occupied(mut run) if run.get().0 + run.get().1 == at as u32 => run.get_mut().1 += 1,
                Entry::Occupied(_) => return false,
                Entry::Vacant(v) => {
                    v.insert((at as u32, 1));
                }
            }
        }
        true
    }

    /// The (label, weight) pairs of feature hash `h`.
    fn row(&self, h: u64) -> Option<&[(u16, f32)]> {
        let &(at, len) = self.weights.get(&h)?;
        Some(&self.rows[at as usize..(at + len) as usize])
    }

    /// The decision threshold of label `i` on [`Self::probabilities`].
    pub fn threshold(&self, i: usize) -> f32 {
        self.thresholds[i]
    }

    /// Sets the decision thresholds (one per label).
    pub fn set_thresholds(&mut self, thresholds: Vec<f32>) {
        assert_eq!(thresholds.len(), self.labels.len());
        self.thresholds = thresholds;
    }

    /// Probabilities of every label for features `feats`, written into `out`.
    pub fn probabilities(&self, feats: &[u64], out: &mut Vec<f32>) {
        out.clear();
        out.extend_from_slice(&self.bias);
        for h in feats {
            if let Some(ws) = self.row(*h) {
                for &(l, w) in ws {
                    out[l as usize] += w;
                }
            }
        }
        for v in out.iter_mut() {
            *v = sigmoid(*v);
        }
    }

    /// The contribution of each known feature to label `label`, largest first
    /// (for explanations).
    pub fn contributions<'f>(&self, feats: &'f [(u64, String)], label: usize) -> Vec<(&'f str, f32)> {
        let mut out: Vec<(&str, f32)> = feats
            .iter()
            .filter_map(|(h, name)| {
                let w = self.row(*h)?.iter().find(|(l, _)| *l as usize == label)?.1;
                Some((name.as_str(), w))
            })
            .collect();
        out.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        out
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// One training example: feature names, the indexes of its true labels, a weight.
#[derive(Clone, Debug)]
pub struct Example {
    /// Feature names (`template=value`).
    pub features: Vec<String>,
    /// Indexes of the labels that hold.
    pub labels: Vec<u16>,
    /// Indexes of the labels nobody judged for this example: they neither hold nor
    /// fail, and neither training nor threshold tuning counts them.
    pub unknown: Vec<u16>,
}

/// Training options.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// AdaGrad's base learning rate.
    pub learning_rate: f32,
    /// L2 decay per update.
    pub l2: f32,
    /// Weight of a positive example relative to a negative one (labels are rare).
    pub positive_weight: f32,
    /// Features seen fewer times in all the examples together are dropped.
    pub min_count: u32,
    /// Weights smaller than this are not written.
    pub prune: f32,
    /// Seed of the visiting order.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            learning_rate: 0.2,
            l2: 1e-4,
            positive_weight: 3.0,
            min_count: 3,
            prune: 0.05,
            seed: 0x6d61_7273,
        }
    }
}

/// Trains a model over `labels` and writes it as TSV, `header` lines first (each
/// prefixed with `# `). Thresholds start at 0.5; callers tune them.
pub fn train(labels: &[String], examples: &[Example], opts: &TrainOptions, header: &[String]) -> String {
    // Intern the features that occur often enough.
    let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
    for ex in examples {
        for f in &ex.features {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut names: Vec<&str> = counts.iter().filter(|(_, &c)| c >= opts.min_count).map(|(f, _)| *f).collect();
    names.sort_unstable();
    let index: FxHashMap<&str, u32> = names.iter().enumerate().map(|(i, f)| (*f, i as u32)).collect();
    let encoded: Vec<Vec<u32>> =
        examples.iter().map(|ex| ex.features.iter().filter_map(|f| index.get(f.as_str()).copied()).collect()).collect();

    let k = labels.len();
    let mut w = vec![0f32; names.len() * k];
    let mut g2 = vec![1e-6f32; names.len() * k];
    let mut b = vec![0f32; k];
    let mut bg2 = vec![1e-6f32; k];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = opts.seed | 1;
    let mut z = vec![0f32; k];
    for _ in 0..opts.epochs {
        // Fisher–Yates with xorshift: a fixed order per seed.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &e in &order {
            let feats = &encoded[e];
            z.copy_from_slice(&b);
            for &f in feats {
                let row = &w[f as usize * k..(f as usize + 1) * k];
                for (zl, wl) in z.iter_mut().zip(row) {
                    *zl += wl;
                }
            }
            for l in 0..k {
                if examples[e].unknown.contains(&(l as u16)) {
                    continue;
                }
                let y = examples[e].labels.contains(&(l as u16));
                let p = sigmoid(z[l]);
                let g = (p - if y { 1.0 } else { 0.0 }) * if y { opts.positive_weight } else { 1.0 };
                bg2[l] += g * g;
                b[l] -= opts.learning_rate * g / bg2[l].sqrt();
                for &f in feats {
                    let i = f as usize * k + l;
                    let gi = g + opts.l2 * w[i];
                    g2[i] += gi * gi;
                    w[i] -= opts.learning_rate * gi / g2[i].sqrt();
                }
            }
        }
    }

    let mut out = String::new();
    for line in header {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("labels");
    for l in labels {
        out.push('\t');
        out.push_str(l);
    }
    out.push_str("\nthresholds");
    for _ in labels {
        out.push_str("\t0.5");
    }
    out.push_str("\nbias");
    for v in &b {
        out.push_str(&format!("\t{v:.4}"));
    }
    out.push('\n');
    for (fi, name) in names.iter().enumerate() {
        for (l, label) in labels.iter().enumerate() {
            let v = w[fi * k + l];
            if v.abs() >= opts.prune {
                out.push_str(&format!("{name}\t{label}\t{v:.4}\n"));
            }
        }
    }
    out
}

/// Trains on all `examples` and sets each label's threshold to the F1-best point of
/// the grid 0.10…0.95 on out-of-fold probabilities: `fold_of[i]` is example `i`'s
/// fold (examples of one document should share a fold). A label whose best
/// out-of-fold F1 stays under [`MIN_F1`] (or with fewer than three positive examples)
/// gets a threshold above 1: the model cannot tell it, so it never fires. Only the
/// examples with `tune_on[i]` count for the thresholds (the domain the model serves).
pub fn train_tuned(
    labels: &[String],
    examples: &[Example],
    fold_of: &[usize],
    tune_on: &[bool],
    opts: &TrainOptions,
    header: &[String],
) -> String {
    use rayon::prelude::*;
    let folds = fold_of.iter().max().map_or(0, |m| m + 1);
    let mut probs = vec![Vec::new(); examples.len()];
    let parts: Vec<Vec<(usize, Vec<f32>)>> = (0..folds)
        .into_par_iter()
        .map(|f| {
            let rest: Vec<Example> =
                examples.iter().enumerate().filter(|(i, _)| fold_of[*i] != f).map(|(_, e)| e.clone()).collect();
            let model = LinearModel::parse(&train(labels, &rest, opts, &[])).expect("a trained model reads back");
            let mut p = Vec::new();
            examples
                .iter()
                .enumerate()
                .filter(|(i, _)| fold_of[*i] == f)
                .map(|(i, e)| {
                    let feats: Vec<u64> =
                        e.features.iter().filter_map(|n| n.split_once('=').map(|(t, v)| feature_hash(t, v))).collect();
                    model.probabilities(&feats, &mut p);
                    (i, p.clone())
                })
                .collect()
        })
        .collect();
    for (i, p) in parts.into_iter().flatten() {
        probs[i] = p;
    }
    let (tune_ex, tune_probs): (Vec<Example>, Vec<Vec<f32>>) =
        examples.iter().zip(probs).zip(tune_on).filter(|(_, &t)| t).map(|((e, p), _)| (e.clone(), p)).unzip();
    let thresholds: Vec<f32> = (0..labels.len()).map(|l| best_threshold(&tune_ex, &tune_probs, l)).collect();
    // Weights of labels that never fire are dead weight in the file.
    let dead: Vec<&str> =
        labels.iter().zip(&thresholds).filter(|(_, &t)| t >= NEVER).map(|(l, _)| l.as_str()).collect();
    let model = with_thresholds(&train(labels, examples, opts, header), &thresholds);
    model
        .lines()
        .filter(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let weight_row = cols.len() == 3 && !matches!(cols[0], "labels" | "thresholds" | "bias");
            !(weight_row && dead.contains(&cols[1]))
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// The out-of-fold F1 (percent) a label needs for its model to be used.
pub const MIN_F1: f64 = 15.0;

/// The threshold of a label its model cannot tell.
pub const NEVER: f32 = 1.01;

fn best_threshold(examples: &[Example], probs: &[Vec<f32>], l: usize) -> f32 {
    let judged: Vec<usize> = (0..examples.len()).filter(|&i| !examples[i].unknown.contains(&(l as u16))).collect();
    let (examples, probs): (Vec<&Example>, Vec<&Vec<f32>>) = judged.iter().map(|&i| (&examples[i], &probs[i])).unzip();
    let gold = examples.iter().filter(|e| e.labels.contains(&(l as u16))).count();
    if gold < 3 {
        return NEVER;
    }
    let mut best = (MIN_F1, NEVER);
    for step in 2..=19 {
        let thr = step as f32 * 0.05;
        let (mut tp, mut fp) = (0usize, 0usize);
        for (e, p) in examples.iter().zip(probs.iter()) {
            if p.get(l).is_some_and(|&x| x >= thr) {
                if e.labels.contains(&(l as u16)) {
                    tp += 1;
                } else {
                    fp += 1;
                }
            }
        }
        let f = crate::metrics::prf(tp, fp, gold - tp).2;
        if f > best.0 {
            best = (f, thr);
        }
    }
    best.1
}

/// Replaces the `thresholds` line of a model file.
pub fn with_thresholds(model: &str, thresholds: &[f32]) -> String {
    let line = std::iter::once("thresholds".to_string())
        .chain(thresholds.iter().map(|t| format!("{t:.3}")))
        .collect::<Vec<_>>()
        .join("\t");
    model.lines().map(|l| if l.starts_with("thresholds\t") { line.as_str() } else { l }).collect::<Vec<_>>().join("\n")
        + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_read_as_the_general_parser_reads_them() {
        for w in ["1.2345", "-0.0001", "0", "-3", "12.5", "-1.0100", "0.30000001", "1e-3", "-inf", "7.", "-.5"] {
            assert_eq!(parse_weight(w), w.parse::<f32>().ok(), "{w}");
        }
        for bad in ["", "-", "1.2.3", "x", "1,5"] {
            assert_eq!(parse_weight(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_features_lines_may_come_in_any_order() {
        let header = "labels\ta\tb\nthresholds\t0.5\t0.5\nbias\t0\t0\n";
        let grouped = LinearModel::parse(&format!("{header}w=x\ta\t1.5\nw=x\tb\t-2\nw=y\ta\t0.25\n")).unwrap();
        let scattered = LinearModel::parse(&format!("{header}w=x\ta\t1.5\nw=y\ta\t0.25\nw=x\tb\t-2\n")).unwrap();
        let (mut p, mut q) = (Vec::new(), Vec::new());
        let feats = [feature_hash("w", "x"), feature_hash("w", "y")];
        grouped.probabilities(&feats, &mut p);
        scattered.probabilities(&feats, &mut q);
        assert_eq!(p, q);
        assert!((p[0] - sigmoid(1.75)).abs() < 1e-6 && (p[1] - sigmoid(-2.0)).abs() < 1e-6, "{p:?}");
    }

    fn ex(words: &[&str], labels: &[u16]) -> Example {
        Example { features: words.iter().map(|w| format!("w={w}")).collect(), labels: labels.to_vec(), unknown: vec![] }
    }

    #[test]
    fn learns_separable_labels_and_reads_back_its_file() {
        let labels = vec!["good".to_string(), "bad".to_string()];
        let mut data = Vec::new();
        for _ in 0..20 {
            data.push(ex(&["ممتاز", "جميل"], &[0]));
            data.push(ex(&["سيئ", "قبيح"], &[1]));
            data.push(ex(&["عادي"], &[]));
        }
        let file = train(&labels, &data, &TrainOptions::default(), &["test".into()]);
        assert!(file.starts_with("# test\nlabels\tgood\tbad\n"), "{file}");
        let model = LinearModel::parse(&file).unwrap();
        let mut p = Vec::new();
        let feats: Vec<u64> = vec![feature_hash("w", "ممتاز")];
        model.probabilities(&feats, &mut p);
        assert!(p[0] > 0.7 && p[1] < 0.3, "{p:?}");
        model.probabilities(&[feature_hash("w", "قبيح")], &mut p);
        assert!(p[1] > 0.7 && p[0] < 0.3, "{p:?}");
        // Same data, same file.
        assert_eq!(file, train(&labels, &data, &TrainOptions::default(), &["test".into()]));
    }

    #[test]
    fn bad_files_name_the_line() {
        assert!(LinearModel::parse("").unwrap_err().contains("labels"));
        let err = LinearModel::parse("labels\ta\nthresholds\t0.5\nbias\t0\nw=x\tb\t1\n").unwrap_err();
        assert!(err.starts_with("line 4: unknown label"), "{err}");
        let err = LinearModel::parse("labels\ta\nthresholds\tx\n").unwrap_err();
        assert!(err.starts_with("line 2: not a number"), "{err}");
    }

    #[test]
    fn thresholds_line_is_replaced() {
        let m = "labels\ta\tb\nthresholds\t0.5\t0.5\nbias\t0\t0\n";
        let m2 = with_thresholds(m, &[0.3, 0.7]);
        assert_eq!(LinearModel::parse(&m2).unwrap().threshold(1), 0.7);
    }
}
