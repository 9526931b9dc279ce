//! What the event models look at: a candidate trigger word in its sentence, and a
//! candidate participant (a name or a noun) of a trigger's clause.
//!
//! The same code extracts features for training (names) and at run time (hashes),
//! through [`FeatureSink`]. The trigger lexicon is one feature among many: a word the
//! lexicon lists is a trigger only where its context says so (وزارة الخارجية is an
//! institution, not a visit).

use marsad_core::document::{Document, EntityKind, MentionKind, TokenKind, Upos};
use marsad_core::learn::linear::FeatureSink;
use marsad_core::normalize::match_key;

use super::lexicon::EventLexicon;

/// Words that never name an event or a participant: discourse and deictic words and
/// the name of God in formulae (الأمر الذي، هنا، والله).
pub const FUNCTIONAL: &[&str] =
    &["هنا", "هناك", "هذا", "هذه", "ذلك", "تلك", "الله", "بالله", "والله", "لله", "الذي", "التي", "الذين", "ما"];

/// How many words before a noun a light verb may stand (فرضت الولايات المتحدة أمس عقوبات).
const LIGHT_GAP: usize = 4;

/// How far a participant may be from its trigger, in tokens.
pub const ARG_WINDOW: usize = 20;

/// Prepositions and particles that mark a participant's role when they stand before it.
const MARKERS: &[&str] =
    &["ل", "الي", "مع", "ضد", "علي", "من", "عن", "ب", "في", "بين", "و", "قبل", "لدي", "امام", "تجاه", "نحو"];

/// A sentence's tokens seen once: each token's part of speech, name, and readings.
pub struct Context<'d> {
    /// The document.
    pub doc: &'d Document,
    /// Per token: the tag of its main piece (the longest), or `X`.
    pub pos: Vec<Upos>,
    /// Per token: the index of the mention holding it.
    pub mention: Vec<Option<usize>>,
    /// Per token: the entity of that mention, or the country entity a reference (a
    /// nationality adjective) names.
    pub entity: Vec<Option<usize>>,
    /// Per token: inside a quotation.
    pub quoted: Vec<bool>,
}

impl<'d> Context<'d> {
    /// Reads the document's layers once.
    pub fn new(doc: &'d Document) -> Context<'d> {
        let n = doc.tokens.len();
        let mut pos = vec![Upos::X; n];
        let mut best = vec![0usize; n];
        for p in &doc.pos {
            if p.token < n && p.span.len() > best[p.token] {
                best[p.token] = p.span.len();
                pos[p.token] = p.tag;
            }
        }
        let mut mention = vec![None; n];
        for (m, x) in doc.mentions.iter().enumerate() {
            for slot in mention.iter_mut().take(x.end_token.min(n)).skip(x.first_token) {
                *slot = Some(m);
            }
        }
        let mut entity = vec![None; n];
        for (e, x) in doc.entities.iter().enumerate() {
            for &m in &x.mentions {
                let mm = &doc.mentions[m];
                for slot in entity.iter_mut().take(mm.end_token.min(n)).skip(mm.first_token) {
                    *slot = Some(e);
                }
            }
            for r in &x.references {
                let k = doc.tokens.partition_point(|t| t.span.end <= r.span.start);
                if k < n && entity[k].is_none() {
                    entity[k] = Some(e);
                }
            }
        }
        let mut quoted = vec![false; n];
        for q in &doc.quotations {
            let a = doc.tokens.partition_point(|t| t.span.end <= q.span.start);
            let b = doc.tokens.partition_point(|t| t.span.start < q.span.end);
            for slot in quoted.iter_mut().take(b.min(n)).skip(a) {
                *slot = true;
            }
        }
        Context { doc, pos, mention, entity, quoted }
    }

    fn key(&self, i: usize) -> &str {
        self.doc.tokens[i].key.as_str()
    }

    fn tag(&self, i: Option<usize>) -> &'static str {
        i.map_or("<s>", |i| self.pos[i].name())
    }

    /// True for a token that may be a trigger: an Arabic content word, not functional.
    pub fn trigger_candidate(&self, i: usize) -> bool {
        let t = &self.doc.tokens[i];
        t.kind == TokenKind::Arabic
            && t.key.chars().count() >= 3
            && matches!(self.pos[i], Upos::Verb | Upos::Noun | Upos::Adj | Upos::Propn | Upos::X)
            && !FUNCTIONAL.contains(&t.key.as_str())
            // الأمر الذي: "which", not an order
            && !(self.doc.tokens.get(i + 1).is_some_and(|n| n.key == "الذي") && t.key.ends_with("امر"))
    }

