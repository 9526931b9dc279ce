//! Parts of speech (`marsad eval pos`) on UD Arabic-PADT as the shared data holds it:
//! one sentence a line, the written words, a tab, the universal POS tags; a written
//! word that splits into clitic pieces appears first with tag `_`, then its pieces
//! (`وفي و في` → `_ CCONJ ADP`); the article ال stays on its noun.
//!
//! Three figures:
//! - **accuracy** on the file's own pieces: the tagger given the treebank's words and
//!   clitic pieces;
//! - **accuracy through marsad's segmentation**: the whole pipeline up to the `pos`
//!   stage run on the written words, each gold piece counted right when marsad has a
//!   piece on exactly its letters with its tag (pieces are placed in the written word
//!   by their letters: the clitics before the longest piece from the start, those after
//!   it from the end);
//! - **clitic split points**: precision, recall and F1 of marsad's clitic boundaries
//!   against the treebank's (the boundary between the article and its noun is not one,
//!   as Universal Dependencies keeps ال on its noun), and the share of words split
//!   exactly right.
//!
//! Baselines: the most frequent tag of each piece in the training file (unknown
//! pieces NOUN), and NOUN for every piece.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;
use std::path::Path;

use rayon::prelude::*;
use serde_json::{json, Value};

use marsad::text::pos::features::Piece;
use marsad::text::pos::model::PosModel;
use marsad::text::pos::tagger::{self, Decision};
use marsad::Pipeline;
use marsad_core::data::{io_reason, DataError};
use marsad_core::document::{Metadata, MorphemeRole, Upos};
use marsad_core::lexicon::Lexicon;
use marsad_core::metrics::{percent, round2, Baselines, Counts};
use marsad_core::normalize::key_of;
use marsad_core::span::Span;

/// One written word and its pieces (the word itself when it does not split).
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    /// The word as written.
    pub form: String,
    /// Its pieces as the treebank writes them, with their tags.
    pub pieces: Vec<(String, Upos)>,
}

/// One sentence of the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// Its written words.
    pub words: Vec<Word>,
    /// Its line number (1-based).
    pub line: usize,
}

impl Sentence {
    /// The written text: the words joined by spaces.
    pub fn text(&self) -> String {
        self.words.iter().map(|w| w.form.as_str()).collect::<Vec<_>>().join(" ")
    }

    /// The gold tags of its pieces, in order.
    pub fn tags(&self) -> Vec<Upos> {
        self.words.iter().flat_map(|w| w.pieces.iter().map(|p| p.1)).collect()
    }

    /// Its pieces as the tagger reads them.
    pub fn pieces(&self) -> Vec<Piece<'static>> {
        let mut out = Vec::new();
        for w in &self.words {
            let word = key_of(&w.form);
            let n = w.pieces.len() as u8;
            for (j, (form, _)) in w.pieces.iter().enumerate() {
                let key = if n == 1 { word.clone() } else { key_of(form) };
                out.push(Piece { key: key.into(), word: word.clone().into(), at: j as u8, of: n });
            }
        }
        out
    }
}

/// Diacritics, superscript alef and tatweel: not letters of the word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Letters of a form as the written word counts them.
fn letters(form: &str) -> usize {
    key_of(form).chars().count()
}

/// Letters each piece takes in the written word: an article after the preposition ل
/// loses its alef (ل + الحكومة is written للحكومة).
fn piece_letters(word: &str, pieces: &[&str]) -> Vec<usize> {
    let word_key = key_of(word);
    let mut out = Vec::with_capacity(pieces.len());
    let mut written = String::new();
    for (j, p) in pieces.iter().enumerate() {
        let key = key_of(p);
        let mut n = key.chars().count();
        if j > 0 && pieces[j - 1] == "ل" && key.starts_with("ال") && word_key[written.len()..].starts_with("لل") {
            n -= 1;
            written.push('ل');
        }
        written.push_str(&key);
        out.push(n);
    }
    out
}

