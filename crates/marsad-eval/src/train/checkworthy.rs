//! Training and scoring the check-worthiness model (`marsad train|eval checkworthy`)
//! on the Arabic CheckThat! 2022 task 1 files; the model's use at run time is in
//! `marsad::claims::checkworthy`.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{json, Value};

use marsad::claims::checkworthy::{facts_of_text, features, judge, CHECKWORTHY, VERIFIABLE};
use marsad::Pipeline;
use marsad_core::data::{io_reason, DataError};
use marsad_core::document::{Document, Metadata};
use marsad_core::learn::linear::{self, Example, LinearModel, TrainOptions};
use marsad_core::metrics::{percent, round2, Baselines, Counts};
use marsad_core::span::Span;

/// A labelled text.
#[derive(Clone, Debug)]
pub struct Row {
    /// Its id (`tweet_id`), when the file has one.
    pub id: Option<String>,
    /// The text.
    pub text: String,
    /// Its label (check-worthy or verifiable, as the file's task says).
    pub label: bool,
}

/// Reads a CheckThat! task 1 TSV file (columns named in the header line; the text
/// in `tweet_text` or `text`, the label, 0 or 1, in `class_label` or `label`).
pub fn read(path: &Path) -> Result<Vec<Row>, DataError> {
    let err = |line: usize, message: String| DataError { file: path.to_owned(), line, message };
    let text = std::fs::read_to_string(path).map_err(|e| err(0, io_reason(&e)))?;
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines.next().map(|(_, h)| h.split('\t').map(str::trim).collect()).unwrap_or_default();
    let col = |names: &[&str]| header.iter().position(|h| names.contains(h));
    let ic = col(&["tweet_id", "id"]);
    let (Some(tc), Some(lc)) = (col(&["tweet_text", "text"]), col(&["class_label", "label"])) else {
        return Err(err(1, "the header names no `tweet_text` and `class_label` columns".into()));
    };
    let mut rows = Vec::new();
    for (n, line) in lines.filter(|(_, l)| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(t), Some(l)) = (cols.get(tc), cols.get(lc)) else {
            return Err(err(n + 1, format!("expected {} columns, found {}", header.len(), cols.len())));
        };
        let label = match l.trim() {
            "1" => true,
            "0" => false,
            other => return Err(err(n + 1, format!("class_label is {other:?}, not 0 or 1"))),
        };
        let id = ic.and_then(|i| cols.get(i)).map(|s| s.to_string());
        rows.push(Row { id, text: t.to_string(), label });
    }
    if rows.is_empty() {
        return Err(err(0, "no rows".into()));
    }
    Ok(rows)
}

fn analysed(rows: &[Row]) -> Vec<Document> {
    use rayon::prelude::*;
    let pipeline = Pipeline::new();
    rows.par_iter().map(|r| pipeline.analyze_through(r.text.as_str(), Metadata::default(), "claims")).collect()
}

fn whole(doc: &Document) -> Span {
    Span::new(0, doc.text.len())
}

/// The default training options.
pub fn options() -> TrainOptions {
    TrainOptions { epochs: 15, learning_rate: 0.1, positive_weight: 2.0, l2: 1e-3, ..TrainOptions::default() }
}

