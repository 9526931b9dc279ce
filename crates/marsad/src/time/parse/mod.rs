//! Finding time expressions in the tokens (values are fixed by [`super::resolve`]).
//!
//! Words are compared by matching key, with proclitics (و، ف، ب، ل، ك) allowed on
//! the first word of an expression (`بنوفمبر`, `وإلى`). At each token the first
//! rule that matches wins, in this order: an interval opened by من or بين; منذ,
//! قبل or بعد with a date or a duration; a date (optionally continued into an
//! interval by إلى، حتى، لغاية); a time of day; a duration; a relative expression;
//! a weekday; a decade.

use chrono::NaiveDate;

use super::lexicon::{DayWord, Feast, Relative, TimeLexicon, TimeUnit};
use super::Calendar;
use crate::quantity::lexicon::QuantityLexicon;
use crate::quantity::numbers;
use marsad_core::document::{Document, Token, TokenKind};
use marsad_core::lexicon::Lexicon;
use marsad_core::phrases::{span_of, stems};
use marsad_core::span::Span;

mod dates;
mod durations;
mod numeric;
mod periods;
mod rules;

/// A date as written: any part may be missing.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// The year as written (Hijri for a Hijri date).
    pub year: Option<i32>,
    /// The month, 1–12.
    pub month: Option<u32>,
    /// The day of the month.
    pub day: Option<u32>,
    /// The calendar.
    pub calendar: Calendar,
    /// After a month name: الجاري 0, الماضي -1, المقبل 1.
    pub rel: Option<i32>,
    /// True when a part is impossible (month 13, year 99999).
    pub invalid: bool,
    /// A month named relative to the publication date (الخامس من الشهر المقبل: 1), when
    /// `month` is not given.
    pub month_offset: Option<i32>,
    /// True in a clause about the future (سيعقد في يناير): a month without a year is
    /// then not a past one.
    pub future: bool,
}

impl Point {
    fn new(calendar: Calendar) -> Self {
        Point {
            year: None,
            month: None,
            day: None,
            calendar,
            rel: None,
            invalid: false,
            month_offset: None,
            future: false,
        }
    }

    /// True when the date exists (in `year`, when known; else in a leap year).
    pub fn valid(&self, year: Option<i32>) -> bool {
        if self.invalid || self.month.is_some_and(|m| !(1..=12).contains(&m)) {
            return false;
        }
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year.unwrap_or(2000), m, d).is_some(),
            (None, Some(_)) => false,
            _ => true,
        }
    }
}

/// What an expression denotes, before its value is fixed.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// A date.
    Point(Point),
    /// From one date to another.
    Interval(Point, Point),
    /// From a date until the publication date (منذ).
    Since(Point),
    /// A duration, as its ISO 8601 value.
    Duration(String),
    /// A recurrence, as its ISO 8601 period.
    Set(&'static str),
    /// A time of day, as its ISO 8601 value.
    Time(String),
    /// A weekday alone (ISO number), and which one of that name it is.
    Weekday(u32, WeekdayRef),
    /// A decade (first three digits of its years).
    Decade(u32),
    /// A date `n` units from the publication date (قبل ثلاثة أيام: D, -3).
    Ago(char, i64),
    /// A relative expression of `relative.tsv`.
    Relative(Relative),
    /// A date or stretch recurring every year (5 أكتوبر من كل عام): the day or the
    /// stretch, its year unknown.
    Yearly(Point, Option<Point>),
    /// Months of one year (الربع الثاني، الأشهر العشرة الأولى من 2014): the first and
    /// last month and how the year is given.
    Months(u32, u32, YearRef),
    /// A time of day on a day (الساعة 17:30 من مساء أمس): the time and the day.
    ClockOn(String, Box<What>),
    /// A Hijri feast or days of it (أيام عيد الفطر, of `feasts.tsv`; month `None`: the
    /// feast nearest the publication date) and which of its days.
    Feast(Feast, FeastDays),
}

/// Which days of a feast an expression names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeastDays {
    /// Its first day (عيد الفطر، صلاة العيد).
    First,
    /// Its first two days (يومي العيد).
    FirstTwo,
    /// The whole holiday (أيام العيد، إجازة العيد).
    Holiday,
    /// Its n-th day (أول أيام العيد، اليوم الثاني لعيد الفطر).
    Nth(u32),
}

