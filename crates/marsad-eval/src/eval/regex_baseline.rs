//! The trivial baseline of the time and quantity layers: one regular expression that
//! marks digits and month names, what a user would write first (defined in
//! `docs/time_quantities.md`, section "Baselines").
//!
//! ```text
//! (?:(?P<day>[0-9٠-٩]{1,2})\s+)?\b(?P<month>MONTH)\b(?:\s+(?P<year>[0-9٠-٩]{4})\b)?
//! | (?P<num>[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*)
//! ```
//!
//! `MONTH` is every Gregorian month name of `resources/time/months.tsv` as written there
//! (all four systems), longest first. Matches do not overlap (leftmost first).
//!
//! - Time layer: every match is a date. Its value: a month name with the year in the
//!   match or else the publication year, and the day when it has one (`2015-07-20`,
//!   `2015-07`); a number of four digits between 1900 and 2100 is that year; any other
//!   number has no value.
//! - Quantity layer: every `num` match is a quantity (month-name matches are not, nor
//!   the digits inside them). Its value: a comma before groups of three digits
//!   separates thousands (`1,200` → 1200), any other comma or `٫` is a decimal point
//!   (`5,5` → 5.5), `٬` separates thousands; Arabic-Indic digits read as digits. This is
//!   the "digit regex" of `bench/compare_time_quantities.py`.

use regex::Regex;

use marsad_core::phrases::tsv_rows;

/// One match of the baseline, in character offsets (Unicode scalar values).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// True for a match of the `num` alternative (digits alone).
    pub number: bool,
    /// Its time value (ISO 8601), when it has one.
    pub time: Option<String>,
    /// Its numeric value, for a `num` match that reads as a number.
    pub quantity: Option<f64>,
}

/// The compiled baseline.
pub struct RegexBaseline {
    re: Regex,
}

impl Default for RegexBaseline {
    fn default() -> Self {
        Self::new()
    }
}

const DIGIT: &str = "[0-9٠-٩]";

impl RegexBaseline {
    /// The baseline over the month names embedded in the binary.
    pub fn new() -> Self {
        let mut names: Vec<&str> = tsv_rows(include_str!("../../../../resources/time/months.tsv"))
            .filter_map(|r| r.first().copied())
            .collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        names.dedup();
        let months = names.iter().map(|n| regex::escape(n)).collect::<Vec<_>>().join("|");
        let pattern = format!(
            r"(?:(?P<day>{DIGIT}{{1,2}})\s+)?\b(?P<month>{months})\b(?:\s+(?P<year>{DIGIT}{{4}})\b)?|(?P<num>{DIGIT}+(?:[.,٫٬]{DIGIT}+)*)"
        );
        RegexBaseline { re: Regex::new(&pattern).expect("the baseline's pattern compiles") }
    }

    /// The regular expression, as compiled.
    pub fn pattern(&self) -> &str {
        self.re.as_str()
    }

    /// Every match in `text`, with the values of both layers; `published` (`YYYY-MM-DD`)
    /// gives the year of a month name written without one.
    pub fn marks(&self, text: &str, published: Option<&str>) -> Vec<Mark> {
        let pub_year: Option<i32> = published.and_then(|p| p.get(..4)).and_then(|y| y.parse().ok());
        let mut out = Vec::new();
        let mut chars_before = 0usize;
        let mut last_byte = 0usize;
        for c in self.re.captures_iter(text) {
            let whole = c.get(0).expect("group 0");
            chars_before += text[last_byte..whole.start()].chars().count();
            let start = chars_before;
            let end = start + whole.as_str().chars().count();
            chars_before = end;
            last_byte = whole.end();
            if let Some(n) = c.name("num") {
                let digits = ascii_digits(n.as_str());
                let time = digits
                    .parse::<i32>()
                    .ok()
                    .filter(|y| digits.len() == 4 && (1900..=2100).contains(y))
                    .map(|y| format!("{y:04}"));
                out.push(Mark { start, end, number: true, time, quantity: number_value(&digits) });
                continue;
            }
            let month = c.name("month").and_then(|m| month_number(m.as_str()));
            let year = c.name("year").and_then(|y| ascii_digits(y.as_str()).parse::<i32>().ok()).or(pub_year);
            let day = c.name("day").and_then(|d| ascii_digits(d.as_str()).parse::<u32>().ok());
            let time = match (year, month, day) {
                (Some(y), Some(m), Some(d)) => {
                    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|_| format!("{y:04}-{m:02}-{d:02}"))
                }
                (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
                _ => None,
            };
            out.push(Mark { start, end, number: false, time, quantity: None });
        }
        out
    }
}

/// The month (1–12) of a name of `months.tsv`.
fn month_number(name: &str) -> Option<u32> {
    tsv_rows(include_str!("../../../../resources/time/months.tsv"))
        .find(|r| r.first() == Some(&name))
        .and_then(|r| r.get(1).and_then(|m| m.parse().ok()))
}

/// Arabic-Indic digits and separators as ASCII (`٫` → `.`, `٬` → `,`).
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '٫' => '.',
            '٬' => ',',
            c => c,
        })
        .collect()
}

/// The value of a digit match: a comma before groups of three digits separates
/// thousands, any other comma is a decimal point.
fn number_value(s: &str) -> Option<f64> {
    let groups: Vec<&str> = s.split('.').next().unwrap_or(s).split(',').collect();
    let thousands = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && s.matches('.').count() <= 1;
    let plain = if thousands { s.replace(',', "") } else { s.replace(',', ".") };
    plain.parse().ok().filter(|v: &f64| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_dates_years_and_numbers() {
        let b = RegexBaseline::new();
        let m = b.marks("وصل في 5 يناير 2023 ومعه 1,200 جندي و٣٫٥ طن في مارس.", Some("2022-11-20"));
        let got: Vec<_> = m.iter().map(|m| (m.number, m.time.clone(), m.quantity)).collect();
        assert_eq!(
            got,
            vec![
                (false, Some("2023-01-05".into()), None),
                (true, None, Some(1200.0)),
                (true, None, Some(3.5)),
                (false, Some("2022-03".into()), None),
            ]
        );
        // character offsets: "5 يناير 2023" starts at character 7
        assert_eq!((m[0].start, m[0].end), (7, 19));
        assert_eq!(b.marks("عام 2015", None)[0].time.as_deref(), Some("2015"));
        assert_eq!(b.marks("5,5", None)[0].quantity, Some(5.5));
        // a month name inside a longer word is not a month
        assert!(b.marks("مارسوا الضغط", None).is_empty());
    }
}
