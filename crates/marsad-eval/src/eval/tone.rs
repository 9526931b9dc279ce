//! Tone toward named actors (`marsad eval tone`) on the project's gold sentences
//! (`gold/tone/`, guideline `docs/annotation/tone.md`): for each actor a sentence names
//! (a gold target), whether the text presents it positively, negatively or neutrally.
//!
//! The article is analysed whole; a target is read through the tone layer's actors: the
//! actor whose entity has a mention (or a nationality reference) overlapping the target,
//! and the polar words of its clauses inside the gold sentence. Their weighted polarities
//! summed give the system's class (above zero positive, below negative, none neutral). A
//! target the layer does not attach to any actor is neutral: the layer said nothing of it.
//!
//! Figures: accuracy over the three classes, macro-F1 (most targets are neutral, so
//! accuracy alone flatters a system that says little), per-class precision and recall,
//! and the share of targets the layer attached to an actor; beside two baselines: every
//! target neutral, and the sign of all the polar words of the sentence (the article-level
//! lexicon tone applied to every actor of the sentence alike).

use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::io::BufRead;
use std::path::Path;

use rayon::prelude::*;
use serde_json::{json, Value};

use marsad::Pipeline;
use marsad_core::data::{io_reason, DataError};
use marsad_core::document::{Document, Metadata};
use marsad_core::metrics::{round2, Baselines};
use marsad_core::span::CharIndex;

/// The three classes, in report order.
pub const CLASSES: [&str; 3] = ["positive", "negative", "neutral"];

/// One gold target: a character range (Unicode scalar values) and its class (index into
/// [`CLASSES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Index into [`CLASSES`].
    pub polarity: usize,
}

/// One gold sentence with its targets.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldSentence {
    /// The record id in the news corpora.
    pub doc: String,
    /// The sentence, as a character range of the record's text.
    pub sentence: (usize, usize),
    /// The actors it names, with their classes.
    pub targets: Vec<Target>,
    /// Its line in the gold file (1-based).
    pub line: usize,
}

/// Reads a gold file of `gold/tone/`.
pub fn read_gold(path: &Path) -> Result<Vec<GoldSentence>, DataError> {
    let err = |line: usize, message: String| DataError { file: path.to_owned(), line, message };
    let file = std::fs::File::open(path).map_err(|e| err(0, io_reason(&e)))?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| err(n + 1, io_reason(&e)))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line).map_err(|e| err(n + 1, format!("not JSON: {e}")))?;
        let range = |v: &Value| -> Option<(usize, usize)> {
            let s = v.get("start")?.as_u64()? as usize;
            let e = v.get("end")?.as_u64()? as usize;
            (s < e).then_some((s, e))
        };
        let doc = v.get("doc").and_then(Value::as_str).ok_or_else(|| err(n + 1, "no \"doc\" string".into()))?;
        let sentence =
            v.get("sentence").and_then(range).ok_or_else(|| err(n + 1, "no \"sentence\" with start < end".into()))?;
        let mut targets = Vec::new();
        for t in v.get("targets").and_then(Value::as_array).into_iter().flatten() {
            let (start, end) = range(t).ok_or_else(|| err(n + 1, "a target without start < end".into()))?;
            let label = t.get("polarity").and_then(Value::as_str).unwrap_or("");
            let polarity = CLASSES
                .iter()
                .position(|c| *c == label)
                .ok_or_else(|| err(n + 1, format!("polarity {label:?} is not one of positive, negative, neutral")))?;
            if start < sentence.0 || end > sentence.1 {
                return Err(err(n + 1, format!("target {start}..{end} is outside its sentence")));
            }
            targets.push(Target { start, end, polarity });
        }
        out.push(GoldSentence { doc: doc.to_owned(), sentence, targets, line: n + 1 });
    }
    Ok(out)
}

/// A 3×3 confusion matrix, gold class by system class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Confusion(pub [[usize; 3]; 3]);

impl Confusion {
    fn add(&mut self, gold: usize, system: usize) {
        self.0[gold][system] += 1;
    }

    /// Targets counted.
    pub fn total(&self) -> usize {
        self.0.iter().flatten().sum()
    }

    /// Percent of targets given their gold class.
    pub fn accuracy(&self) -> f64 {
        let right: usize = (0..3).map(|i| self.0[i][i]).sum();
        100.0 * right as f64 / self.total().max(1) as f64
    }