/// How the year of a part of a year is given.
#[derive(Clone, Debug, PartialEq)]
pub enum YearRef {
    /// Written (من عام 2014).
    Stated(i32),
    /// Relative to the publication date (من العام الماضي: -1).
    Offset(i32),
    /// Not given: the last such part of a year begun by the publication date.
    Unstated,
}

/// Which day of a weekday's name a weekday alone refers to, from the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekdayRef {
    /// الماضي after it: the last such day before the publication date.
    Last,
    /// المقبل after it: the next such day after the publication date.
    Next,
    /// Unmarked: news reports what happened, the publication day itself or the last
    /// such day before it.
    OnOrBefore,
    /// Unmarked in a sentence about the future (سيعقد، سوف): that day or the next one.
    OnOrAfter,
    /// After غدا (1) or بعد غد (2): the such day nearest that many days after the
    /// publication date.
    Near(i64),
}

/// A time expression found in the tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The whole expression.
    pub span: Span,
    /// Its first token.
    pub first_token: usize,
    /// What it denotes.
    pub what: What,
    /// The rule that found it.
    pub rule: &'static str,
    /// How sure the rule is.
    pub confidence: f32,
    /// A Gregorian year it states: (token, year, span of the year).
    pub year_evidence: Option<(usize, i32, Span)>,
}

/// A match of a rule: one past its last token.
struct M<T> {
    end: usize,
    value: T,
    /// Token of a stated year.
    year_tok: Option<usize>,
}

struct Parser<'a> {
    doc: &'a Document,
    toks: &'a [Token],
    lex: &'a TimeLexicon,
    q: &'a QuantityLexicon,
    words: &'a Lexicon,
}

/// Nouns of a part of the day that may stand before a day (صباح اليوم، مساء الجمعة):
/// they belong to its expression and leave its value a date.
const DAYPART_NOUNS: &[&str] = &["صباح", "صبيحه", "مساء", "عصر", "ظهر", "ظهيره", "ليله", "ليل", "فجر", "عشيه", "ضحي"];

/// Adjectives after a month, a weekday or a unit that place it from the publication
/// date (matching keys): the current one (0), the last one before (-1), the next one (1).
/// الفارط and المنقضي are the Maghrebi press's "last" (فيفري الفارط، الأسبوع المنقضي).
pub(super) const PLACING_ADJECTIVES: &[(&str, i32)] = &[
    ("الجاري", 0),
    ("الحالي", 0),
    ("الماضي", -1),
    ("المنصرم", -1),
    ("الفارط", -1),
    ("المنقضي", -1),
    ("الفائت", -1),
    ("المقبل", 1),
    ("القادم", 1),
];

/// Nouns of a part of a month or a year before it (مطلع يناير، منتصف عام 2013): they
/// belong to its expression and keep its value.
const PART_NOUNS: &[&str] = &[
    "بدايه",
    "بدايات",
    "مطلع",
    "اوائل",
    "منتصف",
    "اواسط",
    "اواخر",
    "نهايه",
    "نهايات",
    "اخر",
    "ختام",
    // seasons: صيف 2014، شتاء العام الماضي (not ربيع, which opens the Hijri ربيع الأول)
    "صيف",
    "شتاء",
    "خريف",
    "صائفه",
];

/// Nouns of places and institutions named after a date (ملعب 15 أكتوبر، شارع 26 يوليو،
/// نهج 2 مارس): the date after them, without a year, is part of the name.
const DATE_NAME_HEADS: &[&str] = &[
    "ملعب",
    "الملعب",
    "شارع",
    "الشارع",
    "نهج",
    "ساحه",
    "جسر",
    "مطار",
    "ميناء",
    "مدرسه",
    "معهد",
    "جامعه",
    "مستشفي",
    "حي",
    "مدينه",
    "قاعه",
    "مركب",
];

/// A person's age after من (35 من العمر، في الـ 15 من عمري).
const AGE_WORDS: &[&str] = &["العمر", "عمره", "عمرها", "عمرهم", "عمري", "عمرك", "عمرنا", "عمرهما"];

/// Words after which a length is a stretch of time (منذ 3 عقود، قرابة خمسة عقود).
const TIME_PREPOSITIONS: &[&str] = &[
    "منذ",
    "قبل",
    "بعد",
    "خلال",
    "مده",
    "طيله",
    "طوال",
    "مدي",
    "نحو",
    "قرابه",
    "حوالي",
    "زهاء",
    "من",
    "لاكثر",
    "اكثر",
    "ال",
];

