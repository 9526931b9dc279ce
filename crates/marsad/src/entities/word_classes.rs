//! Distributional word classes: features of the named-entity tagger.
//!
//! `resources/models/word_classes.tsv` gives the 100,000 most frequent words of
//! unlabelled news (token matching keys and clitic stems) a class at three
//! granularities (64, 256 and 1024 classes), from word2vec vectors clustered by
//! k-means (`tools/word_clusters.py`). Words used in the same contexts share a class,
//! so a name the annotated corpus never had can share its class with names it had.
//!
//! The file is sorted by the UTF-8 bytes of the word and embedded as it is; a look-up
//! is a binary search over its lines, read in place (no load step, no allocation).

/// The embedded table: `#` header lines, then `word<TAB>c64<TAB>c256<TAB>c1024` lines
/// sorted by the word's bytes.
static TABLE: &str = include_str!("../../../../resources/models/word_classes.tsv");

/// Number of granularities of each word's classes.
pub const GRANULARITIES: usize = 3;

/// A word's classes at each granularity (coarsest first).
pub type Classes = [u16; GRANULARITIES];

/// True when the table holds no words (only its header): the tagger then extracts no
/// word-class features at all.
pub fn is_empty() -> bool {
    TABLE.lines().all(|l| l.starts_with('#'))
}

/// The classes of a word's matching key, or `None` for a word outside the table.
pub fn of(key: &str) -> Option<Classes> {
    lookup(TABLE.as_bytes(), key.as_bytes())
}

/// Binary search over the lines of a sorted table. Header lines (`#`) sort before every
/// word, since `#` precedes digits, letters and `<` in UTF-8.
fn lookup(table: &[u8], key: &[u8]) -> Option<Classes> {
    if key.is_empty() {
        return None;
    }
    let (mut lo, mut hi) = (0usize, table.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = table[..mid].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let end = table[mid..].iter().position(|&b| b == b'\n').map_or(table.len(), |p| mid + p);
        let line = &table[start..end];
        let word_end = line.iter().position(|&b| b == b'\t').unwrap_or(line.len());
        match line[..word_end].cmp(key) {
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
            std::cmp::Ordering::Equal => return parse_classes(&line[word_end..]),
        }
    }
    None
}

fn parse_classes(rest: &[u8]) -> Option<Classes> {
    let mut out = [0u16; GRANULARITIES];
    let mut fields = rest.split(|&b| b == b'\t').skip(1);
    for slot in &mut out {
        let f = fields.next()?;
        *slot = std::str::from_utf8(f).ok()?.trim_end().parse().ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_line_of_a_small_table() {
        let t = b"# header\tx\n# columns: key\tc64\tc256\tc1024\na\t1\t2\t3\nbc\t4\t5\t6\nd\t7\t8\t9\n";
        assert_eq!(lookup(t, b"a"), Some([1, 2, 3]));
        assert_eq!(lookup(t, b"bc"), Some([4, 5, 6]));
        assert_eq!(lookup(t, b"d"), Some([7, 8, 9]));
        assert_eq!(lookup(t, b"b"), None);
        assert_eq!(lookup(t, b"e"), None);
        assert_eq!(lookup(t, b""), None);
    }

    #[test]
    fn the_embedded_table_is_sorted_and_complete() {
        let mut last: Option<&str> = None;
        let mut n = 0;
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let word = line.split('\t').next().unwrap();
            if let Some(prev) = last {
                assert!(prev.as_bytes() < word.as_bytes(), "not sorted: {prev} before {word}");
            }
            last = Some(word);
            n += 1;
            if n % 997 == 0 {
                assert!(of(word).is_some(), "{word} not found");
            }
        }
        assert_eq!(is_empty(), n == 0);
        assert!(of("ززززز").is_none());
        if n > 0 {
            assert!(n > 10_000, "only {n} words");
            // common words of the press have a class
            assert!(of("الرئيس").is_some());
        }
    }
}
