//! The tagger's model and decoding: a linear model over hashed features
//! ([`super::features`]) and tag transitions, decoded with Viterbi under the BILOU
//! constraints, with max-marginals for confidence.
//!
//! Labels are BILOU over the four types: `O`, and per type `B-` (first token of a
//! name of several tokens), `I-` (inside), `L-` (last) and `U-` (a one-token name).
//! After `B-X` or `I-X` only `I-X` or `L-X` may come; after `O`, `L-` or `U-` only
//! `O`, `B-` or `U-`; a sentence starts like after `O` and ends on `O`, `L-` or `U-`.
//! (BILOU lets the model learn how names end, not only how they begin.)
//!
//! ## Model file (`resources/models/ner.bin`)
//!
//! Little-endian throughout:
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic `MRSDNER\0` |
//! | 4 | format version (`u32`, [`FORMAT_VERSION`]) |
//! | 4 | number of labels (`u32`, 17) |
//! | 8 | hash seed (`u64`) |
//! | 4 | number of features `n` (`u32`) |
//! | 4 | index bits `b` (`u32`) |
//! | 4 | weight scale (`f32`): a score is the sum of weights divided by it |
//! | 8 | confidence calibration `a`, `b` (`f32` each): confidence = σ(a·margin + b) |
//! | 4 | best dev micro-F1 (`f32`, for information) |
//! | 2·(L+1)·L | transitions (`i16`): row 0 from the sentence start, row 1+p from label p |
//! | 4·(2^b+1) | bucket index (`u32`): features of bucket k (top `b` bits of the hash) are `index[k]..index[k+1]` |
//! | (4+2·L)·n | one record per feature, sorted by bucket then fingerprint: its fingerprint (`u32`: the low 32 bits of its hash), then its row of L weights (`i16`) |
//!
//! A feature's fingerprint and weights sit side by side, so that scoring a feature
//! touches two places in memory (its bucket and its record). The model is read in
//! place: loading checks the header and sizes only.

use std::borrow::Cow;

use super::features::{Hasher, SentenceFeatures};

/// Magic bytes at the start of a model file.
pub const MAGIC: &[u8; 8] = b"MRSDNER\0";
/// Version of the model file format.
pub const FORMAT_VERSION: u32 = 3;
/// Bytes of one feature record: fingerprint and weights.
const RECORD: usize = 4 + 2 * N_LABELS;
/// Number of labels.
pub const N_LABELS: usize = 17;
/// Header size in bytes.
const HEADER: usize = 8 + 4 + 4 + 8 + 4 + 4 + 4 + 8 + 4;

/// The labels, BILOU over four types.
pub const LABELS: [&str; N_LABELS] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC", "L-LOC", "U-LOC",
    "B-MISC", "I-MISC", "L-MISC", "U-MISC",
];

/// The label `O`.
pub const O: u8 = 0;

/// The label of type `t` (0 PER, 1 ORG, 2 LOC, 3 MISC) and position `pos` (`B`, `I`, `L`, `U`).
pub const fn bilou(t: usize, pos: char) -> u8 {
    let p = match pos {
        'B' => 0,
        'I' => 1,
        'L' => 2,
        _ => 3,
    };
    (1 + 4 * t + p) as u8
}

/// The position of label `l` within its type: 0 `B`, 1 `I`, 2 `L`, 3 `U` (`None` for `O`).
fn position(l: u8) -> Option<u8> {
    (l != 0).then(|| (l - 1) % 4)
}

/// The entity type of a label: 0 PER, 1 ORG, 2 LOC, 3 MISC (`None` for `O`).
pub fn type_of(l: u8) -> Option<usize> {
    (l != 0).then(|| (l as usize - 1) / 4)
}

/// True when label `l` continues a name begun before it (`I-`, `L-`).
pub fn continues(l: u8) -> bool {
    matches!(position(l), Some(1 | 2))
}

/// True when a name is open after label `l` (`B-`, `I-`): the next label must continue it.
fn open(l: u8) -> bool {
    matches!(position(l), Some(0 | 1))
}

/// True when label `cur` may follow `prev` (`None`: the sentence start).
pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
    match prev {
        Some(p) if open(p) => continues(cur) && type_of(p) == type_of(cur),
        _ => !continues(cur),
    }
}

/// True when a sentence may end on label `l`.
pub fn may_end(l: u8) -> bool {
    !open(l)
}

/// Scores for one sentence: `emissions[k][l]` for token k and label l, and the
/// transition scores `trans[0][l]` from the start and `trans[1 + p][l]` from label p.
pub type Emissions = Vec<[f32; N_LABELS]>;
/// Transition scores (see [`Emissions`]).
pub type Transitions = [[f32; N_LABELS]; N_LABELS + 1];

