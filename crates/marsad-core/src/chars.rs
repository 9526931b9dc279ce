//! Character classes and per-character folding rules of the Arabic text layer.
//!
//! Kept free of any other module so that `build.rs` can compile the lexicon
//! with exactly the same folding as the running code.

/// What normalisation does with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharRule {
    /// Keep it unchanged.
    Keep,
    /// Replace it with another character.
    Map(char),
    /// Drop it, and let the preceding character's span absorb it (diacritics,
    /// tatweel: they belong to the letter they follow).
    Absorb,
    /// Drop it without attaching it to anything (zero-width and bidi controls).
    Drop,
}

/// Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef) and Quranic marks.
pub fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// Zero-width characters, bidi controls, soft hyphen and byte-order marks.
pub fn is_invisible_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' | '\u{00AD}' | '\u{180E}')
}

/// A letter of the Arabic script (after normalisation: no diacritics or tatweel).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}')
}

/// The normalisation rule for one character (presentation forms are handled
/// before this, by compatibility decomposition).
pub fn char_rule(c: char) -> CharRule {
    match c {
        c if is_diacritic(c) => CharRule::Absorb,
        '\u{0640}' => CharRule::Absorb, // tatweel
        c if is_invisible_control(c) => CharRule::Drop,
        // alef with hamza above/below, madda, wasla, wavy hamza forms
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => CharRule::Map('\u{0627}'),
        // Persian yeh and keheh typed for Arabic ya and kaf
        '\u{06CC}' => CharRule::Map('\u{064A}'),
        '\u{06A9}' => CharRule::Map('\u{0643}'),
        // Arabic-Indic and extended (Persian/Urdu) digits
        '\u{0660}'..='\u{0669}' => CharRule::Map(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => CharRule::Map(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '\u{066B}' => CharRule::Map('.'), // Arabic decimal separator
        '\u{066C}' => CharRule::Map(','), // Arabic thousands separator
        '\u{066A}' => CharRule::Map('%'), // Arabic percent sign
        // exotic spaces become a plain space
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => CharRule::Map(' '),
        _ => CharRule::Keep,
    }
}

/// Folds a normalised character for matching keys: alef maqsura to ya, ta marbuta
/// to ha, Latin to lower case.
pub fn fold_key_char(c: char) -> char {
    match c {
        '\u{0649}' => '\u{064A}',
        '\u{0629}' => '\u{0647}',
        c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        c => c,
    }
}

/// The matching key of a word that has no presentation forms (lexicon entries):
/// normalisation and key folding in one pass.
pub fn key_of_plain(word: &str) -> String {
    norm_of_plain(word).chars().map(fold_key_char).collect()
}

/// The normalised form of a word that has no presentation forms (lexicon entries).
pub fn norm_of_plain(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match char_rule(c) {
            CharRule::Keep => out.push(c),
            CharRule::Map(m) => out.push(m),
            CharRule::Absorb | CharRule::Drop => {}
        }
    }
    out
}
