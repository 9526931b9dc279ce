//! Named-entity evaluation through the real pipeline, conlleval-style.
//!
//! Each gold sentence's tokens are joined with single spaces into a text, which the
//! pipeline analyses like any article. Gold tokens are aligned to marsad tokens by
//! byte spans (a gold token may hold several marsad tokens: `(أ.ف.ب)`); predicted
//! mentions are projected back onto gold tokens (a mention covers every gold token
//! one of its tokens lies in) and compared with the gold chunks by exact span and type.
//!
//! Gold types are mapped to the pipeline's: `PERS`/`PER` → per, `ORG` → org, `LOC`/`GPE`
//! → loc, `MISC` → misc; other types count as misc.

use std::fmt::Write;

use serde_json::{json, Value};

use super::conll::ConllSentence;
use marsad::entities::tagger::{bilou, N_LABELS};
use marsad::entities::{Mention, MentionKind};
use marsad::Resources;
use marsad::STAGES;
use marsad_core::document::{Document, Metadata};
use marsad_core::metrics::prf;
use marsad_core::metrics::round2;

/// The type names, in label order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// The BIO label `O` (gold labels here are BIO: `O`, then `B-`/`I-` per type, type t
/// as `1 + 2t` and `2 + 2t`).
pub const O: u8 = 0;

/// True when BIO label `l` is an `I-` label.
pub fn is_inside(l: u8) -> bool {
    l != 0 && l % 2 == 0
}

/// The entity type of BIO label `l`: 0 PER, 1 ORG, 2 LOC, 3 MISC (`None` for `O`).
pub fn type_of(l: u8) -> Option<usize> {
    (l != 0).then(|| (l as usize - 1) / 2)
}

/// The BIO label id of a CoNLL tag.
pub fn label_of(tag: &str) -> u8 {
    let Some((bio, ty)) = tag.split_once('-') else { return O };
    let t = match ty {
        "PER" | "PERS" | "PERSON" => 0,
        "ORG" => 1,
        "LOC" | "GPE" => 2,
        _ => 3,
    };
    1 + 2 * t + u8::from(bio == "I")
}

/// A gold sentence analysed by the pipeline, with its alignment.
pub struct Aligned {
    /// The analysed text (the gold tokens joined by spaces).
    pub doc: Document,
    /// For each marsad token, the gold token it lies in.
    pub gold_of_token: Vec<usize>,
    /// Gold BIO labels per gold token.
    pub gold: Vec<u8>,
}

/// A chunk: gold tokens `start..end` of type `kind` (0 PER, 1 ORG, 2 LOC, 3 MISC).
pub type Chunk = (usize, usize, usize);

impl Aligned {
    /// Analyses a gold sentence: all stages, or all before `entities` when `with_entities`
    /// is false (for training).
    pub fn new(sent: &ConllSentence, res: &Resources, with_entities: bool) -> Aligned {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(sent.tokens.len());
        for (i, t) in sent.tokens.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            starts.push(text.len());
            text.push_str(t);
        }
        let mut doc = Document::new(text, Metadata::default());
        for stage in STAGES {
            if !with_entities && stage.name == "entities" {
                break;
            }
            (stage.run)(&mut doc, res);
        }
        let gold_of_token =
            doc.tokens.iter().map(|t| starts.partition_point(|&s| s <= t.span.start).saturating_sub(1)).collect();
        Aligned { doc, gold_of_token, gold: sent.tags.iter().map(|t| label_of(t)).collect() }
    }

    /// Gold BIO labels projected onto the marsad tokens: the first token of a gold token
    /// gets its label, the others `I-` of its type (or `O`).
    pub fn token_labels(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.gold_of_token.len());
        for (k, &g) in self.gold_of_token.iter().enumerate() {
            let first = k == 0 || self.gold_of_token[k - 1] != g;
            let l = self.gold[g];
            out.push(if first || l == O { l } else { 2 + 2 * type_of(l).expect("not O") as u8 });
        }
        out
    }

    /// The gold chunks, conlleval-style.
    pub fn gold_chunks(&self) -> Vec<Chunk> {
        chunks_of(&self.gold)
    }

    /// Predicted mentions projected onto gold tokens.
    pub fn projected(&self, mentions: &[Mention]) -> Vec<Chunk> {
        let mut out: Vec<Chunk> = mentions
            .iter()
            .filter(|m| m.first_token < m.end_token && m.end_token <= self.gold_of_token.len())
            .map(|m| {
                let kind = MentionKind::ALL.iter().position(|k| *k == m.kind).expect("a kind");
                (self.gold_of_token[m.first_token], self.gold_of_token[m.end_token - 1] + 1, kind)
            })
            .collect();
        out.dedup();
        out
    }
}

