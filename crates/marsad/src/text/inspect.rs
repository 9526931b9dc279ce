//! Inspects the text as a whole: which script it is in, whether it is worth
//! analysing as Arabic. Adds [`Document::warnings`] and sets the detected language.

use marsad_core::chars::is_arabic_letter;
use marsad_core::document::{Document, TokenKind, Warning};

/// Below this share of Arabic letters among all letters, the text is not Arabic.
const MIN_ARABIC_SHARE: f64 = 0.3;

/// Above this share of the letters, Persian-only letters (پ چ ژ گ) or Hebrew letters
/// say that the text is not (only) Arabic. Measured on the shared news corpora
/// (`../shared/data/news`): of 30,394 SaudiNewsNet articles of 50 letters or more,
/// 11 have a Persian-only letter at all (transliterated names such as الپيشمرگة,
/// چنكيز, a quoted Persian phrase), the most 0.88 % of its letters and the next
/// 0.21 %; none of the 10,138 ANT articles has one; none of either has a Hebrew
/// letter. 2 % leaves ordinary news with foreign names well below.
const MAX_FOREIGN_SHARE: f64 = 0.02;
/// Fewer such letters than this never warn: a name or two in a short text.
const MIN_FOREIGN_LETTERS: usize = 5;

/// Letters of Persian (and Urdu, Kurdish) that Arabic does not use.
pub fn is_persian_only(c: char) -> bool {
    matches!(c, 'پ' | 'چ' | 'ژ' | 'گ')
}

/// Persian function words that Arabic does not write as words of their own (as the
/// normalised view spells them, ک and ی folded): که "that", از "from", را (the
/// object marker), است "is", های (the plural), می (the verb prefix).
const PERSIAN_FUNCTION_WORDS: [&str; 6] = ["كه", "از", "را", "است", "هاي", "مي"];

/// How far (in tokens, either way, on the same line) a word looks for signs that
/// it stands in Persian text.
const PERSIAN_REACH: usize = 6;

/// For every token of `doc`, whether it stands in a stretch of Persian text: on its
/// line, within [`PERSIAN_REACH`] tokens, at least two Persian words, one of them a
/// function word (که، از، را، است، های، می) and the other one too or a word with a
/// Persian-only letter. A Persian name or two in an Arabic sentence (الپيشمرگة،
/// شنگال) is not Persian text; وزارت امور خارجه گفت که is. Empty when no token is
/// a Persian word at all.
pub fn persian_stretches(doc: &Document) -> Vec<bool> {
    // 0: none, 1: a word with a Persian-only letter, 2: a Persian function word
    let sign = |t: &marsad_core::document::Token| {
        if t.kind != TokenKind::Arabic {
            0u8
        } else if PERSIAN_FUNCTION_WORDS.contains(&t.norm.as_str()) {
            2
        } else {
            u8::from(t.norm.contains(is_persian_only))
        }
    };
    let signs: Vec<u8> = doc.tokens.iter().map(sign).collect();
    if !signs.contains(&2) {
        return Vec::new();
    }
    // the line of each token: a new one after every line break between tokens
    let mut lines = Vec::with_capacity(doc.tokens.len());
    let (mut line, mut at) = (0usize, 0usize);
    for t in &doc.tokens {
        line += doc.text.get(at..t.span.start).map_or(0, |gap| gap.matches('\n').count());
        lines.push(line);
        at = t.span.end;
    }
    (0..doc.tokens.len())
        .map(|i| {
            let around = i.saturating_sub(PERSIAN_REACH)..(i + PERSIAN_REACH + 1).min(doc.tokens.len());
            let (mut words, mut function) = (0, 0);
            for j in around.filter(|&j| lines[j] == lines[i]) {
                words += usize::from(signs[j] > 0);
                function += usize::from(signs[j] == 2);
            }
            words >= 2 && function >= 1
        })
        .collect()
}

fn is_hebrew_letter(c: char) -> bool {
    matches!(c, '\u{05D0}'..='\u{05EA}' | '\u{05F0}'..='\u{05F2}' | '\u{FB1D}'..='\u{FB4F}')
}

