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
/// Built once per document for rendering; conversion is a binary search over the
/// byte positions of non-ASCII characters, so ASCII-heavy and Arabic text alike
/// cost `O(log n)` per offset.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every character start, plus the text length at the end.
    starts: Vec<u32>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        starts.push(text.len() as u32);
        CharIndex { starts }
    }

    /// The character offset of byte offset `byte` (which must be a character boundary;
    /// an offset inside a character maps to that character).
    pub fn char_of(&self, byte: usize) -> usize {
        match self.starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset of character offset `ch`, clamped to the end of the text.
    pub fn byte_of(&self, ch: usize) -> usize {
        self.starts[ch.min(self.starts.len() - 1)] as usize
    }

    /// Number of characters in the text.
    pub fn char_len(&self) -> usize {
        self.starts.len() - 1
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
    fn span_cover_and_contains() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(a.cover(b).contains(a));
        assert!(!a.contains(b));
    }
}
