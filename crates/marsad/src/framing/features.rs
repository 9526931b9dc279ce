//! Features of the framing models, written into a [`FeatureSink`] so training and
//! detection share one extractor.
//!
//! Token features (span model): the word's matching key and stem (clitics off, from
//! the clitics layer), its first and last letters, the stems of two words either
//! side and the bigrams, cue-lexicon classes of the word and its neighbours, why a
//! word is loaded (`resources/framing/loaded_words.tsv`: evaluative adjective,
//! superlative, pejorative, emotional noun, metaphor) for it and its neighbours, its
//! polarity (tone lexicon), whether it is inside quotation marks or a named entity,
//! and the token kind for anything that is not an Arabic word.
//!
//! Paragraph features (paragraph model): the stems and stem bigrams of the
//! paragraph, the cue and loaded-word classes and polar words it holds, punctuation that signals
//! rhetoric (!, ?, quotation marks, hashtags) and its length.

use super::lexicon::FramingLexicon;
use crate::tone::lexicon::ToneLexicon;
use marsad_core::document::QuoteKind;
use marsad_core::document::{Document, MentionKind, TokenKind};
use marsad_core::learn::linear::FeatureSink;
use marsad_core::lexicon::Lexicon;
use marsad_core::phrases::Phrases;

/// What the features of a document's tokens read, computed once per document.
pub struct Context<'d> {
    doc: &'d Document,
    /// Where each token's stem lies in its key ([`Document::stem_range`]): 8 bytes a
    /// token where the string took 24.
    stems: Vec<(u32, u32)>,
    /// The cue class of each token and whether it begins the cue phrase, as a
    /// [`CueMark`]: four bytes a token where the class and flag took twenty-four.
    cues: Vec<CueMark>,
    /// The cue classes the marks name.
    cue_classes: Vec<&'d str>,
    /// Cue phrases as token ranges.
    cue_phrases: Vec<(usize, usize)>,
    /// The loaded-word class of each token ([`FramingLexicon::loaded`]), as a [`CueMark`]
    /// into `loaded_classes`.
    loaded: Vec<CueMark>,
    /// The loaded-word classes the marks name.
    loaded_classes: Vec<&'d str>,
    /// Loaded-word phrases as token ranges.
    loaded_phrases: Vec<(usize, usize)>,
    polarity: Vec<i8>,
    /// Zipf frequency band of each word's stem ("0"…"6"; rare words carry more colour).
    band: Vec<u8>,
    quoted: Vec<bool>,
    entity: Vec<Option<MentionKind>>,
}

/// A token's cue class (an index into `Context::cue_classes`, plus one) and whether
/// the cue phrase begins there (the low bit); 0 for no cue.
#[derive(Clone, Copy, Default)]
struct CueMark(u32);

impl CueMark {
    fn new(class: usize, begins: bool) -> Self {
        CueMark(((class as u32 + 1) << 1) | u32::from(begins))
    }

    fn get<'d>(self, classes: &[&'d str]) -> Option<(&'d str, bool)> {
        let class = (self.0 >> 1).checked_sub(1)?;
        Some((classes[class as usize], self.0 & 1 == 1))
    }
}

