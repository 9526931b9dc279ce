//! Direct quotations and reported speech, with their speakers.

use super::lexicon::{ClaimLexicon, Stance};
use super::sources::Speakers;
use super::{Quotation, QuoteKind, Reference, Source, SourceKind};
use marsad_core::document::{Document, Origin, Token, TokenKind};
use marsad_core::normalize::match_key;
use marsad_core::span::Span;

/// How far before a quotation mark its verb of saying may stand, in tokens.
const VERB_REACH: usize = 12;

/// How far after a verb its إن/أن may stand (قال الأمين العام المساعد لجامعة الدول
/// العربية، هشام البدري، إن …).
const THAT_REACH: usize = 16;

/// Deepest nesting of quotation marks followed; deeper marks are read as text.
const MAX_DEPTH: usize = 16;

/// Fewest words in a quotation without a verb or colon before it: shorter quoted
/// stretches are titles and names ("سينما سينما"), not speech.
const MIN_WORDS: usize = 4;

/// The stance of token `i` when it is a verb of saying (its stem, without و/ف).
pub fn verb_at(doc: &Document, lex: &ClaimLexicon, i: usize) -> Option<Stance> {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Arabic {
        return None;
    }
    if let Some(s) = lex.verbs.get(t.key.as_str()) {
        return Some(*s);
    }
    if let Some(stem) = doc.segmentation_of(i).map(|s| match_key(&s.stem().form)) {
        if let Some(s) = lex.verbs.get(stem.as_str()) {
            return Some(*s);
        }
    }
    // وأضاف، فقال: a conjunction the segmenter left on a frequent form
    let rest = t.key.strip_prefix(['و', 'ف'])?;
    lex.verbs.get(rest).copied()
}

fn is_mark(t: &Token) -> Option<char> {
    if t.kind != TokenKind::Punct {
        return None;
    }
    let c = t.norm.chars().next()?;
    matches!(c, '«' | '»' | '“' | '”' | '‹' | '›' | '"').then_some(c)
}

fn closes(open: char, close: char) -> bool {
    matches!((open, close), ('«', '»') | ('“', '”') | ('‹', '›') | ('"', '"'))
}

/// Pairs of quotation-mark tokens `(open, close)`, outermost and innermost alike, in
/// order of the opening mark; unbalanced marks are left out.
fn mark_pairs(doc: &Document) -> Vec<(usize, usize)> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut pairs = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        let Some(c) = is_mark(t) else { continue };
        let top = stack.last().copied();
        match top {
            Some((open, at)) if closes(open, c) => {
                stack.pop();
                pairs.push((at, i));
            }
            _ if matches!(c, '»' | '”' | '›') => {
                // a closing mark with no opener: drop what it cannot close
                if let Some(k) = stack.iter().rposition(|(o, _)| closes(*o, c)) {
                    let (_, at) = stack[k];
                    stack.truncate(k);
                    pairs.push((at, i));
                }
            }
            _ if stack.len() < MAX_DEPTH => stack.push((c, i)),
            _ => {}
        }
    }
    pairs.sort_unstable();
    pairs
}

/// The sentence holding token `i`.
fn sentence_of(doc: &Document, i: usize) -> Option<usize> {
    let k = doc.sentences.partition_point(|s| s.end_token <= i);
    (k < doc.sentences.len() && doc.sentences[k].first_token <= i).then_some(k)
}

