//! Named entities: the `entities` stage, which adds the [`Mention`] layer.
//!
//! Persons, organisations, places and other names (`per`, `org`, `loc`, `misc`) are
//! found by an averaged structured perceptron ([`train`]) over hashed features of the
//! tokens, their clitics, the lexicon and the gazetteer ([`features`]), decoded per
//! sentence with Viterbi under BILOU constraints ([`tagger`]). Every mention lists the
//! gazetteer entries found inside it ([`gazetteer`]: countries, demonyms, places,
//! organisations, institutions, person names), and a confidence from the margin
//! between the best labelling and the best one that differs on the mention.
//!
//! The model is `resources/models/ner.bin`, trained with `marsad train ner` on
//! ANERcorp (see `docs/ner.md`).

pub use marsad_core::document::{GazetteerRef, Mention, MentionKind, MAX_REFS};

pub mod features;
pub mod gazetteer;
pub mod gazetteer_build;
pub mod name_use;
pub mod resolve;
pub mod roles;
pub mod tagger;
pub mod word_classes;

use features::SentenceFeatures;
use gazetteer::{GazKind, GazMatch};
use marsad_core::document::{Document, MorphemeRole, Origin};
use marsad_core::span::Span;
use tagger::NerModel;

/// What the entities stages read besides the document: borrowed from the pipeline's resources.
#[derive(Clone, Copy)]
pub struct EntityData<'r> {
    /// Word frequencies.
    pub lexicon: &'r marsad_core::lexicon::Lexicon,
    /// The gazetteer index.
    pub gazetteer: &'r gazetteer::Gazetteer,
    /// The named-entity tagger's model.
    pub ner: &'r tagger::NerModel,
    /// Trigger words of the tagger's features.
    pub ner_triggers: &'r features::Triggers,
}

/// The stage: adds [`Document::mentions`].
pub fn recognize(doc: &mut Document, res: &EntityData) {
    doc.mentions = find_mentions(doc, res, res.ner);
}

/// The features of the tokens `range` (one sentence) and the gazetteer matches in it.
pub fn sentence_features(
    doc: &Document,
    res: &EntityData,
    range: std::ops::Range<usize>,
    model: &NerModel,
) -> (SentenceFeatures, Vec<GazMatch>) {
    let matches = res.gazetteer.matches(doc, range.clone());
    let feats = features::extract(doc, res, range, &matches, model.hasher());
    (feats, matches)
}

/// The mentions `model` finds in a document that has its text layers.
pub fn find_mentions(doc: &Document, res: &EntityData, model: &NerModel) -> Vec<Mention> {
    find_mentions_with_margins(doc, res, model).into_iter().map(|(m, _)| m).collect()
}

/// [`find_mentions`], with each mention's score margin (see [`tagger::Chunk::margin`]).
pub fn find_mentions_with_margins(doc: &Document, res: &EntityData, model: &NerModel) -> Vec<(Mention, f32)> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let range = s.first_token..s.end_token;
        if range.is_empty() {
            continue;
        }
        let (feats, matches) = sentence_features(doc, res, range.clone(), model);
        let em = model.emissions(&feats);
        let (path, mm) = tagger::decode(&em, model.transitions());
        let sentence_start = out.len();
        for c in tagger::chunks(&path, &mm) {
            let (first, end) = (range.start + c.start, range.start + c.end);
            let mention = Mention {
                span: Span::new(name_start(doc, first), doc.tokens[end - 1].span.end),
                kind: MentionKind::ALL[c.kind],
                first_token: first,
                end_token: end,
                gazetteer: refs(res, &matches, first, end),
                origin: Origin::rule("ner.perceptron", model.confidence(c.margin)),
            };
            out.push((mention, c.margin));
        }
        for (first, end) in ministries(doc, res, &matches, range.clone()) {
            if out[sentence_start..].iter().any(|(m, _)| m.first_token < end && first < m.end_token) {
                continue;
            }
            let mention = Mention {
                span: Span::new(name_start(doc, first), doc.tokens[end - 1].span.end),
                kind: MentionKind::Org,
                first_token: first,
                end_token: end,
                gazetteer: refs(res, &matches, first, end),
                origin: Origin::rule("ner.gazetteer", GAZETTEER_CONFIDENCE),
            };
            out.push((mention, f32::NAN));
        }
        out[sentence_start..].sort_by_key(|(m, _)| m.first_token);
    }
    out
}

/// Confidence of the mentions made by gazetteer rules.
pub const GAZETTEER_CONFIDENCE: f32 = 0.8;