impl<'d> Context<'d> {
    /// Reads the layers of `doc` once.
    pub fn new(doc: &'d Document, lex: &'d FramingLexicon, tone: &ToneLexicon, words: &Lexicon) -> Context<'d> {
        let n = doc.tokens.len();
        let stems: Vec<(u32, u32)> = (0..n)
            .map(|i| {
                let r = doc.stem_range(i);
                (r.start as u32, r.end as u32)
            })
            .collect();
        let band = stems
            .iter()
            .zip(&doc.tokens)
            .map(|(&(a, b), t)| {
                if t.kind == TokenKind::Arabic {
                    words.zipf(&t.key[a as usize..b as usize]).clamp(0.0, 6.0) as u8
                } else {
                    0
                }
            })
            .collect();
        let (cues, cue_classes, cue_phrases) = marks(doc, &lex.cues);
        let (loaded, loaded_classes, loaded_phrases) = marks(doc, &lex.loaded);
        let polarity = doc
            .tokens
            .iter()
            .map(|t| match tone.polarity(t) {
                Some(p) if p > 0.0 => 1,
                Some(p) if p < 0.0 => -1,
                _ => 0,
            })
            .collect();
        let mut quoted = vec![false; n];
        for q in doc.quotations.iter().filter(|q| q.kind == QuoteKind::Direct) {
            let first = doc.tokens.partition_point(|t| t.span.start < q.span.start);
            for (i, t) in doc.tokens.iter().enumerate().skip(first) {
                if t.span.start >= q.span.end {
                    break;
                }
                if q.span.contains(t.span) {
                    quoted[i] = true;
                }
            }
        }
        let mut entity = vec![None; n];
        for m in &doc.mentions {
            for e in entity.iter_mut().take(m.end_token.min(n)).skip(m.first_token) {
                *e = Some(m.kind);
            }
        }
        Context {
            doc,
            stems,
            cues,
            cue_classes,
            cue_phrases,
            loaded,
            loaded_classes,
            loaded_phrases,
            polarity,
            band,
            quoted,
            entity,
        }
    }

    /// The shared resources' lexicons.
    pub fn of(doc: &'d Document, res: &'d super::FramingData<'d>) -> Context<'d> {
        Context::new(doc, res.framing, res.tone, res.lexicon)
    }

    /// The stem of token `i`: its key without clitics.
    fn stem(&self, i: usize) -> &'d str {
        let (a, b) = self.stems[i];
        &self.doc.tokens[i].key[a as usize..b as usize]
    }

    /// The cue class of token `i` and whether the cue phrase begins there.
    pub fn cue(&self, i: usize) -> Option<(&'d str, bool)> {
        self.cues.get(i).and_then(|c| c.get(&self.cue_classes))
    }

    /// The original text of the cue phrase that begins at token `i` (empty if none).
    pub fn cue_text(&self, i: usize) -> &'d str {
        self.phrase_text(&self.cue_phrases, i)
    }

    /// The loaded-word class of token `i` and whether the phrase begins there.
    pub fn loaded(&self, i: usize) -> Option<(&'d str, bool)> {
        self.loaded.get(i).and_then(|c| c.get(&self.loaded_classes))
    }

    /// The original text of the loaded-word phrase that begins at token `i` (empty if none).
    pub fn loaded_text(&self, i: usize) -> &'d str {
        self.phrase_text(&self.loaded_phrases, i)
    }

    fn phrase_text(&self, phrases: &[(usize, usize)], i: usize) -> &'d str {
        let doc: &'d Document = self.doc;
        phrases.iter().find(|(a, _)| *a == i).map_or("", |&(a, b)| {
            doc.slice(marsad_core::span::Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end))
        })
    }

    fn word(&self, i: isize) -> &str {
        if i < 0 || i as usize >= self.stems.len() {
            return "<s>";
        }
        let t = &self.doc.tokens[i as usize];
        match t.kind {
            TokenKind::Arabic | TokenKind::Latin => self.stem(i as usize),
            TokenKind::Punct => t.norm.as_str(),
            TokenKind::Number | TokenKind::Percent => "<num>",
            _ => "<sym>",
        }
    }

    /// The features of token `i`.
    pub fn token(&self, i: usize, out: &mut impl FeatureSink) {
        let t = &self.doc.tokens[i];
        let ii = i as isize;
        let stem = self.word(ii);
        out.add("s", stem);
        if t.kind == TokenKind::Arabic {
            out.add("w", &t.key);
            let n = stem.chars().count();
            if n >= 3 {
                let second = stem.char_indices().nth(2).map_or(stem.len(), |(b, _)| b);
                let last2 = stem.char_indices().nth(n - 2).map_or(0, |(b, _)| b);
                out.add("pre", &stem[..second]);
                out.add("suf", &stem[last2..]);
            }
            if t.key.starts_with("ال") || t.key.starts_with("وال") || t.key.starts_with("بال") {
                out.add("def", "1");
            }
            const BANDS: [&str; 7] = ["0", "1", "2", "3", "4", "5", "6"];
            out.add("z", BANDS[self.band[i] as usize]);
            // A nisba adjective after a word (عسكرية، الوطني) or an elative (أكبر، أخطر).
            if n >= 4 && (stem.ends_with('ي') || stem.ends_with("يه")) && i > 0 {
                out.add("adj", "nisba");
            }
            if n == 4 && stem.starts_with('ا') {
                out.add("adj", "afal");
            }
        } else {
            out.add("k", t.kind.name());
        }
        for d in [-2isize, -1, 1, 2] {
            out.add(OFFSET_TEMPLATES[(d + 2) as usize], self.word(ii + d));
        }
        let mut pair = String::with_capacity(32);
        pair.push_str(self.word(ii - 1));
        pair.push('|');
        pair.push_str(stem);
        out.add("b-", &pair);
        pair.clear();
        pair.push_str(stem);
        pair.push('|');
        pair.push_str(self.word(ii + 1));
        out.add("b+", &pair);
        if let Some((cue, begins)) = self.cue(i) {
            out.add("cue", cue);
            out.add(if begins { "cueB" } else { "cueI" }, cue);
        }
        for (d, tpl) in [(-2isize, "cue-2"), (-1, "cue-1"), (1, "cue+1"), (2, "cue+2")] {
            let j = ii + d;
            if j >= 0 && (j as usize) < self.cues.len() {
                if let Some((cue, _)) = self.cue(j as usize) {
                    out.add(tpl, cue);
                }
            }
        }
        if let Some((class, _)) = self.loaded(i) {
            out.add("lw", class);
        }
        for (d, tpl) in [(-1isize, "lw-1"), (1, "lw+1")] {
            let j = ii + d;
            if j >= 0 && (j as usize) < self.loaded.len() {
                if let Some((class, _)) = self.loaded(j as usize) {
                    out.add(tpl, class);
                }
            }
        }
        for (d, tpl) in [(-1isize, "pol-1"), (0, "pol"), (1, "pol+1")] {
            let j = ii + d;
            if j >= 0 && (j as usize) < self.polarity.len() && self.polarity[j as usize] != 0 {
                out.add(tpl, if self.polarity[j as usize] > 0 { "+" } else { "-" });
            }
        }
        if self.quoted[i] {
            out.add("q", "1");
        }
        if let Some(kind) = self.entity[i] {
            out.add("ent", kind.name());
        }
    }

    /// The features of tokens `first..end` taken as one paragraph.
    pub fn paragraph(&self, first: usize, end: usize, out: &mut impl FeatureSink) {
        let toks = &self.doc.tokens[first..end];
        let mut words = 0usize;
        let mut prev: Option<&str> = None;
        let mut pair = String::with_capacity(32);
        for i in first..end {
            let t = &self.doc.tokens[i];
            match t.kind {
                TokenKind::Arabic => {
                    words += 1;
                    let s = self.stem(i);
                    out.add("s", s);
                    if let Some(p) = prev {
                        pair.clear();
                        pair.push_str(p);
                        pair.push('|');
                        pair.push_str(s);
                        out.add("b", &pair);
                    }
                    prev = Some(s);
                }
                TokenKind::Punct => {
                    if matches!(t.norm.as_str(), "!" | "؟" | "?" | "«" | "»" | "\"" | "…") {
                        out.add("p", &t.norm);
                    }
                    prev = None;
                }
                TokenKind::Hashtag => out.add("k", "hashtag"),
                _ => prev = None,
            }
            if let Some((cue, true)) = self.cue(i) {
                out.add("cue", cue);
            }
            if let Some((class, true)) = self.loaded(i) {
                out.add("lw", class);
            }
            match self.polarity[i] {
                1 => out.add("pol", "+"),
                -1 => out.add("pol", "-"),
                _ => {}
            }
        }
        let len = match words {
            0..=10 => "tiny",
            11..=25 => "short",
            26..=60 => "medium",
            _ => "long",
        };
        out.add("len", len);
        if toks.iter().any(|t| t.kind == TokenKind::Latin) {
            out.add("k", "latin");
        }
    }
}