/// The quotations and reports of speech of a document, in text order.
pub fn find(doc: &Document, lex: &ClaimLexicon) -> Vec<Quotation> {
    let speakers = Speakers::new(doc);
    let verbs: Vec<Option<Stance>> = (0..doc.tokens.len()).map(|i| verb_at(doc, lex, i)).collect();
    let mut out: Vec<Quotation> = Vec::new();
    let mut used_verbs = vec![false; doc.tokens.len()];
    let mut last_speaker: Option<Source> = None;

    // direct quotations, outermost only
    let mut covered_to = 0;
    let pairs = mark_pairs(doc);
    let mut direct = Vec::new();
    for &(open, close) in &pairs {
        if open < covered_to || close <= open + 1 {
            continue;
        }
        covered_to = close;
        direct.push((open, close));
    }
    // reports of speech and quotations in text order, so a verb without a subject
    // (وأضاف) takes the speaker before it
    let mut d = 0;
    for v in 0..doc.tokens.len() {
        while d < direct.len() && direct[d].0 <= v {
            let (open, close) = direct[d];
            d += 1;
            if let Some(q) = direct_quote(doc, lex, &speakers, &verbs, &mut used_verbs, open, close, &last_speaker) {
                if q.speaker.kind != SourceKind::Unknown {
                    last_speaker = Some(q.speaker.clone());
                }
                out.push(q);
            }
        }
        let Some(stance) = verbs[v] else { continue };
        if used_verbs[v] || direct.iter().any(|&(o, c)| o < v && v < c) {
            continue;
        }
        let Some(s) = sentence_of(doc, v) else { continue };
        let end = doc.sentences[s].end_token;
        // a quotation opening soon after the verb is what it introduces
        if direct.iter().any(|&(o, _)| o > v && o < end.min(v + VERB_REACH)) {
            continue;
        }
        // إن / أن after the verb and its subject
        let Some(that) = (v + 1..end.min(v + 1 + THAT_REACH)).find(|&k| {
            matches!(doc.tokens[k].key.as_str(), "ان" | "انه" | "انها" | "انهم")
                || doc.segmentation_of(k).is_some_and(|g| match_key(&g.stem().form) == "ان")
        }) else {
            continue;
        };
        let content_end = (that + 1..end).find(|&k| is_mark(&doc.tokens[k]).is_some()).unwrap_or(end).max(that + 1);
        if that + 1 >= content_end {
            continue;
        }
        let (speaker, rule, confidence) = speaker_of(doc, lex, &speakers, v + 1, that, stance, &last_speaker);
        if speaker.kind != SourceKind::Unknown {
            last_speaker = Some(speaker.clone());
        }
        out.push(Quotation {
            span: Span::new(doc.tokens[that + 1].span.start, doc.tokens[content_end - 1].span.end),
            kind: QuoteKind::Indirect,
            verb: Some(Reference { span: doc.tokens[v].span }),
            stance,
            speaker,
            origin: Origin::rule(rule, confidence),
        });
    }
    out.sort_by_key(|q| q.span.start);
    out
}

/// The speaker after a verb at `from` (up to `end`): its subject, or — for a verb
/// written without one (وأضاف، وتابع) — the last speaker.
fn speaker_of(
    doc: &Document,
    lex: &ClaimLexicon,
    speakers: &Speakers,
    from: usize,
    end: usize,
    stance: Stance,
    last: &Option<Source>,
) -> (Source, &'static str, f32) {
    if let Some(s) = speakers.after(doc, lex, from, end) {
        return (s, "quotes.subject", 0.8);
    }
    match last {
        Some(s) if matches!(stance, Stance::Add | Stance::Explain | Stance::Assert | Stance::Say) => {
            (s.clone(), "quotes.continuation", 0.6)
        }
        _ => (Source { kind: SourceKind::Unknown, span: None, entity: None }, "quotes.no_subject", 0.4),
    }
}