/// Ministries named by their portfolio: وزارة + a portfolio of the gazetteer
/// (الخارجية، الدفاع، التربية والتعليم) and the nationality adjective or country after it
/// (وزارة الخارجية الروسية), or وزارة + a portfolio without its article + a country
/// (وزارة خارجية روسيا). The tagger learnt from ANERcorp, whose annotators leave
/// ministries untagged, so this rule adds them (`ner.gazetteer`).
fn ministries(
    doc: &Document,
    res: &EntityData,
    matches: &[GazMatch],
    range: std::ops::Range<usize>,
) -> Vec<(usize, usize)> {
    let longest_at = |k: usize, kinds: &[GazKind]| {
        matches
            .iter()
            .filter(|m| m.first_token == k && !m.clitics && kinds.iter().any(|&g| m.has(g)))
            .map(|m| m.end_token)
            .max()
    };
    let is_portfolio = |k: usize| {
        res.gazetteer.lookup(&format!("ال{}", doc.tokens[k].key)).iter().any(|e| e.kind == GazKind::Portfolio)
    };
    let mut out = Vec::new();
    for k in range.clone() {
        // وزارة, with the proclitics it may carry (ووزارة، بوزارة، وبوزارة، لوزارة)
        let key = doc.tokens[k].key.as_str();
        let Some(pro) = key.strip_suffix("وزاره") else { continue };
        let pro: Vec<char> = pro.chars().collect();
        let proclitics_ok = match pro.as_slice() {
            [] => true,
            [c] => matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك'),
            [c, p] => matches!(c, 'و' | 'ف') && matches!(p, 'ب' | 'ل' | 'ك'),
            _ => false,
        };
        if !proclitics_ok || k + 1 >= range.end {
            continue;
        }
        let end = match longest_at(k + 1, &[GazKind::Portfolio]) {
            Some(end) => longest_at(end, &[GazKind::Demonym, GazKind::Country]).unwrap_or(end),
            None if is_portfolio(k + 1) => match longest_at(k + 2, &[GazKind::Country]) {
                Some(end) => end,
                None => continue,
            },
            None => continue,
        };
        out.push((k, end));
    }
    out
}

/// Where a name starting at token `i` starts: after the conjunction, preposition or
/// future particle of the token.
fn name_start(doc: &Document, i: usize) -> usize {
    let tok = &doc.tokens[i];
    match doc.segmentation_of(i) {
        Some(seg) => seg
            .morphemes
            .iter()
            .find(|m| matches!(m.role, MorphemeRole::Article | MorphemeRole::Stem))
            .map_or(tok.span.start, |m| m.span.start),
        None => tok.span.start,
    }
}

/// The entries of the leftmost-longest gazetteer names inside tokens `first..end`.
fn refs(res: &EntityData, matches: &[GazMatch], first: usize, end: usize) -> Vec<GazetteerRef> {
    let mut out: Vec<GazetteerRef> = Vec::new();
    let mut at = first;
    while at < end {
        let best =
            matches.iter().filter(|m| m.first_token == at && m.end_token <= end).max_by_key(|m| (m.len(), !m.clitics));
        match best {
            Some(m) => {
                for e in res.gazetteer.entries(m).take(MAX_REFS) {
                    let r = GazetteerRef { kind: e.kind, id: e.id.to_owned() };
                    if !out.contains(&r) {
                        out.push(r);
                    }
                }
                at = m.end_token;
            }
            None => at += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Metadata, Pipeline};

    #[test]
    fn tags_an_obvious_person_and_country() {
        let doc = Pipeline::new()
            .analyze("قال الرئيس الفرنسي إيمانويل ماكرون إن فرنسا ستواصل دعمها للمحادثات.", Metadata::default());
        let found: Vec<(String, MentionKind)> =
            doc.mentions.iter().map(|m| (doc.slice(m.span).to_owned(), m.kind)).collect();
        assert!(found.contains(&("إيمانويل ماكرون".to_owned(), MentionKind::Per)), "{found:?}");
        assert!(found.contains(&("فرنسا".to_owned(), MentionKind::Loc)), "{found:?}");
        let france = doc.mentions.iter().find(|m| doc.slice(m.span) == "فرنسا").unwrap();
        assert!(france.gazetteer.iter().any(|r| r.kind == GazKind::Country && r.id == "FRA"), "{france:?}");
        for m in &doc.mentions {
            assert!(m.origin.confidence > 0.0 && m.origin.confidence < 1.0);
            assert_eq!(m.origin.rule, "ner.perceptron");
        }
    }

    #[test]
    fn ministries_are_organisations() {
        let doc = Pipeline::new().analyze_through(
            "وقالت المتحدثة باسم وزارة الخارجية الروسية إن الوفد زار وزارة خارجية الجزائر ثم وزارة الدفاع.",
            Metadata::default(),
            "entities",
        );
        let orgs: Vec<&str> =
            doc.mentions.iter().filter(|m| m.kind == MentionKind::Org).map(|m| doc.slice(m.span)).collect();
        assert!(orgs.contains(&"وزارة الخارجية الروسية"), "{orgs:?}");
        assert!(orgs.contains(&"وزارة الدفاع"), "{orgs:?}");
        // a country inside a ministry's name stays a location when the tagger found it
        assert!(orgs.contains(&"وزارة خارجية الجزائر") || doc.mentions.iter().any(|m| doc.slice(m.span) == "الجزائر"));
        let m = doc.mentions.iter().find(|m| doc.slice(m.span) == "وزارة الخارجية الروسية").unwrap();
        assert!(m.gazetteer.iter().any(|g| g.kind == GazKind::Demonym && g.id == "RUS"), "{m:?}");
    }

    #[test]
    fn a_mention_starts_after_its_proclitics() {
        let doc =
            Pipeline::new().analyze_through("وصل الوفد إلى بيروت ودمشق والقاهرة أمس.", Metadata::default(), "entities");
        let locs: Vec<&str> =
            doc.mentions.iter().filter(|m| m.kind == MentionKind::Loc).map(|m| doc.slice(m.span)).collect();
        assert!(locs.contains(&"بيروت"), "{locs:?}");
        assert!(locs.contains(&"القاهرة") || locs.contains(&"دمشق"), "{locs:?}");
        for m in &doc.mentions {
            assert!(!doc.slice(m.span).starts_with('و'), "{:?}", doc.slice(m.span));
        }
    }
}
