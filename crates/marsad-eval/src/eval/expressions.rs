//! Evaluation of span layers with values (time expressions, quantities) against gold
//! files of offsets into news corpora (`marsad eval time`, `marsad eval quantities`).
//!
//! A gold file (`gold/time.jsonl`, `gold/quantities.jsonl`; format and annotation rules
//! in `docs/annotation/time_quantities.md`) has one line per fully annotated document:
//! its corpus, record id, publication date, and its expressions as character offsets
//! (Unicode scalar values) with a type and a value. The texts are read from the corpora
//! themselves ([`Corpora`]), so the gold file holds no text.
//!
//! Each document is analysed by the real pipeline with its publication date, then
//! scored like TempEval: *strict* matches have identical spans, *relaxed* matches
//! overlap (paired one to one, largest overlap first); the value is scored on relaxed
//! matches whose gold value is known.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::{json, Value};

use marsad::Pipeline;
use marsad_core::data::{io_reason, DataError};
use marsad_core::document::{Document, Metadata};
use marsad_core::metrics::prf;
use marsad_core::metrics::{percent, round2};
use marsad_core::names::serde_name;
use marsad_core::span::CharIndex;

/// The layer being evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// Time expressions (`times`), values ISO 8601 strings.
    Time,
    /// Quantities (`quantities`), values numbers.
    Quantities,
}

impl Layer {
    /// Its name in reports and the key of its list in a gold line.
    pub fn key(self) -> &'static str {
        match self {
            Layer::Time => "times",
            Layer::Quantities => "quantities",
        }
    }

    /// The field of a gold item that holds its type.
    fn label_field(self) -> &'static str {
        match self {
            Layer::Time => "type",
            Layer::Quantities => "kind",
        }
    }

    /// The last pipeline stage the layer needs.
    fn last_stage(self) -> &'static str {
        match self {
            Layer::Time => "times",
            Layer::Quantities => "quantities",
        }
    }
}

/// The value of an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemValue {
    /// An ISO 8601 value.
    Text(String),
    /// A number.
    Number(f64),
}

impl ItemValue {
    /// True when two values agree: equal strings, or numbers equal to 1e-9 relative.
    pub fn agrees(&self, other: &ItemValue) -> bool {
        match (self, other) {
            (ItemValue::Text(a), ItemValue::Text(b)) => a == b,
            (ItemValue::Number(a), ItemValue::Number(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
            _ => false,
        }
    }
}

/// One expression, gold or predicted: character offsets, type, value.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// First character (Unicode scalar offset).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Its type (`date`, `interval`… or `money`, `percent`…).
    pub label: String,
    /// Its value, when known.
    pub value: Option<ItemValue>,
    /// Its unit (quantities: a currency code, a unit of measure, a counted noun), when known.
    pub unit: Option<String>,
}

/// One annotated document of a gold file.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldDoc {
    /// Corpus name (`saudinewsnet`, `antcorpus`).
    pub corpus: String,
    /// Record id in the corpus.
    pub doc: String,
    /// Publication date (YYYY-MM-DD), the anchor for relative expressions.
    pub published: Option<String>,
    /// Its expressions.
    pub items: Vec<Item>,
    /// Line of the gold file (1-based), for messages.
    pub line: usize,
}

/// Reads a gold file of `layer`.
pub fn read_gold(path: &Path, layer: Layer) -> Result<Vec<GoldDoc>, DataError> {
    let err = |line: usize, message: String| DataError { file: path.to_owned(), line, message };
    let mut docs = Vec::new();
    for (line, v) in marsad_core::data::json_lines(path)? {
        let field = |name: &str| v.get(name).and_then(Value::as_str).map(str::to_owned);
        let corpus = field("corpus").ok_or_else(|| err(line, "no \"corpus\" string".into()))?;
        let doc = field("doc").ok_or_else(|| err(line, "no \"doc\" string".into()))?;
        let list = v.get(layer.key()).and_then(Value::as_array).ok_or_else(|| {
            err(line, format!("no \"{}\" list: is this a gold file of {}?", layer.key(), layer.key()))
        })?;
        let mut items = Vec::with_capacity(list.len());
        for (i, it) in list.iter().enumerate() {
            let bad = |what: &str| err(line, format!("{} item {}: {what}", layer.key(), i + 1));
            let start = it.get("start").and_then(Value::as_u64).ok_or_else(|| bad("no \"start\" offset"))? as usize;
            let end = it.get("end").and_then(Value::as_u64).ok_or_else(|| bad("no \"end\" offset"))? as usize;
            if end <= start {
                return Err(bad("\"end\" is not after \"start\""));
            }
            let label = it
                .get(layer.label_field())
                .and_then(Value::as_str)
                .ok_or_else(|| bad(&format!("no \"{}\"", layer.label_field())))?
                .to_owned();
            let value = match it.get("value") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) if layer == Layer::Time => Some(ItemValue::Text(s.clone())),
                Some(Value::Number(x)) if layer == Layer::Quantities => x.as_f64().map(ItemValue::Number),
                Some(other) => return Err(bad(&format!("value {other} is not a {}", value_kind(layer)))),
            };
            let unit = it.get("unit").and_then(Value::as_str).map(str::to_owned);
            items.push(Item { start, end, label, value, unit });
        }
        docs.push(GoldDoc { corpus, doc, published: field("published"), items, line });
    }
    Ok(docs)
}