/// Month names that are also common words (آب = father, مارس = practised, ماي; جاني, a
/// misspelt جانفي, = "came to me"):
/// they need a day, a year or شهر with them.
const AMBIGUOUS_MONTHS: &[&str] = &["اب", "مارس", "ماي", "جاني"];

/// Words (matching keys) the rules look for at the start of an expression.
pub const MARKERS: &[&str] = &[
    "من",
    "بين",
    "منذ",
    "قبل",
    "بعد",
    "عام",
    "العام",
    "سنه",
    "السنه",
    "عامي",
    "يوم",
    "خلال",
    "الساعه",
    "مده",
    "طيله",
    "طوال",
    "الثلاثيه",
    "الثلاثي",
    "السداسي",
    "السداسيه",
    "الاشهر",
    "الشهور",
    "نهايه",
    "ختام",
    "بضع",
    "بضعه",
    "عده",
    "يومي",
    "شهري",
    "اجازه",
    "عطله",
    "صلاه",
    "سن",
    "بدايه",
    "بدايات",
    "مطلع",
    "اوائل",
    "منتصف",
    "اواسط",
    "اواخر",
    "نهايات",
    "اخر",
    "صيف",
    "شتاء",
    "خريف",
    "صائفه",
    "غره",
];

/// Finds the time expressions of a tokenised document, in text order, without overlaps.
pub fn parse(doc: &Document, lex: &TimeLexicon, q: &QuantityLexicon, words: &Lexicon) -> Vec<Found> {
    let p = Parser { doc, toks: &doc.tokens, lex, q, words };
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        if !p.may_start(i) {
            i += 1;
            continue;
        }
        if let Some(end) = p.date_in_name(i) {
            i = end;
            continue;
        }
        match p.at(i) {
            Some(f) => {
                let end = f.1;
                out.push(f.0);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

impl<'a> Parser<'a> {
    /// True when an expression may start at token `i`: a number, or a word one of
    /// whose readings is a month, a weekday, a marker, a number word…
    fn may_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            TokenKind::Number => true,
            TokenKind::Arabic => stems(&t.key).any(|(_, s)| {
                self.lex.starters.contains(s.as_ref())
                    || DAYPART_NOUNS.contains(&s.as_ref())
                    || self.q.numbers.contains_key(s.as_ref())
                    || self.q.ordinals.has_first(s.as_ref())
                    || (self.q.approximations.has_first(s.as_ref()) && self.bound_before_length(i))
                    || s.strip_prefix("ال")
                        .is_some_and(|r| self.q.numbers.contains_key(r) || self.lex.units.contains_key(r))
            }),
            _ => false,
        }
    }

    /// One past a day and month naming a place (ملعب 15 أكتوبر، شارع 26 يوليو): the date
    /// after such a noun, without a year, is part of the name and dates nothing.
    fn date_in_name(&self, i: usize) -> Option<usize> {
        if i == 0 || self.toks[i].kind != TokenKind::Number || self.any_word(i - 1, DATE_NAME_HEADS).is_none() {
            return None;
        }
        self.point(i).filter(|m| m.value.day.is_some() && m.value.year.is_none()).map(|m| m.end)
    }

    /// True when a bound word at `i` (نحو، ما يقارب، بضعة) stands before a number or a
    /// unit of time within three words: only then may it open a length.
    fn bound_before_length(&self, i: usize) -> bool {
        self.q.approximations.find(self.toks, i, true).is_some_and(|b| {
            (b.end..(b.end + 2).min(self.toks.len())).any(|k| {
                let t = &self.toks[k];
                t.kind == TokenKind::Number
                    || self.q.numbers.contains_key(t.key.as_str())
                    || stems(&t.key).any(|(_, s)| {
                        self.lex.units.contains_key(s.as_ref())
                            || s.strip_prefix("ال").is_some_and(|r| self.lex.units.contains_key(r))
                    })
            })
        })
    }

    fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    /// Bytes of proclitics before `key` in token `i`, when one of its readings is `key`.
    fn word(&self, i: usize, key: &str) -> Option<usize> {
        let t = self.tok(i).filter(|t| t.kind == TokenKind::Arabic)?;
        if t.key == key {
            return Some(0);
        }
        stems(&t.key).into_iter().find(|(_, s)| s == key).map(|(n, _)| n)
    }

    /// Bytes of proclitics before the first of `keys` that is a reading of token `i`
    /// (its readings derived once).
    fn any_word(&self, i: usize, keys: &[&str]) -> Option<usize> {
        let t = self.tok(i).filter(|t| t.kind == TokenKind::Arabic)?;
        if keys.contains(&t.key.as_str()) {
            return Some(0);
        }
        stems(&t.key).find(|(_, s)| keys.contains(&s.as_ref())).map(|(n, _)| n)
    }

    fn punct(&self, i: usize, chars: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Punct && chars.contains(&t.norm.as_str()))
    }

    /// An integer written in digits at token `i`.
    fn int(&self, i: usize) -> Option<i64> {
        let t = self.tok(i).filter(|t| t.kind == TokenKind::Number && !t.norm.contains([',', '.']))?;
        let v = t.value?;
        (v.is_finite() && v.fract() == 0.0 && v < 1e15).then_some(v as i64)
    }

    /// A day number (1–31 valid; up to 99 read as an impossible day).
    fn day(&self, i: usize) -> Option<u32> {
        self.int(i).filter(|d| (1..=99).contains(d)).map(|d| d as u32)
    }

    fn found(&self, first: usize, end: usize, what: What, rule: &'static str, confidence: f32) -> Found {
        Found { span: span_of(self.doc, first, end), first_token: first, what, rule, confidence, year_evidence: None }
    }

    fn with_year(&self, mut f: Found, year_tok: Option<usize>, p: &Point) -> Found {
        if let (Some(k), Some(y), Calendar::Gregorian, false) = (year_tok, p.year, p.calendar, p.invalid) {
            f.year_evidence = Some((k, y, self.toks[k].span));
        }
        f
    }

    /// The expression at token `i` and one past its last token; a part of the day
    /// before a day (مساء الجمعة، صباح اليوم) joins the day's expression.
    fn at(&self, i: usize) -> Option<(Found, usize)> {
        // بداية، مطلع، منتصف، أواخر، نهاية + a month or a year: that month or year, the
        // word inside the span (a quarter's end is read by part_of_year)
        if self.any_word(i, PART_NOUNS).is_some() && self.part_of_year(i).is_none() {
            if let Some((mut f, end)) = self.at_day(i + 1) {
                let whole = match &f.what {
                    What::Point(p) => p.day.is_none() && (p.month.is_some() || p.year.is_some()),
                    What::Relative(Relative::Offset('W' | 'M' | 'Y', _)) | What::Decade(_) => true,
                    _ => false,
                };
                if whole && f.first_token == i + 1 {
                    f.span = self.found(i, end, What::Decade(0), f.rule, f.confidence).span;
                    f.first_token = i;
                    return Some((f, end));
                }
            }
        }
        if self.any_word(i, DAYPART_NOUNS).is_some() {
            if let Some((mut f, end)) = self.at_day(i + 1) {
                let is_day = matches!(f.what, What::Weekday(..) | What::Relative(Relative::Offset('D', _)))
                    || matches!(&f.what, What::Point(p) if p.day.is_some());
                if is_day && f.first_token == i + 1 {
                    let joined = self.found(i, end, f.what.clone(), f.rule, f.confidence);
                    f.span = joined.span;
                    f.first_token = i;
                    return Some((f, end));
                }
            }
        }
        self.at_day(i)
    }

    /// True when the clause before token `i` speaks of the future: سوف, or a verb
    /// with the future prefix سـ (سيعقد، ستنطلق) within the five tokens before it.
    fn future_before(&self, i: usize) -> bool {
        let from = i.saturating_sub(5);
        for t in self.toks[from..i].iter().rev() {
            if t.kind == TokenKind::Punct && [".", "،", "؛", "!", "?", "؟"].contains(&t.norm.as_str()) {
                return false;
            }
            if t.kind != TokenKind::Arabic {
                continue;
            }
            if t.key == "سوف" {
                return true;
            }
            // س + imperfect prefix: the word without س is a commoner word than with it
            let mut chars = t.key.chars();
            if chars.next() == Some('س') && t.key.chars().count() >= 4 {
                let rest = chars.as_str();
                if rest.starts_with(['ي', 'ت', 'ن', 'ا']) && self.words.zipf(rest) >= 3.0 {
                    return true;
                }
            }
        }
        false
    }
}
