//! Inspects the text as a whole: which script it is in, whether it is worth
//! analysing as Arabic. Adds [`Document::warnings`] and sets the detected language.

use marsad_core::chars::is_arabic_letter;
use marsad_core::document::{Document, Warning};

/// Below this share of Arabic letters among all letters, the text is not Arabic.
const MIN_ARABIC_SHARE: f64 = 0.3;

/// The stage: detects the script and warns when the text is not Arabic.
pub fn inspect(doc: &mut Document) {
    let (mut arabic, mut letters) = (0usize, 0usize);
    for c in doc.text.chars() {
        // ASCII and the Arabic block first: the general Unicode table is slow
        let (letter, is_arabic) = match c {
            c if c.is_ascii() => (c.is_ascii_alphabetic(), false),
            '\u{0600}'..='\u{06FF}' => (is_arabic_letter(c), is_arabic_letter(c)),
            c => (c.is_alphabetic(), is_arabic_letter(c)),
        };
        letters += usize::from(letter);
        arabic += usize::from(is_arabic);
    }
    let share = if letters == 0 { 0.0 } else { arabic as f64 / letters as f64 };
    if share >= MIN_ARABIC_SHARE {
        doc.meta.language.get_or_insert_with(|| "ar".to_owned());
    } else {
        doc.warnings.push(Warning {
            code: "not_arabic".to_owned(),
            message: if letters == 0 {
                "the text has no letters at all; nothing to analyse as Arabic".to_owned()
            } else {
                format!("only {:.0}% of the letters are Arabic; the analysis is made for Arabic text", share * 100.0)
            },
        });
    }
}
