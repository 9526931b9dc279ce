//! `marsad eval framing`: persuasion techniques against the shared tasks' gold data.
//!
//! Three levels, each scored only on records whose format has it:
//!
//! - **spans** (ArMPro, WANLP 2022 task 2): the partial-overlap credit of the
//!   shared tasks' scorer (SemEval 2020 task 11, reused by WANLP 2022 and ArAIEval):
//!   precision = Σ over predicted spans s of Σ over gold spans g of the same technique
//!   |s ∩ g| / |s| (at most 1 per predicted span, should gold spans overlap),
//!   divided by the number of predicted spans; recall the same with |g| and gold spans. Micro over all spans; macro = mean F1 over the techniques
//!   present in the gold or the predictions;
//! - **paragraphs** (every format with labels): multi-label micro and macro F1 over
//!   the record's set of techniques (macro over techniques present in gold or predictions);
//! - **binary** (every record): propagandistic (any technique) or not, F1 of the
//!   positive class, with accuracy; the decision is the paragraph model's (a record is
//!   one paragraph or tweet), not the article's, which [`super::framing_neutral`]
//!   measures on ordinary news.
//!
//! Beside each level, what trivial systems score on the same records
//! ([`Report::baselines`]): every word of a record as a span of the most frequent
//! technique (`every_word_<technique>`); for labels, each technique predicted for every
//! record when more than half the records have it (`majority_per_label`) and the `k`
//! most frequent techniques predicted for every record (`constant_top<k>`, k = 1..5);
//! for the binary decision a constant yes and a constant no.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::time::Instant;

use rayon::prelude::*;
use serde_json::{json, Value};

use crate::eval::framing_gold::Record;
use marsad::framing::detect;
use marsad::framing::lexicon::FramingLexicon;
use marsad::Pipeline;
use marsad_core::document::Metadata;
use marsad_core::metrics::{percent, round2, Baselines, Counts};
use marsad_core::span::CharIndex;

/// What the framing layer says of one record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prediction {
    /// Technique spans in characters.
    pub spans: Vec<(usize, usize, String)>,
    /// Techniques of the record (its paragraphs' labels together).
    pub labels: BTreeSet<String>,
    /// Propagandistic or not.
    pub propaganda: bool,
}

/// The last stage the framing models read (quotations, entities, clitics).
pub const INPUT_STAGE: &str = "quotations";

/// Runs the framing layer with `lex` over one text.
pub fn predict(text: &str, lex: &FramingLexicon) -> Prediction {
    let pipeline = Pipeline::new();
    let doc = pipeline.analyze_through(text, Metadata::default(), INPUT_STAGE);
    let t = detect::techniques(&doc, lex, &pipeline.resources().tone, &pipeline.resources().lexicon);
    prediction(&doc, &t)
}

/// A document's techniques layer as a [`Prediction`] (character offsets).
pub fn prediction(doc: &marsad_core::document::Document, t: &marsad::framing::Techniques) -> Prediction {
    let index = CharIndex::new(&doc.text);
    Prediction {
        spans: t
            .spans
            .iter()
            .map(|s| (index.char_of(s.span.start), index.char_of(s.span.end), s.technique.clone()))
            .collect(),
        labels: t.paragraphs.iter().flat_map(|p| p.techniques.iter().map(|l| l.technique.clone())).collect(),
        // The shared tasks' binary decision is of one paragraph or tweet: the paragraph
        // model's. The article decision (`summary.propagandistic`, a threshold on the
        // article's density chosen on ordinary news) is measured by `--neutral`.
        propaganda: t.paragraphs.iter().any(|p| p.flagged),
    }
}

/// Partial-overlap span sums of one technique.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SpanSums {
    /// Σ |s ∩ g| / |s| over predicted spans.
    pub precision_credit: f64,
    /// Predicted spans.
    pub predicted: usize,
    /// Σ |s ∩ g| / |g| over gold spans.
    pub recall_credit: f64,
    /// Gold spans.
    pub gold: usize,
}

impl SpanSums {
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.predicted == 0 { 0.0 } else { self.precision_credit / self.predicted as f64 };
        let r = if self.gold == 0 { 0.0 } else { self.recall_credit / self.gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (100.0 * p, 100.0 * r, 100.0 * f)
    }
}

