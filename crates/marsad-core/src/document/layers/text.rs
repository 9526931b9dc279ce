//! The text layer: tokens, clitic segmentations, sentences, paragraphs, repairs.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::document::Origin;
use crate::span::Span;

/// The kind of a [`Token`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word in Arabic script.
    Arabic,
    /// A word in Latin (or another non-Arabic alphabetic) script.
    Latin,
    /// A number written in digits of any digit set: `2022`, `٢٠٢٢`, `23.5`, `1,200`, `٣٫٥`.
    Number,
    /// A number with a percent sign: `23%`, `٪٤٠`, `40 %`.
    Percent,
    /// Punctuation, including Arabic `، ؛ ؟` and quotation marks.
    Punct,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A hashtag: `#مرصد`.
    Hashtag,
    /// A user mention: `@marsad`.
    Mention,
    /// Any other symbol (currency signs, emoji, arithmetic signs).
    Symbol,
}

impl TokenKind {
    /// Its name in JSON and reports (`number`).
    pub fn name(self) -> &'static str {
        match self {
            TokenKind::Arabic => "arabic",
            TokenKind::Latin => "latin",
            TokenKind::Number => "number",
            TokenKind::Percent => "percent",
            TokenKind::Punct => "punct",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Symbol => "symbol",
        }
    }
}

/// One token of the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Token {
    /// Where the token stands in the original text.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
    /// The token in the normalised view (diacritics and tatweel removed, alef
    /// variants unified, digits in ASCII).
    pub norm: CompactString,
    /// The matching key: the normalised form with alef maqsura folded to ya and
    /// ta marbuta to ha, Latin lower-cased. Lexicon look-ups use it.
    pub key: CompactString,
    /// The numeric value, for numbers and percentages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// True when no white space separates the token from the one before it.
    pub joined: bool,
    /// The rule that made the token (written as an [`Origin`]).
    pub origin: TokenRule,
    /// Where the token stands in the normalised view (`norm` is that slice).
    #[serde(skip)]
    pub norm_span: Span,
}

/// The rule that made a [`Token`]: one byte where an [`Origin`] takes 32, as a
/// long article has hundreds of thousands of tokens; serialised as the
/// [`Origin`] it stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TokenRule {
    /// The scanner of the tokenizer (`tokenize.scanner`, confidence 1).
    #[default]
    Scanner,
}

/// The origin of [`TokenRule::Scanner`].
static SCANNER: Origin = Origin::rule("tokenize.scanner", 1.0);

impl TokenRule {
    /// The origin it stands for.
    pub fn origin(self) -> &'static Origin {
        match self {
            TokenRule::Scanner => &SCANNER,
        }
    }
}

/// A token's rule reads as the [`Origin`] it stands for (`token.origin.rule`).
impl std::ops::Deref for TokenRule {
    type Target = Origin;
    fn deref(&self) -> &Origin {
        self.origin()
    }
}

impl Serialize for TokenRule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.origin().serialize(s)
    }
}

impl<'de> Deserialize<'de> for TokenRule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let origin = Origin::deserialize(d)?;
        match origin.rule.as_ref() {
            "tokenize.scanner" => Ok(TokenRule::Scanner),
            other => Err(serde::de::Error::custom(format!("unknown token rule {other:?}"))),
        }
    }
}

/// The grammatical role of a [`Morpheme`] of an Arabic word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MorphemeRole {
    /// و or ف.
    Conjunction,
    /// ب, ل or ك.
    Preposition,
    /// س (future particle).
    Future,
    /// The definite article ال (also the ل of لل).
    Article,
    /// The stem.
    Stem,
    /// An attached pronoun: ه، ها، هم، هما، هن، ك، كم، كما، كن، ي، ني، نا.
    Pronoun,
}

/// One morpheme of an Arabic word.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Morpheme {
    /// The letters of the original text the morpheme is written with.
    pub span: Span,
    /// Its canonical form (`ال` for the article even when written as the second ل of لل),
    /// stored inline when short, as nearly every form is.
    pub form: CompactString,
    /// Its role.
    pub role: MorphemeRole,
}

/// The clitic segmentation of one Arabic word that has at least one clitic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Segmentation {
    /// Index of the word in [`Document::tokens`].
    pub token: usize,
    /// The whole word.
    pub span: Span,
    /// Proclitics, stem and enclitics in writing order.
    pub morphemes: Vec<Morpheme>,
    /// The rule that chose this segmentation.
    pub origin: Origin,
}

impl Segmentation {
    /// The stem morpheme.
    pub fn stem(&self) -> &Morpheme {
        self.morphemes.iter().find(|m| m.role == MorphemeRole::Stem).expect("every segmentation has a stem")
    }
}

/// The kind of a [`Sentence`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceKind {
    /// Ends with a terminator (`. ! ? ؟ …`).
    Sentence,
    /// A line standing alone without a terminator at the top of the text, or a
    /// short unterminated line: a headline or sub-heading.
    Headline,
    /// Any other unterminated stretch of text (a line break ended it).
    Fragment,
}

/// A sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it stands, from its first token to its last.
    pub span: Span,
    /// Index of its first token in [`Document::tokens`].
    pub first_token: usize,
    /// One past the index of its last token.
    pub end_token: usize,
    /// What kind of sentence it is.
    pub kind: SentenceKind,
    /// The rule that ended it.
    pub origin: Origin,
}

/// A paragraph: a block of text between line breaks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Where it stands, from its first token to its last.
    pub span: Span,
    /// Index of its first sentence in [`Document::sentences`].
    pub first_sentence: usize,
    /// One past the index of its last sentence.
    pub end_sentence: usize,
    /// The rule that delimited it.
    pub origin: Origin,
}

/// What a [`Repair`] fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairKind {
    /// Two words written without a space between them: `عدةخبراء`.
    RunOn,
    /// A word glued to a number: `فوستوك2022`.
    GluedNumber,
    /// A lone letter that belongs to no word: `ا انطلقت`.
    StrayLetter,
    /// A common misspelling: a wrong hamza, a dropped or doubled letter.
    Misspelling,
}

/// A suggested repair of the text. Never applied to the original: later stages may
/// read the suggestion, the text stays as published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Repair {
    /// The text to repair.
    pub span: Span,
    /// What kind of fault it is.
    pub kind: RepairKind,
    /// The suggested replacement of the spanned text (empty for a letter to delete).
    pub suggestion: String,
    /// The rule that found it.
    pub origin: Origin,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_rule_is_written_as_its_origin_and_read_back() {
        let json = serde_json::to_string(&TokenRule::Scanner).unwrap();
        assert_eq!(json, r#"{"rule":"tokenize.scanner","confidence":1.0}"#);
        assert_eq!(serde_json::from_str::<TokenRule>(&json).unwrap(), TokenRule::Scanner);
        assert!(serde_json::from_str::<TokenRule>(r#"{"rule":"other","confidence":1.0}"#).is_err());
        assert_eq!(TokenRule::Scanner.rule, "tokenize.scanner");
    }

    /// Tokens are most of a document's memory (about one per 9 bytes of Arabic text).
    #[test]
    fn a_token_stays_small() {
        assert!(std::mem::size_of::<Token>() <= 104, "{} bytes", std::mem::size_of::<Token>());
    }
}