    /// The features of token `i` (of the sentence `from..end`) as a trigger.
    pub fn trigger(&self, lex: &EventLexicon, i: usize, from: usize, end: usize, out: &mut impl FeatureSink) {
        let doc = self.doc;
        let key = self.key(i);
        let stem = doc.stem_key(i);
        let tag = self.pos[i].name();
        out.add("b", "");
        out.add("w", key);
        out.add("s", &stem);
        out.add("p", tag);
        let chars: Vec<char> = stem.chars().collect();
        let n = chars.len();
        out.add("suf2", &chars[n.saturating_sub(2)..].iter().collect::<String>());
        out.add("suf3", &chars[n.saturating_sub(3)..].iter().collect::<String>());
        out.add("pre2", &chars[..n.min(2)].iter().collect::<String>());
        if let Some(seg) = doc.segmentation_of(i) {
            for piece in &seg.morphemes {
                if piece.role != marsad_core::document::MorphemeRole::Stem {
                    out.add("clitic", &match_key(&piece.form));
                }
            }
        }
        out.add("def", if stem.starts_with("ال") || key.starts_with("ال") { "1" } else { "0" });
        let prev = (i > from).then(|| i - 1);
        let prev2 = (i > from + 1).then(|| i - 2);
        let next = (i + 1 < end).then_some(i + 1);
        let next2 = (i + 2 < end).then_some(i + 2);
        out.add("w-1", prev.map_or("<s>", |k| self.key(k)));
        out.add("w-2", prev2.map_or("<s>", |k| self.key(k)));
        out.add("w+1", next.map_or("</s>", |k| self.key(k)));
        out.add("s+1", &next.map_or("</s>".into(), |k| doc.stem_key(k).into_owned()));
        out.add("p-1", self.tag(prev));
        out.add("p-2", self.tag(prev2));
        out.add("p+1", self.tag(next));
        out.add("p+2", self.tag(next2));
        out.add("p-1|p", &format!("{}|{tag}", self.tag(prev)));
        out.add("p|p+1", &format!("{tag}|{}", self.tag(next)));
        // part of a name or a title (وزارة الخارجية، قاضي التحقيق)
        match self.mention[i] {
            Some(m) => {
                let x = &doc.mentions[m];
                out.add("name", x.kind.name());
                out.add("name_first", if x.first_token == i { "1" } else { "0" });
            }
            None => out.add("name", "-"),
        }
        if let Some(m) = next.and_then(|k| self.mention[k]).filter(|_| self.mention[i].is_none()) {
            out.add("name+1", doc.mentions[m].kind.name());
        }
        // the head of an idafa: an indefinite noun before a definite one
        let definite = |k: usize| doc.stem_key(k).starts_with("ال") || self.key(k).starts_with("ال");
        if next.is_some_and(definite) && !definite(i) {
            out.add("idafa", tag);
        }
        if self.quoted[i] {
            out.add("quoted", "1");
        }
        if i == from {
            out.add("first", "1");
        }
        // the trigger lexicon, as evidence: the entries the word begins, and the phrases
        // whose later word it is (the noun of فرض عقوبات)
        let lexicon = self.lexicon_entries(lex, i, from, end);
        let mut types: Vec<&str> = Vec::new();
        for &(id, inside) in &lexicon {
            let t = &lex.triggers[id];
            let kind = match (t.words.len() > 1, inside) {
                (false, _) => "word",
                (true, false) => "phrase",
                (true, true) => "phrase_noun",
            };
            out.add("lexkind", kind);
            if inside {
                out.add("lexin", t.event_type);
            }
            if !types.contains(&t.event_type) {
                types.push(t.event_type);
                out.add("lex", t.event_type);
                out.add("lex|p", &format!("{}|{tag}", t.event_type));
                out.add("lex|name", &format!("{}|{}", t.event_type, self.mention[i].is_some()));
            }
        }
        if types.is_empty() {
            out.add("lex", "-");
        }
        // a light verb a few words before a noun: the noun names the act (فرضت واشنطن
        // عقوبات، أجرى الوزيران محادثات; the guideline's Decision 68); the verb itself
        // is left to its own word features (أطلق in أطلق سراح is a release)
        let light = || (from.max(i.saturating_sub(LIGHT_GAP))..i).rev().find(|&k| lex.is_light_verb(self.key(k)));
        if let Some(k) = (!lex.is_light_verb(key)).then(light).flatten() {
            out.add("lv", tag);
            out.add("lv|def", if definite(i) { "1" } else { "0" });
            out.add("lv|dist", &(i - k).to_string());
            for t in &types {
                out.add("lv|lex", t);
            }
        }
    }