/// The scores of a gold file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Records scored.
    pub records: usize,
    /// Records with spans.
    pub span_records: usize,
    /// Span sums per technique.
    pub spans: BTreeMap<String, SpanSums>,
    /// Records with technique labels.
    pub label_records: usize,
    /// Paragraph-level counts per technique.
    pub labels: BTreeMap<String, Counts>,
    /// Binary counts (any technique).
    pub binary: Counts,
    /// Binary: right negatives.
    pub binary_tn: usize,
    /// Records per second on this machine (pipeline and framing, all threads).
    pub records_per_second: f64,
    /// What trivial systems score on the same records, by system and measure
    /// (`span_micro_f1`, `paragraph_micro_f1`, `binary_accuracy`…; the module
    /// documentation names the systems).
    pub baselines: Baselines,
}

/// Scores predictions against gold records, and the trivial systems beside them.
pub fn score(gold: &[Record], predicted: &[Prediction]) -> Report {
    let mut r = counts(gold, predicted);
    r.baselines = baselines(gold, &r);
    r
}

/// The counts of predictions against gold records.
fn counts(gold: &[Record], predicted: &[Prediction]) -> Report {
    let mut r = Report { records: gold.len(), ..Report::default() };
    for (g, p) in gold.iter().zip(predicted) {
        if let Some(gs) = &g.spans {
            r.span_records += 1;
            for (ps, pe, pt) in &p.spans {
                let e = r.spans.entry(pt.clone()).or_default();
                e.predicted += 1;
                let plen = (pe - ps) as f64;
                let credit: f64 = gs
                    .iter()
                    .filter(|x| &x.technique == pt)
                    .map(|g| pe.min(&g.end).saturating_sub(*ps.max(&g.start)) as f64 / plen)
                    .sum();
                // overlapping gold spans of one technique never give more than full credit
                e.precision_credit += credit.min(1.0);
            }
            for gsp in gs {
                let e = r.spans.entry(gsp.technique.clone()).or_default();
                e.gold += 1;
                let glen = (gsp.end - gsp.start) as f64;
                let credit: f64 = p
                    .spans
                    .iter()
                    .filter(|x| x.2 == gsp.technique)
                    .map(|(ps, pe, _)| (*pe).min(gsp.end).saturating_sub((*ps).max(gsp.start)) as f64 / glen)
                    .sum();
                e.recall_credit += credit.min(1.0);
            }
        }
        if let Some(gl) = &g.labels {
            r.label_records += 1;
            let gl: BTreeSet<&String> = gl.iter().collect();
            for t in gl.iter().copied().chain(p.labels.iter()).collect::<BTreeSet<_>>() {
                let c = r.labels.entry(t.clone()).or_default();
                match (gl.contains(t), p.labels.contains(t)) {
                    (true, true) => c.tp += 1,
                    (false, true) => c.fp += 1,
                    (true, false) => c.fn_ += 1,
                    (false, false) => {}
                }
            }
        }
        match (g.propaganda, p.propaganda) {
            (true, true) => r.binary.tp += 1,
            (false, true) => r.binary.fp += 1,
            (true, false) => r.binary.fn_ += 1,
            (false, false) => r.binary_tn += 1,
        }
    }
    r
}

/// Predicts every record (in parallel) and scores them.
pub fn evaluate(gold: &[Record], lex: &FramingLexicon) -> Report {
    let start = Instant::now();
    let predicted: Vec<Prediction> = gold.par_iter().map(|g| predict(&g.text, lex)).collect();
    let seconds = start.elapsed().as_secs_f64();
    let mut r = score(gold, &predicted);
    r.records_per_second = if seconds > 0.0 { (gold.len() as f64 / seconds).round() } else { 0.0 };
    r
}

impl Report {
    /// Micro P, R, F1 of the spans.
    pub fn span_micro(&self) -> (f64, f64, f64) {
        let all = self.spans.values().fold(SpanSums::default(), |a, s| SpanSums {
            precision_credit: a.precision_credit + s.precision_credit,
            predicted: a.predicted + s.predicted,
            recall_credit: a.recall_credit + s.recall_credit,
            gold: a.gold + s.gold,
        });
        all.prf()
    }