/// The phrases of `phrases` found in `doc`, longest first from left to right: a mark per
/// token, the classes the marks name, and the phrases as token ranges.
fn marks<'d>(doc: &Document, phrases: &'d Phrases<String>) -> (Vec<CueMark>, Vec<&'d str>, Vec<(usize, usize)>) {
    let n = doc.tokens.len();
    let mut marks = vec![CueMark::default(); n];
    let mut classes: Vec<&'d str> = Vec::new();
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < n {
        match phrases.find(&doc.tokens, i, true) {
            Some(m) => {
                let class = m.value.as_str();
                let class = classes.iter().position(|c| *c == class).unwrap_or_else(|| {
                    classes.push(class);
                    classes.len() - 1
                });
                for (k, c) in marks[i..m.end].iter_mut().enumerate() {
                    *c = CueMark::new(class, k == 0);
                }
                ranges.push((i, m.end));
                i = m.end;
            }
            None => i += 1,
        }
    }
    (marks, classes, ranges)
}

const OFFSET_TEMPLATES: [&str; 5] = ["s-2", "s-1", "", "s+1", "s+2"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Metadata, Pipeline};

    #[test]
    fn stems_drop_the_clitics_the_clitics_layer_found() {
        let doc = Pipeline::new().analyze_through("والوزراء بالمدينة وكتابهم", Metadata::default(), "clitics");
        let stems: Vec<String> = (0..doc.tokens.len()).map(|i| doc.stem_key(i).into_owned()).collect();
        assert_eq!(stems[0], "وزراء");
        assert_eq!(stems[1], "مدينه");
        assert!(stems[2].starts_with("كتاب"), "{stems:?}");
    }

    #[test]
    fn token_features_name_the_word_its_neighbours_and_its_cues() {
        let pipeline = Pipeline::new();
        let doc = pipeline.analyze_through("هجوم وحشي للغاية على المدنيين", Metadata::default(), "quotations");
        let data = pipeline.resources().framing();
        let ctx = Context::of(&doc, &data);
        let mut names: Vec<String> = Vec::new();
        ctx.token(1, &mut names);
        for f in ["s=وحشي", "w=وحشي", "s-1=هجوم", "s+1=للغايه"] {
            assert!(names.iter().any(|n| n == f), "{f} not in {names:?}");
        }
        assert!(names.iter().any(|n| n.starts_with("cue+1=")), "the intensifier after it: {names:?}");
        let mut hashes: Vec<u64> = Vec::new();
        ctx.token(1, &mut hashes);
        assert_eq!(hashes.len(), names.len(), "the same features, hashed");
        let mut para: Vec<String> = Vec::new();
        ctx.paragraph(0, doc.tokens.len(), &mut para);
        assert!(para.iter().any(|n| n == "len=tiny") && para.iter().any(|n| n == "b=هجوم|وحشي"), "{para:?}");
    }
}