    /// The trigger lexicon's entries that token `i` (of sentence `from..end`) is part
    /// of: each entry's index and whether the token is a later word of it (the noun of
    /// a phrase whose first word stands a few words before) rather than its first. A
    /// phrase counts only when its other words are there.
    pub fn lexicon_entries(&self, lex: &EventLexicon, i: usize, from: usize, end: usize) -> Vec<(usize, bool)> {
        let doc = self.doc;
        let reads = super::readings(doc, i);
        let mut out: Vec<(usize, bool)> = Vec::new();
        for r in &reads {
            for &id in lex.by_first.get(r).into_iter().flatten() {
                let t = &lex.triggers[id];
                if (t.words.len() == 1 || phrase_follows(doc, &t.words[1..], i + 1, end)) && !out.contains(&(id, false))
                {
                    out.push((id, false));
                }
            }
        }
        let phrases: Vec<usize> = reads.iter().filter_map(|r| lex.by_later.get(r)).flatten().copied().collect();
        if !phrases.is_empty() {
            let lo = from.max(i.saturating_sub(super::PHRASE_GAP + 1));
            let before: Vec<Vec<String>> = (lo..i).map(|k| super::readings(doc, k)).collect();
            for id in phrases {
                let begins = before.iter().flatten().any(|r| lex.by_first.get(r).is_some_and(|l| l.contains(&id)));
                if begins && !out.contains(&(id, true)) {
                    out.push((id, true));
                }
            }
        }
        out
    }

    /// The candidate participants of sentence `from..end`: its names (one candidate a
    /// mention), its nouns outside names, and its nationality adjectives; each as the
    /// token range it covers.
    pub fn candidates(&self, from: usize, end: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = from;
        while i < end {
            if let Some(m) = self.mention[i] {
                let x = &self.doc.mentions[m];
                // the divine name alone is a formula (رحمهم الله، بإذن الله), never a
                // participant; inside a name (حزب الله، عبد الله) the mention is longer
                let formula = x.end_token == i + 1 && FUNCTIONAL.contains(&self.doc.tokens[i].key.as_str());
                if !formula {
                    out.push((i, x.end_token.min(end).max(i + 1)));
                }
                i = x.end_token.max(i + 1);
                continue;
            }
            let t = &self.doc.tokens[i];
            let content =
                matches!(self.pos[i], Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num) || self.entity[i].is_some();
            // an Arabic content word that is not a function phrase, or digits and Latin names
            let arabic_content = t.kind == TokenKind::Arabic && content && !FUNCTIONAL.contains(&t.key.as_str());
            if arabic_content && self.construct_head(i, end) {
                // an idafa is one participant, named by its head (اتحاد الشغل، قوات الأمن):
                // its genitive is not a second candidate
                out.push((i, i + 2));
                i += 2;
                continue;
            }
            if arabic_content || t.kind == TokenKind::Number || t.kind == TokenKind::Latin {
                out.push((i, i + 1));
            }
            i += 1;
        }
        out
    }

    /// The candidates of sentence `from..end` around the trigger at token `trig`, at
    /// most [`ARG_WINDOW`] tokens away and not holding it, each with its rank on its
    /// side of the trigger (0 for the nearest).
    pub fn ranked_candidates(&self, trig: usize, from: usize, end: usize) -> Vec<((usize, usize), usize)> {
        let lo = from.max(trig.saturating_sub(ARG_WINDOW));
        let hi = end.min(trig + 1 + ARG_WINDOW);
        let mut all = self.candidates(lo, hi);
        // an idafa headed by the trigger (مقتل الجنود): its genitive is a candidate
        for c in &mut all {
            if c.0 == trig && c.1 == trig + 2 && self.mention[trig].is_none() {
                c.0 = trig + 1;
            }
        }
        let before: Vec<(usize, usize)> = all.iter().copied().filter(|c| c.1 <= trig).collect();
        let after: Vec<(usize, usize)> = all.iter().copied().filter(|c| c.0 > trig).collect();
        let mut out: Vec<((usize, usize), usize)> = Vec::with_capacity(all.len());
        out.extend(before.iter().rev().enumerate().map(|(r, c)| (*c, r)));
        out.extend(after.iter().enumerate().map(|(r, c)| (*c, r)));
        out
    }