/// The chunks of a BIO label sequence, conlleval-style: a chunk starts at `B-X`, or at
/// `I-X` after `O` or another type, and runs over the following `I-X`.
pub fn chunks_of(labels: &[u8]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < labels.len() {
        let Some(t) = type_of(labels[k]) else {
            k += 1;
            continue;
        };
        let mut end = k + 1;
        while end < labels.len() && is_inside(labels[end]) && type_of(labels[end]) == Some(t) {
            end += 1;
        }
        out.push((k, end, t));
        k = end;
    }
    out
}

/// True positives, false positives and false negatives per type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per type: predicted chunks that match a gold chunk exactly.
    pub tp: [usize; 4],
    /// Per type: predicted chunks that match none.
    pub fp: [usize; 4],
    /// Per type: gold chunks not predicted.
    pub fn_: [usize; 4],
    /// Gold tokens seen.
    pub tokens: usize,
    /// Sentences seen.
    pub sentences: usize,
}

impl Counts {
    /// Adds one sentence's gold and predicted chunks.
    pub fn add(&mut self, gold: &[Chunk], predicted: &[Chunk], tokens: usize) {
        for p in predicted {
            if gold.contains(p) {
                self.tp[p.2] += 1;
            } else {
                self.fp[p.2] += 1;
            }
        }
        for g in gold {
            if !predicted.contains(g) {
                self.fn_[g.2] += 1;
            }
        }
        self.tokens += tokens;
        self.sentences += 1;
    }

    /// Adds other counts.
    pub fn merge(&mut self, o: &Counts) {
        for t in 0..4 {
            self.tp[t] += o.tp[t];
            self.fp[t] += o.fp[t];
            self.fn_[t] += o.fn_[t];
        }
        self.tokens += o.tokens;
        self.sentences += o.sentences;
    }

    /// Micro-averaged precision, recall, F1.
    pub fn micro(&self) -> (f64, f64, f64) {
        prf(self.tp.iter().sum(), self.fp.iter().sum(), self.fn_.iter().sum())
    }

    /// Precision, recall, F1 of type `t`.
    pub fn of_type(&self, t: usize) -> (f64, f64, f64) {
        prf(self.tp[t], self.fp[t], self.fn_[t])
    }

    /// A conlleval-like table.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let gold: usize = self.tp.iter().sum::<usize>() + self.fn_.iter().sum::<usize>();
        let pred: usize = self.tp.iter().sum::<usize>() + self.fp.iter().sum::<usize>();
        let _ = writeln!(
            out,
            "processed {} tokens in {} sentences; found {} phrases; correct {}; gold {}.",
            self.tokens,
            self.sentences,
            pred,
            self.tp.iter().sum::<usize>(),
            gold
        );
        let _ =
            writeln!(out, "{:<6} {:>9} {:>9} {:>9} {:>7} {:>7}", "type", "precision", "recall", "F1", "gold", "found");
        for (t, name) in TYPES.iter().enumerate() {
            let (p, r, f) = self.of_type(t);
            let _ = writeln!(
                out,
                "{:<6} {p:>9.2} {r:>9.2} {f:>9.2} {:>7} {:>7}",
                name,
                self.tp[t] + self.fn_[t],
                self.tp[t] + self.fp[t]
            );
        }
        let (p, r, f) = self.micro();
        let _ = writeln!(out, "{:<6} {p:>9.2} {r:>9.2} {f:>9.2} {gold:>7} {pred:>7}", "micro");
        out
    }

    /// The scores as JSON: `micro` and `per_type` with `precision`, `recall`, `f1`
    /// (percent), `gold`, `found`, `correct`.
    pub fn to_json(&self) -> Value {
        let entry = |tp: usize, fp: usize, fn_: usize| {
            let (p, r, f) = prf(tp, fp, fn_);
            json!({"precision": round2(p), "recall": round2(r), "f1": round2(f), "gold": tp + fn_, "found": tp + fp, "correct": tp})
        };
        let mut per_type = serde_json::Map::new();
        for (t, name) in TYPES.iter().enumerate() {
            per_type.insert(name.to_lowercase(), entry(self.tp[t], self.fp[t], self.fn_[t]));
        }
        json!({
            "tokens": self.tokens,
            "sentences": self.sentences,
            "micro": entry(self.tp.iter().sum(), self.fp.iter().sum(), self.fn_.iter().sum()),
            "per_type": per_type,
        })
    }
}

