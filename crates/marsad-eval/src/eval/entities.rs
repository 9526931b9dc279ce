//! Evaluation of entity resolution (`marsad eval entities`) on `gold/test/entities.jsonl`
//! (guideline: `docs/annotation/entities.md`).
//!
//! Gold mentions are paired with marsad's references to an entity — its mentions and
//! its other references (nationality adjectives, country names the tagger missed) —
//! by overlapping spans, one to one (as for time
//! expressions). On the pairs, the scores are: linking accuracy (marsad's entity has
//! the gold link, or, for a gold mention without one, none), grouping (B³ precision
//! and recall of marsad's entities against the gold clusters of each document) and
//! metonymy (precision and recall of the flag).

use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;

use serde_json::{json, Value};

use super::expressions::{relaxed_pairs, GoldDoc, Item};
use marsad::Pipeline;
use marsad_core::data::DataError;
use marsad_core::document::Metadata;
use marsad_core::metrics::prf;
use marsad_core::metrics::{percent, round2, share};

/// One gold mention's labels beyond its span.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldEntity {
    /// `country:DZA`, `geonames:…`, `org:…`, or `None`.
    pub link: Option<String>,
    /// Its cluster label within the document.
    pub cluster: String,
    /// True when a capital stands for its state.
    pub metonymy: bool,
}

/// A gold document: the spans (as [`GoldDoc`] items, label = kind) and their labels.
pub struct GoldEntities {
    /// Document, spans and kinds.
    pub doc: GoldDoc,
    /// Labels, in the order of `doc.items`.
    pub labels: Vec<GoldEntity>,
}

/// Reads `gold/test/entities.jsonl`.
pub fn read_gold(path: &Path) -> Result<Vec<GoldEntities>, DataError> {
    let err = |line: usize, message: String| DataError { file: path.to_owned(), line, message };
    let mut out = Vec::new();
    for (line, v) in marsad_core::data::json_lines(path)? {
        let field = |name: &str| v.get(name).and_then(Value::as_str).map(str::to_owned);
        let corpus = field("corpus").ok_or_else(|| err(line, "no \"corpus\" string".into()))?;
        let doc = field("doc").ok_or_else(|| err(line, "no \"doc\" string".into()))?;
        let list =
            v.get("mentions").and_then(Value::as_array).ok_or_else(|| err(line, "no \"mentions\" list".into()))?;
        let (mut items, mut labels) = (Vec::new(), Vec::new());
        for (i, m) in list.iter().enumerate() {
            let bad = |what: &str| err(line, format!("mention {}: {what}", i + 1));
            let num = |k: &str| m.get(k).and_then(Value::as_u64).map(|x| x as usize);
            let (start, end) = (num("start").ok_or_else(|| bad("no start"))?, num("end").ok_or_else(|| bad("no end"))?);
            if end <= start {
                return Err(bad("\"end\" is not after \"start\""));
            }
            let kind = m.get("kind").and_then(Value::as_str).ok_or_else(|| bad("no kind"))?;
            let cluster = m.get("cluster").and_then(Value::as_str).ok_or_else(|| bad("no cluster"))?;
            items.push(Item { start, end, label: kind.to_owned(), value: None, unit: None });
            labels.push(GoldEntity {
                link: m.get("link").and_then(Value::as_str).map(str::to_owned),
                cluster: cluster.to_owned(),
                metonymy: m.get("metonymy").and_then(Value::as_bool).unwrap_or(false),
            });
        }
        out.push(GoldEntities { doc: GoldDoc { corpus, doc, published: field("published"), items, line }, labels });
    }
    Ok(out)
}

/// A gold mention that marsad linked to something else (or to nothing).
#[derive(Clone, Debug, PartialEq)]
pub struct LinkError {
    /// The document.
    pub doc: String,
    /// The gold mention's character offsets.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// The gold link.
    pub gold: Option<String>,
    /// marsad's link.
    pub found: Option<String>,
}

/// The scores of entity resolution.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// Documents scored.
    pub documents: usize,
    /// Gold mentions.
    pub gold: usize,
    /// marsad's references to entities (mentions and other references).
    pub found: usize,
    /// Gold mentions paired with a reference.
    pub matched: usize,
    /// Matched gold mentions with a link.
    pub linked: usize,
    /// Of those, linked to the same entry.
    pub linked_right: usize,
    /// Matched gold mentions without a link.
    pub nil: usize,
    /// Of those, left unresolved by marsad too.
    pub nil_right: usize,
    /// Sum over matched mentions of B³ precision and recall.
    pub b3_precision: f64,
    /// See `b3_precision`.
    pub b3_recall: f64,
    /// Metonymy: flagged by both, by marsad only, by the gold only.
    pub metonymy: (usize, usize, usize),
    /// Wrong links, for error analysis.
    pub errors: Vec<LinkError>,
}

impl Scores {
    /// Linking accuracy on matched gold mentions that have a link (percent).
    pub fn link_accuracy(&self) -> f64 {
        percent(self.linked_right, self.linked)
    }