    /// Precision, recall and F1 of one class, in percent.
    pub fn prf(&self, class: usize) -> (f64, f64, f64) {
        let tp = self.0[class][class];
        let found: usize = (0..3).map(|g| self.0[g][class]).sum();
        let gold: usize = self.0[class].iter().sum();
        marsad_core::metrics::prf(tp, found - tp, gold - tp)
    }

    /// The mean F1 of the three classes, in percent.
    pub fn macro_f1(&self) -> f64 {
        (0..3).map(|c| self.prf(c).2).sum::<f64>() / 3.0
    }
}

/// The scores of a gold file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// Sentences scored.
    pub sentences: usize,
    /// marsad's tone layer.
    pub system: Confusion,
    /// Targets the layer attached to one of its actors.
    pub attached: usize,
    /// Every target neutral.
    pub all_neutral: Confusion,
    /// The sign of the sentence's polar words for every target.
    pub sentence_lexicon: Confusion,
    /// Gold sentences whose document was not among the texts.
    pub missing: usize,
}

/// The class of a sum of weighted polarities.
fn class_of(sum: f32) -> usize {
    if sum > 0.0 {
        0
    } else if sum < 0.0 {
        1
    } else {
        2
    }
}

/// Adds one document's sentences to the scores.
fn score_doc(doc: &Document, sentences: &[&GoldSentence], scores: &mut Scores) {
    let index = CharIndex::new(&doc.text);
    let chars = |s: marsad_core::span::Span| (index.char_of(s.start), index.char_of(s.end));
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    for gs in sentences {
        let in_sentence = |r: (usize, usize)| r.0 >= gs.sentence.0 && r.1 <= gs.sentence.1;
        let words: Vec<((usize, usize), f32)> =
            doc.tone.words.iter().map(|w| (chars(w.span), w.polarity)).filter(|(r, _)| in_sentence(*r)).collect();
        let sentence_class = class_of(words.iter().map(|(_, p)| p).sum());
        for t in &gs.targets {
            let target = (t.start, t.end);
            let actor = doc.tone.actors.iter().find(|a| {
                let e = &doc.entities[a.entity];
                e.mentions.iter().any(|&m| overlaps(chars(doc.mentions[m].span), target))
                    || e.references.iter().any(|r| overlaps(chars(r.span), target))
            });
            let system = match actor {
                Some(a) => {
                    scores.attached += 1;
                    let clauses: Vec<(usize, usize)> =
                        a.clauses.iter().map(|c| chars(c.span)).filter(|c| overlaps(*c, gs.sentence)).collect();
                    let sum: f32 = words
                        .iter()
                        .filter(|(r, _)| clauses.iter().any(|c| r.0 >= c.0 && r.1 <= c.1))
                        .map(|(_, p)| p)
                        .sum();
                    class_of(sum)
                }
                None => 2,
            };
            scores.system.add(t.polarity, system);
            scores.all_neutral.add(t.polarity, 2);
            scores.sentence_lexicon.add(t.polarity, sentence_class);
        }
        scores.sentences += 1;
    }
}

/// Scores the gold sentences against the texts of their documents (by id).
pub fn evaluate(gold: &[GoldSentence], texts: &HashMap<String, String>, pipeline: &Pipeline) -> Scores {
    let mut by_doc: HashMap<&str, Vec<&GoldSentence>> = HashMap::new();
    for g in gold {
        by_doc.entry(g.doc.as_str()).or_default().push(g);
    }
    let mut docs: Vec<(&str, Vec<&GoldSentence>)> = by_doc.into_iter().collect();
    docs.sort_by_key(|(d, _)| *d);
    let parts: Vec<Scores> = docs
        .par_iter()
        .map(|(id, sentences)| {
            let mut s = Scores::default();
            match texts.get(*id) {
                Some(text) => score_doc(&pipeline.analyze(text, Metadata::default()), sentences, &mut s),
                None => s.missing += sentences.len(),
            }
            s
        })
        .collect();
    let mut total = Scores::default();
    for p in parts {
        total.sentences += p.sentences;
        total.attached += p.attached;
        total.missing += p.missing;
        for g in 0..3 {
            for s in 0..3 {
                total.system.0[g][s] += p.system.0[g][s];
                total.all_neutral.0[g][s] += p.all_neutral.0[g][s];
                total.sentence_lexicon.0[g][s] += p.sentence_lexicon.0[g][s];
            }
        }
    }
    total
}