/// Parses the text of a file; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Vec<Sentence>, DataError> {
    let err = |line: usize, message: String| DataError { file: path.to_owned(), line, message };
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() {
            continue;
        }
        let (forms, tags) = raw.split_once('\t').ok_or_else(|| err(line, "no tab between words and tags".into()))?;
        let forms: Vec<&str> = forms.split(' ').filter(|s| !s.is_empty()).collect();
        let tags: Vec<&str> = tags.split(' ').filter(|s| !s.is_empty()).collect();
        if forms.len() != tags.len() {
            return Err(err(line, format!("{} words but {} tags", forms.len(), tags.len())));
        }
        let tag = |i: usize| {
            Upos::from_name(tags[i]).ok_or_else(|| err(line, format!("unknown tag {:?} on {:?}", tags[i], forms[i])))
        };
        let mut words = Vec::new();
        let mut i = 0;
        while i < forms.len() {
            if tags[i] != "_" {
                words.push(Word { form: forms[i].to_owned(), pieces: vec![(forms[i].to_owned(), tag(i)?)] });
                i += 1;
                continue;
            }
            // the pieces that follow, until their letters cover the word (at least two, at
            // most four, none tagged `_`)
            let want = letters(forms[i]);
            let mut j = i + 1;
            while j < forms.len() && tags[j] != "_" {
                j += 1;
                let covered: usize = piece_letters(forms[i], &forms[i + 1..j]).iter().sum();
                if (j - i > 2 && covered >= want) || j - i > 4 {
                    break;
                }
            }
            if want == 0 || j - i < 3 {
                // a few lines of the treebank have a `_` word with no letters or no pieces:
                // the words after it stand alone
                i += 1;
                continue;
            }
            let pieces = (i + 1..j).map(|k| Ok((forms[k].to_owned(), tag(k)?))).collect::<Result<Vec<_>, _>>()?;
            words.push(Word { form: forms[i].to_owned(), pieces });
            i = j;
        }
        out.push(Sentence { words, line });
    }
    if out.is_empty() {
        return Err(err(0, "no sentences".into()));
    }
    Ok(out)
}

/// Reads a file.
pub fn read(path: &Path) -> Result<Vec<Sentence>, DataError> {
    let text = std::fs::read_to_string(path).map_err(|e| DataError {
        file: path.to_owned(),
        line: 0,
        message: io_reason(&e),
    })?;
    parse(&text, path)
}

/// The tagger's decisions on a sentence's own pieces.
pub fn tag_own(s: &Sentence, model: &PosModel, lexicon: &Lexicon) -> Vec<Decision> {
    tagger::tag(&s.pieces(), model, lexicon)
}

/// The most frequent tag of each piece (by matching key) in training sentences.
#[derive(Clone, Debug, Default)]
pub struct MostFrequent(HashMap<String, Upos>);

impl MostFrequent {
    /// Counts the tags of every piece of `sentences`; ties go to the first tag of `Upos::ALL`.
    pub fn new(sentences: &[Sentence]) -> MostFrequent {
        let mut counts: HashMap<String, [u32; 17]> = HashMap::new();
        for s in sentences {
            for (p, t) in s.pieces().iter().zip(s.tags()) {
                counts.entry(p.key.to_string()).or_insert([0; 17])[t as usize] += 1;
            }
        }
        let best = |c: &[u32; 17]| {
            let mut top = 0;
            for t in 1..17 {
                if c[t] > c[top] {
                    top = t;
                }
            }
            Upos::ALL[top]
        };
        MostFrequent(counts.iter().map(|(k, c)| (k.clone(), best(c))).collect())
    }

    /// The tag of a piece's key: its most frequent, NOUN when unseen.
    pub fn tag(&self, key: &str) -> Upos {
        self.0.get(key).copied().unwrap_or(Upos::Noun)
    }

    /// True when the key was seen in training.
    pub fn knows(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }
}