fn value_kind(layer: Layer) -> &'static str {
    match layer {
        Layer::Time => "string",
        Layer::Quantities => "number",
    }
}

/// The news corpora the gold files cite, under the shared data folder.
pub struct Corpora {
    root: PathBuf,
}

impl Corpora {
    /// Corpus names and their files under the data folder.
    pub const FILES: [(&'static str, &'static str); 2] =
        [("saudinewsnet", "news/saudinewsnet/articles.jsonl"), ("antcorpus", "news/antcorpus/articles.jsonl")];

    /// Corpora under the data folder `root`.
    pub fn new(root: impl Into<PathBuf>) -> Corpora {
        Corpora { root: root.into() }
    }

    /// The texts of the gold documents, by `(corpus, doc)`. Each corpus file is read
    /// once, keeping only the records asked for.
    pub fn texts(&self, gold: &[GoldDoc], gold_path: &Path) -> Result<HashMap<(String, String), String>, DataError> {
        let mut wanted: HashMap<&str, HashSet<&str>> = HashMap::new();
        for g in gold {
            if !Self::FILES.iter().any(|(name, _)| *name == g.corpus) {
                let names: Vec<_> = Self::FILES.iter().map(|(n, _)| *n).collect();
                return Err(DataError {
                    file: gold_path.to_owned(),
                    line: g.line,
                    message: format!("unknown corpus {:?} (known: {})", g.corpus, names.join(", ")),
                });
            }
            wanted.entry(&g.corpus).or_default().insert(&g.doc);
        }
        let mut out = HashMap::new();
        for (corpus, ids) in wanted {
            let rel = Self::FILES.iter().find(|(n, _)| *n == corpus).map(|(_, p)| *p).unwrap_or_default();
            let path = self.root.join(rel);
            let err = |line: usize, message: String| DataError { file: path.clone(), line, message };
            let file = std::fs::File::open(&path).map_err(|e| err(0, io_reason(&e)))?;
            #[derive(serde::Deserialize)]
            struct Record {
                id: String,
                text: String,
            }
            for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
                let line = line.map_err(|e| err(n + 1, io_reason(&e)))?;
                // Cheap test before parsing: most records are not wanted.
                let Some(id) = record_id(&line) else { continue };
                if !ids.contains(id) {
                    continue;
                }
                let rec: Record = serde_json::from_str(&line).map_err(|e| err(n + 1, format!("not a record: {e}")))?;
                out.insert((corpus.to_owned(), rec.id), rec.text);
            }
        }
        for g in gold {
            if !out.contains_key(&(g.corpus.clone(), g.doc.clone())) {
                return Err(DataError {
                    file: gold_path.to_owned(),
                    line: g.line,
                    message: format!("record {:?} is not in corpus {}", g.doc, g.corpus),
                });
            }
        }
        Ok(out)
    }
}

/// The `id` of a corpus line written as `{"id": "…", …}`, without parsing the line.
fn record_id(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix('{')?.trim_start().strip_prefix("\"id\"")?;
    let rest = rest.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    rest.split_once('"').map(|(id, _)| id)
}

