//! The Arabic analyzer of the search index, built from marsad's own text layer and
//! used alike on the indexed text and on the query, so that both meet on the same
//! terms.
//!
//! A text is normalised (diacritics and tatweel dropped, hamza forms of alef made
//! bare: أمريكا and امريكا are one word), tokenised, and each Arabic word segmented
//! into its clitics (`وبالمفاوضات` = و + ب + ال + مفاوضات); the term is the stem's
//! matching key (ta marbuta and alef maqsura folded) with one inflectional suffix
//! removed by a light stemmer (`مفاوضات` → `مفاوض`), so a search for المفاوضات finds
//! وبالمفاوضات and مفاوضاتها. Numbers, Latin words (lower-cased), hashtags and
//! addresses are terms as they are; punctuation and symbols are not terms.
//!
//! Every term keeps the byte offsets of its word in the original text, so snippets
//! and highlights show the text as published, never its normalised form.

use marsad::text::{clitics, normalize_stage, tokenize};
use marsad::{Document, Metadata, Resources};
use marsad_core::document::TokenKind;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The name the index registers the analyzer under.
pub const ANALYZER: &str = "marsad_ar";

/// Suffixes the light stemmer removes, longest first: the sound plurals and the
/// dual (ات ون ين ان), the nisba adjective's feminine (يه, ية folded), the feminine
/// ending (ه, ة folded) and the nisba (ي). Only one is removed, and only when at
/// least three letters remain, so short words are left as they are.
const SUFFIXES: &[&str] = &["ات", "ون", "ين", "ان", "يه", "ه", "ي"];

/// Letters a stem keeps at least.
const MIN_STEM_LETTERS: usize = 3;

/// The light stem of a matching key (the key itself when no suffix applies).
pub fn light_stem(key: &str) -> &str {
    let letters = key.chars().count();
    for suffix in SUFFIXES {
        if let Some(stem) = key.strip_suffix(suffix) {
            if letters - suffix.chars().count() >= MIN_STEM_LETTERS {
                return stem;
            }
        }
    }
    key
}

/// One term of a text: what is indexed, and the original bytes it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The indexed form.
    pub text: String,
    /// Start of its word in the original text (bytes).
    pub start: usize,
    /// End of its word in the original text (bytes).
    pub end: usize,
}

/// The terms of a text, in order.
pub fn terms(text: &str) -> Vec<Term> {
    let mut doc = Document::new(text, Metadata::default());
    normalize_stage(&mut doc);
    tokenize::tokenize(&mut doc);
    clitics::segment(&mut doc, &Resources::embedded().text());
    let mut out = Vec::with_capacity(doc.tokens.len());
    for (i, tok) in doc.tokens.iter().enumerate() {
        let form = match tok.kind {
            TokenKind::Arabic => {
                let stem = doc.stem_key(i);
                light_stem(&stem).to_owned()
            }
            TokenKind::Latin
            | TokenKind::Number
            | TokenKind::Percent
            | TokenKind::Url
            | TokenKind::Email
            | TokenKind::Hashtag
            | TokenKind::Mention => tok.key.to_lowercase().to_string(),
            _ => continue,
        };
        if form.is_empty() {
            continue;
        }
        out.push(Term { text: form, start: tok.span.start, end: tok.span.end });
    }
    out
}

/// The analyzer as a tantivy tokenizer.
#[derive(Clone, Default)]
pub struct ArabicAnalyzer;

/// The terms of one text as tantivy tokens.
pub struct ArabicTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for ArabicAnalyzer {
    type TokenStream<'a> = ArabicTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ArabicTokenStream {
        let tokens = terms(text)
            .into_iter()
            .enumerate()
            .map(|(position, t)| Token {
                offset_from: t.start,
                offset_to: t.end,
                position,
                text: t.text,
                position_length: 1,
            })
            .collect();
        ArabicTokenStream { tokens, next: 0 }
    }
}

impl TokenStream for ArabicTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn clitics_and_plural_meet_the_bare_word() {
        let bare = forms("المفاوضات");
        assert_eq!(bare.len(), 1);
        assert_eq!(forms("وبالمفاوضات"), bare);
        assert_eq!(forms("مفاوضات"), bare);
        assert_ne!(forms("المحادثات"), bare);
    }

    #[test]
    fn hamza_and_diacritics_do_not_separate_words() {
        assert_eq!(forms("أمريكا"), forms("امريكا"));
        assert_eq!(forms("إيران"), forms("ايران"));
        assert_eq!(forms("الحُكُومَة"), forms("الحكومة"));
        assert_eq!(forms("الحكومة"), forms("حكومه"));
    }

    #[test]
    fn terms_point_into_the_original_text() {
        let text = "قال الوزيرُ: «وبالمفاوضات» نصل إلى 25% في 2025.";
        let ts = terms(text);
        let words: Vec<&str> = ts.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["قال", "الوزيرُ", "وبالمفاوضات", "نصل", "إلى", "25%", "في", "2025"]);
    }

    #[test]
    fn short_words_keep_their_letters() {
        assert_eq!(light_stem("هان"), "هان");
        assert_eq!(light_stem("مصري"), "مصر");
        assert_eq!(light_stem("قوات"), "قوات");
    }
}
