//! The tagger's model: a weight per (feature, tag), most of them zero, read from
//! `resources/models/pos.bin`.
//!
//! ## Model file
//!
//! Little-endian throughout:
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic `MRSDPOS\0` |
//! | 4 | format version (`u32`, [`FORMAT_VERSION`]) |
//! | 4 | number of tags (`u32`, 17: the order of `Upos::ALL`) |
//! | 8 | hash seed of the features (`u64`) |
//! | 4 | weight scale (`f32`): a score is the sum of weights divided by it |
//! | 8 | confidence calibration `a`, `b` (`f32` each): confidence = σ(a·margin + b) |
//! | 4 | dev accuracy at training, percent (`f32`, for information) |
//! | 4 | number of features `n` (`u32`) |
//! | … | `n` records sorted by hash: the feature's hash (`u64`), the number `m` of its non-zero weights (`u8`), then `m` pairs of a tag index (`u8`) and its weight (`i16`) |
//!
//! Weights are sparse (a feature speaks for a few tags), so a record holds only the
//! non-zero ones; loading builds a hash index over the records.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// Magic bytes at the start of a model file.
pub const MAGIC: &[u8; 8] = b"MRSDPOS\0";
/// Version of the model file format.
pub const FORMAT_VERSION: u32 = 1;
/// Number of tags.
pub const N_TAGS: usize = 17;
/// Header size in bytes.
const HEADER: usize = 8 + 4 + 4 + 8 + 4 + 8 + 4 + 4;

/// Scores of the tags for one piece.
pub type Scores = [f32; N_TAGS];

/// A hasher for keys that are hashes already.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

/// A trained model.
pub struct PosModel {
    /// A number of its own in this process, so that memories of its scores are not
    /// shared with another model.
    id: u64,
    seed: u64,
    calibration: (f32, f32),
    dev_accuracy: f32,
    /// 1 / the weight scale.
    inv_scale: f32,
    /// Weights as runs of (tag << 16 | the weight's 16 bits).
    weights: Vec<u32>,
    /// Where each feature's run starts and how long it is.
    index: HashMap<u64, (u32, u8), BuildHasherDefault<Identity>>,
    size: usize,
}

