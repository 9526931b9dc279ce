//! Evaluation of linking on words that look like names (`marsad eval links`), on the
//! false-friends set `gold/false_friends/{tune,test}.jsonl` (guideline:
//! `docs/annotation/false_friends.md`).
//!
//! Each gold line is one word of one article (المالية in وزارة المالية, مالي in شمال
//! مالي) with the link a reader gives it — `country:MLI`, `geonames:…` — or none when
//! the word is not a name of that place. The article is analysed whole (the resolver
//! reads the other countries it names), and marsad's link for the word is the link of
//! the entity whose mention or reference overlaps it; a word inside a longer mention
//! without a link of its own takes the country that mention was given (وزارة المالية
//! given Mali is a false link). Precision is over the words marsad linked, recall over
//! the words the gold links; both are given per family of forms.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::path::Path;

use serde_json::{json, Value};

use super::expressions::GoldDoc;
use marsad::Pipeline;
use marsad_core::data::DataError;
use marsad_core::document::{Document, Metadata};
use marsad_core::metrics::{percent, prf};
use marsad_core::span::CharIndex;

/// One gold word.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldWord {
    /// Corpus name.
    pub corpus: String,
    /// Record id.
    pub doc: String,
    /// First character (Unicode scalar offset into the record's text).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The family of forms the word belongs to (`mali`, `khobar`).
    pub family: String,
    /// The link, or `None` when the word is not a name of a place.
    pub link: Option<String>,
    /// Line of the gold file.
    pub line: usize,
}

/// Reads a false-friends file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldWord>, DataError> {
    let err = |line: usize, message: String| DataError { file: path.to_owned(), line, message };
    let mut out = Vec::new();
    for (line, v) in marsad_core::data::json_lines(path)? {
        let field = |name: &str| v.get(name).and_then(Value::as_str).map(str::to_owned);
        let num = |k: &str| v.get(k).and_then(Value::as_u64).map(|x| x as usize);
        let corpus = field("corpus").ok_or_else(|| err(line, "no \"corpus\" string".into()))?;
        let doc = field("doc").ok_or_else(|| err(line, "no \"doc\" string".into()))?;
        let start = num("start").ok_or_else(|| err(line, "no \"start\" number".into()))?;
        let end = num("end").ok_or_else(|| err(line, "no \"end\" number".into()))?;
        if end <= start {
            return Err(err(line, "\"end\" is not after \"start\"".into()));
        }
        let family = field("family").ok_or_else(|| err(line, "no \"family\" string".into()))?;
        let link = match v.get("link") {
            Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            _ => return Err(err(line, "\"link\" must be a string or null".into())),
        };
        out.push(GoldWord { corpus, doc, start, end, family, link, line });
    }
    Ok(out)
}

/// The documents a false-friends file cites, for [`super::expressions::Corpora::texts`].
pub fn documents(gold: &[GoldWord]) -> Vec<GoldDoc> {
    gold.iter()
        .map(|g| GoldDoc {
            corpus: g.corpus.clone(),
            doc: g.doc.clone(),
            published: None,
            items: Vec::new(),
            line: g.line,
        })
        .collect()
}

/// One word marsad linked wrongly or failed to link.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkError {
    /// The gold word.
    pub word: GoldWord,
    /// marsad's link.
    pub found: Option<String>,
}

/// Linking counts, per family and over all.
#[derive(Default)]
pub struct Scores {
    /// family -> (gold links, marsad's links, right links, words).
    pub families: BTreeMap<String, [usize; 4]>,
    /// Wrong or missing links.
    pub errors: Vec<LinkError>,
}

impl Scores {
    fn totals(&self) -> [usize; 4] {
        self.families.values().fold([0; 4], |a, c| [a[0] + c[0], a[1] + c[1], a[2] + c[2], a[3] + c[3]])
    }

