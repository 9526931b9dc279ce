//! Line layout: where line breaks end paragraphs.
//!
//! News text usually puts each paragraph on its own line. Hard-wrapped text
//! (short lines, blank lines between paragraphs, lines ending mid-sentence) uses
//! only blank lines for that; in it, a single line break is just a space.

/// How line breaks are read in one text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineMode {
    /// Every line break ends a paragraph.
    LinePerParagraph,
    /// Only blank lines end a paragraph.
    HardWrapped,
}

impl LineMode {
    /// Decides how `text` uses line breaks.
    pub fn of(text: &str) -> LineMode {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let has_blank = lines.iter().any(|l| l.is_empty());
        let (mut continued, mut unterminated) = (0usize, 0usize);
        let mut lengths = Vec::new();
        for pair in lines.windows(2) {
            if pair[0].is_empty() {
                continue;
            }
            lengths.push(pair[0].chars().count());
            if !pair[1].is_empty() {
                continued += 1;
                let last = pair[0].chars().last().unwrap_or(' ');
                if !matches!(last, '.' | '!' | '?' | '؟' | ':' | '»' | '"' | '”' | '…') {
                    unterminated += 1;
                }
            }
        }
        lengths.sort_unstable();
        let median = lengths.get(lengths.len() / 2).copied().unwrap_or(0);
        if has_blank && continued >= 2 && median <= 90 && unterminated * 2 >= continued {
            LineMode::HardWrapped
        } else {
            LineMode::LinePerParagraph
        }
    }

    /// True when the white space `gap` between two tokens ends a paragraph.
    pub fn breaks_paragraph(self, gap: &str) -> bool {
        let breaks = line_breaks(gap);
        match self {
            LineMode::LinePerParagraph => breaks >= 1,
            LineMode::HardWrapped => breaks >= 2,
        }
    }
}

/// Number of line breaks in `gap` (CRLF counts once; a paragraph separator twice).
pub fn line_breaks(gap: &str) -> usize {
    let mut n = 0;
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => n += 1,
            '\r' => {
                n += 1;
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\u{2029}' => n += 2,
            _ => {}
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_crlf_once() {
        assert_eq!(line_breaks(" \r\n \r\n"), 2);
        assert_eq!(line_breaks("\r\r"), 2);
        assert_eq!(line_breaks("  "), 0);
    }

    #[test]
    fn detects_hard_wrapping() {
        let wrapped =
            "قال الوزير في مؤتمر صحفي عقده\nاليوم إن المحادثات مستمرة\nمع الجانب الآخر.\n\nوأضاف أن الوفد\nسيعود غدا.";
        assert_eq!(LineMode::of(wrapped), LineMode::HardWrapped);
        let lines = "عنوان الخبر\n\nقال الوزير إن المحادثات مستمرة.\nوأضاف أن الوفد سيعود غدا.";
        assert_eq!(LineMode::of(lines), LineMode::LinePerParagraph);
    }
}