/// Byte spans of each gold piece in `text` (the sentence's words joined by spaces),
/// `None` for a word whose pieces cannot be placed in its letters.
pub fn gold_spans(s: &Sentence) -> Vec<Option<Span>> {
    let mut out = Vec::new();
    let mut at = 0;
    for w in &s.words {
        let start = at;
        at += w.form.len() + 1;
        let end = start + w.form.len();
        if w.pieces.len() == 1 {
            out.push(Some(Span::new(start, end)));
            continue;
        }
        let forms: Vec<&str> = w.pieces.iter().map(|p| p.0.as_str()).collect();
        let lens = piece_letters(&w.form, &forms);
        let letter_at: Vec<usize> = w.form.char_indices().filter(|(_, c)| !is_mark(*c)).map(|(i, _)| i).collect();
        let total = letter_at.len();
        let stem = (0..lens.len()).fold(0, |best, j| if lens[j] > lens[best] { j } else { best });
        let before: usize = lens[..stem].iter().sum();
        let after: usize = lens[stem + 1..].iter().sum();
        if before + after >= total || lens.contains(&0) {
            out.extend(std::iter::repeat_n(None, lens.len()));
            continue;
        }
        // first letter of each piece, then the word's end
        let mut firsts = Vec::with_capacity(lens.len() + 1);
        let mut k = 0;
        for (j, &n) in lens.iter().enumerate() {
            firsts.push(k);
            k += if j == stem { total - before - after } else { n };
        }
        let byte = |letter: usize, j: usize| match j {
            0 => start,
            _ if letter >= total => end,
            _ => start + letter_at[letter],
        };
        for j in 0..lens.len() {
            let e = if j + 1 == lens.len() { end } else { byte(firsts[j + 1], j + 1) };
            out.push(Some(Span::new(byte(firsts[j], j), e)));
        }
    }
    out
}

/// The scores of one file.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Sentences read.
    pub sentences: usize,
    /// Gold pieces (tokens and clitic pieces).
    pub pieces: usize,
    /// Pieces tagged right given the file's own pieces.
    pub correct: usize,
    /// Pieces unseen in training (when a training file was given), and how many of them are right.
    pub unknown: (usize, usize),
    /// Gold pieces tagged right through marsad's own segmentation.
    pub marsad_correct: usize,
    /// Gold pieces that could not be placed in their word's letters (counted wrong through marsad).
    pub unplaced: usize,
    /// Clitic split points inside written words: marsad's against the treebank's.
    pub splits: Counts,
    /// Written words (with placed pieces), and those marsad splits exactly as the treebank does.
    pub words: (usize, usize),
    /// Per gold tag: pieces, and pieces tagged right (own pieces).
    pub per_tag: BTreeMap<Upos, (usize, usize)>,
    /// The most frequent tag per piece from training, and the constant NOUN.
    pub baselines: Baselines,
    /// The model's size in bytes and number of features.
    pub model: (usize, usize),
}

impl Scores {
    /// Accuracy on the file's own pieces, percent.
    pub fn accuracy(&self) -> f64 {
        percent(self.correct, self.pieces)
    }

    /// Accuracy through marsad's segmentation, percent.
    pub fn marsad_accuracy(&self) -> f64 {
        percent(self.marsad_correct, self.pieces)
    }