    /// The features of candidate `c` (a token range, the `rank`-th candidate on its side
    /// of the trigger counting from it) as a participant of the `event_type` event whose
    /// trigger is token `trig`.
    #[allow(clippy::too_many_arguments)]
    pub fn argument(
        &self,
        lex: &EventLexicon,
        event_type: &str,
        trig: usize,
        c: (usize, usize),
        rank: usize,
        from: usize,
        out: &mut impl FeatureSink,
    ) {
        let doc = self.doc;
        let after = c.0 > trig;
        let dir = if after { "after" } else { "before" };
        let dist = if after { c.0 - trig } else { trig - c.1 + 1 };
        let dist = match dist {
            0..=1 => "1",
            2 => "2",
            3 => "3",
            4..=6 => "4-6",
            7..=10 => "7-10",
            _ => "11+",
        };
        let rank = rank.min(3).to_string();
        let tp = self.pos[trig].name();
        let kind = self.kind(c.0);
        let head = doc.stem_key(c.0);
        // the marker before it: a preposition written alone or on the word
        let marker = self.marker(c.0, from);
        out.add("b", "");
        out.add("dir", dir);
        out.add("t|dir", &format!("{event_type}|{dir}"));
        out.add("dir|dist", &format!("{dir}|{dist}"));
        out.add("dir|rank", &format!("{dir}|{rank}"));
        out.add("t|dir|rank", &format!("{event_type}|{dir}|{rank}"));
        out.add("tp|dir|rank", &format!("{tp}|{dir}|{rank}"));
        out.add("kind", kind);
        out.add("kind|dir", &format!("{kind}|{dir}"));
        out.add("t|kind|dir", &format!("{event_type}|{kind}|{dir}"));
        out.add("kind|dir|rank", &format!("{kind}|{dir}|{rank}"));
        out.add("cp", self.pos[c.0].name());
        out.add("cw", &head);
        out.add("t|cw", &format!("{event_type}|{head}"));
        out.add("mk", marker);
        out.add("mk|dir", &format!("{marker}|{dir}"));
        out.add("t|mk|dir", &format!("{event_type}|{marker}|{dir}"));
        out.add("tp|mk|dir", &format!("{tp}|{marker}|{dir}"));
        out.add("tw", &doc.stem_key(trig));
        out.add("tw-1", if trig > from { self.key(trig - 1) } else { "<s>" });
        let definite = head.starts_with("ال") || self.key(c.0).starts_with("ال");
        out.add("def|dir|rank", &format!("{definite}|{dir}|{rank}"));
        if let Some(e) = self.entity[c.0] {
            let x = &doc.entities[e];
            out.add("country", if x.country.is_some() { "1" } else { "0" });
        }
        // what stands between the trigger and it: a verb (another clause), a comma
        let (a, b) = if after { (trig + 1, c.0) } else { (c.1, trig) };
        if (a..b).any(|k| self.pos[k] == Upos::Verb) {
            out.add("verb_between", dir);
        }
        if (a..b).any(|k| matches!(doc.tokens[k].key.as_str(), "،" | "," | "؛" | ":")) {
            out.add("comma_between", dir);
        }
        // an agent phrase of a passive (من قبل) and the passive auxiliary (تم اعتقال)
        if c.0 >= 2 && self.key(c.0 - 1) == "قبل" && self.key(c.0 - 2) == "من" {
            out.add("by", "1");
        }
        // على يد / على أيدي: the agent of a killing or an arrest (قتلوا على يد الحوثي)
        if c.0 >= 2 && matches!(self.key(c.0 - 1), "يد" | "ايدي") && self.key(c.0 - 2) == "علي" {
            out.add("by_hand", dir);
        }
        // the subject of a light verb that names the trigger's doer (عملية التفجير التي
        // نفذها تنظيم داعش، هجوم شنه المتمردون)
        if c.0 > from && light_verb_with_object(lex, self.key(c.0 - 1)) {
            out.add("after_lv", dir);
            out.add("after_lv|t", event_type);
        }
        if trig > from && matches!(self.key(trig - 1), "تم" | "يتم" | "جري" | "يجري") {
            out.add("aux", dir);
        }
        if self.quoted[c.0] != self.quoted[trig] {
            out.add("quote_edge", "1");
        }
        // the subject slot of a verb: the first candidate after it with no preposition
        // (VSO: فرضت واشنطن عقوبات), and the order among names only, so that the nearest
        // name before a noun trigger (nominal sentences: الجيش … هجوم) is seen as such
        out.add("tp|mk|dir|rank", &format!("{tp}|{marker}|{dir}|{rank}"));
        let is_name = |k: usize| self.mention[k].is_some() || self.entity[k].is_some();
        if is_name(c.0) {
            let starts = |k: usize| {
                is_name(k) && (k == 0 || self.mention[k].is_none() || self.mention[k] != self.mention[k - 1])
            };
            let nrank = (a..b).filter(|&k| starts(k)).count().min(2).to_string();
            out.add("name|tp|dir|nrank", &format!("{tp}|{dir}|{nrank}"));
            out.add("name|t|dir|nrank", &format!("{event_type}|{dir}|{nrank}"));
        }
        // the speaker of a report: قال X إن … (the trigger in what X says), and X دعا/اتهم
        // … (the trigger the verb of saying itself)
        let trig_at = doc.tokens[trig].span.start;
        let cand = marsad_core::span::Span::new(doc.tokens[c.0].span.start, doc.tokens[c.1 - 1].span.end);
        for q in &doc.quotations {
            let Some(sp) = q.speaker.span else { continue };
            if sp.start >= cand.end || cand.start >= sp.end {
                continue;
            }
            if q.verb.as_ref().is_some_and(|v| v.span.start <= trig_at && trig_at < v.span.end) {
                out.add("speaker_of_verb", event_type);
            } else if q.span.start <= trig_at && trig_at < q.span.end {
                out.add("speaker_of_quote", event_type);
                out.add("speaker_of_quote|p", tp);
            }
        }
    }