const NEG: f32 = -1e30;

/// The transitions with the forbidden ones set to `NEG`, and `NEG` for forbidden ends
/// (the last row), so that decoding needs no test in its inner loops.
fn masked(trans: &Transitions) -> ([[f32; N_LABELS]; N_LABELS + 1], [f32; N_LABELS]) {
    let mut t = *trans;
    for (r, row) in t.iter_mut().enumerate() {
        let prev = if r == 0 { None } else { Some(r as u8 - 1) };
        for (l, x) in row.iter_mut().enumerate() {
            if !allowed(prev, l as u8) {
                *x = NEG;
            }
        }
    }
    let mut end = [0f32; N_LABELS];
    for (l, e) in end.iter_mut().enumerate() {
        if !may_end(l as u8) {
            *e = NEG;
        }
    }
    (t, end)
}

/// Forward pass: `alpha[k][l]`, the best score of a labelling of tokens `0..=k` ending
/// in `l`, and the label before `l` on that labelling.
fn forward(em: &[[f32; N_LABELS]], t: &[[f32; N_LABELS]; N_LABELS + 1]) -> (Vec<[f32; N_LABELS]>, Vec<[u8; N_LABELS]>) {
    let n = em.len();
    let mut alpha = vec![[NEG; N_LABELS]; n];
    let mut back = vec![[0u8; N_LABELS]; n];
    for l in 0..N_LABELS {
        alpha[0][l] = t[0][l] + em[0][l];
    }
    for k in 1..n {
        let prev = alpha[k - 1];
        for l in 0..N_LABELS {
            let mut best = NEG * 4.0;
            let mut arg = 0u8;
            for (p, &a) in prev.iter().enumerate() {
                let s = a + t[1 + p][l];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            alpha[k][l] = (best + em[k][l]).max(NEG);
            back[k][l] = arg;
        }
    }
    (alpha, back)
}

/// The best labelling, read back from the forward pass.
fn best_path(alpha: &[[f32; N_LABELS]], back: &[[u8; N_LABELS]], end: &[f32; N_LABELS]) -> Vec<u8> {
    let n = alpha.len();
    let mut last = 0usize;
    for l in 1..N_LABELS {
        if alpha[n - 1][l] + end[l] > alpha[n - 1][last] + end[last] {
            last = l;
        }
    }
    let mut path = vec![0u8; n];
    path[n - 1] = last as u8;
    for k in (1..n).rev() {
        path[k - 1] = back[k][path[k] as usize];
    }
    path
}

/// The best label sequence under the BILOU constraints.
pub fn viterbi(em: &[[f32; N_LABELS]], trans: &Transitions) -> Vec<u8> {
    if em.is_empty() {
        return Vec::new();
    }
    let (t, end) = masked(trans);
    let (alpha, back) = forward(em, &t);
    best_path(&alpha, &back, &end)
}

/// The best label sequence and the max-marginals (see [`max_marginals`]) in one go.
pub fn decode(em: &[[f32; N_LABELS]], trans: &Transitions) -> (Vec<u8>, Vec<[f32; N_LABELS]>) {
    let n = em.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let (t, end) = masked(trans);
    let (alpha, back) = forward(em, &t);
    let path = best_path(&alpha, &back, &end);
    // backward pass: beta[k][p], the best score of tokens k+1.. after label p at k
    let mut beta = vec![[0f32; N_LABELS]; n];
    beta[n - 1] = end;
    for k in (0..n - 1).rev() {
        let mut next = [0f32; N_LABELS];
        for l in 0..N_LABELS {
            next[l] = em[k + 1][l] + beta[k + 1][l];
        }
        for p in 0..N_LABELS {
            let row = &t[1 + p];
            let mut best = NEG * 4.0;
            for l in 0..N_LABELS {
                best = best.max(row[l] + next[l]);
            }
            beta[k][p] = best.max(NEG);
        }
    }
    let mut mm = alpha;
    for k in 0..n {
        for l in 0..N_LABELS {
            mm[k][l] = (mm[k][l] + beta[k][l]).max(NEG);
        }
    }
    (path, mm)
}

/// Max-marginals: `m[k][l]` is the score of the best sequence that has label l at
/// token k (`NEG` or less where none is allowed).
pub fn max_marginals(em: &[[f32; N_LABELS]], trans: &Transitions) -> Vec<[f32; N_LABELS]> {
    decode(em, trans).1
}

/// An entity found by decoding: tokens `start..end` (relative to the sentence),
/// type (0 PER, 1 ORG, 2 LOC, 3 MISC) and the score margin of the decision.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entity type.
    pub kind: usize,
    /// Smallest max-marginal margin over the chunk's tokens and the token after it.
    pub margin: f32,
}