    /// A readable report.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "pos: {} sentences, {} pieces (tokens and clitic pieces)", self.sentences, self.pieces);
        let _ = writeln!(out, "accuracy (own pieces)               {:>6.2}", self.accuracy());
        if self.unknown.0 > 0 {
            let _ = writeln!(
                out,
                "  on pieces unseen in training      {:>6.2}  ({} pieces)",
                percent(self.unknown.1, self.unknown.0),
                self.unknown.0
            );
        }
        let _ = writeln!(
            out,
            "accuracy (marsad's segmentation)    {:>6.2}  ({} pieces not placed)",
            self.marsad_accuracy(),
            self.unplaced
        );
        let (p, r, f) = self.splits.prf();
        let _ = writeln!(
            out,
            "clitic split points                 P {p:.2}  R {r:.2}  F1 {f:.2}  (tp {}, fp {}, fn {})",
            self.splits.tp, self.splits.fp, self.splits.fn_
        );
        let _ = writeln!(out, "words split exactly right           {:>6.2}", percent(self.words.1, self.words.0));
        out.push_str(&self.baselines.report());
        let _ = writeln!(out, "per tag: gold pieces (accuracy)");
        for (t, (n, c)) in &self.per_tag {
            let _ = writeln!(out, "  {:<6} {n:>6} ({:.1}%)", t.name(), percent(*c, *n));
        }
        let _ = writeln!(out, "model: {} bytes, {} features", self.model.0, self.model.1);
        out
    }

    /// The scores as JSON.
    pub fn to_json(&self) -> Value {
        let per_tag: serde_json::Map<String, Value> = self
            .per_tag
            .iter()
            .map(|(t, (n, c))| (t.name().to_owned(), json!({"gold": n, "accuracy": round2(percent(*c, *n))})))
            .collect();
        let mut splits = self.splits.json();
        splits["words"] = json!(self.words.0);
        splits["words_right"] = json!(round2(percent(self.words.1, self.words.0)));
        json!({
            "layer": "pos",
            "sentences": self.sentences,
            "pieces": self.pieces,
            "accuracy": round2(self.accuracy()),
            "unknown": {"pieces": self.unknown.0, "accuracy": round2(percent(self.unknown.1, self.unknown.0))},
            "marsad_segmentation": {"accuracy": round2(self.marsad_accuracy()), "unplaced": self.unplaced},
            "clitic_splits": splits,
            "per_tag": per_tag,
            "baselines": self.baselines.json(),
            "model": {"bytes": self.model.0, "features": self.model.1},
        })
    }
}

/// Scores of one sentence, merged afterwards.
#[derive(Default)]
struct One {
    correct: usize,
    unknown: (usize, usize),
    marsad_correct: usize,
    unplaced: usize,
    splits: Counts,
    words: (usize, usize),
    per_tag: BTreeMap<Upos, (usize, usize)>,
    most_frequent: usize,
    noun: usize,
}

fn score_one(s: &Sentence, pipeline: &Pipeline, train: Option<&MostFrequent>) -> One {
    let res = pipeline.resources();
    let gold = s.tags();
    let pieces = s.pieces();
    let mut one = One::default();
    let found = tagger::tag(&pieces, &res.pos, &res.lexicon);
    for ((p, d), g) in pieces.iter().zip(&found).zip(&gold) {
        let right = Upos::ALL[d.tag as usize] == *g;
        one.correct += usize::from(right);
        let e = one.per_tag.entry(*g).or_default();
        e.0 += 1;
        e.1 += usize::from(right);
        one.noun += usize::from(*g == Upos::Noun);
        if let Some(mf) = train {
            one.most_frequent += usize::from(mf.tag(&p.key) == *g);
            if !mf.knows(&p.key) {
                one.unknown.0 += 1;
                one.unknown.1 += usize::from(right);
            }
        }
    }
    // through marsad's own tokens and segmentation
    let doc = pipeline.analyze_through(s.text(), Metadata::default(), "pos");
    let predicted: HashMap<(usize, usize), Upos> =
        doc.pos.iter().map(|p| ((p.span.start, p.span.end), p.tag)).collect();
    let spans = gold_spans(s);
    for (span, g) in spans.iter().zip(&gold) {
        match span {
            Some(sp) => one.marsad_correct += usize::from(predicted.get(&(sp.start, sp.end)) == Some(g)),
            None => one.unplaced += 1,
        }
    }
    // clitic split points: marsad's morpheme boundaries, but not the one after the article
    let mut found_points: HashSet<usize> = HashSet::new();
    for seg in &doc.clitics {
        for w in seg.morphemes.windows(2) {
            if w[0].role != MorphemeRole::Article {
                found_points.insert(w[1].span.start);
            }
        }
    }
    let mut k = 0;
    let mut at = 0;
    for w in &s.words {
        let (start, end) = (at, at + w.form.len());
        at = end + 1;
        let ws = &spans[k..k + w.pieces.len()];
        k += w.pieces.len();
        if ws.iter().any(Option::is_none) {
            continue;
        }
        let gold_points: HashSet<usize> = ws.iter().skip(1).map(|sp| sp.expect("placed").start).collect();
        let found_here: HashSet<usize> = found_points.iter().copied().filter(|&p| p > start && p < end).collect();
        let tp = gold_points.intersection(&found_here).count();
        one.splits.add(Counts::detection(gold_points.len(), found_here.len(), tp));
        one.words.0 += 1;
        one.words.1 += usize::from(gold_points == found_here);
    }
    one
}

