//! Events: the `events` stage — who did what to whom, typed with PLOVER.
//!
//! Triggers are data (`resources/events/triggers.tsv`): verbs matched through their
//! conjugations and clitics, event nouns, and phrases whose words may be a few tokens
//! apart (أطلقت الجماعة سراح الرهائن). For each trigger the actor is the name or title
//! after a verb (Arabic news puts the subject there) or before it, or after an event
//! noun (زيارة الرئيس); the recipient is the next name in the clause. The modality says
//! whether the text asserts the event, reports or denies someone's statement of it,
//! negates it, plans it, demands it, or speculates about it. Each event carries the
//! nearest CAMEO code, GDELT's quad class and Goldstein value, CAMEO-style actor codes
//! (country + role), the time and place of its sentence.

pub use marsad_core::document::{Event, Modality, Participant};

pub mod lexicon;

use crate::claims::sources::Speakers;
use crate::claims::{Source, SourceKind};
use crate::entities::resolve::{Entity, EntityKind, Reference};
use lexicon::EventLexicon;
use marsad_core::document::{Document, Origin, TokenKind};
use marsad_core::normalize::match_key;
use marsad_core::span::Span;

/// What the events stages read besides the document: borrowed from the pipeline's resources.
#[derive(Clone, Copy)]
pub struct EventData<'r> {
    /// Word frequencies.
    pub lexicon: &'r marsad_core::lexicon::Lexicon,
    /// Verbs of saying (an event's source and modality).
    pub claims: &'r crate::claims::lexicon::ClaimLexicon,
    /// Event triggers and the PLOVER/CAMEO table.
    pub events: &'r lexicon::EventLexicon,
}

/// The stage: adds [`Document::events`].
pub fn recognize(doc: &mut Document, res: &EventData) {
    doc.events = find(doc, res);
}

/// How many tokens the later words of a phrase trigger may be apart.
const PHRASE_GAP: usize = 4;

/// How far an argument may be from its trigger, in tokens.
const ARG_REACH: usize = 6;

/// Words that negate what follows (matching keys).
const NEGATIONS: &[&str] = &["لم", "لن", "ما", "لا", "ليس", "ليست", "عدم", "دون", "بدون"];

/// Words that put what follows in the future.
const FUTURE: &[&str] =
    &["سوف", "سيتم", "ستتم", "المقرر", "يعتزم", "تعتزم", "يعتزمون", "ينوي", "تنوي", "يرتقب", "يرتقب"];

/// Words that make what follows a condition.
const CONDITIONS: &[&str] = &["اذا", "لو", "حال", "حاله", "لولا"];

