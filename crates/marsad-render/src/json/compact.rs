//! The layers the compact profile writes as arrays instead of objects: tokens
//! (`[start, end, kind, norm]`, and the value of a number or percentage) and
//! clitic segmentations (`[token, [[start, end, form, role]…], rule, confidence]`),
//! offsets in characters. They are most of a document's items.

use serde::ser::{Serialize, SerializeSeq, SerializeTuple, Serializer};

use super::rewrite::Context;
use marsad_core::document::MorphemeRole;

/// The tokens layer, one array a token.
pub(super) struct Tokens<'c, 'd>(pub &'c Context<'d>);

impl Serialize for Tokens<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ctx = self.0;
        let mut seq = s.serialize_seq(Some(ctx.doc.tokens.len()))?;
        for t in &ctx.doc.tokens {
            let value = t.value.filter(|v| v.is_finite());
            let tuple = [
                Field::Offset(ctx.index.char_of(t.span.start)),
                Field::Offset(ctx.index.char_of(t.span.end)),
                Field::Str(t.kind.name()),
                Field::Str(t.norm.as_str()),
                Field::Number(value.unwrap_or_default()),
            ];
            let len = if value.is_some() { 5 } else { 4 };
            seq.serialize_element(&Fields(&tuple[..len]))?;
        }
        seq.end()
    }
}

/// The clitics layer, one array a segmented word.
pub(super) struct Clitics<'c, 'd>(pub &'c Context<'d>);

impl Serialize for Clitics<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ctx = self.0;
        let mut seq = s.serialize_seq(Some(ctx.doc.clitics.len()))?;
        for seg in &ctx.doc.clitics {
            let morphemes: Vec<[Field; 4]> = seg
                .morphemes
                .iter()
                .map(|m| {
                    [
                        Field::Offset(ctx.index.char_of(m.span.start)),
                        Field::Offset(ctx.index.char_of(m.span.end)),
                        Field::Str(&m.form),
                        Field::Str(role_name(m.role)),
                    ]
                })
                .collect();
            let tuple = [
                Field::Offset(seg.token),
                Field::Morphemes(&morphemes),
                Field::Str(&seg.origin.rule),
                Field::Confidence(seg.origin.confidence),
            ];
            seq.serialize_element(&Fields(&tuple))?;
        }
        seq.end()
    }
}

/// The JSON name of a morpheme's role.
fn role_name(role: MorphemeRole) -> &'static str {
    match role {
        MorphemeRole::Conjunction => "conjunction",
        MorphemeRole::Preposition => "preposition",
        MorphemeRole::Future => "future",
        MorphemeRole::Article => "article",
        MorphemeRole::Stem => "stem",
        MorphemeRole::Pronoun => "pronoun",
    }
}

/// One element of an item's array.
enum Field<'a> {
    Offset(usize),
    Str(&'a str),
    Number(f64),
    /// Written with the precision it is stored with (0.95, not 0.949999988079071).
    Confidence(f32),
    Morphemes(&'a [[Field<'a>; 4]]),
}

impl Serialize for Field<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Offset(n) => s.serialize_u64(*n as u64),
            Field::Str(v) => s.serialize_str(v),
            Field::Number(v) => s.serialize_f64(*v),
            Field::Confidence(v) => s.serialize_f32(*v),
            Field::Morphemes(ms) => {
                let mut seq = s.serialize_seq(Some(ms.len()))?;
                for m in *ms {
                    seq.serialize_element(&Fields(m))?;
                }
                seq.end()
            }
        }
    }
}

/// An item's array.
struct Fields<'a, 'b>(&'a [Field<'b>]);

impl Serialize for Fields<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut tuple = s.serialize_tuple(self.0.len())?;
        for f in self.0 {
            tuple.serialize_element(f)?;
        }
        tuple.end()
    }
}
