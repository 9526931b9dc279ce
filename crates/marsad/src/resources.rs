//! Language resources, compiled into the binary and loaded once.
//!
//! Every resource is a human-readable file under the repository's `resources/`
//! folder (sources and licences in `resources/README.md`). They are embedded with
//! `include_str!` (or compiled to fst by `build.rs`), parsed on first use, and
//! shared by every thread through [`Resources::embedded`].

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lexicon::Lexicon;
use crate::text::normalize::key_of;

/// Everything the stages need besides the document.
pub struct Resources {
    /// Word frequencies.
    pub lexicon: Lexicon,
    /// Matching keys of words whose first or last letters look like clitics but
    /// belong to the stem (و in وزير, ب in بلد): never split.
    pub clitic_stems: HashSet<String>,
    /// Abbreviations that end with a full stop that does not end a sentence, by
    /// matching key without the final stop (`د`, `Mr`, `U.S`).
    pub abbreviations: HashSet<String>,
}

static EMBEDDED: OnceLock<Resources> = OnceLock::new();

impl Resources {
    /// The resources embedded in the binary, parsed on first call and shared after.
    pub fn embedded() -> &'static Resources {
        EMBEDDED.get_or_init(Resources::load_embedded)
    }

    fn load_embedded() -> Resources {
        Resources {
            lexicon: Lexicon::embedded(),
            clitic_stems: word_list(include_str!("../../../resources/text/clitic_stems.txt")),
            abbreviations: word_list(include_str!("../../../resources/text/abbreviations.txt")),
        }
    }
}

/// Parses a one-entry-per-line list (`#` starts a comment) into matching keys.
fn word_list(text: &str) -> HashSet<String> {
    text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()).map(key_of).collect()
}