/// The ids of the documents a gold file cites.
pub fn doc_ids(gold: &[GoldSentence]) -> HashSet<&str> {
    gold.iter().map(|g| g.doc.as_str()).collect()
}

impl Scores {
    /// The baselines' accuracy and macro-F1.
    pub fn baselines(&self) -> Baselines {
        let mut b = Baselines::default();
        for (name, c) in [("all_neutral", &self.all_neutral), ("sentence_lexicon", &self.sentence_lexicon)] {
            b.set(name, "accuracy", round2(c.accuracy()));
            b.set(name, "macro_f1", round2(c.macro_f1()));
        }
        b
    }

    /// The report printed by `marsad eval tone`.
    pub fn report(&self) -> String {
        let c = &self.system;
        let mut out = format!(
            "tone toward actors: {} sentences, {} targets, {} attached to an actor of the tone layer ({:.1} %)\n",
            self.sentences,
            c.total(),
            self.attached,
            100.0 * self.attached as f64 / c.total().max(1) as f64
        );
        let _ = writeln!(out, "accuracy {:.2}, macro-F1 {:.2}", c.accuracy(), c.macro_f1());
        let _ = writeln!(out, "class       precision    recall        F1   gold  found");
        for (i, name) in CLASSES.iter().enumerate() {
            let (p, r, f) = c.prf(i);
            let gold: usize = c.0[i].iter().sum();
            let found: usize = (0..3).map(|g| c.0[g][i]).sum();
            let _ = writeln!(out, "{name:<10} {p:>10.2} {r:>9.2} {f:>9.2} {gold:>6} {found:>6}");
        }
        out.push_str(&self.baselines().report());
        if self.missing > 0 {
            let _ = writeln!(out, "{} sentences skipped: their documents are not among the texts", self.missing);
        }
        out
    }

    /// The same figures as JSON.
    pub fn to_json(&self) -> Value {
        let c = &self.system;
        let per_class: serde_json::Map<String, Value> = CLASSES
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let (p, r, f) = c.prf(i);
                (name.to_string(), json!({"precision": round2(p), "recall": round2(r), "f1": round2(f)}))
            })
            .collect();
        json!({
            "sentences": self.sentences,
            "targets": c.total(),
            "attached": self.attached,
            "accuracy": round2(c.accuracy()),
            "macro_f1": round2(c.macro_f1()),
            "classes": per_class,
            "confusion": c.0,
            "baselines": self.baselines().json(),
            "missing": self.missing,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_confusion_matrix_gives_accuracy_and_macro_f1() {
        let mut c = Confusion::default();
        c.add(0, 0);
        c.add(1, 2);
        c.add(2, 2);
        c.add(2, 2);
        assert_eq!(c.total(), 4);
        assert!((c.accuracy() - 75.0).abs() < 1e-9);
        assert_eq!(c.prf(1).2, 0.0, "no negative found");
        assert!((c.prf(2).0 - 66.666).abs() < 0.01, "two of three neutrals right");
    }

    #[test]
    fn praise_and_condemnation_of_a_named_actor_are_read_through_the_tone_layer() {
        let text = "أشاد الرئيس بالإنجاز الكبير للمنتخب الوطني. وأدانت الحكومة بشدة الهجوم الإرهابي الجبان.";
        let chars: Vec<char> = text.chars().collect();
        let find = |w: &str| {
            let wc: Vec<char> = w.chars().collect();
            let s = (0..chars.len()).find(|&i| chars[i..].starts_with(&wc)).unwrap();
            (s, s + wc.len())
        };
        let end_first = find(".").1;
        let gold = vec![GoldSentence {
            doc: "d".into(),
            sentence: (0, end_first),
            targets: vec![Target { start: find("منتخب").0, end: find("الوطني").1, polarity: 0 }],
            line: 1,
        }];
        let texts = HashMap::from([("d".to_string(), text.to_string())]);
        let s = evaluate(&gold, &texts, &Pipeline::new());
        assert_eq!((s.sentences, s.system.total(), s.missing), (1, 1, 0));
        assert_eq!(s.all_neutral.0[0][2], 1, "the neutral baseline misses the praise");
    }
}