    /// The kind of the candidate starting at token `i`: its mention's entity kind or
    /// name type, else its part of speech.
    /// Whether token `i` heads a two-word idafa outside names: an indefinite noun (the
    /// construct state has no article) before a definite noun that no name holds.
    fn construct_head(&self, i: usize, end: usize) -> bool {
        let doc = self.doc;
        let definite = |k: usize| doc.stem_key(k).starts_with("ال") || self.key(k).starts_with("ال");
        let next = i + 1;
        next < end
            && self.pos[i] == Upos::Noun
            && self.pos[next] == Upos::Noun
            && self.entity[i].is_none()
            && self.mention[next].is_none()
            && self.entity[next].is_none()
            && doc.tokens[next].kind == TokenKind::Arabic
            && !FUNCTIONAL.contains(&doc.tokens[next].key.as_str())
            && !definite(i)
            && definite(next)
    }

    fn kind(&self, i: usize) -> &'static str {
        if let Some(e) = self.entity[i] {
            return match self.doc.entities[e].kind {
                EntityKind::Person => "person",
                EntityKind::Country => "country",
                EntityKind::Place => "place",
                EntityKind::Region => "region",
                EntityKind::Organization => "organization",
                EntityKind::Office => "office",
                EntityKind::Other => "other",
            };
        }
        match self.mention[i].map(|m| self.doc.mentions[m].kind) {
            Some(MentionKind::Per) => "per",
            Some(MentionKind::Org) => "org",
            Some(MentionKind::Loc) => "loc",
            Some(MentionKind::Misc) => "misc",
            None => self.pos[i].name(),
        }
    }

    /// The case-marking preposition or particle before token `i`: the word before it,
    /// or a proclitic on it (للسعودية، وإيران).
    fn marker(&self, i: usize, from: usize) -> &'static str {
        if i > from {
            let prev = self.key(i - 1);
            if let Some(m) = MARKERS.iter().find(|m| **m == prev) {
                return m;
            }
        }
        if let Some(seg) = self.doc.segmentation_of(i) {
            for piece in &seg.morphemes {
                if piece.role == marsad_core::document::MorphemeRole::Stem {
                    break;
                }
                let k = match_key(&piece.form);
                if let Some(m) = MARKERS.iter().find(|m| **m == k) {
                    return m;
                }
            }
        }
        let k = self.key(i);
        if k.starts_with("لل") {
            return "ل";
        }
        "-"
    }
}

/// True for a light verb, also with an object pronoun on it (نفذها، شنوه).
fn light_verb_with_object(lex: &EventLexicon, key: &str) -> bool {
    lex.is_light_verb(key)
        || ["هما", "هم", "ها", "ه"]
            .iter()
            .any(|p| key.strip_suffix(p).is_some_and(|r| r.chars().count() >= 2 && lex.is_light_verb(r)))
}

/// True when `words` follow token `at` in order, each at most a few tokens after the
/// one before (أطلق … سراح).
fn phrase_follows(doc: &Document, words: &[String], mut at: usize, end: usize) -> bool {
    for w in words {
        let limit = end.min(at + super::PHRASE_GAP);
        match (at..limit).find(|&k| super::readings(doc, k).iter().any(|x| x == w)) {
            Some(k) => at = k + 1,
            None => return false,
        }
    }
    true
}