/// The predicted items of `layer` in an analysed document, in character offsets.
pub fn predictions(doc: &Document, layer: Layer) -> Vec<Item> {
    let chars = CharIndex::new(&doc.text);
    match layer {
        Layer::Time => doc
            .times
            .iter()
            .map(|t| Item {
                start: chars.char_of(t.span.start),
                end: chars.char_of(t.span.end),
                label: serde_name(&t.kind),
                value: t.value.clone().map(ItemValue::Text),
                unit: None,
            })
            .collect(),
        Layer::Quantities => doc
            .quantities
            .iter()
            .map(|q| Item {
                start: chars.char_of(q.span.start),
                end: chars.char_of(q.span.end),
                label: serde_name(&q.kind),
                value: q.value.map(ItemValue::Number),
                unit: q.unit.clone(),
            })
            .collect(),
    }
}

/// Pairs gold and predicted items whose spans overlap, one to one, largest overlap
/// first (ties: earlier gold item, then earlier prediction). Returns `(gold, predicted)`
/// index pairs.
pub fn relaxed_pairs(gold: &[Item], predicted: &[Item]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (g, gi) in gold.iter().enumerate() {
        for (p, pi) in predicted.iter().enumerate() {
            let overlap = gi.end.min(pi.end).saturating_sub(gi.start.max(pi.start));
            if overlap > 0 {
                cands.push((std::cmp::Reverse(overlap), g, p));
            }
        }
    }
    cands.sort_unstable();
    let (mut gold_used, mut pred_used) = (vec![false; gold.len()], vec![false; predicted.len()]);
    let mut pairs = Vec::new();
    for (_, g, p) in cands {
        if !gold_used[g] && !pred_used[p] {
            gold_used[g] = true;
            pred_used[p] = true;
            pairs.push((g, p));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Counts for one type of gold item.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TypeCounts {
    /// Gold items of the type.
    pub gold: usize,
    /// Of those, matched (relaxed).
    pub matched: usize,
    /// Of the matched, with a gold value.
    pub scored: usize,
    /// Of those, with the right value.
    pub correct: usize,
}

/// The scores of one layer over a gold set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// Documents scored.
    pub documents: usize,
    /// Characters of text analysed.
    pub chars: usize,
    /// Bytes of text analysed (UTF-8).
    pub bytes: usize,
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub found: usize,
    /// Predicted items with the very span of a gold item.
    pub strict: usize,
    /// Relaxed (overlapping) matches.
    pub relaxed: usize,
    /// Relaxed matches with the gold type.
    pub same_type: usize,
    /// Relaxed matches whose gold value is known.
    pub scored: usize,
    /// Of those, with the right value.
    pub correct: usize,
    /// Relaxed matches that count for value F1: right value, or no gold value.
    pub value_tp: usize,
    /// Relaxed matches of a gold `money` item.
    pub money_matched: usize,
    /// Of those, predicted as money with the gold's currency (both without one counts).
    pub money_right_currency: usize,
    /// Per gold type.
    pub per_type: std::collections::BTreeMap<String, TypeCounts>,
    /// The same measures for baselines on the same documents, by name (`regex`: see
    /// [`super::regex_baseline`]).
    pub baselines: std::collections::BTreeMap<String, Scores>,
    /// Seconds spent in the pipeline (one core).
    pub seconds: f64,
    /// Gold items not matched, and predictions not matched or with a wrong value:
    /// `(corpus, doc, gold item, prediction)` for error analysis.
    pub errors: Vec<(String, String, Option<Item>, Option<Item>)>,
}

impl Scores {
    /// Adds one document's gold and predicted items.
    pub fn add(&mut self, g: &GoldDoc, predicted: &[Item]) {
        self.documents += 1;
        self.gold += g.items.len();
        self.found += predicted.len();
        self.strict +=
            predicted.iter().filter(|p| g.items.iter().any(|x| x.start == p.start && x.end == p.end)).count();
        let pairs = relaxed_pairs(&g.items, predicted);
        self.relaxed += pairs.len();
        let mut matched_gold = vec![false; g.items.len()];
        let mut matched_pred = vec![false; predicted.len()];
        for &(gi, pi) in &pairs {
            matched_gold[gi] = true;
            matched_pred[pi] = true;
            let (gold, pred) = (&g.items[gi], &predicted[pi]);
            let t = self.per_type.entry(gold.label.clone()).or_default();
            t.matched += 1;
            self.same_type += usize::from(gold.label == pred.label);
            if gold.label == "money" {
                self.money_matched += 1;
                self.money_right_currency += usize::from(pred.label == "money" && pred.unit == gold.unit);
            }
            match &gold.value {
                None => self.value_tp += 1,
                Some(v) => {
                    self.scored += 1;
                    t.scored += 1;
                    if pred.value.as_ref().is_some_and(|p| p.agrees(v)) {
                        self.correct += 1;
                        t.correct += 1;
                        self.value_tp += 1;
                    } else {
                        self.errors.push((g.corpus.clone(), g.doc.clone(), Some(gold.clone()), Some(pred.clone())));
                    }
                }
            }
        }
        for (i, gold) in g.items.iter().enumerate() {
            self.per_type.entry(gold.label.clone()).or_default().gold += 1;
            if !matched_gold[i] {
                self.errors.push((g.corpus.clone(), g.doc.clone(), Some(gold.clone()), None));
            }
        }
        for (i, p) in predicted.iter().enumerate() {
            if !matched_pred[i] {
                self.errors.push((g.corpus.clone(), g.doc.clone(), None, Some(p.clone())));
            }
        }
    }

    /// Strict precision, recall, F1 (percent).
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        prf(self.strict, self.found - self.strict, self.gold - self.strict)
    }

    /// Relaxed precision, recall, F1 (percent).
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        prf(self.relaxed, self.found - self.relaxed, self.gold - self.relaxed)
    }

    /// Value accuracy (percent) on relaxed matches with a gold value.
    pub fn value_accuracy(&self) -> f64 {
        percent(self.correct, self.scored)
    }

    /// F1 (percent) counting as correct a relaxed match with the right value.
    pub fn value_f1(&self) -> f64 {
        prf(self.value_tp, self.found - self.value_tp, self.gold - self.value_tp).2
    }

    /// Money with the right currency (percent of the gold amounts matched).
    pub fn currency_accuracy(&self) -> f64 {
        percent(self.money_right_currency, self.money_matched)
    }

    /// The headline measures, flat (`relaxed_f1`, `value_accuracy`…), percent rounded to 0.01.
    pub fn measures(&self, layer: Layer) -> Value {
        let (sp, sr, sf) = self.strict_prf();
        let (rp, rr, rf) = self.relaxed_prf();
        let mut m = json!({
            "found": self.found,
            "strict_precision": round2(sp), "strict_recall": round2(sr), "strict_f1": round2(sf),
            "relaxed_precision": round2(rp), "relaxed_recall": round2(rr), "relaxed_f1": round2(rf),
            "value_accuracy": round2(self.value_accuracy()), "value_f1": round2(self.value_f1()),
        });
        if layer == Layer::Quantities {
            m["currency_accuracy"] = json!(round2(self.currency_accuracy()));
        }
        m
    }

    /// Throughput of the pipeline on the gold texts, MB (10⁶ bytes) per second.
    pub fn mb_per_s(&self) -> f64 {
        if self.seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }

    /// A readable report.
    pub fn report(&self, layer: Layer) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}: {} documents, {} gold expressions, {} found",
            layer.key(),
            self.documents,
            self.gold,
            self.found
        );
        let _ = writeln!(out, "{:<9} {:>9} {:>9} {:>9}", "match", "precision", "recall", "F1");
        for (name, (p, r, f)) in [("strict", self.strict_prf()), ("relaxed", self.relaxed_prf())] {
            let _ = writeln!(out, "{name:<9} {p:>9.2} {r:>9.2} {f:>9.2}");
        }
        let _ = writeln!(
            out,
            "value accuracy {:.2} ({} of {} matched with a gold value); value F1 {:.2}; type agreement {:.2}",
            self.value_accuracy(),
            self.correct,
            self.scored,
            self.value_f1(),
            percent(self.same_type, self.relaxed)
        );
        if layer == Layer::Quantities {
            let _ = writeln!(
                out,
                "money with the right currency {:.2} ({} of {} gold amounts matched)",
                self.currency_accuracy(),
                self.money_right_currency,
                self.money_matched
            );
        }
        let _ = writeln!(out, "{:<9} {:>6} {:>9} {:>9}", "type", "gold", "recall", "value");
        for (name, t) in &self.per_type {
            let _ = writeln!(
                out,
                "{name:<9} {:>6} {:>9.2} {:>9.2}",
                t.gold,
                percent(t.matched, t.gold),
                percent(t.correct, t.scored)
            );
        }
        for (name, b) in &self.baselines {
            let (_, _, sf) = b.strict_prf();
            let (p, r, f) = b.relaxed_prf();
            let _ = write!(
                out,
                "baseline {name}: {} found; strict F1 {sf:.2}; relaxed P {p:.2} R {r:.2} F1 {f:.2}; value accuracy {:.2} ({} of {}); value F1 {:.2}",
                b.found,
                b.value_accuracy(),
                b.correct,
                b.scored,
                b.value_f1()
            );
            if layer == Layer::Quantities {
                let _ = write!(out, "; right currency {:.2}", b.currency_accuracy());
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(
            out,
            "analysed {} characters in {:.3} s on one core ({:.2} MB/s)",
            self.chars,
            self.seconds,
            self.mb_per_s()
        );
        out
    }

    /// The scores as JSON (percent figures rounded to 0.01).
    pub fn to_json(&self, layer: Layer) -> Value {
        let entry = |(p, r, f): (f64, f64, f64), correct: usize| json!({"precision": round2(p), "recall": round2(r), "f1": round2(f), "correct": correct});
        let per_type: serde_json::Map<String, Value> = self
            .per_type
            .iter()
            .map(|(k, t)| {
                let v = json!({
                    "gold": t.gold, "matched": t.matched, "recall": round2(percent(t.matched, t.gold)),
                    "scored": t.scored, "correct": t.correct, "value_accuracy": round2(percent(t.correct, t.scored)),
                });
                (k.clone(), v)
            })
            .collect();
        json!({
            "layer": layer.key(),
            "documents": self.documents,
            "gold": self.gold,
            "found": self.found,
            "strict": entry(self.strict_prf(), self.strict),
            "relaxed": entry(self.relaxed_prf(), self.relaxed),
            "value": {
                "scored": self.scored, "correct": self.correct,
                "accuracy": round2(self.value_accuracy()), "f1": round2(self.value_f1()),
            },
            "type_agreement": round2(percent(self.same_type, self.relaxed)),
            "money": {
                "matched": self.money_matched, "right_currency": self.money_right_currency,
                "accuracy": round2(self.currency_accuracy()),
            },
            "per_type": per_type,
            "measures": self.measures(layer),
            "baselines": self.baselines.iter().map(|(k, b)| (k.clone(), b.measures(layer))).collect::<serde_json::Map<_, _>>(),
            "chars": self.chars,
            "bytes": self.bytes,
            "seconds": self.seconds,
            "mb_per_s": round2(self.mb_per_s()),
        })
    }
}