    /// Mean span F1 over the techniques in gold or predictions.
    pub fn span_macro(&self) -> f64 {
        mean(self.spans.values().map(|s| s.prf().2))
    }

    /// Micro P, R, F1 of the paragraph labels.
    pub fn paragraph_micro(&self) -> (f64, f64, f64) {
        self.labels
            .values()
            .fold(Counts::default(), |mut a, c| {
                a.add(*c);
                a
            })
            .prf()
    }

    /// Mean paragraph-label F1 over the techniques in gold or predictions.
    pub fn paragraph_macro(&self) -> f64 {
        mean(self.labels.values().map(Counts::f1))
    }

    /// Binary P, R, F1 of the positive class, and accuracy.
    pub fn binary(&self) -> (f64, f64, f64, f64) {
        let (p, r, f) = self.binary.prf();
        (p, r, f, percent(self.binary.tp + self.binary_tn, self.records))
    }

    /// A readable report.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "framing: {} records ({} with spans, {} with labels)",
            self.records, self.span_records, self.label_records
        );
        if self.span_records > 0 {
            let (p, r, f) = self.span_micro();
            let _ = writeln!(
                out,
                "spans (partial overlap)  micro P {p:.2} R {r:.2} F1 {f:.2} | macro F1 {:.2}",
                self.span_macro()
            );
        }
        if self.label_records > 0 {
            let (p, r, f) = self.paragraph_micro();
            let _ = writeln!(
                out,
                "paragraph labels         micro P {p:.2} R {r:.2} F1 {f:.2} | macro F1 {:.2}",
                self.paragraph_macro()
            );
        }
        let (p, r, f, acc) = self.binary();
        let _ = writeln!(out, "binary (any technique)   P {p:.2} R {r:.2} F1 {f:.2} | accuracy {acc:.2}");
        out.push_str(&self.baselines.report());
        if self.label_records > 0 {
            let top: Vec<String> = label_frequencies(self).iter().take(5).map(|(t, n)| format!("{t} ({n})")).collect();
            let _ = writeln!(out, "most frequent techniques (records): {}", top.join(", "));
        }
        let _ = writeln!(
            out,
            "{:<34} {:>6} {:>6} {:>8} {:>6} {:>6} {:>8}",
            "technique", "gold", "found", "span F1", "gold¶", "found¶", "¶ F1"
        );
        let names: BTreeSet<&String> = self.spans.keys().chain(self.labels.keys()).collect();
        for t in names {
            let s = self.spans.get(t).copied().unwrap_or_default();
            let c = self.labels.get(t).copied().unwrap_or_default();
            let _ = writeln!(
                out,
                "{t:<34} {:>6} {:>6} {:>8.2} {:>6} {:>6} {:>8.2}",
                s.gold,
                s.predicted,
                s.prf().2,
                c.tp + c.fn_,
                c.tp + c.fp,
                c.f1()
            );
        }

        if self.records_per_second > 0.0 {
            let _ = writeln!(out, "speed: {} records/s", self.records_per_second);
        }
        out
    }

    /// The figures as JSON (`span.micro_f1`, `paragraph.macro_f1`, `binary.f1`, …).
    pub fn json(&self) -> Value {
        let (sp, sr, sf) = self.span_micro();
        let (pp, pr, pf) = self.paragraph_micro();
        let (bp, br, bf, acc) = self.binary();
        let per: serde_json::Map<String, Value> = self
            .spans
            .keys()
            .chain(self.labels.keys())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(|t| {
                let s = self.spans.get(t).copied().unwrap_or_default();
                let c = self.labels.get(t).copied().unwrap_or_default();
                (
                    t.clone(),
                    json!({"span_gold": s.gold, "span_found": s.predicted, "span_f1": round2(s.prf().2),
                    "paragraph_gold": c.tp + c.fn_, "paragraph_found": c.tp + c.fp, "paragraph_f1": round2(c.f1())}),
                )
            })
            .collect();
        let span = (self.span_records > 0).then(|| {
            json!({"records": self.span_records, "micro_precision": round2(sp), "micro_recall": round2(sr),
                   "micro_f1": round2(sf), "macro_f1": round2(self.span_macro())})
        });
        let paragraph = (self.label_records > 0).then(|| {
            json!({"records": self.label_records, "micro_precision": round2(pp), "micro_recall": round2(pr),
                   "micro_f1": round2(pf), "macro_f1": round2(self.paragraph_macro())})
        });
        json!({"records": self.records, "span": span, "paragraph": paragraph,
               "binary": {"precision": round2(bp), "recall": round2(br), "f1": round2(bf), "accuracy": round2(acc)},
               "techniques": per, "records_per_second": self.records_per_second,
               "baselines": self.baselines.json()})
    }
}

