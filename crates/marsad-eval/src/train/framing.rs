//! Training the framing models (`marsad train framing`) and cross-validating them.
//!
//! Each gold record is analysed once through the stages the features read; its
//! token features (for records with spans) and paragraph features (for records with
//! labels) are extracted once as names. The span model learns, for every word, the
//! techniques of the gold spans covering most of its letters; the paragraph model
//! the record's techniques and `propaganda` (any). Decision thresholds are chosen
//! per label on out-of-fold probabilities of an inner 3-fold split of the training
//! data (the F1-best point of a grid), so they are never tuned on the data scored.

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;

use crate::eval::framing::{self as eval, Prediction, Report, INPUT_STAGE};
use crate::eval::framing_gold::Record;
use marsad::framing::detect;
use marsad::framing::features::Context;
use marsad::framing::lexicon::{FramingLexicon, ANY};
use marsad_core::document::{Document, Metadata, TokenKind};
use marsad_core::learn::linear::{self, Example, LinearModel, TrainOptions};

/// Folds of the inner split that tunes the thresholds.
const FOLDS: usize = 3;
use marsad::Pipeline;
use marsad_core::span::CharIndex;

/// A gold record, analysed, with its features.
pub struct Prepared {
    /// The record.
    pub record: Record,
    /// Its analysis through [`INPUT_STAGE`].
    pub doc: Document,
    /// One example per word, when the record has spans.
    pub tokens: Vec<Example>,
    /// The paragraph example, when the record has labels.
    pub paragraph: Option<Example>,
}

/// The label lists of the two models.
pub struct Labels {
    /// Techniques (span model).
    pub spans: Vec<String>,
    /// Techniques and [`ANY`] (paragraph model).
    pub paragraphs: Vec<String>,
}

impl Labels {
    /// Every technique of the taxonomy.
    pub fn of(lex: &FramingLexicon) -> Labels {
        let spans: Vec<String> = lex.taxonomy.techniques.iter().map(|t| t.name.clone()).collect();
        let mut paragraphs = spans.clone();
        paragraphs.push(ANY.to_string());
        Labels { spans, paragraphs }
    }
}

/// Analyses records and extracts their features (in parallel, order kept).
pub fn prepare(records: Vec<Record>, lex: &FramingLexicon, labels: &Labels) -> Vec<Prepared> {
    let pipeline = Pipeline::new();
    let (tone, words) = (&pipeline.resources().tone, &pipeline.resources().lexicon);
    records
        .into_par_iter()
        .map(|record| {
            let doc = pipeline.analyze_through(record.text.as_str(), Metadata::default(), INPUT_STAGE);
            let ctx = Context::new(&doc, lex, tone, words);
            let index = CharIndex::new(&doc.text);
            let tokens = match &record.spans {
                Some(spans) => doc
                    .tokens
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.kind != TokenKind::Punct)
                    .map(|(i, t)| {
                        let (a, b) = (index.char_of(t.span.start), index.char_of(t.span.end));
                        let mut ls: Vec<u16> = spans
                            .iter()
                            .filter(|s| 2 * (b.min(s.end).saturating_sub(a.max(s.start))) >= b - a)
                            .filter_map(|s| labels.spans.iter().position(|l| *l == s.technique))
                            .map(|l| l as u16)
                            .collect();
                        ls.sort_unstable();
                        ls.dedup();
                        let mut features = Vec::new();
                        ctx.token(i, &mut features);
                        Example { features, labels: ls, unknown: Vec::new() }
                    })
                    .collect(),
                None => Vec::new(),
            };
            let paragraph = record.labels.as_ref().map(|ls| {
                let mut features = Vec::new();
                ctx.paragraph(0, doc.tokens.len(), &mut features);
                let mut idx: Vec<u16> =
                    ls.iter().filter_map(|l| labels.paragraphs.iter().position(|x| x == l)).map(|i| i as u16).collect();
                if record.propaganda {
                    idx.push((labels.paragraphs.len() - 1) as u16);
                }
                Example { features, labels: idx, unknown: Vec::new() }
            });
            drop(ctx);
            Prepared { record, doc, tokens, paragraph }
        })
        .collect()
}

/// The two model files.
pub struct Trained {
    /// The span model (TSV).
    pub spans: String,
    /// The paragraph model (TSV).
    pub paragraphs: String,
}

impl Trained {
    /// The models, read back, with the embedded taxonomy and cues.
    pub fn lexicon(&self) -> FramingLexicon {
        FramingLexicon::with_models(
            LinearModel::parse(&self.spans).expect("a trained span model reads back"),
            LinearModel::parse(&self.paragraphs).expect("a trained paragraph model reads back"),
        )
    }
}

/// Options of the span model and the paragraph model.
pub fn options() -> (TrainOptions, TrainOptions) {
    // Chosen by 5-fold cross-validation on ArMPro (docs/framing.md).
    let spans = TrainOptions { epochs: 5, positive_weight: 3.0, learning_rate: 0.02, ..TrainOptions::default() };
    let paragraphs = TrainOptions { epochs: 15, positive_weight: 2.0, learning_rate: 0.1, ..TrainOptions::default() };
    (spans, paragraphs)
}