    /// A text report.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let line = |s: &mut String, name: &str, c: [usize; 4]| {
            let (p, r, f) = prf(c[2], c[1] - c[2], c[0] - c[2]);
            let _ = writeln!(
                s,
                "{name:<12} {:>5} {:>5} {:>5} {:>5}   {:>6.1} {:>6.1} {:>6.1}",
                c[3], c[0], c[1], c[2], p, r, f
            );
        };
        let _ = writeln!(
            s,
            "{:<12} {:>5} {:>5} {:>5} {:>5}   {:>6} {:>6} {:>6}",
            "family", "words", "gold", "found", "right", "P", "R", "F1"
        );
        for (name, c) in &self.families {
            line(&mut s, name, *c);
        }
        line(&mut s, "all", self.totals());
        let t = self.totals();
        let _ = writeln!(
            s,
            "\nwords that are not names: {}, linked by marsad: {}",
            t[3] - t[0],
            self.errors.iter().filter(|e| e.word.link.is_none()).count()
        );
        s
    }

    /// The scores as JSON.
    pub fn to_json(&self) -> Value {
        let fam = |c: [usize; 4]| {
            let (_, _, f) = prf(c[2], c[1] - c[2], c[0] - c[2]);
            json!({"words": c[3], "gold_links": c[0], "found_links": c[1], "right": c[2],
                   "precision": percent(c[2], c[1]), "recall": percent(c[2], c[0]), "f1": (10.0 * f).round() / 10.0})
        };
        let families: serde_json::Map<String, Value> =
            self.families.iter().map(|(k, c)| (k.clone(), fam(*c))).collect();
        json!({"all": fam(self.totals()), "families": families})
    }
}

/// marsad's link for the characters `start..end` of an analysed document.
pub fn link_at(doc: &Document, index: &CharIndex, start: usize, end: usize) -> Option<String> {
    let overlaps = |span: marsad_core::span::Span| index.char_of(span.start) < end && start < index.char_of(span.end);
    let mut inside = None;
    for e in &doc.entities {
        let mentions = e.mentions.iter().map(|&m| doc.mentions[m].span);
        for span in mentions.chain(e.references.iter().map(|r| r.span)) {
            if !overlaps(span) {
                continue;
            }
            if e.link.is_some() {
                return e.link.clone();
            }
            if inside.is_none() {
                inside = e.country.as_ref().map(|c| format!("country:{c}"));
            }
        }
    }
    inside
}

/// Analyses the gold words' articles and scores linking.
pub fn evaluate(gold: &[GoldWord], texts: &HashMap<(String, String), String>) -> Scores {
    let pipeline = Pipeline::new();
    let mut by_doc: BTreeMap<(&str, &str), Vec<&GoldWord>> = BTreeMap::new();
    for g in gold {
        by_doc.entry((&g.corpus, &g.doc)).or_default().push(g);
    }
    let mut s = Scores::default();
    for ((corpus, id), words) in by_doc {
        let text = &texts[&(corpus.to_owned(), id.to_owned())];
        let doc = pipeline.analyze(text.as_str(), Metadata::default());
        let index = CharIndex::new(text);
        for g in words {
            let found = link_at(&doc, &index, g.start, g.end);
            let c = s.families.entry(g.family.clone()).or_default();
            c[3] += 1;
            c[0] += usize::from(g.link.is_some());
            c[1] += usize::from(found.is_some());
            let right = g.link.is_some() && found == g.link;
            c[2] += usize::from(right);
            if !right && (g.link.is_some() || found.is_some()) {
                s.errors.push(LinkError { word: g.clone(), found });
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_false_link_costs_precision_and_a_missing_one_recall() {
        let mut s = Scores::default();
        s.families.insert("a".into(), [2, 2, 1, 4]);
        let j = s.to_json();
        assert_eq!(j["all"]["precision"], json!(50.0));
        assert_eq!(j["all"]["recall"], json!(50.0));
    }
}
