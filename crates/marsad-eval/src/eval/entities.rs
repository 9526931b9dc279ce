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
//!
//! Beside each figure, what trivial systems score on the same mentions
//! ([`Scores::baselines`]): for detection every gazetteer name of the text
//! (`every_gazetteer_match`) or its leftmost-longest names (`longest_gazetteer_match`);
//! for linking the first linkable gazetteer candidate of the gold mention's text
//! (`first_gazetteer_candidate`), no link at all (`no_link`) and the most frequent
//! link (`most_frequent_link`); for grouping every mention its own entity
//! (`each_mention_alone`) and one entity per normalised text (`same_text`).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::path::Path;

use serde_json::{json, Value};

use super::expressions::{relaxed_pairs, GoldDoc, Item};
use marsad::entities::gazetteer::{GazEntry, GazKind, Gazetteer};
use marsad::Pipeline;
use marsad_core::data::DataError;
use marsad_core::document::{Document, Metadata};
use marsad_core::metrics::prf;
use marsad_core::metrics::{percent, round2, share, Baselines, Counts};
use marsad_core::span::{CharIndex, Span};

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
    /// What trivial systems score on the same documents and matched mentions, by
    /// system and measure (`detection_f1`, `link_accuracy`, `resolution_accuracy`,
    /// `b3_f1`; the module documentation names the systems).
    pub baselines: Baselines,
}

impl Scores {
    /// Mention detection: gold mentions paired with a reference by overlap.
    pub fn detection(&self) -> Counts {
        Counts::detection(self.gold, self.found, self.matched)
    }

    /// Right link or rightly none, on every matched gold mention (percent).
    pub fn resolution_accuracy(&self) -> f64 {
        percent(self.linked_right + self.nil_right, self.linked + self.nil)
    }

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
        let (p, r, f) = self.detection().prf();
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
        let _ = writeln!(out, "resolution accuracy (right link or rightly none) {:.2}", self.resolution_accuracy());
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
        out.push_str(&self.baselines.report());
        out
    }

    /// The scores as JSON.
    pub fn to_json(&self) -> Value {
        let (p, r, f) = self.detection().prf();
        let (tp, fp, fn_) = self.metonymy;
        let (mp, mr, mf) = prf(tp, fp, fn_);
        json!({
            "layer": "entities",
            "documents": self.documents, "gold": self.gold, "found": self.found, "matched": self.matched,
            "detection": {"precision": round2(p), "recall": round2(r), "f1": round2(f)},
            "linking": {"linked": self.linked, "correct": self.linked_right, "accuracy": round2(self.link_accuracy()),
                        "nil": self.nil, "nil_correct": self.nil_right,
                        "resolution_accuracy": round2(self.resolution_accuracy())},
            "grouping": {"b3_precision": round2(share(self.b3_precision, self.matched)),
                         "b3_recall": round2(share(self.b3_recall, self.matched)), "b3_f1": round2(self.b3_f1())},
            "metonymy": {"precision": round2(mp), "recall": round2(mr), "f1": round2(mf), "gold": tp + fn_},
            "baselines": self.baselines.json(),
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

/// The link the entity layer would give a gazetteer entry taken alone: a country or
/// its demonym `country:`, an organisation `org:`, a place or region `geonames:`.
fn entry_link(e: &GazEntry) -> Option<String> {
    match e.kind {
        GazKind::Country | GazKind::Demonym => Some(format!("country:{}", e.id)),
        GazKind::Organization => Some(format!("org:{}", e.id)),
        GazKind::Place | GazKind::Region => Some(format!("geonames:{}", e.id)),
        _ => None,
    }
}

/// The link of the first linkable candidate of the longest gazetteer name inside
/// the tokens `span` covers.
fn first_candidate(doc: &Document, gaz: &Gazetteer, span: Span) -> Option<String> {
    let tokens = marsad_core::span::overlapping(&doc.tokens, span, |t| t.span);
    let names = gaz.longest(doc, tokens);
    let longest = names.iter().rev().max_by_key(|m| m.len())?;
    gaz.entries(longest).find_map(|e| entry_link(&e))
}

/// Every gazetteer name of a document (`longest`: only the leftmost-longest ones),
/// sentence by sentence, as items in characters.
fn gazetteer_items(doc: &Document, gaz: &Gazetteer, index: &CharIndex, longest: bool) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    for s in doc.sentences.iter().filter(|s| s.end_token > s.first_token) {
        let range = s.first_token..s.end_token;
        let matches = if longest { gaz.longest(doc, range) } else { gaz.matches(doc, range) };
        for m in matches {
            let (start, end) = (index.char_of(m.start), index.char_of(doc.tokens[m.end_token - 1].span.end));
            if !out.iter().any(|i| i.start == start && i.end == end) {
                out.push(Item { start, end, label: String::new(), value: None, unit: None });
            }
        }
    }
    out
}

/// B³ precision and recall sums of a clustering of matched mentions against the
/// gold clusters: `gold[i]` and `found[i]` are mention i's cluster keys.
fn b3<G: PartialEq, F: PartialEq>(gold: &[G], found: &[F]) -> (f64, f64) {
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..gold.len() {
        let same_found: Vec<usize> = (0..gold.len()).filter(|&j| found[j] == found[i]).collect();
        let same_gold = (0..gold.len()).filter(|&j| gold[j] == gold[i]).count();
        let both = same_found.iter().filter(|&&j| gold[j] == gold[i]).count() as f64;
        p += both / same_found.len() as f64;
        r += both / same_gold as f64;
    }
    (p, r)
}

/// F1 of B³ precision and recall sums over `n` mentions, in percent.
fn b3_f1(p: f64, r: f64, n: usize) -> f64 {
    let (p, r) = (share(p, n), share(r, n));
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// What the trivial systems met on the documents, summed, before they become
/// [`Baselines`].
#[derive(Default)]
struct BaselineSums {
    every_match: Counts,
    longest_match: Counts,
    /// Per matched gold mention: its gold link and the first gazetteer candidate's.
    links: Vec<(Option<String>, Option<String>)>,
    /// B³ sums of each mention alone, and of one entity per normalised text.
    alone: (f64, f64),
    same_text: (f64, f64),
}

impl BaselineSums {
    fn baselines(&self, matched: usize) -> Baselines {
        let mut b = Baselines::default();
        for (name, c) in [("every_gazetteer_match", self.every_match), ("longest_gazetteer_match", self.longest_match)]
        {
            let (p, r, f) = c.prf();
            b.set(name, "detection_precision", p);
            b.set(name, "detection_recall", r);
            b.set(name, "detection_f1", f);
        }
        let linked: Vec<&(Option<String>, Option<String>)> = self.links.iter().filter(|(g, _)| g.is_some()).collect();
        let right = |pairs: &[&(Option<String>, Option<String>)]| pairs.iter().filter(|(g, f)| g == f).count();
        let all: Vec<_> = self.links.iter().collect();
        b.set("first_gazetteer_candidate", "link_accuracy", percent(right(&linked), linked.len()));
        b.set("first_gazetteer_candidate", "resolution_accuracy", percent(right(&all), all.len()));
        b.set("no_link", "link_accuracy", 0.0);
        b.set("no_link", "resolution_accuracy", percent(all.len() - linked.len(), all.len()));
        let mut freq: BTreeMap<&str, usize> = BTreeMap::new();
        for (g, _) in &linked {
            *freq.entry(g.as_deref().unwrap_or_default()).or_default() += 1;
        }
        if let Some((link, n)) = freq.iter().max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l))) {
            let name = format!("most_frequent_link_{link}");
            b.set(&name, "link_accuracy", percent(*n, linked.len()));
            b.set(&name, "resolution_accuracy", percent(*n, all.len()));
        }
        for (name, (p, r)) in [("each_mention_alone", self.alone), ("same_text", self.same_text)] {
            b.set(name, "b3_precision", share(p, matched));
            b.set(name, "b3_recall", share(r, matched));
            b.set(name, "b3_f1", b3_f1(p, r, matched));
        }
        b
    }
}

