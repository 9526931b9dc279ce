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
//!
//! Beside the model, the same measure scores the gazetteer taken alone ([`BASELINES`]):
//! every name it finds in the sentence, typed by its kind ([`gazetteer_type`]).

use std::fmt::Write;

use serde_json::{json, Value};

use super::conll::ConllSentence;
use marsad::entities::gazetteer::GazKind;
use marsad::entities::tagger::{bilou, N_LABELS};
use marsad::entities::{Mention, MentionKind};
use marsad::Resources;
use marsad::STAGES;
use marsad_core::document::{Document, Metadata};
use marsad_core::metrics::{round2, Baselines, Counts};

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

/// Exact-chunk counts per type (conlleval): one core [`Counts`] per type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChunkCounts {
    /// Per type, in [`TYPES`] order: predicted chunks that match a gold chunk exactly
    /// (tp), that match none (fp), and gold chunks not predicted (fn).
    pub per_type: [Counts; 4],
    /// Gold tokens seen.
    pub tokens: usize,
    /// Sentences seen.
    pub sentences: usize,
}

impl ChunkCounts {
    /// Adds one sentence's gold and predicted chunks.
    pub fn add(&mut self, gold: &[Chunk], predicted: &[Chunk], tokens: usize) {
        add_chunks(&mut self.per_type, gold, predicted);
        self.tokens += tokens;
        self.sentences += 1;
    }

    /// Adds other counts.
    pub fn merge(&mut self, o: &ChunkCounts) {
        for (a, b) in self.per_type.iter_mut().zip(o.per_type) {
            a.add(b);
        }
        self.tokens += o.tokens;
        self.sentences += o.sentences;
    }

    /// The counts of every type together (micro average).
    pub fn micro(&self) -> Counts {
        micro(&self.per_type)
    }

    /// The counts of type `t`.
    pub fn of_type(&self, t: usize) -> Counts {
        self.per_type[t]
    }

    /// A conlleval-like table.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let all = self.micro();
        let (gold, pred) = (all.tp + all.fn_, all.tp + all.fp);
        let _ = writeln!(
            out,
            "processed {} tokens in {} sentences; found {pred} phrases; correct {}; gold {gold}.",
            self.tokens, self.sentences, all.tp,
        );
        let _ =
            writeln!(out, "{:<6} {:>9} {:>9} {:>9} {:>7} {:>7}", "type", "precision", "recall", "F1", "gold", "found");
        let rows = TYPES.iter().zip(self.per_type).chain(std::iter::once((&"micro", all)));
        for (name, c) in rows {
            let (p, r, f) = c.prf();
            let _ = writeln!(out, "{name:<6} {p:>9.2} {r:>9.2} {f:>9.2} {:>7} {:>7}", c.tp + c.fn_, c.tp + c.fp);
        }
        out
    }

    /// The scores as JSON: `micro` and `per_type` with `precision`, `recall`, `f1`
    /// (percent), `gold`, `found`, `correct`.
    pub fn to_json(&self) -> Value {
        let entry = |c: Counts| {
            let (p, r, f) = c.prf();
            json!({"precision": round2(p), "recall": round2(r), "f1": round2(f), "gold": c.tp + c.fn_, "found": c.tp + c.fp, "correct": c.tp})
        };
        let per_type: serde_json::Map<String, Value> =
            TYPES.iter().zip(self.per_type).map(|(name, c)| (name.to_lowercase(), entry(c))).collect();
        json!({
            "tokens": self.tokens,
            "sentences": self.sentences,
            "micro": entry(self.micro()),
            "per_type": per_type,
        })
    }
}

/// Counts predicted chunks against gold chunks, per type, by exact span and type.
fn add_chunks(counts: &mut [Counts; 4], gold: &[Chunk], predicted: &[Chunk]) {
    for p in predicted {
        if gold.contains(p) {
            counts[p.2].tp += 1;
        } else {
            counts[p.2].fp += 1;
        }
    }
    for g in gold {
        if !predicted.contains(g) {
            counts[g.2].fn_ += 1;
        }
    }
}

fn micro(per_type: &[Counts; 4]) -> Counts {
    per_type.iter().fold(Counts::default(), |mut a, c| {
        a.add(*c);
        a
    })
}

/// The trivial systems scored beside the model, by name: each gazetteer name found in
/// the sentence as a chunk typed by its gazetteer kind ([`gazetteer_type`]) — every
/// name at every length (`every_gazetteer_match`), or the leftmost-longest names that
/// do not overlap (`longest_gazetteer_match`).
pub const BASELINES: [&str; 2] = ["every_gazetteer_match", "longest_gazetteer_match"];

/// The chunk type a gazetteer kind stands for: countries, places and regions are LOC,
/// organisations and institutions ORG, given and family names PER, demonyms and ethnic
/// groups MISC; offices and portfolios none.
pub fn gazetteer_type(kind: GazKind) -> Option<usize> {
    match kind {
        GazKind::Country | GazKind::Place | GazKind::Region => Some(2),
        GazKind::Organization | GazKind::Institution => Some(1),
        GazKind::GivenName | GazKind::FamilyName | GazKind::ForeignGivenName | GazKind::ForeignFamilyName => Some(0),
        GazKind::Demonym | GazKind::EthnicGroup => Some(3),
        GazKind::Office | GazKind::Portfolio => None,
    }
}