/// Trains both models on `data`, thresholds from an inner 3-fold split over the
/// records that are news ([`is_news`]: the product reads news, not tweets).
pub fn train(data: &[&Prepared], labels: &Labels, header: &[String]) -> Trained {
    let (so, po) = options();
    let token_ex: Vec<Example> = data.iter().flat_map(|p| p.tokens.iter().cloned()).collect();
    let token_fold: Vec<usize> =
        data.iter().flat_map(|p| std::iter::repeat_n(group_fold(&p.record), p.tokens.len())).collect();
    let para_ex: Vec<Example> = data.iter().filter_map(|p| p.paragraph.clone()).collect();
    let para_fold: Vec<usize> = data.iter().filter(|p| p.paragraph.is_some()).map(|p| group_fold(&p.record)).collect();
    let token_tune: Vec<bool> =
        data.iter().flat_map(|p| std::iter::repeat_n(is_news(&p.record), p.tokens.len())).collect();
    let para_tune: Vec<bool> = data.iter().filter(|p| p.paragraph.is_some()).map(|p| is_news(&p.record)).collect();
    let (spans, paragraphs) = rayon::join(
        || linear::train_tuned(&labels.spans, &token_ex, &token_fold, &token_tune, &so, header),
        || linear::train_tuned(&labels.paragraphs, &para_ex, &para_fold, &para_tune, &po, header),
    );
    Trained { spans, paragraphs }
}

/// The inner fold of a record: by its group (an ArMPro page), so paragraphs of one
/// page never tune each other's thresholds.
fn group_fold(r: &Record) -> usize {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(r.group.as_bytes());
    (h.finish() % FOLDS as u64) as usize
}

/// True for news paragraphs: ArMPro records (they have a page) and records typed
/// `paragraph`; false for tweets.
pub fn is_news(r: &Record) -> bool {
    match r.kind.as_deref() {
        Some(kind) => kind == "paragraph",
        None => r.group != r.id,
    }
}

/// Drops records whose text is also in `exclude` and records whose text came
/// before (the first copy wins); each kept record with its index in `records`.
pub fn deduplicate(records: Vec<Record>, exclude: &HashSet<String>) -> Vec<(usize, Record)> {
    let mut seen: HashSet<String> = HashSet::new();
    records
        .into_iter()
        .enumerate()
        .filter(|(_, r)| {
            let key = text_key(&r.text);
            !exclude.contains(&key) && seen.insert(key)
        })
        .collect()
}

/// What a record is deduplicated by: its letters and digits in matching-key form
/// (diacritics, hamza forms, punctuation and spacing ignored), so near-copies of a
/// paragraph in two data sets count as one.
pub fn text_key(text: &str) -> String {
    marsad_core::normalize::key_of(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The folds of `k`-fold cross-validation over `data[..n]`: groups (ArMPro pages)
/// dealt in order of their first record, so a page stays in one fold.
fn folds(data: &[Prepared], n: usize, k: usize) -> Vec<usize> {
    let mut group_fold: BTreeMap<&str, usize> = BTreeMap::new();
    let mut next = 0;
    data[..n]
        .iter()
        .map(|p| {
            *group_fold.entry(p.record.group.as_str()).or_insert_with(|| {
                next += 1;
                (next - 1) % k
            })
        })
        .collect()
}

/// `k`-fold cross-validation over the first `n` records, with the rest of `data`
/// added to the training data of every fold. Returns the pooled report.
pub fn cross_validate(data: &[Prepared], n: usize, k: usize, labels: &Labels) -> Report {
    let fold_of = folds(data, n, k);
    let mut predictions: Vec<Option<Prediction>> = vec![None; n];
    let pipeline = Pipeline::new();
    let (tone, words) = (&pipeline.resources().tone, &pipeline.resources().lexicon);
    for f in 0..k {
        let train: Vec<&Prepared> =
            data.iter().enumerate().filter(|(i, _)| *i >= n || fold_of[*i] != f).map(|(_, p)| p).collect();
        let lex = self::train(&train, labels, &[]).lexicon();
        let held: Vec<usize> = (0..n).filter(|&i| fold_of[i] == f).collect();
        let preds: Vec<(usize, Prediction)> = held
            .par_iter()
            .map(|&i| (i, eval::prediction(&data[i].doc, &detect::techniques(&data[i].doc, &lex, tone, words))))
            .collect();
        for (i, p) in preds {
            predictions[i] = Some(p);
        }
    }
    let gold: Vec<Record> = data[..n].iter().map(|p| p.record.clone()).collect();
    let predicted: Vec<Prediction> = predictions.into_iter().map(Option::unwrap_or_default).collect();
    eval::score(&gold, &predicted)
}