/// Scores the pipeline's tagger on `sentences`; `train` (the training sentences)
/// gives the most-frequent-tag baseline and the accuracy on unseen pieces.
pub fn evaluate(sentences: &[Sentence], train: Option<&[Sentence]>, pipeline: &Pipeline) -> Scores {
    let mf = train.map(MostFrequent::new);
    let parts: Vec<One> = sentences.par_iter().map(|s| score_one(s, pipeline, mf.as_ref())).collect();
    let res = pipeline.resources();
    let mut sc =
        Scores { sentences: sentences.len(), model: (res.pos.size(), res.pos.n_features()), ..Default::default() };
    let (mut most_frequent, mut noun) = (0, 0);
    for o in parts {
        sc.correct += o.correct;
        sc.unknown.0 += o.unknown.0;
        sc.unknown.1 += o.unknown.1;
        sc.marsad_correct += o.marsad_correct;
        sc.unplaced += o.unplaced;
        sc.splits.add(o.splits);
        sc.words.0 += o.words.0;
        sc.words.1 += o.words.1;
        for (t, (n, c)) in o.per_tag {
            let e = sc.per_tag.entry(t).or_default();
            e.0 += n;
            e.1 += c;
        }
        most_frequent += o.most_frequent;
        noun += o.noun;
    }
    sc.pieces = sc.per_tag.values().map(|v| v.0).sum();
    if mf.is_some() {
        sc.baselines.set("most_frequent_tag", "accuracy", percent(most_frequent, sc.pieces));
    }
    sc.baselines.set("constant_noun", "accuracy", percent(noun, sc.pieces));
    sc
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = "وفي و في نيسان / ابريل ، للاسلحة ل الأسلحة حكومته حكومة ه .\t_ CCONJ ADP NOUN PUNCT NOUN PUNCT _ ADP NOUN _ NOUN PRON PUNCT\n";

    #[test]
    fn reads_words_and_their_pieces() {
        let s = parse(LINE, Path::new("t")).unwrap();
        let w = &s[0].words;
        assert_eq!(w.len(), 8);
        assert_eq!(w[0].pieces, vec![("و".into(), Upos::Cconj), ("في".into(), Upos::Adp)]);
        assert_eq!(w[5].pieces.len(), 2);
        assert_eq!(w[6].pieces[1], ("ه".into(), Upos::Pron));
        assert_eq!(s[0].tags().len(), 11);
        assert_eq!(s[0].pieces()[7].key, "الاسلحه");
        assert!(parse("a b\tNOUN", Path::new("t")).is_err());
        assert!(parse("a\tFOO", Path::new("t")).is_err());
    }

    #[test]
    fn gold_pieces_are_placed_in_their_word() {
        let s = &parse(LINE, Path::new("t")).unwrap()[0];
        let text = s.text();
        let spans: Vec<&str> = gold_spans(s).iter().map(|sp| sp.unwrap().slice(&text)).collect();
        assert_eq!(spans, ["و", "في", "نيسان", "/", "ابريل", "،", "ل", "لاسلحة", "حكومت", "ه", "."]);
    }

    #[test]
    fn most_frequent_tag_falls_back_to_noun() {
        let s = parse(LINE, Path::new("t")).unwrap();
        let mf = MostFrequent::new(&s);
        assert_eq!(mf.tag("في"), Upos::Adp);
        assert_eq!(mf.tag("كككك"), Upos::Noun);
    }
}
