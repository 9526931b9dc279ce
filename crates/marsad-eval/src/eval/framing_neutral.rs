//! The framing layer on ordinary news (`marsad eval framing --neutral FILE`): weather,
//! markets, sport results and short agency reports, which use no persuasion technique
//! as a rule. Every article marked propagandistic is a false alarm; spans per 100 words
//! say how much the span model fires on words of topic rather than of persuasion.
//!
//! The list (`gold/framing/neutral_news.tsv`, drawn by `tools/framing_neutral_pick.py`)
//! gives each article's id, corpus, kind and part: the `training` part gives the span
//! and paragraph models their negatives; the `calibration` half chooses the article
//! threshold on news the models never saw; the `reported` half is only scored.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use rayon::prelude::*;
use serde_json::{json, Value};

use crate::eval::expressions::{Corpora, GoldDoc};
use crate::eval::framing::INPUT_STAGE;
use marsad::framing::detect;
use marsad::framing::lexicon::FramingLexicon;
use marsad::Pipeline;
use marsad_core::data::DataError;
use marsad_core::document::{Metadata, TokenKind};
use marsad_core::metrics::round2;

/// One article of the list.
#[derive(Clone, Debug, PartialEq)]
pub struct NeutralDoc {
    /// Record id in its corpus.
    pub id: String,
    /// Corpus name (`saudinewsnet`, `antcorpus`).
    pub corpus: String,
    /// `weather`, `markets`, `sport`, `agency`.
    pub kind: String,
    /// `training`, `calibration` or `reported`.
    pub half: String,
}

/// Reads the list: a header, then `id<TAB>corpus<TAB>kind<TAB>half…` rows.
pub fn read_list(path: &Path) -> Result<Vec<NeutralDoc>, DataError> {
    let err = |line: usize, message: String| DataError { file: path.to_owned(), line, message };
    let text = std::fs::read_to_string(path).map_err(|e| err(0, marsad_core::data::io_reason(&e)))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let [id, corpus, kind, half, ..] = f[..] else {
            return Err(err(n + 1, "expected id, corpus, kind and half separated by tabs".into()));
        };
        if !matches!(half, "training" | "calibration" | "reported") {
            return Err(err(n + 1, format!("part {half:?} is none of training, calibration, reported")));
        }
        out.push(NeutralDoc { id: id.into(), corpus: corpus.into(), kind: kind.into(), half: half.into() });
    }
    if out.is_empty() {
        return Err(err(0, "no articles listed".into()));
    }
    Ok(out)
}

/// The texts of the listed articles, in list order, from the corpora under `data`.
pub fn texts(list: &[NeutralDoc], list_path: &Path, data: &Path) -> Result<Vec<String>, DataError> {
    let docs: Vec<GoldDoc> = list
        .iter()
        .enumerate()
        .map(|(i, d)| GoldDoc {
            corpus: d.corpus.clone(),
            doc: d.id.clone(),
            published: None,
            items: Vec::new(),
            line: i + 2,
        })
        .collect();
    let mut by = Corpora::new(data).texts(&docs, list_path)?;
    Ok(list.iter().map(|d| by.remove(&(d.corpus.clone(), d.id.clone())).unwrap_or_default()).collect())
}

/// The paragraphs of the training part as gold records with no technique: negatives
/// for training, each paragraph its own record, grouped by article. Paragraphs are the
/// text's non-blank lines; lines of fewer than 5 words (datelines, captions) are left out.
pub fn negatives(list: &[NeutralDoc], texts: &[String]) -> Vec<crate::eval::framing_gold::Record> {
    let mut out = Vec::new();
    for (d, text) in list.iter().zip(texts).filter(|(d, _)| d.half == "training") {
        for (k, line) in text.lines().map(str::trim).filter(|l| l.split_whitespace().count() >= 5).enumerate() {
            out.push(crate::eval::framing_gold::Record {
                id: format!("{}#{k}", d.id),
                group: d.id.clone(),
                text: line.to_string(),
                spans: Some(Vec::new()),
                labels: Some(Vec::new()),
                propaganda: false,
                kind: Some("paragraph".into()),
            });
        }
    }
    out
}

/// What the layer said of one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Marked propagandistic.
    pub flagged: bool,
    /// Technique spans.
    pub spans: usize,
    /// Arabic words.
    pub words: usize,
}

/// Figures of a group of articles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// Articles.
    pub articles: usize,
    /// Of them marked propagandistic.
    pub flagged: usize,
    /// Spans.
    pub spans: usize,
    /// Words.
    pub words: usize,
}

impl Figures {
    fn add(&mut self, o: &Outcome) {
        self.articles += 1;
        self.flagged += usize::from(o.flagged);
        self.spans += o.spans;
        self.words += o.words;
    }

    /// Percent of articles marked propagandistic.
    pub fn false_alarm_rate(&self) -> f64 {
        if self.articles == 0 {
            0.0
        } else {
            100.0 * self.flagged as f64 / self.articles as f64
        }
    }

    /// Technique spans per 100 words.
    pub fn spans_per_100_words(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            100.0 * self.spans as f64 / self.words as f64
        }
    }

    fn json(&self) -> Value {
        json!({"articles": self.articles, "flagged": self.flagged,
               "false_alarm_rate": round2(self.false_alarm_rate()),
               "spans_per_100_words": round2(self.spans_per_100_words())})
    }
}

/// The figures by half, and by half and kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NeutralReport {
    /// By half (`calibration`, `reported`).
    pub halves: BTreeMap<String, Figures>,
    /// By (half, kind).
    pub kinds: BTreeMap<(String, String), Figures>,
}