/// The words of a text as character ranges: runs of letters and digits.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.chars().chain(std::iter::once(' ')).enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The trivial systems of the module documentation, scored on the records whose
/// format has each level, as `r` (the model's report) scores the model.
fn baselines(gold: &[Record], r: &Report) -> Baselines {
    let mut b = Baselines::default();
    // spans: every word a span of the technique with the most gold spans
    let top_span = r.spans.iter().max_by_key(|(t, s)| (s.gold, std::cmp::Reverse(*t))).map(|(t, _)| t.clone());
    if let (true, Some(t)) = (r.span_records > 0, top_span) {
        let predicted: Vec<Prediction> = gold
            .iter()
            .map(|g| Prediction {
                spans: if g.spans.is_some() {
                    words(&g.text).into_iter().map(|(s, e)| (s, e, t.clone())).collect()
                } else {
                    Vec::new()
                },
                ..Prediction::default()
            })
            .collect();
        let every_word = counts(gold, &predicted);
        let (p, rc, f) = every_word.span_micro();
        let name = format!("every_word_{t}");
        b.set(&name, "span_micro_precision", p);
        b.set(&name, "span_micro_recall", rc);
        b.set(&name, "span_micro_f1", f);
        b.set(&name, "span_macro_f1", every_word.span_macro());
    }
    // labels: constant sets of techniques
    if r.label_records > 0 {
        let freq = label_frequencies(r);
        let constant = |labels: BTreeSet<String>| {
            let predicted: Vec<Prediction> =
                gold.iter().map(|_| Prediction { labels: labels.clone(), ..Prediction::default() }).collect();
            let c = counts(gold, &predicted);
            (c.paragraph_micro().2, c.paragraph_macro())
        };
        let mut set = |name: &str, (micro, macro_): (f64, f64)| {
            b.set(name, "paragraph_micro_f1", micro);
            b.set(name, "paragraph_macro_f1", macro_);
        };
        let majority = freq.iter().filter(|(_, n)| 2 * n > r.label_records).map(|(t, _)| (*t).to_owned()).collect();
        set("majority_per_label", constant(majority));
        for k in 1..=freq.len().min(5) {
            set(&format!("constant_top{k}"), constant(freq[..k].iter().map(|(t, _)| (*t).to_owned()).collect()));
        }
    }
    // binary: constant answers on every record
    let positives = r.binary.tp + r.binary.fn_;
    let yes = Counts { tp: positives, fp: r.records - positives, fn_: 0 };
    b.set("constant_yes", "binary_f1", yes.f1());
    b.set("constant_yes", "binary_accuracy", percent(positives, r.records));
    b.set("constant_no", "binary_f1", 0.0);
    b.set("constant_no", "binary_accuracy", percent(r.records - positives, r.records));
    b
}