/// Analyses every gold document (one core, timed) and scores `layer`.
pub fn evaluate(gold: &[GoldDoc], texts: &HashMap<(String, String), String>, layer: Layer) -> Scores {
    let pipeline = Pipeline::new();
    let mut scores = Scores::default();
    for g in gold {
        let text = &texts[&(g.corpus.clone(), g.doc.clone())];
        let meta = Metadata { published: g.published.clone(), ..Metadata::default() };
        let t0 = Instant::now();
        let doc = pipeline.analyze_through(text.as_str(), meta, layer.last_stage());
        scores.seconds += t0.elapsed().as_secs_f64();
        scores.chars += text.chars().count();
        scores.bytes += text.len();
        scores.add(g, &predictions(&doc, layer));
    }
    scores.baselines.insert("regex".to_owned(), regex_baseline(gold, texts, layer));
    scores
}

/// The scores of the regex baseline ([`super::regex_baseline`]) on the same documents.
pub fn regex_baseline(gold: &[GoldDoc], texts: &HashMap<(String, String), String>, layer: Layer) -> Scores {
    let baseline = super::regex_baseline::RegexBaseline::new();
    let mut scores = Scores::default();
    for g in gold {
        let text = &texts[&(g.corpus.clone(), g.doc.clone())];
        let t0 = Instant::now();
        let marks = baseline.marks(text, g.published.as_deref());
        scores.seconds += t0.elapsed().as_secs_f64();
        scores.chars += text.chars().count();
        scores.bytes += text.len();
        let items: Vec<Item> = marks
            .into_iter()
            .filter(|m| layer == Layer::Time || m.number)
            .map(|m| Item {
                start: m.start,
                end: m.end,
                label: if layer == Layer::Time { "date" } else { "number" }.to_owned(),
                value: match layer {
                    Layer::Time => m.time.map(ItemValue::Text),
                    Layer::Quantities => m.quantity.map(ItemValue::Number),
                },
                unit: None,
            })
            .collect();
        scores.add(g, &items);
    }
    scores.errors.clear();
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(start: usize, end: usize, label: &str, value: Option<&str>) -> Item {
        Item { start, end, label: label.into(), value: value.map(|v| ItemValue::Text(v.into())), unit: None }
    }

    #[test]
    fn relaxed_pairs_prefer_the_largest_overlap_and_stay_one_to_one() {
        let gold = [item(0, 10, "date", None), item(12, 20, "date", None)];
        // One prediction covers both gold items; it belongs to the larger overlap.
        let pred = [item(5, 20, "date", None)];
        assert_eq!(relaxed_pairs(&gold, &pred), vec![(1, 0)]);
        let pred = [item(0, 3, "date", None), item(2, 10, "date", None)];
        assert_eq!(relaxed_pairs(&gold, &pred), vec![(0, 1)]);
    }

    #[test]
    fn scores_count_strict_relaxed_and_values() {
        let g = GoldDoc {
            corpus: "c".into(),
            doc: "d".into(),
            published: None,
            items: vec![
                item(0, 5, "date", Some("2015-07-20")),
                item(10, 20, "interval", Some("2015-07-16/2015-07-28")),
                item(30, 35, "date", None),
            ],
            line: 1,
        };
        let pred = [
            item(0, 5, "date", Some("2015-07-20")),            // strict, right value
            item(12, 20, "interval", Some("2015-07-16/2015")), // relaxed, wrong value
            item(40, 45, "date", Some("2015")),                // spurious
        ];
        let mut s = Scores::default();
        s.add(&g, &pred);
        assert_eq!((s.gold, s.found, s.strict, s.relaxed), (3, 3, 1, 2));
        assert_eq!((s.scored, s.correct, s.value_tp), (2, 1, 1));
        assert_eq!(s.errors.len(), 3);
        let (p, r, _) = s.relaxed_prf();
        assert!((p - 200.0 / 3.0).abs() < 1e-9 && (r - 200.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn money_counts_the_currency_of_matched_amounts() {
        let money = |start: usize, unit: Option<&str>| Item {
            start,
            end: start + 5,
            label: "money".into(),
            value: Some(ItemValue::Number(5.0)),
            unit: unit.map(str::to_owned),
        };
        let g = GoldDoc {
            corpus: "c".into(),
            doc: "d".into(),
            published: None,
            items: vec![money(0, Some("EGP")), money(10, Some("TND")), money(20, None), money(30, Some("USD"))],
            line: 1,
        };
        // right, wrong code, both unknown (right), and one amount not found at all
        let pred = [money(0, Some("EGP")), money(10, Some("DZD")), money(20, None)];
        let mut s = Scores::default();
        s.add(&g, &pred);
        assert_eq!((s.money_matched, s.money_right_currency), (3, 2));
        assert!((s.currency_accuracy() - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.measures(Layer::Quantities)["currency_accuracy"], json!(66.67));
    }

    #[test]
    fn numbers_agree_within_rounding_only() {
        assert!(ItemValue::Number(23e9).agrees(&ItemValue::Number(23_000_000_000.000_01)));
        assert!(!ItemValue::Number(2.5).agrees(&ItemValue::Number(2.0)));
        assert!(!ItemValue::Number(1.0).agrees(&ItemValue::Text("1".into())));
    }

    #[test]
    fn char_offsets_count_scalars() {
        let c = CharIndex::new("يوم 5");
        assert_eq!(c.char_of(0), 0);
        assert_eq!(c.char_of(6), 3);
        assert_eq!(c.char_of("يوم 5".len()), 5);
    }

    #[test]
    fn record_ids_are_read_without_parsing() {
        assert_eq!(record_id(r#"{"id": "snn-1", "text": "x"}"#), Some("snn-1"));
        assert_eq!(record_id(r#"{"text": "x", "id": "snn-1"}"#), None);
    }

    #[test]
    fn gold_errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("time.jsonl");
        std::fs::write(&path, "{\"corpus\":\"c\",\"doc\":\"d\",\"times\":[]}\n{\"corpus\":\"c\"}\n").unwrap();
        let e = read_gold(&path, Layer::Time).unwrap_err().to_string();
        assert!(e.ends_with("time.jsonl:2: no \"doc\" string"), "{e}");
        let e = read_gold(&path, Layer::Quantities).unwrap_err().to_string();
        assert!(e.contains(":1: no \"quantities\" list"), "{e}");
        let e = read_gold(&dir.path().join("none.jsonl"), Layer::Time).unwrap_err().to_string();
        assert!(e.ends_with("none.jsonl: no such file or directory"), "{e}");
    }
}