/// Analyses the gold documents and scores entity resolution, and the trivial
/// systems beside it.
pub fn evaluate(gold: &[GoldEntities], texts: &HashMap<(String, String), String>) -> Scores {
    let pipeline = Pipeline::new();
    let gaz = &pipeline.resources().gazetteer;
    let mut s = Scores::default();
    let mut base = BaselineSums::default();
    for g in gold {
        let text = &texts[&(g.doc.corpus.clone(), g.doc.doc.clone())];
        let meta = Metadata { published: g.doc.published.clone(), ..Metadata::default() };
        let doc = pipeline.analyze(text.as_str(), meta);
        let index = CharIndex::new(text);
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
        for (c, longest) in [(&mut base.every_match, false), (&mut base.longest_match, true)] {
            let found = gazetteer_items(&doc, gaz, &index, longest);
            c.add(Counts::detection(g.doc.items.len(), found.len(), relaxed_pairs(&g.doc.items, &found).len()));
        }
        let bytes = |it: &Item| Span::new(index.byte_of(it.start), index.byte_of(it.end));
        let mut same_text_keys = Vec::new();
        for &(gi, pi) in &pairs {
            let span = bytes(&refs[pi].item);
            base.links.push((g.labels[gi].link.clone(), first_candidate(&doc, gaz, span)));
            same_text_keys.push(marsad_core::normalize::key_of(span.slice(text)));
        }
        let gold_clusters: Vec<&str> = pairs.iter().map(|&(gi, _)| g.labels[gi].cluster.as_str()).collect();
        let (p, r) = b3(&gold_clusters, &(0..pairs.len()).collect::<Vec<_>>());
        base.alone = (base.alone.0 + p, base.alone.1 + r);
        let (p, r) = b3(&gold_clusters, &same_text_keys);
        base.same_text = (base.same_text.0 + p, base.same_text.1 + r);
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
        }
        // B³ over the matched mentions of this document
        let found_entities: Vec<usize> = pairs.iter().map(|&(_, pi)| refs[pi].entity).collect();
        let (p, r) = b3(&gold_clusters, &found_entities);
        s.b3_precision += p;
        s.b3_recall += r;
    }
    s.baselines = base.baselines(s.matched);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b3_of_singletons_and_of_one_cluster() {
        let gold = ["a", "a", "b"];
        // each alone: precision 1 each, recall 1/2, 1/2, 1
        assert_eq!(b3(&gold, &[0, 1, 2]), (3.0, 2.0));
        // all together: precision 2/3, 2/3, 1/3, recall 1 each
        let (p, r) = b3(&gold, &[0, 0, 0]);
        assert!((p - 5.0 / 3.0).abs() < 1e-9 && r == 3.0);
        assert_eq!(b3(&gold, &["x", "x", "y"]), (3.0, 3.0));
    }
}