/// Why model bytes cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a model file.
    #[error("not a marsad part-of-speech model (bad magic bytes)")]
    Magic,
    /// A version this build cannot read.
    #[error("model format version {0}, this build reads version {FORMAT_VERSION}")]
    Version(u32),
    /// Sizes do not add up.
    #[error("model file is truncated or corrupt: {0}")]
    Corrupt(&'static str),
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

fn f32_at(b: &[u8], at: usize) -> f32 {
    f32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

impl PosModel {
    /// Reads a model from its bytes (see the module documentation).
    pub fn from_bytes(b: &[u8]) -> Result<PosModel, ModelError> {
        if b.len() < HEADER || &b[..8] != MAGIC {
            return Err(ModelError::Magic);
        }
        let version = u32_at(b, 8);
        if version != FORMAT_VERSION {
            return Err(ModelError::Version(version));
        }
        if u32_at(b, 12) as usize != N_TAGS {
            return Err(ModelError::Corrupt("wrong number of tags"));
        }
        let seed = u64::from_le_bytes(b[16..24].try_into().expect("8 bytes"));
        let scale = f32_at(b, 24);
        if !(scale.is_finite() && scale > 0.0) {
            return Err(ModelError::Corrupt("bad weight scale"));
        }
        let calibration = (f32_at(b, 28), f32_at(b, 32));
        let dev_accuracy = f32_at(b, 36);
        let n = u32_at(b, 40) as usize;
        let mut index = HashMap::with_capacity_and_hasher(n, Default::default());
        let mut weights = Vec::with_capacity(n * 2);
        let mut at = HEADER;
        for _ in 0..n {
            if at + 9 > b.len() {
                return Err(ModelError::Corrupt("truncated feature record"));
            }
            let h = u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"));
            let m = b[at + 8] as usize;
            at += 9;
            if at + 3 * m > b.len() {
                return Err(ModelError::Corrupt("truncated weights"));
            }
            index.insert(h, (weights.len() as u32, m as u8));
            for j in 0..m {
                let tag = b[at + 3 * j];
                if tag as usize >= N_TAGS {
                    return Err(ModelError::Corrupt("tag index out of range"));
                }
                let w = i16::from_le_bytes([b[at + 3 * j + 1], b[at + 3 * j + 2]]);
                weights.push((tag as u32) << 16 | w as u16 as u32);
            }
            at += 3 * m;
        }
        if at != b.len() {
            return Err(ModelError::Corrupt("size does not match the header"));
        }
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        Ok(PosModel { id, seed, inv_scale: 1.0 / scale, calibration, dev_accuracy, weights, index, size: b.len() })
    }

    /// The model embedded in the binary (`resources/models/pos.bin`).
    pub fn embedded() -> PosModel {
        static BYTES: &[u8] = include_bytes!("../../../../../resources/models/pos.bin");
        PosModel::from_bytes(BYTES).expect("the embedded part-of-speech model is valid")
    }

    /// Its number in this process (each model read gets its own).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The seed the model's features are hashed with.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.index.len()
    }

    /// Size of the model file in bytes.
    pub fn size(&self) -> usize {
        self.size
    }

    /// The dev accuracy recorded at training, percent.
    pub fn dev_accuracy(&self) -> f32 {
        self.dev_accuracy
    }

    /// Adds the weights of the features `hashes` to `scores`.
    pub fn add(&self, hashes: &[u64], scores: &mut Scores) {
        // find every run first, then add them: the memory reads overlap
        let mut runs = [(0u32, 0u8); 48];
        let mut acc = [0i32; N_TAGS];
        for chunk in hashes.chunks(runs.len()) {
            let mut n = 0;
            for h in chunk {
                if let Some(&r) = self.index.get(h) {
                    runs[n] = r;
                    n += 1;
                }
            }
            for &(at, m) in &runs[..n] {
                for &x in &self.weights[at as usize..at as usize + m as usize] {
                    acc[(x >> 16) as usize] += x as u16 as i16 as i32;
                }
            }
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s += a as f32 * self.inv_scale;
        }
    }

    /// Confidence of a decision won by score margin `margin`, in (0, 1), two decimals.
    pub fn confidence(&self, margin: f32) -> f32 {
        let (a, b) = self.calibration;
        let c = 1.0 / (1.0 + (-(a * margin + b)).exp());
        (c.clamp(0.01, 0.99) * 100.0).round() / 100.0
    }
}

/// Writes a model file.
pub struct ModelWriter {
    /// Hash seed of the features.
    pub seed: u64,
    /// Features: hash and weights (unscaled), any order.
    pub features: Vec<(u64, Scores)>,
    /// Weights whose magnitude is under this share of the largest are dropped.
    pub prune: f32,
    /// Calibration of the confidence.
    pub calibration: (f32, f32),
    /// Dev accuracy, percent, for information.
    pub dev_accuracy: f32,
}

impl ModelWriter {
    /// The model file's bytes: weights quantised to `i16` with one scale, zero weights
    /// and featureless records dropped, records sorted by hash.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.features.iter().flat_map(|(_, w)| w.iter()).fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
        let floor = self.prune * max;
        let mut records: Vec<(u64, Vec<(u8, i16)>)> = self
            .features
            .iter()
            .map(|(h, w)| {
                let row = w
                    .iter()
                    .enumerate()
                    .filter(|(_, &x)| x.abs() >= floor)
                    .map(|(t, &x)| (t as u8, (x * scale).round().clamp(-32767.0, 32767.0) as i16))
                    .filter(|&(_, q)| q != 0)
                    .collect();
                (*h, row)
            })
            .filter(|(_, row): &(u64, Vec<_>)| !row.is_empty())
            .collect();
        records.sort_by_key(|r| r.0);
        records.dedup_by_key(|r| r.0);
        let mut out = Vec::with_capacity(HEADER + records.len() * 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&self.seed.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&self.calibration.0.to_le_bytes());
        out.extend_from_slice(&self.calibration.1.to_le_bytes());
        out.extend_from_slice(&self.dev_accuracy.to_le_bytes());
        out.extend_from_slice(&(records.len() as u32).to_le_bytes());
        for (h, row) in &records {
            out.extend_from_slice(&h.to_le_bytes());
            out.push(row.len() as u8);
            for &(t, w) in row {
                out.push(t);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_round_trips_through_bytes() {
        let mut w = [0f32; N_TAGS];
        w[3] = 2.0;
        w[5] = -1.0;
        let writer = ModelWriter {
            seed: 9,
            features: vec![(42, w), (7, [0.0; N_TAGS])],
            prune: 0.0,
            calibration: (1.0, 0.0),
            dev_accuracy: 95.0,
        };
        let bytes = writer.to_bytes();
        assert_eq!(bytes, writer.to_bytes(), "writing is deterministic");
        let m = PosModel::from_bytes(&bytes).unwrap();
        assert_eq!((m.n_features(), m.seed()), (1, 9), "zero rows are dropped");
        let mut s = [0f32; N_TAGS];
        m.add(&[42, 7, 42], &mut s);
        assert!((s[3] - 4.0).abs() < 1e-3 && (s[5] + 2.0).abs() < 1e-3);
        assert!(matches!(PosModel::from_bytes(b"nope"), Err(ModelError::Magic)));
        assert!(matches!(PosModel::from_bytes(&bytes[..bytes.len() - 1]), Err(ModelError::Corrupt(_))));
    }
}