/// The chunks of a label sequence (which must satisfy the BILOU constraints), with
/// their margins from the max-marginals `mm`.
pub fn chunks(path: &[u8], mm: &[[f32; N_LABELS]]) -> Vec<Chunk> {
    let margin_at = |k: usize| -> f32 {
        let best = path[k] as usize;
        let other = (0..N_LABELS).filter(|&l| l != best).map(|l| mm[k][l]).fold(NEG, f32::max);
        (mm[k][best] - other).max(0.0)
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < path.len() {
        if path[k] == O {
            k += 1;
            continue;
        }
        let kind = type_of(path[k]).expect("not O");
        let mut end = k + 1;
        while end < path.len() && continues(path[end]) && type_of(path[end]) == Some(kind) {
            end += 1;
        }
        let mut margin = (k..end).map(margin_at).fold(f32::INFINITY, f32::min);
        if end < path.len() {
            margin = margin.min(margin_at(end));
        }
        out.push(Chunk { start: k, end, kind, margin });
        k = end;
    }
    out
}

/// A trained model, read in place from its bytes.
pub struct NerModel {
    bytes: Cow<'static, [u8]>,
    seed: u64,
    n_features: usize,
    index_bits: u32,
    scale: f32,
    calibration: (f32, f32),
    dev_f1: f32,
    trans: Transitions,
    index_at: usize,
    records_at: usize,
}

/// Why model bytes cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a model file.
    #[error("not a marsad NER model (bad magic bytes)")]
    Magic,
    /// A version this build cannot read.
    #[error("model format version {0}, this build reads version {FORMAT_VERSION}")]
    Version(u32),
    /// Sizes do not add up.
    #[error("model file is truncated or corrupt: {0}")]
    Corrupt(&'static str),
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn i16_at(b: &[u8], at: usize) -> i16 {
    i16::from_le_bytes([b[at], b[at + 1]])
}

impl NerModel {
    /// Reads a model from its bytes (see the module documentation).
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Result<NerModel, ModelError> {
        let b = &bytes[..];
        if b.len() < HEADER || &b[..8] != MAGIC {
            return Err(ModelError::Magic);
        }
        let version = u32_at(b, 8);
        if version != FORMAT_VERSION {
            return Err(ModelError::Version(version));
        }
        if u32_at(b, 12) as usize != N_LABELS {
            return Err(ModelError::Corrupt("wrong number of labels"));
        }
        let seed = u64::from_le_bytes(b[16..24].try_into().expect("8 bytes"));
        let n_features = u32_at(b, 24) as usize;
        let index_bits = u32_at(b, 28);
        if index_bits > 24 {
            return Err(ModelError::Corrupt("index too large"));
        }
        let f = |at: usize| f32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"));
        let scale = f(32);
        let calibration = (f(36), f(40));
        let dev_f1 = f(44);
        let trans_at = HEADER;
        let index_at = trans_at + 2 * (N_LABELS + 1) * N_LABELS;
        let records_at = index_at + 4 * ((1usize << index_bits) + 1);
        let end = records_at + RECORD * n_features;
        if b.len() != end {
            return Err(ModelError::Corrupt("size does not match the header"));
        }
        if !(scale.is_finite() && scale > 0.0) {
            return Err(ModelError::Corrupt("bad weight scale"));
        }
        if u32_at(b, records_at - 4) as usize != n_features {
            return Err(ModelError::Corrupt("bucket index does not end at the feature count"));
        }
        let mut trans = [[0f32; N_LABELS]; N_LABELS + 1];
        for (r, row) in trans.iter_mut().enumerate() {
            for (l, t) in row.iter_mut().enumerate() {
                *t = i16_at(b, trans_at + 2 * (r * N_LABELS + l)) as f32 / scale;
            }
        }
        Ok(NerModel { seed, n_features, index_bits, scale, calibration, dev_f1, trans, index_at, records_at, bytes })
    }

    /// The model embedded in the binary (`resources/models/ner.bin`).
    pub fn embedded() -> NerModel {
        static BYTES: &[u8] = include_bytes!("../../../../resources/models/ner.bin");
        NerModel::from_bytes(Cow::Borrowed(BYTES)).expect("the embedded NER model is valid")
    }

    /// The hasher the model's features are hashed with.
    pub fn hasher(&self) -> Hasher {
        Hasher::new(self.seed)
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Size of the model in bytes.
    pub fn size(&self) -> usize {
        self.bytes.len()
    }

    /// The dev micro-F1 recorded at training.
    pub fn dev_f1(&self) -> f32 {
        self.dev_f1
    }

    /// Transition scores.
    pub fn transitions(&self) -> &Transitions {
        &self.trans
    }

    /// Where the row of weights of a feature hash starts, if the model has it.
    fn row(&self, hash: u64) -> Option<usize> {
        if self.n_features == 0 {
            return None;
        }
        let b = &self.bytes[..];
        let bucket = (hash >> (64 - self.index_bits)) as usize;
        let lo = u32_at(b, self.index_at + 4 * bucket) as usize;
        let hi = u32_at(b, self.index_at + 4 * bucket + 4) as usize;
        let fp = hash as u32;
        (lo..hi).map(|r| self.records_at + RECORD * r).find(|&at| u32_at(b, at) == fp).map(|at| at + 4)
    }

    /// Emission scores of a sentence's features.
    pub fn emissions(&self, feats: &SentenceFeatures) -> Emissions {
        let b = &self.bytes[..];
        let inv = 1.0 / self.scale;
        let mut rows: Vec<usize> = Vec::with_capacity(64);
        (0..feats.len())
            .map(|k| {
                // find every row first, then add them: the memory reads overlap
                rows.clear();
                rows.extend(feats.of(k).iter().filter_map(|&h| self.row(h)));
                let mut acc = [0i32; N_LABELS];
                for &at in &rows {
                    let row: &[u8; 2 * N_LABELS] = b[at..at + 2 * N_LABELS].try_into().expect("a full row");
                    for (a, w) in acc.iter_mut().zip(row.chunks_exact(2)) {
                        *a += i16::from_le_bytes([w[0], w[1]]) as i32;
                    }
                }
                acc.map(|a| a as f32 * inv)
            })
            .collect()
    }

    /// Confidence of a chunk with score margin `margin`, in (0, 1), to two decimals.
    pub fn confidence(&self, margin: f32) -> f32 {
        let (a, b) = self.calibration;
        let c = 1.0 / (1.0 + (-(a * margin + b)).exp());
        (c.clamp(0.01, 0.99) * 100.0).round() / 100.0
    }
}

/// Writes a model file.
pub struct ModelWriter {
    /// Hash seed.
    pub seed: u64,
    /// Index bits.
    pub index_bits: u32,
    /// Transition weights (unscaled).
    pub trans: [[f32; N_LABELS]; N_LABELS + 1],
    /// Features: hash and weights (unscaled), any order; zero rows are dropped.
    pub features: Vec<(u64, [f32; N_LABELS])>,
    /// Calibration of the confidence.
    pub calibration: (f32, f32),
    /// Dev micro-F1, for information.
    pub dev_f1: f32,
}

impl ModelWriter {
    /// The model file's bytes: weights quantised to `i16` with one scale.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .features
            .iter()
            .flat_map(|(_, w)| w.iter())
            .chain(self.trans.iter().flatten())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
        let q = |w: f32| (w * scale).round().clamp(-32767.0, 32767.0) as i16;
        let mut feats: Vec<(u64, [i16; N_LABELS])> =
            self.features.iter().map(|(h, w)| (*h, w.map(q))).filter(|(_, w)| w.iter().any(|&x| x != 0)).collect();
        let bits = self.index_bits;
        let key = |h: u64| (h >> (64 - bits), h as u32);
        feats.sort_by_key(|(h, _)| key(*h));
        // two hashes with the same bucket and fingerprint cannot be told apart: merge them
        feats.dedup_by(|b, a| {
            if key(a.0) == key(b.0) {
                for l in 0..N_LABELS {
                    a.1[l] = a.1[l].saturating_add(b.1[l]);
                }
                true
            } else {
                false
            }
        });
        let mut out = Vec::with_capacity(HEADER + feats.len() * (4 + 2 * N_LABELS) + (4 << bits));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
        out.extend_from_slice(&self.seed.to_le_bytes());
        out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
        out.extend_from_slice(&bits.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&self.calibration.0.to_le_bytes());
        out.extend_from_slice(&self.calibration.1.to_le_bytes());
        out.extend_from_slice(&self.dev_f1.to_le_bytes());
        for row in &self.trans {
            for &w in row {
                out.extend_from_slice(&q(w).to_le_bytes());
            }
        }
        let mut at = 0usize;
        for bucket in 0..=(1u64 << bits) {
            while at < feats.len() && (feats[at].0 >> (64 - bits)) < bucket {
                at += 1;
            }
            out.extend_from_slice(&(at as u32).to_le_bytes());
        }
        for (h, w) in &feats {
            out.extend_from_slice(&(*h as u32).to_le_bytes());
            for &x in w {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_trans() -> Transitions {
        [[0.0; N_LABELS]; N_LABELS + 1]
    }

    #[test]
    fn viterbi_keeps_the_bilou_constraints() {
        let (b_per, i_per, l_per, u_per) = (bilou(0, 'B'), bilou(0, 'I'), bilou(0, 'L'), bilou(0, 'U'));
        let (l_loc, u_loc) = (bilou(2, 'L'), bilou(2, 'U'));
        // I-PER is best everywhere: the decoder must open with B-PER and close with L-PER
        let mut em = vec![[0.0f32; N_LABELS]; 3];
        for e in em.iter_mut() {
            e[i_per as usize] = 5.0;
            e[b_per as usize] = 1.0;
        }
        let path = viterbi(&em, &no_trans());
        assert_eq!(path, vec![b_per, i_per, l_per]);
        // L-LOC after B-PER is not allowed; a lone name is U-
        let mut em = vec![[0.0f32; N_LABELS]; 2];
        em[0][b_per as usize] = 5.0;
        em[0][u_per as usize] = 4.0;
        em[1][l_loc as usize] = 5.0;
        em[1][u_loc as usize] = 2.0;
        let path = viterbi(&em, &no_trans());
        assert_eq!(path, vec![u_per, u_loc]);
        for (k, &l) in path.iter().enumerate() {
            assert!(allowed(if k == 0 { None } else { Some(path[k - 1]) }, l));
        }
        assert!(may_end(*path.last().unwrap()));
        // a name left open at the end of the sentence is not allowed
        let mut em = vec![[0.0f32; N_LABELS]; 1];
        em[0][b_per as usize] = 9.0;
        assert_eq!(viterbi(&em, &no_trans()), vec![0]);
    }

    #[test]
    fn max_marginals_agree_with_viterbi() {
        let mut em: Emissions = vec![[0.0; N_LABELS]; 3];
        let (b_per, l_per) = (bilou(0, 'B') as usize, bilou(0, 'L') as usize);
        em[0][b_per] = 2.0;
        em[0][bilou(1, 'U') as usize] = 0.5;
        em[0][bilou(2, 'B') as usize] = 1.0;
        em[1][0] = 0.5;
        em[1][l_per] = 2.5;
        em[1][bilou(2, 'L') as usize] = 1.0;
        em[2][0] = 3.0;
        em[2][bilou(3, 'U') as usize] = 0.1;
        let mut trans = no_trans();
        trans[1 + b_per][l_per] = 0.5;
        let path = viterbi(&em, &trans);
        let mm = max_marginals(&em, &trans);
        let best: f32 = path.iter().enumerate().map(|(k, &l)| em[k][l as usize]).sum::<f32>() + 0.5;
        for (k, &l) in path.iter().enumerate() {
            assert!((mm[k][l as usize] - best).abs() < 1e-4);
            for (o, &v) in mm[k].iter().enumerate() {
                assert!(v <= best + 1e-4, "{k} {o}");
            }
        }
        let c = chunks(&path, &mm);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].start, c[0].end, c[0].kind), (0, 2, 0));
        assert!(c[0].margin > 0.0);
    }

    #[test]
    fn model_round_trips_through_bytes() {
        let h = Hasher::new(7);
        let fa = h.hash(1, &[b"a"]);
        let fb = h.hash(1, &[b"b"]);
        let mut w = [0f32; N_LABELS];
        w[1] = 2.0;
        let writer = ModelWriter {
            seed: 7,
            index_bits: 8,
            trans: no_trans(),
            features: vec![(fa, w), (fb, [0.0; N_LABELS])],
            calibration: (1.0, 0.0),
            dev_f1: 0.5,
        };
        let bytes = writer.to_bytes();
        assert_eq!(bytes, writer.to_bytes(), "writing is deterministic");
        let m = NerModel::from_bytes(Cow::Owned(bytes)).unwrap();
        assert_eq!(m.n_features(), 1, "zero rows are dropped");
        let feats = SentenceFeatures { hashes: vec![fa, fb], offsets: vec![0, 1, 2] };
        let em = m.emissions(&feats);
        assert!((em[0][1] - 2.0).abs() < 1e-3);
        assert_eq!(em[1], [0.0; N_LABELS]);
        assert!(matches!(NerModel::from_bytes(Cow::Owned(b"nope".to_vec())), Err(ModelError::Magic)));
    }
}