/// Trains the model from task 1A rows (check-worthy) and task 1B rows (verifiable),
/// joined by id; thresholds come from an inner 5-fold split. Joining needs ids:
/// without 1B rows a row's place stands for it, with them a row without an id is an error.
pub fn train(
    checkworthy: &[Row],
    verifiable: &[Row],
    opts: &TrainOptions,
    header: &[String],
) -> Result<String, String> {
    use std::collections::BTreeMap;
    if !verifiable.is_empty() && checkworthy.iter().chain(verifiable).any(|r| r.id.is_none()) {
        return Err("joining check-worthiness and verifiable-claim files needs a `tweet_id` column in both".into());
    }
    let place: Vec<String> = (0..checkworthy.len()).map(|i| format!("#{i}")).collect();
    let id_of = |r: &Row, i: usize| r.id.clone().unwrap_or_else(|| place[i].clone());
    // id → (text, check-worthy, verifiable). A 1A text is a verifiable claim; the
    // check-worthiness of a text only 1B holds was never judged, so the
    // `checkworthy` label (P(check-worthy | verifiable)) learns from 1A alone.
    let mut joined: BTreeMap<String, (&str, Option<bool>, Option<bool>)> = BTreeMap::new();
    for (i, r) in checkworthy.iter().enumerate() {
        joined.entry(id_of(r, i)).or_insert((&r.text, None, None)).1 = Some(r.label);
    }
    for (i, r) in verifiable.iter().enumerate() {
        joined.entry(id_of(r, i)).or_insert((&r.text, None, None)).2 = Some(r.label);
    }
    let rows: Vec<(Row, Option<bool>, bool)> = joined
        .into_iter()
        .map(|(id, (text, cw, ver))| {
            let ver = ver.unwrap_or(cw.is_some());
            (Row { id: Some(id), text: text.to_string(), label: cw.unwrap_or(false) }, cw, ver)
        })
        .collect();
    let lex = &Pipeline::new().resources().claims;
    let plain: Vec<Row> = rows.iter().map(|(r, _, _)| r.clone()).collect();
    let docs = analysed(&plain);
    let examples: Vec<Example> = rows
        .iter()
        .zip(&docs)
        .map(|((_, cw, ver), doc)| {
            let mut names = Vec::new();
            features(doc, whole(doc), facts_of_text(doc, lex), &mut names);
            let mut labels = Vec::new();
            if *cw == Some(true) {
                labels.push(0);
            }
            if *ver {
                labels.push(1);
            }
            let unknown = if cw.is_none() { vec![0] } else { vec![] };
            Example { features: names, labels, unknown }
        })
        .collect();
    let folds: Vec<usize> = (0..examples.len()).map(|i| i % 5).collect();
    let labels = [CHECKWORTHY.to_string(), VERIFIABLE.to_string()];
    Ok(linear::train_tuned(&labels, &examples, &folds, &vec![true; examples.len()], opts, header))
}

/// Binary scores.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Report {
    /// The decision scored.
    pub task: Task,
    /// Texts scored.
    pub texts: usize,
    /// The positive class: labelled positive and found (tp), found but labelled
    /// negative (fp), labelled positive but not found (fn).
    pub counts: Counts,
}

impl Report {
    /// P, R, F1 of the positive class and accuracy.
    pub fn scores(&self) -> (f64, f64, f64, f64) {
        let (p, r, f) = self.counts.prf();
        (p, r, f, self.accuracy())
    }

    /// Texts decided right, in percent.
    pub fn accuracy(&self) -> f64 {
        percent(self.texts - self.counts.fp - self.counts.fn_, self.texts)
    }

    /// Texts labelled positive.
    pub fn positives(&self) -> usize {
        self.counts.tp + self.counts.fn_
    }

    /// What a constant answer scores on the same texts: `constant_yes` (precision,
    /// recall, F1, accuracy) and `constant_no` (accuracy; its F1 is 0).
    pub fn baselines(&self) -> Baselines {
        let (pos, neg) = (self.positives(), self.texts - self.positives());
        let mut b = Baselines::default();
        b.set_prf("constant_yes", Counts { tp: pos, fp: neg, fn_: 0 });
        b.set("constant_yes", "accuracy", percent(pos, self.texts));
        b.set_prf("constant_no", Counts { tp: 0, fp: 0, fn_: pos });
        b.set("constant_no", "accuracy", percent(neg, self.texts));
        b
    }

    /// A readable report.
    pub fn text(&self) -> String {
        let (p, r, f, acc) = self.scores();
        let mut out = String::new();
        let (what, positive) = match self.task {
            Task::Checkworthy => ("check-worthiness", "check-worthy"),
            Task::Verifiable => ("verifiable claims", "verifiable"),
        };
        let _ = writeln!(out, "{what}: {} texts, {} {positive}", self.texts, self.positives());
        let _ = writeln!(out, "positive class  P {p:.2} R {r:.2} F1 {f:.2} | accuracy {acc:.2}");
        out.push_str(&self.baselines().report());
        out
    }

    /// The figures as JSON (`f1` is the positive class's).
    pub fn json(&self) -> Value {
        let (p, r, f, acc) = self.scores();
        let task = match self.task {
            Task::Checkworthy => "checkworthy",
            Task::Verifiable => "verifiable",
        };
        let c = self.counts;
        json!({"task": task, "texts": self.texts, "positives": self.positives(), "precision": round2(p), "recall": round2(r),
               "f1": round2(f), "accuracy": round2(acc), "tp": c.tp, "fp": c.fp, "fn": c.fn_,
               "baselines": self.baselines().json()})
    }
}