    /// B³ F1 (percent) over the matched mentions.
    pub fn b3_f1(&self) -> f64 {
        let (p, r) = (share(self.b3_precision, self.matched), share(self.b3_recall, self.matched));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// A readable report.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let (p, r, f) = prf(self.matched, self.found - self.matched, self.gold - self.matched);
        let _ =
            writeln!(out, "entities: {} documents, {} gold mentions, {} found", self.documents, self.gold, self.found);
        let _ = writeln!(out, "mention detection (overlap): precision {p:.2} recall {r:.2} F1 {f:.2}");
        let _ = writeln!(
            out,
            "linking accuracy {:.2} ({} of {} linked gold mentions found); unresolved kept unresolved {:.2} ({} of {})",
            self.link_accuracy(),
            self.linked_right,
            self.linked,
            percent(self.nil_right, self.nil),
            self.nil_right,
            self.nil
        );
        let _ = writeln!(
            out,
            "grouping B3: precision {:.2} recall {:.2} F1 {:.2}",
            share(self.b3_precision, self.matched),
            share(self.b3_recall, self.matched),
            self.b3_f1()
        );
        let (tp, fp, fn_) = self.metonymy;
        let (p, r, f) = prf(tp, fp, fn_);
        let _ = writeln!(out, "metonymy: precision {p:.2} recall {r:.2} F1 {f:.2} (gold {})", tp + fn_);
        out
    }

    /// The scores as JSON.
    pub fn to_json(&self) -> Value {
        let (p, r, f) = prf(self.matched, self.found - self.matched, self.gold - self.matched);
        let (tp, fp, fn_) = self.metonymy;
        let (mp, mr, mf) = prf(tp, fp, fn_);
        json!({
            "layer": "entities",
            "documents": self.documents, "gold": self.gold, "found": self.found, "matched": self.matched,
            "detection": {"precision": round2(p), "recall": round2(r), "f1": round2(f)},
            "linking": {"linked": self.linked, "correct": self.linked_right, "accuracy": round2(self.link_accuracy()),
                        "nil": self.nil, "nil_correct": self.nil_right},
            "grouping": {"b3_precision": round2(share(self.b3_precision, self.matched)),
                         "b3_recall": round2(share(self.b3_recall, self.matched)), "b3_f1": round2(self.b3_f1())},
            "metonymy": {"precision": round2(mp), "recall": round2(mr), "f1": round2(mf), "gold": tp + fn_},
        })
    }
}

/// One of marsad's references to an entity: its span, entity index, link, metonymy.
struct Reference {
    item: Item,
    entity: usize,
    link: Option<String>,
    metonymy: bool,
}

/// Analyses the gold documents and scores entity resolution.
pub fn evaluate(gold: &[GoldEntities], texts: &HashMap<(String, String), String>) -> Scores {
    let pipeline = Pipeline::new();
    let mut s = Scores::default();
    for g in gold {
        let text = &texts[&(g.doc.corpus.clone(), g.doc.doc.clone())];
        let meta = Metadata { published: g.doc.published.clone(), ..Metadata::default() };
        let doc = pipeline.analyze(text.as_str(), meta);
        let index = marsad_core::span::CharIndex::new(text);
        let chars = |b: usize| index.char_of(b);
        let mut refs = Vec::new();
        for (ei, e) in doc.entities.iter().enumerate() {
            let spans = e.mentions.iter().map(|&m| (doc.mentions[m].span, e.metonymy.contains(&m)));
            for (span, metonymy) in spans.chain(e.references.iter().map(|a| (a.span, false))) {
                let item = Item {
                    start: chars(span.start),
                    end: chars(span.end),
                    label: String::new(),
                    value: None,
                    unit: None,
                };
                refs.push(Reference { item, entity: ei, link: e.link.clone(), metonymy });
            }
        }
        let items: Vec<Item> = refs.iter().map(|r| r.item.clone()).collect();
        let pairs = relaxed_pairs(&g.doc.items, &items);
        s.documents += 1;
        s.gold += g.doc.items.len();
        s.found += refs.len();
        s.matched += pairs.len();
        for &(gi, pi) in &pairs {
            let (gl, r) = (&g.labels[gi], &refs[pi]);
            match &gl.link {
                Some(link) => {
                    s.linked += 1;
                    if r.link.as_deref() == Some(link) {
                        s.linked_right += 1;
                    } else {
                        let it = &g.doc.items[gi];
                        s.errors.push(LinkError {
                            doc: g.doc.doc.clone(),
                            start: it.start,
                            end: it.end,
                            gold: Some(link.clone()),
                            found: r.link.clone(),
                        });
                    }
                }
                None => {
                    s.nil += 1;
                    s.nil_right += usize::from(r.link.is_none());
                }
            }
            match (gl.metonymy, r.metonymy) {
                (true, true) => s.metonymy.0 += 1,
                (false, true) => s.metonymy.1 += 1,
                (true, false) => s.metonymy.2 += 1,
                _ => {}
            }
            // B³ over the matched mentions of this document
            let same_gold: Vec<usize> =
                pairs.iter().filter(|&&(g2, _)| g.labels[g2].cluster == gl.cluster).map(|&(_, p2)| p2).collect();
            let same_pred: Vec<usize> =
                pairs.iter().filter(|&&(_, p2)| refs[p2].entity == r.entity).map(|&(_, p2)| p2).collect();
            let both = same_pred.iter().filter(|p| same_gold.contains(p)).count() as f64;
            s.b3_precision += both / same_pred.len() as f64;
            s.b3_recall += both / same_gold.len() as f64;
        }
    }
    s
}