/// A direct quotation between the marks at `open` and `close`, if it is speech.
#[allow(clippy::too_many_arguments)]
fn direct_quote(
    doc: &Document,
    lex: &ClaimLexicon,
    speakers: &Speakers,
    verbs: &[Option<Stance>],
    used: &mut [bool],
    open: usize,
    close: usize,
    last: &Option<Source>,
) -> Option<Quotation> {
    let words = (open + 1..close).filter(|&k| doc.tokens[k].kind == TokenKind::Arabic).count();
    let colon_before = open > 0 && doc.tokens[open - 1].norm == ":";
    // the verb before the quotation, in its sentence
    let sentence_start = sentence_of(doc, open).map_or(0, |s| doc.sentences[s].first_token);
    let before = (sentence_start.max(open.saturating_sub(VERB_REACH))..open).rev().find(|&k| verbs[k].is_some());
    // or after it: «…»، قال الوزير
    let after = (close + 1..(close + 4).min(doc.tokens.len())).find(|&k| verbs[k].is_some());
    let verb = before.or(after);
    if verb.is_none() && !colon_before && words < MIN_WORDS {
        return None;
    }
    let content = Span::new(doc.tokens[open + 1].span.start, doc.tokens[close - 1].span.end);
    let Some(v) = verb else {
        let unknown = Source { kind: SourceKind::Unknown, span: None, entity: None };
        let speaker = if colon_before { last.clone().unwrap_or(unknown) } else { unknown };
        return Some(Quotation {
            span: content,
            kind: QuoteKind::Direct,
            verb: None,
            stance: Stance::None,
            speaker,
            origin: Origin::rule("quotes.direct.no_verb", 0.4),
        });
    };
    used[v] = true;
    let stance = verbs[v].unwrap_or(Stance::Say);
    let subject_end = if v < open { open } else { doc.tokens.len() };
    let (speaker, rule, confidence) = speaker_of(doc, lex, speakers, v + 1, subject_end, stance, last);
    Some(Quotation {
        span: content,
        kind: QuoteKind::Direct,
        verb: Some(Reference { span: doc.tokens[v].span }),
        stance,
        speaker,
        origin: Origin::rule(if rule == "quotes.subject" { "quotes.direct" } else { rule }, confidence),
    })
}

#[cfg(test)]
mod tests {
    use crate::claims::lexicon::Stance;
    use crate::claims::{QuoteKind, SourceKind};
    use crate::{Metadata, Pipeline};

    /// (text, kind, stance, speaker kind, speaker text) of a quotation.
    type Q = (String, QuoteKind, Stance, SourceKind, Option<String>);

    fn quotations(text: &str) -> (crate::Document, Vec<Q>) {
        let doc = Pipeline::new().analyze_through(text, Metadata::default(), "quotations");
        let q = doc
            .quotations
            .iter()
            .map(|q| {
                let who = q.speaker.span.map(|s| doc.slice(s).to_owned());
                (doc.slice(q.span).to_owned(), q.kind, q.stance, q.speaker.kind, who)
            })
            .collect();
        (doc, q)
    }

    #[test]
    fn direct_quotation_with_its_speaker() {
        let (_, q) = quotations("وقال الوزير أحمد عطاف: «إن بلادنا لن تقبل بأي تدخل في شؤونها الداخلية».");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, QuoteKind::Direct);
        assert_eq!(q[0].3, SourceKind::Person, "{q:?}");
        assert!(q[0].4.as_deref().is_some_and(|w| w.contains("عطاف")), "{q:?}");
    }

    #[test]
    fn reported_speech_denial_and_continuation() {
        let (_, q) = quotations(
            "ونفى المتحدث باسم الخارجية الروسية أن تكون موسكو قد أرسلت قوات إلى المنطقة. وأضاف أن الاتصالات مستمرة مع جميع الأطراف.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].1, q[0].2), (QuoteKind::Indirect, Stance::Deny));
        assert!(q[0].0.starts_with("تكون موسكو"), "{q:?}");
        // the second verb has no subject: the speaker of the first goes on
        assert_eq!(q[1].3, q[0].3, "{q:?}");
    }

    #[test]
    fn vague_sources_are_flagged() {
        let (_, q) = quotations("وقالت مصادر مطلعة إن الاجتماع سيعقد الأسبوع المقبل في القاهرة.");
        assert_eq!(q[0].3, SourceKind::Vague, "{q:?}");
    }

    #[test]
    fn short_quoted_titles_are_not_speech() {
        let (_, q) = quotations("استضاف برنامج \"سينما سينما\" أبطال الفيلم.");
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn unbalanced_and_deeply_nested_marks_do_not_panic() {
        let nested = format!("قال: {}نعم{}", "«".repeat(200), "»".repeat(200));
        for text in ["قال: «لم ينته", "»» قال «", nested.as_str(), "\"\"\"\""] {
            let _ = quotations(text);
        }
    }
}