/// Runs the framing layer with `lex` over one text.
pub fn outcome(text: &str, lex: &FramingLexicon, pipeline: &Pipeline) -> Outcome {
    let doc = pipeline.analyze_through(text, Metadata::default(), INPUT_STAGE);
    let t = detect::techniques(&doc, lex, &pipeline.resources().tone, &pipeline.resources().lexicon);
    Outcome {
        flagged: t.summary.propagandistic,
        spans: t.spans.len(),
        words: doc.tokens.iter().filter(|t| t.kind == TokenKind::Arabic).count(),
    }
}

/// Scores the listed articles (in parallel).
pub fn evaluate(list: &[NeutralDoc], texts: &[String], lex: &FramingLexicon) -> NeutralReport {
    let pipeline = Pipeline::new();
    let outcomes: Vec<Outcome> = texts.par_iter().map(|t| outcome(t, lex, &pipeline)).collect();
    report(list, &outcomes)
}

/// Groups outcomes by half and kind.
pub fn report(list: &[NeutralDoc], outcomes: &[Outcome]) -> NeutralReport {
    let mut r = NeutralReport::default();
    for (d, o) in list.iter().zip(outcomes) {
        r.halves.entry(d.half.clone()).or_default().add(o);
        r.kinds.entry((d.half.clone(), d.kind.clone())).or_default().add(o);
    }
    r
}

impl NeutralReport {
    /// A readable report.
    pub fn text(&self) -> String {
        let mut out = String::from("neutral news (every article marked propagandistic is a false alarm)\n");
        let _ = writeln!(
            out,
            "{:<24} {:>8} {:>8} {:>12} {:>14}",
            "half / kind", "articles", "flagged", "false alarm", "spans/100 w"
        );
        for (half, f) in &self.halves {
            let _ = writeln!(
                out,
                "{half:<24} {:>8} {:>8} {:>11.2}% {:>14.2}",
                f.articles,
                f.flagged,
                f.false_alarm_rate(),
                f.spans_per_100_words()
            );
            for ((h, kind), f) in self.kinds.iter().filter(|((h, _), _)| h == half) {
                let _ = writeln!(
                    out,
                    "  {:<22} {:>8} {:>8} {:>11.2}% {:>14.2}",
                    format!("{h}/{kind}"),
                    f.articles,
                    f.flagged,
                    f.false_alarm_rate(),
                    f.spans_per_100_words()
                );
            }
        }
        out
    }

    /// The figures as JSON: `halves.<half>.false_alarm_rate`, `kinds.<half>/<kind>…`.
    pub fn json(&self) -> Value {
        let halves: serde_json::Map<String, Value> = self.halves.iter().map(|(h, f)| (h.clone(), f.json())).collect();
        let kinds: serde_json::Map<String, Value> =
            self.kinds.iter().map(|((h, k), f)| (format!("{h}/{k}"), f.json())).collect();
        json!({"halves": halves, "kinds": kinds})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_count_false_alarms_and_spans_per_half_and_kind() {
        let doc = |kind: &str, half: &str| NeutralDoc {
            id: String::new(),
            corpus: String::new(),
            kind: kind.into(),
            half: half.into(),
        };
        let list = [doc("weather", "reported"), doc("sport", "reported"), doc("sport", "calibration")];
        let outcomes = [
            Outcome { flagged: true, spans: 3, words: 100 },
            Outcome { flagged: false, spans: 1, words: 300 },
            Outcome { flagged: false, spans: 0, words: 50 },
        ];
        let r = report(&list, &outcomes);
        let rep = &r.halves["reported"];
        assert_eq!((rep.articles, rep.flagged), (2, 1));
        assert_eq!(rep.false_alarm_rate(), 50.0);
        assert_eq!(rep.spans_per_100_words(), 1.0);
        assert_eq!(r.kinds[&("reported".to_string(), "sport".to_string())].flagged, 0);
        assert_eq!(r.json()["halves"]["calibration"]["false_alarm_rate"], 0.0);
        assert!(r.text().contains("reported/weather"));
    }

    #[test]
    fn negatives_are_the_training_part_paragraphs_without_techniques() {
        let doc = |id: &str, half: &str| NeutralDoc {
            id: id.into(),
            corpus: String::new(),
            kind: "weather".into(),
            half: half.into(),
        };
        let list = [doc("a", "training"), doc("b", "calibration"), doc("c", "reported")];
        let texts = [
            "طقس غائم جزئيا على معظم المناطق اليوم\nالرياض\n".to_string(),
            "سماء صافية على كل المناطق اليوم".into(),
            "سماء صافية على كل المناطق".into(),
        ];
        let n = negatives(&list, &texts);
        assert_eq!(n.len(), 1, "the dateline line is too short, the two halves are never used");
        assert_eq!((n[0].group.as_str(), n[0].propaganda), ("a", false));
        assert_eq!(n[0].spans.as_deref(), Some(&[][..]));
    }

    #[test]
    fn a_list_without_a_half_is_refused_with_its_line() {
        let dir = std::env::temp_dir().join(format!("marsad-neutral-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("list.tsv");
        std::fs::write(&path, "id\tcorpus\tkind\thalf\nx\tsaudinewsnet\tsport\tsomewhere\n").unwrap();
        let e = read_list(&path).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("somewhere"));
        std::fs::write(&path, "id\tcorpus\tkind\thalf\nx\tsaudinewsnet\tsport\treported\n").unwrap();
        assert_eq!(read_list(&path).unwrap()[0].kind, "sport");
        std::fs::remove_dir_all(&dir).ok();
    }
}
