//! Word matching shared by the times and quantities stages: proclitic stripping
//! and multi-word phrase lexicons over the tokens' matching keys.

use rustc_hash::FxHashMap;
use std::borrow::Cow;

use crate::document::{Document, Token, TokenKind};
use crate::normalize::key_of;
use crate::span::Span;

/// The readings of a word's matching key without its proclitics: the key itself,
/// then without a conjunction (و، ف), a preposition (ب، ل، ك) or both, and with
/// `لل` read as ل + ال. Each reading is `(bytes stripped from the front, rest)`;
/// the rest is always at least two letters. Allocates only for `لل`.
pub fn stems(key: &str) -> impl Iterator<Item = (usize, Cow<'_, str>)> {
    let mut out: [Option<(usize, Cow<'_, str>)>; 4] = [Some((0, Cow::Borrowed(key))), None, None, None];
    let long_enough = |r: &str| r.chars().nth(1).is_some();
    let conj = if key.starts_with('و') || key.starts_with('ف') { 2 } else { 0 };
    let mut n = 1;
    for c in if conj > 0 { &[0, 2][..] } else { &[0][..] } {
        let rest = &key[*c..];
        if *c > 0 && long_enough(rest) {
            out[n] = Some((*c, Cow::Borrowed(rest)));
            n += 1;
        }
        let reading = if let Some(after) = rest.strip_prefix("لل") {
            Some(Cow::Owned(format!("ال{after}")))
        } else if rest.starts_with('ب') || rest.starts_with('ل') || rest.starts_with('ك') {
            Some(Cow::Borrowed(&rest[2..]))
        } else {
            None
        };
        if let Some(r) = reading.filter(|r| long_enough(r)) {
            out[n] = Some((c + 2, r));
            n += 1;
        }
    }
    out.into_iter().flatten()
}

/// The key without the article (and any proclitics before it), or the key itself.
pub fn without_article(key: &str) -> String {
    for (_, s) in stems(key) {
        if let Some(rest) = s.strip_prefix("ال") {
            if rest.chars().count() >= 2 {
                return rest.to_owned();
            }
        }
    }
    key.to_owned()
}

/// A lexicon of phrases of one or more words, looked up by their first word.
#[derive(Debug)]
pub struct Phrases<T> {
    by_first: FxHashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases { by_first: FxHashMap::default() }
    }
}

/// A phrase found in the tokens.
#[derive(Debug)]
pub struct PhraseMatch<'a, T> {
    /// One past its last token.
    pub end: usize,
    /// Bytes of proclitics before it in the first token's key.
    pub stripped: usize,
    /// Its value.
    pub value: &'a T,
}

impl<T> Phrases<T> {
    /// Adds a phrase (written in ordinary spelling; compared by matching key).
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = phrase.split_whitespace().map(key_of).collect();
        let Some((first, rest)) = words.split_first() else { return };
        let list = self.by_first.entry(first.clone()).or_default();
        list.push((rest.to_vec(), value));
        list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }

    /// The matching keys of the phrases' first words.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// True when a phrase starts with the word of matching key `key`.
    pub fn has_first(&self, key: &str) -> bool {
        self.by_first.contains_key(key)
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    /// True when there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// The longest phrase starting at token `i` (proclitics allowed on its first
    /// word when `proclitics`).
    pub fn find<'a>(&'a self, tokens: &[Token], i: usize, proclitics: bool) -> Option<PhraseMatch<'a, T>> {
        let mut best: Option<PhraseMatch<'a, T>> = None;
        self.each_match(tokens, i, proclitics, |m| {
            if best.as_ref().is_none_or(|b| m.end > b.end) {
                best = Some(m);
            }
        });
        best
    }

    /// Calls `found` with every phrase starting at token `i`, in lexicon order.
    pub fn each_match<'a>(
        &'a self,
        tokens: &[Token],
        i: usize,
        proclitics: bool,
        mut found: impl FnMut(PhraseMatch<'a, T>),
    ) {
        let Some(tok) = tokens.get(i).filter(|t| t.kind == TokenKind::Arabic) else { return };
        for (stripped, first) in stems(&tok.key).take(if proclitics { 4 } else { 1 }) {
            let Some(list) = self.by_first.get(first.as_ref()) else { continue };
            for (rest, value) in list {
                let fits = rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| tokens.get(i + 1 + k).is_some_and(|t| t.kind == TokenKind::Arabic && t.key == *w));
                if fits {
                    found(PhraseMatch { end: i + 1 + rest.len(), stripped, value });
                }
            }
        }
    }
}

/// Parses a resource TSV: lines without comments, split at tabs, trimmed.
pub fn tsv_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The original span of tokens `first..end`, whole words: an expression's span takes
/// in the proclitics written on its first word (بخمسة، للعام), as the annotation
/// guideline (docs/annotation/time_quantities.md) has it.
pub fn span_of(doc: &Document, first: usize, end: usize) -> Span {
    let mut start = doc.tokens[first].span.start;
    // a proclitic written glued to a number belongs to it (و24، ب46، لـ2015)
    if first > 0 && doc.tokens[first].kind == TokenKind::Number && doc.tokens[first].joined {
        let prev = &doc.tokens[first - 1];
        let clitics = prev.key.trim_end_matches('ـ');
        if prev.kind == TokenKind::Arabic && !clitics.is_empty() && is_proclitic_run(clitics) {
            start = prev.span.start;
        }
    }
    let last = &doc.tokens[end.max(first + 1) - 1];
    Span::new(start, last.span.end.max(start))
}

/// True for a run of proclitic letters written before a number: و، ب، ل، ف، ك and
/// their combinations (وب، ول، فب), with the article (بال، لل).
fn is_proclitic_run(key: &str) -> bool {
    matches!(
        key,
        "و" | "ب"
            | "ل"
            | "ف"
            | "ك"
            | "وب"
            | "ول"
            | "فب"
            | "فل"
            | "وك"
            | "ال"
            | "بال"
            | "لل"
            | "وال"
            | "وبال"
            | "ولل"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_strip_conjunction_and_preposition() {
        let s: Vec<String> = stems(&key_of("وبنوفمبر")).map(|(_, s)| s.into_owned()).collect();
        assert!(s.contains(&key_of("نوفمبر")));
        let s: Vec<String> = stems(&key_of("للعام")).map(|(_, s)| s.into_owned()).collect();
        assert!(s.contains(&key_of("العام")));
        assert_eq!(without_article(&key_of("والعشرين")), key_of("عشرين"));
    }
}