/// The techniques of the labelled records with the number of records that have each,
/// most frequent first (ties by name): `constant_top<k>` predicts the first `k`.
pub fn label_frequencies(r: &Report) -> Vec<(&str, usize)> {
    let mut freq: Vec<(&str, usize)> =
        r.labels.iter().map(|(t, c)| (t.as_str(), c.tp + c.fn_)).filter(|(_, n)| *n > 0).collect();
    freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    freq
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = xs.collect();
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::framing_gold::GoldSpan;

    fn rec(spans: Vec<(usize, usize, &str)>) -> Record {
        let labels: BTreeSet<String> = spans.iter().map(|s| s.2.to_string()).collect();
        Record {
            id: String::new(),
            group: String::new(),
            text: "x".repeat(40),
            propaganda: !spans.is_empty(),
            spans: Some(spans.iter().map(|&(start, end, t)| GoldSpan { start, end, technique: t.into() }).collect()),
            labels: Some(labels.into_iter().collect()),
            kind: None,
        }
    }

    fn pred(spans: Vec<(usize, usize, &str)>) -> Prediction {
        Prediction {
            labels: spans.iter().map(|s| s.2.to_string()).collect(),
            propaganda: !spans.is_empty(),
            spans: spans.into_iter().map(|(a, b, t)| (a, b, t.to_string())).collect(),
        }
    }

    #[test]
    fn partial_overlap_credit_as_the_shared_tasks_score_it() {
        // Gold 0..10; predicted 5..15 covers half of itself and half of the gold.
        let r = score(&[rec(vec![(0, 10, "Doubt")])], &[pred(vec![(5, 15, "Doubt")])]);
        let (p, rc, f) = r.span_micro();
        assert!((p - 50.0).abs() < 1e-9 && (rc - 50.0).abs() < 1e-9 && (f - 50.0).abs() < 1e-9);
        // Another technique on the same characters earns nothing.
        let r = score(&[rec(vec![(0, 10, "Doubt")])], &[pred(vec![(0, 10, "Slogans")])]);
        assert_eq!(r.span_micro().2, 0.0);
        assert_eq!(r.paragraph_micro().2, 0.0);
        assert_eq!(r.binary().2, 100.0, "both propagandistic");
    }

    #[test]
    fn macro_averages_over_techniques_and_binary_counts_negatives() {
        let gold = [rec(vec![(0, 10, "Doubt"), (20, 30, "Slogans")]), rec(vec![])];
        let predicted = [pred(vec![(0, 10, "Doubt")]), pred(vec![])];
        let r = score(&gold, &predicted);
        assert_eq!(r.span_macro(), 50.0, "Doubt 100, Slogans 0");
        assert!((r.paragraph_micro().2 - 66.666).abs() < 0.01);
        assert_eq!(r.binary(), (100.0, 100.0, 100.0, 100.0));
        let j = r.json();
        assert_eq!(j["span"]["macro_f1"], 50.0);
        assert_eq!(j["binary"]["f1"], 100.0);
    }

    #[test]
    fn baselines_are_constant_answers_on_the_same_records() {
        let gold = [rec(vec![(0, 10, "Doubt")]), rec(vec![(0, 5, "Doubt"), (20, 30, "Slogans")]), rec(vec![])];
        let r = score(&gold, &[pred(vec![]), pred(vec![]), pred(vec![])]);
        let b = |system: &str, measure: &str| r.baselines.get(system, measure).unwrap();
        let near = |a: f64, b: f64| (a - b).abs() < 0.01;
        assert!(near(b("constant_yes", "binary_accuracy"), 66.67) && near(b("constant_no", "binary_accuracy"), 33.33));
        assert!(near(b("constant_yes", "binary_f1"), 80.0));
        // Doubt, in two records of three, is the majority set and the top technique
        assert!(near(b("majority_per_label", "paragraph_micro_f1"), 66.67));
        assert_eq!(b("majority_per_label", "paragraph_micro_f1"), b("constant_top1", "paragraph_micro_f1"));
        assert!(
            near(b("constant_top2", "paragraph_micro_f1"), 66.67) && b("constant_top2", "paragraph_macro_f1") > 60.0
        );
        // every word (one word of 40 letters per record) a Doubt span: 10/40 and 5/40
        // of it is right, both Doubt spans fully covered, the Slogans span missed
        assert!(near(b("every_word_Doubt", "span_micro_precision"), 12.5));
        assert!(near(b("every_word_Doubt", "span_micro_recall"), 66.67));
        assert!(r.text().contains("baseline constant_yes: binary_accuracy 66.67"), "{}", r.text());
        assert_eq!(r.json()["baselines"]["constant_no"]["binary_f1"], 0.0);
        assert_eq!(words("قال: إن 12 عاما"), vec![(0, 3), (5, 7), (8, 10), (11, 15)]);
    }
}
