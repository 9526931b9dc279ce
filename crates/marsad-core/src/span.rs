//! Byte spans into the original text, and the conversion to character offsets.
//!
//! Internally every layer holds byte offsets into [`Document::text`](crate::Document::text),
//! the text exactly as decoded from the input. JSON output converts them to
//! character offsets (Unicode scalar values) with a [`CharIndex`], so that a
//! browser or a Python script can slice the text directly.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the original text.
///
/// Both ends always lie on UTF-8 character boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no text.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text the span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The smallest span covering both `self` and `other`.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span without an opening conjunction و or preposition من: they join an
    /// expression to its sentence and are not part of what it denotes ("و4 موظفين" →
    /// "4 موظفين", "من 5 إلى 15 أكتوبر" → "5 إلى 15 أكتوبر"). A و that is a root letter
    /// of the word ("وقت", "واحد") stays, as does "منذ".
    pub fn without_opening_particle(self, text: &str) -> Span {
        const ROOT_WAW: [&str; 5] = ["وقت", "واحد", "وسط", "وحد", "وحيد"];
        let s = self.slice(text);
        let skip = if let Some(rest) = s.strip_prefix("من ") {
            s.len() - rest.trim_start().len()
        } else if let Some(rest) = s.strip_prefix('و') {
            let starts_word = rest.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '(');
            if !starts_word || ROOT_WAW.iter().any(|w| s.starts_with(w)) {
                0
            } else {
                'و'.len_utf8()
            }
        } else {
            0
        };
        if skip == 0 || self.start + skip >= self.end {
            return self;
        }
        Span::new(self.start + skip, self.end)
    }
}

/// The indices of the run of `items` that overlaps `span`, found by binary search.
///
/// `items` must be sorted by start and must not overlap one another (tokens,
/// mentions, times, quantities), so that their ends are sorted too.
pub fn overlapping<T>(items: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> std::ops::Range<usize> {
    let lo = items.partition_point(|x| span_of(x).end <= span.start);
    lo..lo + items[lo..].partition_point(|x| span_of(x).start < span.end)
}

/// Converts byte offsets of one text into character offsets.
///
/// Built once per document for rendering. For every block of 64 bytes it keeps
/// the number of characters that start before the block and a bit mask of the
/// bytes where one starts: 12 bytes per 64 bytes of text (a table of every
/// character's start took 4 bytes a character), and a conversion is a look-up
/// and a population count.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Per block of 64 bytes: the characters starting before it.
    before: Vec<u32>,
    /// Per block: bit `i` set when a character starts at byte `64 × block + i`.
    starts: Vec<u64>,
    /// Length of the text in bytes.
    len: usize,
    /// Length of the text in characters.
    chars: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let blocks = text.as_bytes().chunks(64);
        let mut before = Vec::with_capacity(blocks.len());
        let mut starts = Vec::with_capacity(blocks.len());
        let mut chars = 0usize;
        for block in blocks {
            // a character starts at every byte that is not a continuation byte (10xxxxxx)
            let mask = block.iter().enumerate().fold(0u64, |m, (i, &b)| m | (u64::from(b & 0xC0 != 0x80) << i));
            before.push(chars as u32);
            starts.push(mask);
            chars += mask.count_ones() as usize;
        }
        CharIndex { before, starts, len: text.len(), chars }
    }

    /// The character offset of byte offset `byte` (which must be a character boundary;
    /// an offset inside a character maps to that character).
    pub fn char_of(&self, byte: usize) -> usize {
        if byte >= self.len {
            return self.chars;
        }
        let (block, bit) = (byte / 64, byte % 64);
        let mask = self.starts[block];
        let started = self.before[block] as usize + (mask & ((1u64 << bit) - 1)).count_ones() as usize;
        // inside a character: the character that began before it
        if mask >> bit & 1 == 1 {
            started
        } else {
            started - 1
        }
    }

    /// The byte offset of character offset `ch`, clamped to the end of the text.
    pub fn byte_of(&self, ch: usize) -> usize {
        if ch >= self.chars {
            return self.len;
        }
        let block = self.before.partition_point(|&b| b as usize <= ch) - 1;
        let mut mask = self.starts[block];
        for _ in 0..ch - self.before[block] as usize {
            mask &= mask - 1; // drop the lowest start
        }
        block * 64 + mask.trailing_zeros() as usize
    }

    /// Number of characters in the text.
    pub fn char_len(&self) -> usize {
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_round_trips_on_mixed_text() {
        let text = "مرصد news ٢٠٢٢!";
        let idx = CharIndex::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of(bi), ci);
            assert_eq!(idx.byte_of(ci), bi);
        }
        assert_eq!(idx.char_of(text.len()), text.chars().count());
        assert_eq!(idx.char_len(), text.chars().count());
    }

    #[test]
    fn char_index_agrees_with_counting_across_blocks_and_inside_characters() {
        let text = "قال الوزير 😀 news ٢٠٢٢! ".repeat(20) + "ﻻ";
        let idx = CharIndex::new(&text);
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for byte in 0..=text.len() + 3 {
            let expected = match starts.binary_search(&byte) {
                Ok(i) => i,
                Err(i) if byte < text.len() => i - 1,
                Err(_) => starts.len(),
            };
            assert_eq!(idx.char_of(byte), expected, "byte {byte}");
        }
        for (ci, &bi) in starts.iter().enumerate() {
            assert_eq!(idx.byte_of(ci), bi, "char {ci}");
        }
        assert_eq!(idx.byte_of(starts.len() + 5), text.len());
        assert_eq!(CharIndex::new("").char_of(0), 0);
        assert_eq!(CharIndex::new("").byte_of(0), 0);
    }

    #[test]
    fn span_cover_and_contains() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(a.cover(b).contains(a));
        assert!(!a.contains(b));
    }
}