/// The model's counts and, on the same sentences, those of the [`BASELINES`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// The mentions layer.
    pub model: ChunkCounts,
    /// Each baseline's counts per type, in [`BASELINES`] order.
    pub baseline_counts: [[Counts; 4]; 2],
}

impl Scores {
    /// Adds other scores.
    pub fn merge(&mut self, o: &Scores) {
        self.model.merge(&o.model);
        for (mine, theirs) in self.baseline_counts.iter_mut().zip(&o.baseline_counts) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                a.add(*b);
            }
        }
    }

    /// What the baselines score: micro `precision`, `recall`, `f1` and `<type>_f1`
    /// per type (`loc_f1`).
    pub fn baselines(&self) -> Baselines {
        let mut b = Baselines::default();
        for (name, counts) in BASELINES.iter().zip(&self.baseline_counts) {
            b.set_prf(name, micro(counts));
            for (t, c) in TYPES.iter().zip(counts) {
                b.set(name, &format!("{}_f1", t.to_lowercase()), c.f1());
            }
        }
        b
    }

    /// The conlleval-like table of the model, then a line per baseline.
    pub fn report(&self) -> String {
        self.model.report() + &self.baselines().report()
    }

    /// The model's scores as JSON ([`ChunkCounts::to_json`]) with `baselines`.
    pub fn to_json(&self) -> Value {
        let mut v = self.model.to_json();
        v["baselines"] = self.baselines().json();
        v
    }
}

/// The gazetteer names of an aligned sentence projected onto gold tokens, typed by
/// [`gazetteer_type`] of their best candidate of a typed kind: every match, and the
/// leftmost-longest ones.
fn gazetteer_chunks(a: &Aligned, res: &Resources) -> [Vec<Chunk>; 2] {
    let gaz = &res.gazetteer;
    let mut out = [Vec::new(), Vec::new()];
    for s in a.doc.sentences.iter().filter(|s| s.end_token > s.first_token) {
        let range = s.first_token..s.end_token;
        for (i, matches) in [gaz.matches(&a.doc, range.clone()), gaz.longest(&a.doc, range)].into_iter().enumerate() {
            for m in matches {
                let Some(t) = gaz.entries(&m).find_map(|e| gazetteer_type(e.kind)) else { continue };
                out[i].push((a.gold_of_token[m.first_token], a.gold_of_token[m.end_token - 1] + 1, t));
            }
        }
    }
    for chunks in &mut out {
        chunks.sort_unstable();
        chunks.dedup();
    }
    out
}

/// Scores the pipeline's mentions layer, and the gazetteer baselines, on gold
/// sentences (analysed in parallel).
pub fn evaluate(sentences: &[ConllSentence], res: &Resources) -> Scores {
    use rayon::prelude::*;
    sentences
        .par_iter()
        .map(|s| {
            let a = Aligned::new(s, res, true);
            let gold = a.gold_chunks();
            let mut sc = Scores::default();
            sc.model.add(&gold, &a.projected(&a.doc.mentions), a.gold.len());
            for (counts, found) in sc.baseline_counts.iter_mut().zip(gazetteer_chunks(&a, res)) {
                add_chunks(counts, &gold, &found);
            }
            sc
        })
        .collect::<Vec<_>>()
        .iter()
        .fold(Scores::default(), |mut acc, c| {
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
        let mut c = ChunkCounts::default();
        c.add(&[(0, 2, 0), (3, 4, 2)], &[(0, 1, 0), (3, 4, 2)], 5);
        assert_eq!(c.of_type(0), Counts { tp: 0, fp: 1, fn_: 1 });
        assert_eq!(c.of_type(2), Counts { tp: 1, fp: 0, fn_: 0 });
        let (p, r, f) = c.micro().prf();
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

    #[test]
    fn gazetteer_names_are_typed_by_their_kind() {
        let s = parse("وصل O\nالرئيس O\nإلى O\nالجزائر B-LOC\n", "t").unwrap();
        let res = Pipeline::new().resources();
        let a = Aligned::new(&s[0], res, true);
        let [every, longest] = gazetteer_chunks(&a, res);
        assert!(every.contains(&(3, 4, 2)) && longest.contains(&(3, 4, 2)), "{every:?} {longest:?}");
        assert_eq!(gazetteer_type(GazKind::Demonym), Some(3));
        assert_eq!(gazetteer_type(GazKind::Office), None);
        let scores = evaluate(&s, res);
        assert_eq!(scores.baseline_counts[1][2].tp, 1);
        assert!(scores.report().contains("baseline every_gazetteer_match: f1 "), "{}", scores.report());
        assert!(scores.to_json()["baselines"]["longest_gazetteer_match"]["loc_f1"].is_number());
    }
}
