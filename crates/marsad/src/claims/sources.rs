//! Finding who speaks: the subject of a verb of saying, or the source after حسب.

use super::lexicon::ClaimLexicon;
use super::{Source, SourceKind};
use crate::entities::resolve::EntityKind;
use marsad_core::document::{Document, TokenKind};
use marsad_core::normalize::match_key;
use marsad_core::span::Span;
use rustc_hash::FxHashMap;

/// How far after a verb or phrase its subject may start, in tokens (وقال وزير الخارجية
/// الأمريكي في مؤتمر صحفي… names the speaker right away; further on it is rarely him).
const REACH: usize = 4;

/// What the entity layer knows, by token: which entity a mention starting at a token
/// belongs to, and which entity a title starting at a token describes.
pub struct Speakers {
    by_token: Vec<Option<(usize, usize)>>,
    /// The last word of each person's full names (a surname), for a speaker the
    /// tagger did not tag again (وأكد البدري).
    surnames: FxHashMap<String, usize>,
}

impl Speakers {
    /// Indexes the entities of `doc`: for each token, the entity named from it and the
    /// token after the name.
    pub fn new(doc: &Document) -> Speakers {
        let mut by_token = vec![None; doc.tokens.len()];
        let mut surnames = FxHashMap::default();
        let token_at = |byte: usize| doc.tokens.partition_point(|t| t.span.end <= byte);
        for (ei, e) in doc.entities.iter().enumerate() {
            for &m in &e.mentions {
                let m = &doc.mentions[m];
                by_token[m.first_token] = Some((ei, m.end_token));
                if e.kind == EntityKind::Person && m.end_token - m.first_token >= 2 {
                    surnames.insert(doc.tokens[m.end_token - 1].key.to_string(), ei);
                }
            }
        }
        // a title reaches to the end of the name it stands before (الرئيس الفرنسي
        // إيمانويل ماكرون is one speaker), after the names are all indexed
        for (ei, e) in doc.entities.iter().enumerate() {
            for r in &e.roles {
                let (first, end) = (token_at(r.span.start), token_at(r.span.end.saturating_sub(1)) + 1);
                if first < by_token.len() && by_token[first].is_none() {
                    let end = end.max(first + 1);
                    // the name may follow a comma (الأمين العام للمجلس، عبداللطيف الزياني)
                    let comma = doc
                        .tokens
                        .get(end)
                        .is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "،" | ","));
                    let name_at = if comma { end + 1 } else { end };
                    let stop = match by_token.get(name_at).copied().flatten() {
                        Some((same, name_end)) if same == ei => name_end,
                        _ => end,
                    };
                    by_token[first] = Some((ei, stop));
                }
            }
        }
        Speakers { by_token, surnames }
    }

    /// The entity named just before token `i` (a name or title ending within `reach`
    /// tokens before it, in the same clause): the subject of a verb after its subject.
    pub fn before(&self, doc: &Document, i: usize, reach: usize) -> Option<Source> {
        for t in (i.saturating_sub(reach)..i).rev() {
            let tok = &doc.tokens[t];
            if tok.kind == TokenKind::Punct && matches!(tok.norm.as_str(), "." | "،" | "," | "؛" | ":") {
                return None;
            }
            if let Some((e, stop)) = self.by_token[t].filter(|&(_, stop)| stop <= i) {
                return Some(self.source(doc, e, Span::new(tok.span.start, doc.tokens[stop - 1].span.end)));
            }
        }
        None
    }

    fn source(&self, doc: &Document, e: usize, span: Span) -> Source {
        let entity = &doc.entities[e];
        let kind = match entity.kind {
            EntityKind::Person => SourceKind::Person,
            EntityKind::Office => SourceKind::Office,
            EntityKind::Country | EntityKind::Place | EntityKind::Region => SourceKind::Country,
            EntityKind::Organization | EntityKind::Other => SourceKind::Organization,
        };
        Source { kind, span: Some(span), entity: Some(entity.id.clone()) }
    }

    /// The source named from token `i` on (within [`REACH`] tokens, not past `end`):
    /// an entity's name or title, or a vague source.
    pub fn after(&self, doc: &Document, lex: &ClaimLexicon, i: usize, end: usize) -> Option<Source> {
        for t in i..end.min(i + REACH).min(doc.tokens.len()) {
            let tok = &doc.tokens[t];
            if tok.kind == TokenKind::Punct && matches!(tok.norm.as_str(), "." | "؟" | "?" | "!" | "«" | "\"" | "“")
            {
                return None;
            }
            if matches!(tok.key.as_str(), "ان" | "انه" | "انها") {
                return None;
            }
            if let Some((e, stop)) = self.by_token[t] {
                return Some(self.source(doc, e, Span::new(tok.span.start, doc.tokens[stop - 1].span.end)));
            }
            let key = doc.segmentation_of(t).map_or(tok.key.to_string(), |s| match_key(&s.stem().form));
            if let Some(&e) = self.surnames.get(&key) {
                let entity = &doc.entities[e];
                return Some(Source {
                    kind: SourceKind::Person,
                    span: Some(tok.span),
                    entity: Some(entity.id.clone()),
                });
            }
            if let Some(m) = lex.vague.find(&doc.tokens, t, true) {
                let span = Span::new(tok.span.start, doc.tokens[m.end - 1].span.end);
                return Some(Source { kind: SourceKind::Vague, span: Some(span), entity: None });
            }
        }
        None
    }
}