/// Which decision a labelled file is scored against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// Task 1A labels: check-worthy. Task 1A's texts are verifiable claims by
    /// construction (each is a positive of 1B), so only the check-worthiness
    /// decision is scored.
    Checkworthy,
    /// Task 1B labels: a verifiable factual claim.
    Verifiable,
}

/// Scores labelled texts with `model` at its thresholds.
pub fn evaluate(rows: &[Row], model: &LinearModel, task: Task) -> Report {
    let lex = &Pipeline::new().resources().claims;
    let docs = analysed(rows);
    let mut r = Report { task, texts: rows.len(), counts: Counts::default() };
    for (row, doc) in rows.iter().zip(&docs) {
        let j = judge(model, doc, whole(doc), facts_of_text(doc, lex));
        let found = match task {
            Task::Checkworthy => model.label_index(CHECKWORTHY).is_some_and(|l| j.checkworthy >= model.threshold(l)),
            Task::Verifiable => model.label_index(VERIFIABLE).is_some_and(|l| j.verifiable >= model.threshold(l)),
        };
        match (row.label, found) {
            (true, true) => r.counts.tp += 1,
            (false, true) => r.counts.fp += 1,
            (true, false) => r.counts.fn_ += 1,
            (false, false) => {}
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad::claims::checkworthy::ClaimFacts;
    use marsad::claims::lexicon::Stance;

    fn tsv(body: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ct.tsv");
        std::fs::write(&path, body).unwrap();
        (dir, path)
    }

    #[test]
    fn reads_checkthat_files_and_names_bad_lines() {
        let (_d, p) = tsv(
            "topic\ttweet_id\ttweet_url\ttweet_text\tclass_label\nCOVID\t1\tu\tنص أول\t1\nCOVID\t2\tu\tنص ثان\t0\n",
        );
        let rows = read(&p).unwrap();
        assert_eq!((rows.len(), rows[0].id.as_deref(), rows[0].label, rows[1].label), (2, Some("1"), true, false));
        let (_d, p) = tsv("tweet_id\ttweet_text\tclass_label\n1\tنص\tyes\n");
        let e = read(&p).unwrap_err().to_string();
        assert!(e.ends_with("ct.tsv:2: class_label is \"yes\", not 0 or 1"), "{e}");
        let (_d, p) = tsv("a\tb\n1\t2\n");
        assert!(read(&p).unwrap_err().to_string().contains("no `tweet_text` and `class_label`"));
    }

    #[test]
    fn judgement_multiplies_the_two_probabilities_and_explains_itself() {
        let model = LinearModel::parse(
            "labels\tcheckworthy\tverifiable\nthresholds\t0.6\t0.6\nbias\t0\t0\nf=number\tcheckworthy\t2\nf=number\tverifiable\t3\n",
        )
        .unwrap();
        let doc = Pipeline::new().analyze_through("بلغ العجز 23 مليار درهم.", Metadata::default(), "claims");
        let facts = ClaimFacts { stance: Stance::None, hedged: false, source: None };
        let j = judge(&model, &doc, whole(&doc), facts);
        assert!(j.decision && j.checkworthy > 0.85 && j.verifiable > 0.9, "{j:?}");
        assert!((j.score - j.checkworthy * j.verifiable).abs() < 1e-6);
        assert_eq!(j.reasons[0], "check-worthy: f=number (+2.00)");
        let doc = Pipeline::new().analyze_through("هذا أمر مؤسف.", Metadata::default(), "claims");
        let j = judge(&model, &doc, whole(&doc), facts);
        assert!(!j.decision && j.score == 0.25, "{j:?}");
    }

    #[test]
    fn constant_answers_are_scored_beside_the_model() {
        let r = Report { task: Task::Checkworthy, texts: 10, counts: Counts { tp: 3, fp: 2, fn_: 1 } };
        assert_eq!((r.positives(), r.accuracy()), (4, 70.0));
        let b = r.baselines();
        assert_eq!(b.get("constant_yes", "accuracy"), Some(40.0));
        assert_eq!(b.get("constant_no", "accuracy"), Some(60.0));
        assert!((b.get("constant_yes", "f1").unwrap() - 800.0 / 14.0).abs() < 1e-9);
        assert_eq!(b.best("accuracy"), Some(("constant_no", 60.0)));
        assert!(r.text().contains("baseline constant_no: accuracy 60.00"), "{}", r.text());
        assert_eq!(r.json()["baselines"]["constant_yes"]["recall"], 100.0);
    }
}