/// The stage: detects the script and warns when the text is not Arabic, or mixes
/// in Persian or Hebrew.
pub fn inspect(doc: &mut Document) {
    let (mut arabic, mut letters, mut persian, mut hebrew) = (0usize, 0usize, 0usize, 0usize);
    for c in doc.text.chars() {
        // ASCII and the Arabic block first: the general Unicode table is slow
        let (letter, is_arabic) = match c {
            c if c.is_ascii() => (c.is_ascii_alphabetic(), false),
            '\u{0600}'..='\u{06FF}' => {
                persian += usize::from(is_persian_only(c));
                (is_arabic_letter(c), is_arabic_letter(c))
            }
            c => {
                hebrew += usize::from(is_hebrew_letter(c));
                (c.is_alphabetic(), is_arabic_letter(c))
            }
        };
        letters += usize::from(letter);
        arabic += usize::from(is_arabic);
    }
    let share = |n: usize| if letters == 0 { 0.0 } else { n as f64 / letters as f64 };
    if share(arabic) >= MIN_ARABIC_SHARE {
        doc.meta.language.get_or_insert_with(|| "ar".to_owned());
    } else {
        doc.warnings.push(Warning {
            code: "not_arabic".to_owned(),
            message: if letters == 0 {
                "the text has no letters at all; nothing to analyse as Arabic".to_owned()
            } else {
                format!(
                    "only {:.0}% of the letters are Arabic; the analysis is made for Arabic text",
                    share(arabic) * 100.0
                )
            },
        });
    }
    let foreign = |n: usize| n >= MIN_FOREIGN_LETTERS && share(n) > MAX_FOREIGN_SHARE;
    if foreign(persian) {
        doc.warnings.push(Warning {
            code: "persian_letters".to_owned(),
            message: format!(
                "{:.1}% of the letters are Persian-only (پ چ ژ گ): the text may be Persian, Kurdish or Urdu, which \
                 the analysis, made for Arabic, reads poorly; words with those letters are not split into clitics",
                share(persian) * 100.0
            ),
        });
    }
    if foreign(hebrew) {
        doc.warnings.push(Warning {
            code: "hebrew_letters".to_owned(),
            message: format!(
                "{:.1}% of the letters are Hebrew: the analysis is made for Arabic and leaves them out",
                share(hebrew) * 100.0
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_core::document::Metadata;

    fn codes(text: &str) -> Vec<String> {
        let mut doc = Document::new(text, Metadata::default());
        inspect(&mut doc);
        doc.warnings.into_iter().map(|w| w.code).collect()
    }

    #[test]
    fn persian_and_hebrew_mixed_into_arabic_are_named() {
        let arabic = "قال وزير الخارجية إن المحادثات ستستأنف غدا في العاصمة بحضور الوفود.";
        assert!(codes(arabic).is_empty());
        // Persian: وزارت امور خارجه گفت که پیشنهاد ...
        let persian =
            format!("{arabic} سخنگوی وزارت امور خارجه گفت که پیشنهاد چین برای گفتگو پذیرفته شد و گروه ژاپنی آمد.");
        assert_eq!(codes(&persian), ["persian_letters"]);
        let hebrew = format!("{arabic} ראש הממשלה אמר שהשיחות יימשכו מחר");
        assert_eq!(codes(&hebrew), ["hebrew_letters"]);
    }

    #[test]
    fn a_transliterated_name_in_arabic_news_does_not_warn() {
        // as in the corpus: a Kurdish name in an Arabic article, and a short text with one
        let text = "أعلنت قوات البيشمركة الكردية أن مقاتلي الپيشمرگة استعادوا السيطرة على بلدة شنگال \
                    شمال العراق بعد معارك استمرت يومين مع مسلحي التنظيم.";
        assert!(codes(text).is_empty(), "{:?}", codes(text));
        assert!(codes("قال چنكيز").is_empty());
    }
}