/// The keys a token may be read as: itself, its stem, without a conjunction, without
/// the article.
fn readings(doc: &Document, i: usize) -> Vec<String> {
    let t = &doc.tokens[i];
    let mut out = vec![t.key.to_string()];
    if let Some(seg) = doc.segmentation_of(i) {
        out.push(match_key(&seg.stem().form));
    }
    let mut k = t.key.as_str();
    for p in ["و", "ف"] {
        if let Some(r) = k.strip_prefix(p).filter(|r| r.chars().count() >= 3) {
            out.push(r.to_owned());
            k = r;
            break;
        }
    }
    for p in ["ال", "بال", "لل", "كال", "ل", "ب"] {
        if let Some(r) = k.strip_prefix(p).filter(|r| r.chars().count() >= 3) {
            out.push(r.to_owned());
            out.push(format!("ال{r}"));
        }
    }
    // a pronoun suffix on an event noun (زيارته، تعازيه): the noun, its ة restored
    let with_suffix: Vec<String> = out.clone();
    for w in with_suffix {
        for suffix in ["هما", "هم", "هن", "ها", "ه", "نا", "كم"] {
            if let Some(r) = w.strip_suffix(suffix).filter(|r| r.chars().count() >= 3) {
                out.push(r.to_owned());
                if let Some(base) = r.strip_suffix('ت') {
                    out.push(format!("{base}ه"));
                }
                break;
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Finds the events of a document with its entity, time and quotation layers.
pub fn find(doc: &Document, res: &EventData) -> Vec<Event> {
    let lex = &res.events;
    let speakers = Speakers::new(doc);
    let layers = Layers::new(doc);
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let first_event = out.len();
        // each token's readings, once for all the triggers tried on it
        let reads: Vec<Vec<String>> = (s.first_token..s.end_token).map(|k| readings(doc, k)).collect();
        let mut i = s.first_token;
        while i < s.end_token {
            let Some((trigger, end)) = match_at(doc, lex, &reads, s.first_token, i, s.end_token) else {
                i += 1;
                continue;
            };
            out.push(event(doc, res, &speakers, &layers, si, i, end, trigger));
            i = end;
        }
        if out.len() > first_event {
            // the sentence's contexts, read once for all its events
            let contexts = sentence_contexts(doc, lex, s.first_token..s.end_token);
            for e in &mut out[first_event..] {
                e.contexts.clone_from(&contexts);
            }
        }
    }
    out
}

/// What an event reads from the other layers, indexed once per document so that
/// each event finds it without a pass over the whole layer (a pass per event made
/// the stage quadratic in the article's length).
struct Layers<'d> {
    /// For each sentence, the first place entity named in it after في or with ب
    /// (where events happen).
    location: Vec<Option<&'d str>>,
    /// For each sentence, the first time with a value inside it.
    time: Vec<Option<usize>>,
    /// For each token, the first quotation its start lies in.
    quotation: Vec<Option<usize>>,
    /// Entities by id.
    entity: rustc_hash::FxHashMap<&'d str, &'d Entity>,
    /// Whether the quantities are in the order of their starts (then a count in a
    /// stretch of text is found by binary search).
    quantities_sorted: bool,
}

impl<'d> Layers<'d> {
    fn new(doc: &'d Document) -> Layers<'d> {
        // the sentence that holds `span` whole, if any
        let sentence_of = |span: Span| {
            let si = doc.sentences.partition_point(|s| s.span.end <= span.start);
            doc.sentences.get(si).filter(|s| span.start >= s.span.start && span.end <= s.span.end).map(|_| si)
        };
        let mut location = vec![None; doc.sentences.len()];
        for e in &doc.entities {
            if !matches!(e.kind, EntityKind::Place | EntityKind::Region) {
                continue;
            }
            for &m in &e.mentions {
                let mention = &doc.mentions[m];
                let k = mention.first_token;
                let after_in = k > 0 && doc.tokens[k - 1].key == "في" || doc.tokens[k].key.starts_with("ب");
                if let Some(si) = sentence_of(mention.span).filter(|_| after_in) {
                    location[si].get_or_insert(e.id.as_str());
                }
            }
        }
        let mut time = vec![None; doc.sentences.len()];
        for (ti, tm) in doc.times.iter().enumerate() {
            if let Some(si) = sentence_of(tm.span).filter(|_| tm.value.is_some()) {
                time[si].get_or_insert(ti);
            }
        }
        let mut quotation = vec![None; doc.tokens.len()];
        for (qi, q) in doc.quotations.iter().enumerate() {
            let from = doc.tokens.partition_point(|t| t.span.start < q.span.start);
            for slot in quotation[from..].iter_mut().zip(&doc.tokens[from..]) {
                if slot.1.span.start >= q.span.end {
                    break;
                }
                slot.0.get_or_insert(qi);
            }
        }
        let mut entity = rustc_hash::FxHashMap::default();
        for e in &doc.entities {
            entity.entry(e.id.as_str()).or_insert(e);
        }
        let quantities_sorted = doc.quantities.windows(2).all(|w| w[0].span.start <= w[1].span.start);
        Layers { location, time, quotation, entity, quantities_sorted }
    }

    /// The first count of people or things (in the layer's order) within `lo..hi`.
    fn count_within(&self, doc: &'d Document, lo: usize, hi: usize) -> Option<Span> {
        let fits = |q: &&crate::quantity::Quantity| {
            q.kind == crate::quantity::QuantityKind::Count && q.span.start >= lo && q.span.end <= hi
        };
        if !self.quantities_sorted {
            return doc.quantities.iter().find(fits).map(|q| q.span);
        }
        let from = doc.quantities.partition_point(|q| q.span.start < lo);
        doc.quantities[from..].iter().take_while(|q| q.span.start <= hi).find(fits).map(|q| q.span)
    }
}

/// The PLOVER contexts whose cue words occur in the tokens `range`, in the
/// lexicon's order.
fn sentence_contexts(doc: &Document, lex: &EventLexicon, range: std::ops::Range<usize>) -> Vec<String> {
    let mut seen = vec![false; lex.contexts.len()];
    for k in range {
        lex.context_cues.each_match(&doc.tokens, k, true, |m| seen[*m.value] = true);
    }
    lex.contexts.iter().zip(seen).filter(|(_, seen)| *seen).map(|(name, _)| (*name).to_owned()).collect()
}

/// The longest trigger starting at token `i`, and one past its last token.
/// `reads[k - from]` are the readings of token `k` of the sentence starting at `from`.
fn match_at(
    doc: &Document,
    lex: &EventLexicon,
    reads: &[Vec<String>],
    from: usize,
    i: usize,
    end: usize,
) -> Option<(usize, usize)> {
    if doc.tokens[i].kind != TokenKind::Arabic {
        return None;
    }
    for r in &reads[i - from] {
        let Some(list) = lex.by_first.get(r) else { continue };
        for &id in list {
            let words = &lex.triggers[id].words;
            let mut at = i + 1;
            let mut ok = true;
            for w in &words[1..] {
                let limit = end.min(at + PHRASE_GAP);
                match (at..limit).find(|&k| reads[k - from].iter().any(|x| x == w)) {
                    Some(k) => at = k + 1,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                return Some((id, at));
            }
        }
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn event(
    doc: &Document,
    res: &EventData,
    speakers: &Speakers,
    layers: &Layers,
    si: usize,
    first: usize,
    end: usize,
    id: usize,
) -> Event {
    let lex = &res.events;
    let t = &lex.triggers[id];
    let sentence = &doc.sentences[si];
    let clause_end = sentence.end_token.min(end + ARG_REACH);
    // the actor: after a verb (VSO) or an event noun (زيارة الرئيس), else before it
    let after = speakers.after(doc, res.claims, first + 1, clause_end);
    let (actor, rule) = match after.or_else(|| speakers.before(doc, first, ARG_REACH)) {
        Some(a) => (Some(a), "events.trigger.actor_entity"),
        // no name: the definite noun phrase after a verb is its subject (قصفت الطائرات)
        None if t.verb => (noun_phrase(doc, end, clause_end), "events.trigger.actor_phrase"),
        None => (None, "events.trigger.no_actor"),
    };
    // the recipient: the next name after the actor (or after the trigger)
    let from = actor
        .as_ref()
        .and_then(|a| a.span)
        .filter(|s| s.start >= doc.tokens[first].span.start)
        .map_or(end, |s| doc.tokens.partition_point(|tk| tk.span.end <= s.end));
    let actor_entity = actor.as_ref().and_then(|a| a.entity.clone());
    let rec_from = from.max(end);
    let rec_end = (rec_from + ARG_REACH).min(sentence.end_token);
    let recipient = speakers
        .after(doc, res.claims, rec_from, rec_end)
        .filter(|r| r.kind != SourceKind::Vague && (r.entity.is_none() || r.entity != actor_entity))
        .or_else(|| {
            // or the noun phrase the event is done to: after على، ضد، إلى، مع or directly
            let skip = usize::from(rec_from < rec_end && PREPOSITIONS.contains(&doc.tokens[rec_from].key.as_str()));
            noun_phrase(doc, rec_from + skip, rec_end)
        })
        .or_else(|| {
            // or a count of people or things (قتلت القوات 12 مسلحا، اعتقال 431 شخصا)
            let (lo, hi) = (doc.tokens.get(rec_from)?.span.start, doc.tokens.get(rec_end.saturating_sub(1))?.span.end);
            let span = layers.count_within(doc, lo, hi)?;
            Some(Source { kind: SourceKind::Organization, span: Some(span), entity: None })
        });
    // a joint event names both sides after بين (مناورات مشتركة بين الجيشين X و Y)
    let (actor, recipient, rule) = match joint(doc, res, speakers, end, sentence.end_token) {
        Some((a, b)) => (Some(a), Some(b), "events.trigger.joint"),
        None => (actor, recipient, rule),
    };
    let (modality, source) = modality(doc, res, layers, first, sentence.first_token, t.event_type);
    let scale = lex.scale(t.cameo);
    let participant = |s: Source| Participant {
        span: s.span.unwrap_or(doc.tokens[first].span),
        code: s.entity.as_deref().and_then(|id| layers.entity.get(id).copied()).and_then(actor_code),
        entity: s.entity,
    };
    Event {
        trigger: Reference { span: Span::new(doc.tokens[first].span.start, doc.tokens[end - 1].span.end) },
        sentence: si,
        event_type: t.event_type.to_owned(),
        mode: t.mode.map(str::to_owned),
        cameo: t.cameo.to_owned(),
        quad_class: scale.map_or(0, |s| s.quad_class),
        goldstein: scale.map_or(0.0, |s| s.goldstein),
        actor: actor.filter(|a| a.kind != SourceKind::Unknown).map(participant),
        recipient: recipient.map(participant),
        modality,
        source,
        time: layers.time[si],
        location: layers.location[si].map(str::to_owned),
        contexts: Vec::new(),
        origin: Origin::rule(rule, if t.words.len() > 1 { 0.75 } else { 0.6 }),
    }
}

/// The two sides of a joint event: بين within three tokens after the trigger, then a
/// name or noun phrase, و, and another.
fn joint(
    doc: &Document,
    res: &EventData,
    speakers: &Speakers,
    end: usize,
    sentence_end: usize,
) -> Option<(Source, Source)> {
    let between = (end..(end + 3).min(sentence_end)).find(|&k| doc.tokens[k].key == "بين")?;
    let side = |from: usize| {
        speakers
            .after(doc, res.claims, from, (from + 2).min(sentence_end))
            .filter(|s| s.span.is_some_and(|sp| sp.start == doc.tokens[from].span.start || from + 1 < sentence_end))
            .or_else(|| noun_phrase(doc, from, sentence_end))
    };
    let a = side(between + 1)?;
    let a_span = a.span?;
    let a_end = doc.tokens.partition_point(|tk| tk.span.end <= a_span.end);
    // the second side follows و, written on it or alone
    let b = if doc.tokens.get(a_end).is_some_and(|t| t.key == "و") { side(a_end + 1) } else { side(a_end) }?;
    Some((a, b))
}

/// Words with the article that are not nouns (relative pronouns) or not participants.
const NOT_NOUNS: &[&str] =
    &["الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي", "الان", "اليوم", "الماضي", "المقبل"];

/// Prepositions that introduce an event's recipient.
const PREPOSITIONS: &[&str] = &["علي", "ضد", "الي", "مع", "عن", "بين", "نحو", "تجاه"];

/// A definite noun phrase starting at token `i` (before `end`): a word with the
/// article and the relative adjectives after it (القوات الأمنية السعودية), as a source
/// without an entity.
fn noun_phrase(doc: &Document, i: usize, end: usize) -> Option<Source> {
    let definite = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Arabic
                && t.key.starts_with("ال")
                && t.key.chars().count() >= 4
                && !NOT_NOUNS.contains(&t.key.as_str())
        })
    };
    // the first word may carry a conjunction (والجيش التونسي)
    let first_definite = doc.tokens.get(i).is_some_and(|t| {
        t.kind == TokenKind::Arabic
            && t.key.strip_prefix('و').is_some_and(|r| r.starts_with("ال") && r.chars().count() >= 4)
    });
    if i >= end || !(definite(i) || first_definite) {
        return None;
    }
    // only relative adjectives extend it (القوات الأمنية): another definite noun is
    // the next phrase (قصفت الطائرات المدينة)
    let adjective =
        |k: usize| definite(k) && ["ي", "يه", "يين", "يون", "يات"].iter().any(|s| doc.tokens[k].key.ends_with(s));
    let mut j = i + 1;
    while j < end && j < i + 4 && adjective(j) {
        j += 1;
    }
    let span = Span::new(doc.tokens[i].span.start, doc.tokens[j - 1].span.end);
    Some(Source { kind: SourceKind::Organization, span: Some(span), entity: None })
}

/// How the text presents the event at token `first` of a sentence starting at `start`.
fn modality(
    doc: &Document,
    res: &EventData,
    layers: &Layers,
    first: usize,
    start: usize,
    event_type: &str,
) -> (Modality, Option<Source>) {
    if let Some(q) = layers.quotation[first].map(|qi| &doc.quotations[qi]) {
        let m = if q.stance == crate::claims::lexicon::Stance::Deny { Modality::Denied } else { Modality::Reported };
        return (m, Some(q.speaker.clone()));
    }
    // a token's key without the conjunction written on it (ودعا → دعا)
    let key = |k: usize| {
        let w = doc.tokens[k].key.as_str();
        w.strip_prefix(['و', 'ف']).filter(|r| r.chars().count() >= 2).unwrap_or(w)
    };
    let window = start.max(first.saturating_sub(3))..first;
    if window.clone().any(|k| NEGATIONS.contains(&key(k))) {
        return (Modality::Negated, None);
    }
    let future_verb = |k: usize| {
        // س + an imperfect whose form without س is the commoner word (ستجري، سيزور)
        let w = key(k);
        w.strip_prefix('س').is_some_and(|rest| {
            rest.starts_with(['ي', 'ت', 'ن'])
                && rest.chars().count() >= 3
                && res.lexicon.zipf(rest) > res.lexicon.zipf(w)
        })
    };
    if future_verb(first) || window.clone().any(|k| FUTURE.contains(&key(k)) || future_verb(k)) {
        return (Modality::Future, None);
    }
    if event_type != "REQUEST"
        && (start.max(first.saturating_sub(6))..first).any(|k| {
            matches!(
                key(k),
                "دعا"
                    | "دعت"
                    | "يدعو"
                    | "تدعو"
                    | "طالب"
                    | "طالبت"
                    | "يطالب"
                    | "تطالب"
                    | "ناشد"
                    | "ناشدت"
            )
        })
    {
        return (Modality::Demanded, None);
    }
    if window.clone().any(|k| res.claims.hedges.find(&doc.tokens, k, true).is_some() || key(k) == "قد") {
        return (Modality::Speculative, None);
    }
    if (start..first).any(|k| CONDITIONS.contains(&key(k))) {
        return (Modality::Conditional, None);
    }
    (Modality::Asserted, None)
}

/// A CAMEO-style actor code: the entity's country and, from its kind or a person's
/// role, the sector (GOV government, MIL military, LEG legislature, JUD judiciary, COP
/// police, IGO international organisation).
pub fn actor_code(e: &Entity) -> Option<String> {
    let country = e.country.clone().or_else(|| e.roles.iter().find_map(|r| r.country.clone())).unwrap_or_default();
    let role = match e.kind {
        EntityKind::Country => "GOV",
        EntityKind::Organization if e.link.as_deref().is_some_and(|l| l.starts_with("org:")) => "IGO",
        _ => {
            let words: String =
                e.roles.iter().map(|r| format!("{} {} ", r.office, r.organization.as_deref().unwrap_or(""))).collect();
            let w = words.to_lowercase();
            if w.contains("army")
                || w.contains("defen")
                || w.contains("military")
                || w.contains("forces")
                || w.contains("staff")
            {
                "MIL"
            } else if w.contains("parliament")
                || w.contains("senat")
                || w.contains("speaker")
                || w.contains("member of")
            {
                "LEG"
            } else if w.contains("judge") || w.contains("court") || w.contains("prosecutor") {
                "JUD"
            } else if w.contains("police") || w.contains("interior") {
                "COP"
            } else if w.contains("minister")
                || w.contains("president")
                || w.contains("king")
                || w.contains("government")
                || w.contains("ambassador")
                || w.contains("spokesperson")
            {
                "GOV"
            } else {
                ""
            }
        }
    };
    let code = format!("{country}{role}");
    (!code.is_empty()).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Metadata, Pipeline};

    fn events(text: &str) -> (Document, Vec<Event>) {
        let doc = Pipeline::new().analyze_through(
            text,
            Metadata { published: Some("2024-03-10".into()), ..Default::default() },
            "events",
        );
        let e = doc.events.clone();
        (doc, e)
    }

    #[test]
    fn a_visit_with_actor_recipient_place_and_time() {
        let (doc, e) = events("زار الرئيس الفرنسي إيمانويل ماكرون الجزائر يوم 5 مارس 2024 لبحث التعاون.");
        let v = e.iter().find(|e| e.event_type == "CONSULT").expect("a visit");
        let actor = v.actor.as_ref().expect("an actor");
        assert!(doc.slice(actor.span).contains("ماكرون"), "{v:#?}");
        assert_eq!(actor.code.as_deref(), Some("FRAGOV"), "{v:#?}");
        let recipient = v.recipient.as_ref().expect("a recipient");
        assert_eq!(recipient.code.as_deref(), Some("DZAGOV"), "{v:#?}");
        assert_eq!(v.modality, Modality::Asserted);
        assert!(v.time.is_some());
    }

    #[test]
    fn modalities() {
        let cases = [
            ("لم تقصف الطائرات المدينة أمس.", Modality::Negated),
            ("ستجري القوات مناورات مشتركة الأسبوع المقبل.", Modality::Future),
            ("ودعا البرلمان إلى فرض عقوبات على الشركة.", Modality::Demanded),
            ("ونفى المتحدث باسم الجيش أن تكون القوات قد قصفت المستشفى.", Modality::Denied),
        ];
        for (text, want) in cases {
            let (_, e) = events(text);
            assert!(e.iter().any(|e| e.modality == want), "{text}: {e:#?}");
        }
    }

    #[test]
    fn contexts_come_from_the_sentences_cue_words() {
        let (_, e) = events("قصفت الطائرات مواقع لتنظيم داعش قرب الحدود.");
        assert!(e.iter().any(|e| e.contexts.iter().any(|c| c == "terrorism")), "{e:#?}");
    }

    #[test]
    fn joint_events_give_both_sides() {
        let (doc, e) = events("وتستمر المناورات المشتركة بين الجيش الجزائري والجيش التونسي أسبوعا.");
        let j = e.iter().find(|e| e.origin.rule == "events.trigger.joint").expect("a joint event");
        assert!(doc.slice(j.actor.as_ref().unwrap().span).contains("الجزائري"), "{j:#?}");
        assert!(doc.slice(j.recipient.as_ref().unwrap().span).contains("التونسي"), "{j:#?}");
    }

    #[test]
    fn long_sentences_and_no_triggers_are_fine() {
        let long = "قصف ".repeat(5000);
        let (_, e) = events(&long);
        assert!(e.len() <= 5000);
        let (_, e) = events("كان الجو جميلا.");
        assert!(e.is_empty());
    }
}