/// Scores the pipeline's mentions layer on gold sentences (analysed in parallel).
pub fn evaluate(sentences: &[ConllSentence], res: &Resources) -> Counts {
    use rayon::prelude::*;
    sentences
        .par_iter()
        .map(|s| {
            let a = Aligned::new(s, res, true);
            let mut c = Counts::default();
            c.add(&a.gold_chunks(), &a.projected(&a.doc.mentions), a.gold.len());
            c
        })
        .collect::<Vec<_>>()
        .iter()
        .fold(Counts::default(), |mut acc, c| {
            acc.merge(c);
            acc
        })
}

/// The tagger's labels (BILOU) of a sentence's gold BIO labels: its chunks, each
/// written `U-X` alone or `B-X I-X… L-X`.
pub fn to_tagger_labels(bio: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; bio.len()];
    for (start, end, t) in chunks_of(bio) {
        if end - start == 1 {
            out[start] = bilou(t, 'U');
        } else {
            out[start] = bilou(t, 'B');
            for l in &mut out[start + 1..end - 1] {
                *l = bilou(t, 'I');
            }
            out[end - 1] = bilou(t, 'L');
        }
    }
    out
}

const _: () = assert!(N_LABELS == 17);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::conll::parse;
    use marsad::Pipeline;

    #[test]
    fn chunks_follow_conlleval() {
        // O B-PER I-PER I-LOC B-LOC B-LOC I-ORG
        let labels = [0, 1, 2, 6, 5, 5, 4];
        assert_eq!(chunks_of(&labels), vec![(1, 3, 0), (3, 4, 2), (4, 5, 2), (5, 6, 2), (6, 7, 1)]);
    }

    #[test]
    fn gold_chunks_become_bilou_labels() {
        // O B-PER I-PER I-LOC B-LOC
        let t = to_tagger_labels(&[0, 1, 2, 6, 5]);
        assert_eq!(t, vec![0, bilou(0, 'B'), bilou(0, 'L'), bilou(2, 'U'), bilou(2, 'U')]);
    }

    #[test]
    fn scores_count_exact_spans_only() {
        let mut c = Counts::default();
        c.add(&[(0, 2, 0), (3, 4, 2)], &[(0, 1, 0), (3, 4, 2)], 5);
        assert_eq!((c.tp, c.fp, c.fn_), ([0, 0, 1, 0], [1, 0, 0, 0], [1, 0, 0, 0]));
        let (p, r, f) = c.micro();
        assert_eq!((p, r, f), (50.0, 50.0, 50.0));
        assert_eq!(c.to_json()["micro"]["f1"], 50.0);
    }

    #[test]
    fn gold_tokens_align_to_marsad_tokens() {
        let s =
            parse("قالت O\n(أ.ف.ب) O\nإن O\nوزير O\nخارجية O\nلبنان B-LOC\nفوزي B-PERS\nصلوخ I-PERS\n", "t").unwrap();
        let a = Aligned::new(&s[0], Pipeline::new().resources(), false);
        let labels = a.token_labels();
        assert_eq!(labels.len(), a.doc.tokens.len());
        assert!(a.doc.tokens.len() > 8, "the agency abbreviation is several tokens");
        let last = a.doc.tokens.len() - 1;
        assert_eq!(&labels[last - 2..], &[5, 1, 2]);
        assert_eq!(a.gold_of_token[last], 7);
        assert_eq!(a.gold_chunks(), vec![(5, 6, 2), (6, 8, 0)]);
    }
}
