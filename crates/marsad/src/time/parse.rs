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

/// Nouns of a part of a month or a year before it (مطلع يناير، منتصف عام 2013): they
/// belong to its expression and keep its value.
const PART_NOUNS: &[&str] =
    &["بدايه", "بدايات", "مطلع", "اوائل", "منتصف", "اواسط", "اواخر", "نهايه", "نهايات", "اخر", "ختام"];

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
                    What::Relative(Relative::Offset('M' | 'Y', _)) | What::Decade(_) => true,
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

    /// The expression at token `i` without a part of the day before it; a date or a
    /// stretch without a year followed by من كل عام is a yearly recurrence.
    fn at_day(&self, i: usize) -> Option<(Found, usize)> {
        let (f, end) = self.at_day_once(i)?;
        let (a, b) = match &f.what {
            What::Point(p) if p.year.is_none() && p.month.is_some() && p.rel.is_none() => (p.clone(), None),
            What::Interval(a, b) if a.year.is_none() && b.year.is_none() && a.month.is_some() => {
                (a.clone(), Some(b.clone()))
            }
            _ => return Some((f, end)),
        };
        let every = self.word(end, "من").is_some()
            && self.word(end + 1, "كل") == Some(0)
            && self.any_word(end + 2, &["عام", "سنه"]) == Some(0);
        if !every || a.calendar != Calendar::Gregorian {
            return Some((f, end));
        }
        let mut e = end + 3;
        if self.any_word(e, &["ميلادي", "ميلاديه"]).is_some() {
            e += 1;
        }
        Some((self.found(f.first_token, e, What::Yearly(a, b), "time.set.yearly", 0.85), e))
    }

    /// The expression at token `i`, read once.
    fn at_day_once(&self, i: usize) -> Option<(Found, usize)> {
        // يومي 26 و27 سبتمبر، شهري نونبر ودجنبر: two days or two months
        if let Some(f) = self.two_of(i) {
            return Some(f);
        }
        // من X إلى Y، بين X و Y
        for (opener, conns) in [("من", &["الي", "حتي", "غايه"][..]), ("بين", &["و"][..])] {
            if self.word(i, opener).is_some() {
                // بين 2014 و2022، من 2014 إلى 2022
                let year = |k: usize| self.int(k).filter(|y| (1000..=2999).contains(y) && self.toks[k].norm.len() == 4);
                if let (Some(y1), Some(c)) = (year(i + 1), self.connector(i + 2, conns)) {
                    if let Some(y2) = year(c).filter(|y2| *y2 > y1) {
                        let mut a = Point::new(Calendar::Gregorian);
                        a.year = Some(y1 as i32);
                        let mut b = a.clone();
                        b.year = Some(y2 as i32);
                        let f = self.found(i, c + 1, What::Interval(a, b.clone()), "time.interval.years", 0.85);
                        return Some((self.with_year(f, Some(c), &b), c + 1));
                    }
                }
                if let Some((a, b, end, ya, yb)) = self.interval_from(i + 1, conns) {
                    let f = self.found(i, end, What::Interval(a.clone(), b.clone()), "time.interval", 0.9);
                    let f = self.with_year(f, yb, &b);
                    let f = if f.year_evidence.is_none() { self.with_year(f, ya, &a) } else { f };
                    return Some((f, end));
                }
            }
        }
        // منذ، قبل، بعد
        if self.word(i, "منذ").is_some() {
            if let Some(m) = self.point(i + 1) {
                let f = self.found(i, m.end, What::Since(m.value.clone()), "time.since", 0.85);
                return Some((self.with_year(f, m.year_tok, &m.value), m.end));
            }
        }
        for (word, sign) in [("منذ", -1i64), ("قبل", -1), ("بعد", 1)] {
            if self.word(i, word).is_some() {
                // a bound between (قبل أكثر من 400 عام) belongs to the expression
                let bound = self
                    .q
                    .approximations
                    .find(self.toks, i + 1, false)
                    .filter(|b| *b.value != marsad_core::document::Qualifier::Vague)
                    .map_or(i + 1, |b| b.end);
                if let Some(d) = self.duration(bound, false) {
                    let (unit, n) = d.value;
                    // a length before or after an event (بعد ثلاثة أيام من الحادث، قبل يومين على
                    // الانتخابات), or after in a story that is not about the future: a duration
                    let event = self.any_word(d.end, &["من", "علي"]).is_some()
                        && self.word(d.end + 1, "الان").is_none()
                        && self.lex.relative.find(self.toks, d.end + 1, false).is_none();
                    if word != "منذ" && (event || (word == "بعد" && !self.future_before(i))) {
                        let mut end = d.end;
                        if self.word(end, "تقريبا").is_some() {
                            end += 1;
                        }
                        let f =
                            self.found(i + 1, end, What::Duration(iso_duration(unit, n)), "time.duration.event", 0.75);
                        return Some((f, end));
                    }
                    if n.fract() == 0.0 && n.abs() < 1e6 {
                        let u = unit.trim_start_matches('T').chars().next().unwrap_or('D');
                        let u = if unit.starts_with('T') { 'H' } else { u };
                        let f = self.found(i, d.end, What::Ago(u, sign * n as i64), "time.ago", 0.85);
                        return Some((f, d.end));
                    }
                }
            }
        }
        // موسم 2013-2014، 1436/1437هـ
        if let Some((a, b, end, yk)) = self.year_range(i) {
            let f = self.found(i, end, What::Interval(a, b.clone()), "time.interval.years", 0.85);
            return Some((self.with_year(f, Some(yk), &b), end));
        }
        // عيد الفطر، أيام العيد، إجازة عيد الأضحى
        if let Some(f) = self.feast(i) {
            return Some(f);
        }
        // الربع الثاني، الأشهر العشرة الأولى من 2014، بنهاية الربع الأول من عام 2015
        if let Some(f) = self.part_of_year(i) {
            return Some(f);
        }
        // a date, perhaps opening an interval
        if let Some(m) = self.point(i) {
            if let Some((b, end, yb)) = self.interval_end(m.end, &m.value, &["الي", "حتي", "غايه"]) {
                let f = self.found(i, end, What::Interval(m.value.clone(), b.clone()), "time.interval", 0.9);
                let f = self.with_year(f, yb, &b);
                let f = if f.year_evidence.is_none() { self.with_year(f, m.year_tok, &m.value) } else { f };
                return Some((f, end));
            }
            let rule = if m.value.calendar == Calendar::Hijri { "time.date.hijri" } else { "time.date" };
            let conf = if m.value.day.is_some() || m.value.year.is_some() { 0.95 } else { 0.85 };
            let f = self.found(i, m.end, What::Point(m.value.clone()), rule, conf);
            return Some((self.with_year(f, m.year_tok, &m.value), m.end));
        }
        // 16-28 نوفمبر
        if let (Some(d1), true) = (self.day(i), self.punct(i + 1, &["-"])) {
            if let Some(m) = self.point(i + 2).filter(|m| m.value.day.is_some()) {
                let mut a = m.value.clone();
                a.day = Some(d1);
                let f = self.found(i, m.end, What::Interval(a, m.value.clone()), "time.interval", 0.85);
                return Some((self.with_year(f, m.year_tok, &m.value), m.end));
            }
        }
        if let Some(m) = self.clock(i) {
            // الساعة 17:30 من مساء أمس: the time on that day
            if self.word(m.end, "من").is_some() {
                if let Some((day, end)) = self.at(m.end + 1) {
                    let is_day = matches!(day.what, What::Weekday(..) | What::Relative(Relative::Offset('D', _)))
                        || matches!(&day.what, What::Point(p) if p.day.is_some());
                    if is_day {
                        let mut value = m.value.clone();
                        // من مساء: after noon
                        let pm = self.any_word(m.end + 1, &["مساء", "عشيه", "ليله", "ليل", "عصر"]).is_some();
                        if let (true, Ok(h)) = (pm, value[1..3].parse::<u32>()) {
                            if h < 12 {
                                value = format!("T{:02}{}", h + 12, &value[3..]);
                            }
                        }
                        let f = self.found(i, end, What::ClockOn(value, Box::new(day.what)), "time.clock.day", 0.85);
                        return Some((f, end));
                    }
                }
            }
            let f = self.found(i, m.end, What::Time(m.value), "time.clock", 0.9);
            return Some((f, m.end));
        }
        if let Some(d) = self.duration(i, true) {
            let (unit, n) = d.value;
            // a preposition before it is not part of it (خلال 48 ساعة، طوال يومين); the noun مدة is (لمدة يومين)
            let first = if self.any_word(i, &["طيله", "طوال", "خلال"]).is_some() { i + 1 } else { i };
            let f = self.found(first, d.end, What::Duration(iso_duration(unit, n)), "time.duration", 0.9);
            return Some((f, d.end));
        }
        // a bound before a length is part of it (قرابة الـ 5 عقود، ما يقارب الشهر); a
        // vague one makes it a length whose number is not given (مئات الأعوام)
        if let Some(b) = self.q.approximations.find(self.toks, i, true) {
            if *b.value == marsad_core::document::Qualifier::Vague {
                let unit_with_article = self
                    .tok(b.end)
                    .and_then(|t| t.key.strip_prefix("ال"))
                    .is_some_and(|k| self.lex.units.contains_key(k));
                if self.unit_at(b.end).is_some() || unit_with_article {
                    let f = self.found(i, b.end + 1, What::Relative(Relative::Vague(0)), "time.duration.vague", 0.7);
                    return Some((f, b.end + 1));
                }
                return None;
            }
            let mut j = b.end;
            if self.tok(j).is_some_and(|t| t.kind == TokenKind::Arabic && t.key == "ال") {
                j += 1;
            }
            // a lone singular unit after a bound is one of it (لأكثر من عام، قرابة شهر)
            let lone = || {
                let t = self.tok(j)?;
                let u = self.unit_at(j).filter(|u| !u.dual)?;
                let singular =
                    ["يوم", "اسبوع", "شهر", "عام", "سنه", "ساعه", "دقيقه", "عقد", "قرن"].contains(&t.key.as_str());
                let half = self.word(j + 1, "ونصف") == Some(0);
                let (end, n) = if half { (j + 2, 1.5) } else { (j + 1, 1.0) };
                (singular && self.int(j + 1).is_none()).then_some(M {
                    end,
                    value: (u.designator, n * u.size),
                    year_tok: None,
                })
            };
            if let Some(d) = self.duration(j, false).or_else(|| self.definite_unit(j)).or_else(lone) {
                let (unit, n) = d.value;
                let f = self.found(i, d.end, What::Duration(iso_duration(unit, n)), "time.duration.bound", 0.85);
                return Some((f, d.end));
            }
        }
        // 37 و 43 سنة، بين 11 و16 سنة: the first length of a range takes the unit of the second
        if let Some(n) = self.int(i).filter(|n| (1..1000).contains(n)) {
            if let Some(c) = self.connector(i + 1, &["و", "الي", "او"]) {
                if let Some(d) = self.duration(c, false).filter(|_| self.int(c).is_some()) {
                    let f = self.found(
                        i,
                        i + 1,
                        What::Duration(iso_duration(d.value.0, n as f64)),
                        "time.duration.range",
                        0.75,
                    );
                    return Some((f, i + 1));
                }
            }
            // 35 من العمر
            if self.word(i + 1, "من").is_some() && self.any_word(i + 2, AGE_WORDS).is_some() {
                let f = self.found(i, i + 3, What::Duration(format!("P{n}Y")), "time.duration.age", 0.85);
                return Some((f, i + 3));
            }
        }
        // دون سن الثلاثين، في سن 18: an age
        if self.word(i, "سن").is_some() {
            // سن الـ 18: the article written apart
            let k = if self.tok(i + 1).is_some_and(|t| t.kind == TokenKind::Arabic && t.key == "ال") {
                i + 2
            } else {
                i + 1
            };
            if let Some(n) = numbers::parse(self.toks, k, self.q) {
                if let Some(v) = n.value.filter(|v| (1.0..=130.0).contains(v) && v.fract() == 0.0) {
                    let mut end = n.end;
                    if self.unit_at(end).is_some_and(|u| u.designator == "Y" && !u.dual) {
                        end += 1;
                    }
                    let f = self.found(i, end, What::Duration(format!("P{v}Y")), "time.duration.age", 0.8);
                    return Some((f, end));
                }
            }
        }
        // اليومين الماضيين، الأشهر السبعة المنقضية: a length with the article
        if let Some(f) = self.definite_length(i) {
            return Some(f);
        }
        // في الرابعة من عمره: an age as an ordinal
        if let Some((v, end)) = numbers::ordinal(self.toks, i, self.q) {
            if self.word(end, "من").is_some() && self.any_word(end + 1, AGE_WORDS).is_some() {
                let f = self.found(i, end + 2, What::Duration(format!("P{}Y", v as i64)), "time.duration.age", 0.8);
                return Some((f, end + 2));
            }
        }
        // بضع ساعات، عدة أيام: a length whose number is not given
        if self.any_word(i, &["بضع", "بضعه", "عده"]).is_some() && self.unit_at(i + 1).is_some_and(|u| !u.dual)
        {
            let f = self.found(i, i + 2, What::Relative(Relative::Vague(0)), "time.duration.vague", 0.7);
            return Some((f, i + 2));
        }
        // (خلال) + a relative expression or a bare period (خلال الأسبوع); the
        // preposition is not part of the expression
        let ri = if self.word(i, "خلال").is_some() { i + 1 } else { i };
        // a byline opening the text (عين اليوم – الرياض): the outlet's name
        let byline = ri > 0
            && self.word(ri, "اليوم") == Some(0)
            && self.punct(ri + 1, &["-", "–", "—"])
            && self.doc.text.get(..self.toks[ri - 1].span.start).is_some_and(|b| !b.contains('\n'));
        // اليوم الأول، لليوم الثالث على التوالي: the nth day of something, not today
        let nth_day = self.word(ri, "اليوم").is_some() && numbers::ordinal(self.toks, ri + 1, self.q).is_some();
        if let Some(m) = self.lex.relative.find(self.toks, ri, true).filter(|_| !byline && !nth_day) {
            // يومي and شهري before a date are "the two days, months of" (two_of)
            let date_after = self.int(m.end).is_some()
                || self.month_at(m.end).is_some()
                || self.lex.weekdays.find(self.toks, m.end, false).is_some();
            if matches!(m.value, Relative::Set(_))
                && date_after
                && self.any_word(m.end - 1, &["يومي", "شهري"]).is_some()
            {
                return None;
            }
            // a definite rhythm adjective agrees with a definite noun (التقرير الشهري،
            // راتبه الشهري); after a bare word it is a family name (عبدالرحمن الشهري)
            if matches!(m.value, Relative::Set(_)) && m.end == ri + 1 && self.toks[ri].key.starts_with("ال") && ri > 0
            {
                let prev = &self.toks[ri - 1];
                let definite = stems(&prev.key).any(|(_, s)| s.starts_with("ال"))
                    || self.doc.segmentation_of(ri - 1).is_some_and(|g| {
                        g.morphemes.iter().any(|m| m.role == marsad_core::document::MorphemeRole::Pronoun)
                    });
                let compound_name = ri > 1 && self.toks[ri - 2].key == "عبد";
                if prev.kind == TokenKind::Arabic && (!definite || compound_name) {
                    return None;
                }
            }
            let what = match m.value {
                Relative::Set(p) => What::Set(p),
                Relative::Clock(t) if t.is_empty() => What::Relative(Relative::Clock(t)),
                Relative::Clock(t) => What::Time(format!("T{t}")),
                r => What::Relative(r.clone()),
            };
            let rule = if matches!(what, What::Set(_)) { "time.set" } else { "time.relative" };
            return Some((self.found(ri, m.end, what, rule, 0.85), m.end));
        }
        if ri > i {
            // not before an adjective or an ordinal (خلال الأسبوع الثالث، خلال العام الدراسي)
            let qualified = self.tok(i + 2).is_some_and(|t| t.kind == TokenKind::Arabic && t.key.starts_with("ال"));
            for (key, unit) in [("الاسبوع", 'W'), ("الشهر", 'M'), ("العام", 'Y'), ("السنه", 'Y')]
            {
                if self.word(i + 1, key) == Some(0) && !qualified {
                    let f = self.found(i + 1, i + 2, What::Relative(Relative::Offset(unit, 0)), "time.relative", 0.7);
                    return Some((f, i + 2));
                }
            }
        }
        // (يوم) الأحد; not the Friday prayer or sermon (صلاة الجمعة، خطبة الجمعة)
        let wi = if self.word(i, "يوم").is_some() { i + 1 } else { i };
        let prayer = wi > 0 && self.any_word(wi - 1, &["صلاه", "خطبه", "خطب", "منبر", "صلوات", "خطيب"]).is_some();
        if let Some(m) = self.lex.weekdays.find(self.toks, wi, true).filter(|_| !prayer) {
            let marked = [
                ("المقبل", WeekdayRef::Next),
                ("القادم", WeekdayRef::Next),
                ("الماضي", WeekdayRef::Last),
                ("المنصرم", WeekdayRef::Last),
            ]
            .into_iter()
            .find(|(k, _)| self.word(m.end, k) == Some(0))
            .map(|(_, r)| r);
            let end = m.end + usize::from(marked.is_some());
            // after غدا or بعد غد: the day they name, or the nearest such weekday to it
            let tomorrow = i > 0 && self.any_word(i - 1, &["غدا", "غد"]).is_some();
            let after_tomorrow = tomorrow && i > 1 && self.word(i - 2, "بعد").is_some();
            let (rel, confidence) = match marked {
                Some(r) => (r, 0.85),
                None if tomorrow => (WeekdayRef::Near(if after_tomorrow { 2 } else { 1 }), 0.7),
                None if self.future_before(i) => (WeekdayRef::OnOrAfter, 0.7),
                None => (WeekdayRef::OnOrBefore, 0.7),
            };
            return Some((self.found(i, end, What::Weekday(*m.value, rel), "time.weekday", confidence), end));
        }
        // a bare year: four digits 1900–2100 that nothing else claims, not glued to a
        // name (فوستوك2022) and not followed by what it would count
        if let Some(y) = self.int(i).filter(|y| (1900..=2100).contains(y) && self.toks[i].norm.len() == 4) {
            let glued = i > 0
                && self.toks[i].joined
                && self.toks[i - 1].kind == TokenKind::Arabic
                && self.toks[i - 1].norm.chars().count() >= 3;
            // a year unless what follows could be what it counts: a round hundred (2000)
            // counts any noun after it; another number only an accusative noun (2011
            // شخصا), a unit, a currency or a scale word, without the article (في 2011
            // أرغم، 2022 لتصبح are years)
            let free_after = self.tok(i + 1).is_none_or(|t| {
                if t.kind != TokenKind::Arabic || self.q.not_counted.contains(t.key.as_str()) {
                    return true;
                }
                if y % 100 == 0 {
                    return false;
                }
                let counted = t.norm.ends_with('ا')
                    || t.norm.ends_with('ً')
                    || self.q.currency(&t.key).is_some()
                    || self.q.units.contains_key(t.key.as_str())
                    || self.q.numbers.contains_key(t.key.as_str());
                !counted || stems(&t.key).any(|(_, s)| s.starts_with("ال"))
            });
            if !glued && free_after {
                let mut p = Point::new(Calendar::Gregorian);
                p.year = Some(y as i32);
                let f = self.found(i, i + 1, What::Point(p.clone()), "time.year.bare", 0.6);
                return Some((self.with_year(f, Some(i), &p), i + 1));
            }
        }
        // التسعينيات
        if let Some(t) = self.tok(i).filter(|t| t.kind == TokenKind::Arabic) {
            for (_, key) in stems(&t.key) {
                if let Some(DayWord::Decade(d)) = self.lex.day_words.get(key.as_ref()) {
                    return Some((self.found(i, i + 1, What::Decade(*d), "time.decade", 0.9), i + 1));
                }
            }
        }
        None
    }

    /// X (connector) Y after من or بين, X possibly a bare day that takes Y's month.
    #[allow(clippy::type_complexity)]
    fn interval_from(&self, i: usize, conns: &[&str]) -> Option<(Point, Point, usize, Option<usize>, Option<usize>)> {
        if let Some(m) = self.point(i) {
            let (b, end, yb) = self.interval_end(m.end, &m.value, conns)?;
            return Some((m.value, b, end, m.year_tok, yb));
        }
        let d = self.day(i)?;
        let c = self.connector(i + 1, conns)?;
        let m = self.point(c)?;
        m.value.day?;
        let mut a = m.value.clone();
        a.day = Some(d);
        Some((a, m.value, m.end, m.year_tok, m.year_tok))
    }

    /// The connector (إلى، حتى، لغاية، وإلى غاية، و) at `i`: the token after it.
    fn connector(&self, i: usize, conns: &[&str]) -> Option<usize> {
        if self.punct(i, &["-", "–"]) {
            return Some(i + 1);
        }
        let t = self.tok(i)?;
        if conns.contains(&"و") && t.key == "و" {
            return Some(i + 1);
        }
        self.any_word(i, conns)?;
        // إلى غاية
        if self.word(i + 1, "غايه").is_some() {
            return Some(i + 2);
        }
        Some(i + 1)
    }

    /// The end of an interval whose start `a` ends before token `i`: a connector
    /// then a date, or a day that takes `a`'s month (`28 منه`, `28 من الشهر نفسه`).
    fn interval_end(&self, i: usize, a: &Point, conns: &[&str]) -> Option<(Point, usize, Option<usize>)> {
        let c = self.connector(i, conns)?;
        if let Some(m) = self.point(c) {
            if m.value.month.is_some() || a.month.is_none() {
                return Some((m.value, m.end, m.year_tok));
            }
        }
        let d = self.day(c)?;
        a.month?;
        let mut b = a.clone();
        b.day = Some(d);
        let mut end = c + 1;
        if self.word(end, "منه").is_some() {
            end += 1;
        } else if self.word(end, "من").is_some() && self.word(end + 1, "الشهر").is_some() {
            end += 2;
            if self.any_word(end, &["نفسه", "ذاته", "الجاري", "ذاته"]).is_some() {
                end += 1;
            }
        } else if a.day.is_none() {
            return None;
        }
        Some((b, end, None))
    }

    /// A date at token `i`.
    fn point(&self, i: usize) -> Option<M<Point>> {
        let mut j = i;
        // عام 2022، سنة 1444 هـ
        if self.any_word(i, &["عام", "العام", "سنه", "السنه", "عامي"]).is_some() {
            if let Some(y) = self.int(i + 1) {
                let mut p = Point::new(Calendar::Gregorian);
                let end = self.year_into(&mut p, y, i + 2);
                return Some(M { end, value: p, year_tok: Some(i + 1) });
            }
        }
        // numeric dates
        if let Some(m) = self.numeric(i).or_else(|| self.day_month(i)) {
            return Some(m);
        }
        // 2022م، 1446 هـ
        if let Some(y) = self.int(i).filter(|_| self.toks[i].norm.len() == 4) {
            if self.any_word(i + 1, &["م", "ميلادي", "ميلاديه", "ه", "هجري", "هجريه", "للهجره"]).is_some()
            {
                let mut p = Point::new(Calendar::Gregorian);
                let end = self.year_into(&mut p, y, i + 1);
                return Some(M { end, value: p, year_tok: Some(i) });
            }
        }
        // (يوم) (الأحد) 16 نوفمبر
        if self.word(j, "يوم").is_some() {
            j += 1;
        }
        if let Some(w) = self.lex.weekdays.find(self.toks, j, true) {
            j = w.end;
            if self.punct(j, &["،", ","]) {
                j += 1;
            }
            // يوم الأربعاء 6 / 10 / 1436هـ
            if let Some(m) = self.numeric(j) {
                return Some(m);
            }
        }
        let mut p = Point::new(Calendar::Gregorian);
        // (اليوم) الثالث من (شهر) نوفمبر، السادس والعشرين من سبتمبر، 5 من الشهر المقبل: a
        // day as an ordinal, or in digits before من, needs a month after it
        let oi = if self.word(j, "اليوم").is_some() && numbers::ordinal(self.toks, j + 1, self.q).is_some() {
            j + 1
        } else {
            j
        };
        let mut shared_end = None;
        // الأسبوع الثالث من يناير: a week, not a day
        let of_unit = oi > 0
            && oi == j
            && self.tok(oi - 1).is_some_and(|t| {
                t.kind == TokenKind::Arabic
                    && t.key.strip_prefix("ال").is_some_and(|k| self.lex.units.contains_key(k) && k != "يوم")
            });
        let day = match numbers::ordinal(self.toks, oi, self.q).filter(|_| !of_unit) {
            Some((v, end)) if (1.0..=31.0).contains(&v) && v.fract() == 0.0 && self.word(end, "من").is_some() => {
                Some((v as u32, end + 1))
            }
            // الثاني والخامس من الشهر المقبل: the first day takes the month of the second
            Some((v, end))
                if (1.0..=31.0).contains(&v) && self.toks.get(end).is_some_and(|t| t.key.starts_with('و')) =>
            {
                match numbers::ordinal(self.toks, end, self.q) {
                    Some((_, e2)) if self.word(e2, "من").is_some() => {
                        shared_end = Some(end);
                        Some((v as u32, e2 + 1))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        let day = day.or_else(|| {
            let d = self.day(j)?;
            Some((d, if self.word(j + 1, "من").is_some() { j + 2 } else { j + 1 }))
        });
        if let Some((d, mut k)) = day {
            if self.word(k, "شهر") == Some(0) && self.month_at(k + 1).is_some() {
                k += 1;
            }
            if let (Some(e), Some((mend, month, _, calendar, _))) = (shared_end, self.month_at(k)) {
                p.day = Some(d);
                p.month = Some(month);
                p.calendar = calendar;
                if let Some(y) = self.int(mend) {
                    self.year_into(&mut p, y, mend + 1);
                    return Some(M { end: e, value: p, year_tok: Some(mend) });
                }
                return Some(M { end: e, value: p, year_tok: None });
            }
            if let (Some(e), Some((offset, _))) = (shared_end, self.relative_month(k)) {
                p.day = Some(d);
                p.month_offset = Some(offset);
                return Some(M { end: e, value: p, year_tok: None });
            }
            if self.month_at(k).is_some() {
                p.day = Some(d);
                j = k;
            } else if let Some((offset, end)) = self.relative_month(k).filter(|_| k > j + 1) {
                p.day = Some(d);
                p.month_offset = Some(offset);
                return Some(M { end, value: p, year_tok: None });
            }
        }
        let (mend, month, _, calendar, ambiguous) = self.month_at(j)?;
        p.month = Some(month);
        p.calendar = calendar;
        j = mend;
        let mut year_tok = None;
        // 16 رمضان عام 1395هـ
        let yj = if self.any_word(j, &["عام", "سنه"]).is_some() && self.int(j + 1).is_some() { j + 1 } else { j };
        if let Some(y) = self.int(yj) {
            year_tok = Some(yj);
            j = self.year_into(&mut p, y, yj + 1);
            // the same year in the other calendar, in parentheses: 1395هـ (1975م)
            if self.punct(j, &["("]) && self.int(j + 1).is_some_and(|y| (1000..=2999).contains(&y)) {
                let mut k = j + 2;
                if self.any_word(k, &["م", "ه", "هـ"]).is_some() {
                    k += 1;
                }
                if self.punct(k, &[")"]) {
                    j = k + 1;
                }
            }
        } else if let Some(k) = self.tok(j).map(|_| j) {
            for (key, rel) in
                [("الجاري", 0), ("الحالي", 0), ("الماضي", -1), ("المنصرم", -1), ("المقبل", 1), ("القادم", 1)]
            {
                if self.word(k, key) == Some(0) {
                    p.rel = Some(rel);
                    j = k + 1;
                    break;
                }
            }
        }
        p.future = p.year.is_none() && p.rel.is_none() && self.future_before(i);
        let after_month_word = i > 0 && self.any_word(i - 1, &["شهر", "الشهر"]).is_some();
        if (ambiguous || calendar == Calendar::Hijri)
            && p.day.is_none()
            && p.year.is_none()
            && p.rel.is_none()
            && !after_month_word
        {
            return None;
        }
        Some(M { end: j, value: p, year_tok })
    }

    /// A month named from the publication date at `k` (الشهر الجاري، الشهر المقبل، هذا
    /// الشهر): its offset and one past it.
    fn relative_month(&self, k: usize) -> Option<(i32, usize)> {
        if self.word(k, "هذا").is_some() && self.word(k + 1, "الشهر") == Some(0) {
            return Some((0, k + 2));
        }
        self.word(k, "الشهر")?;
        [("الجاري", 0), ("الحالي", 0), ("المقبل", 1), ("القادم", 1), ("الماضي", -1), ("المنصرم", -1)]
            .into_iter()
            .find(|(w, _)| self.word(k + 1, w) == Some(0))
            .map(|(_, o)| (o, k + 2))
    }

    /// Reads year `y` into `p` and an era marker after it at `j`; returns the end.
    fn year_into(&self, p: &mut Point, y: i64, mut j: usize) -> usize {
        if (1000..=2999).contains(&y) {
            p.year = Some(y as i32);
        } else {
            p.invalid = true;
        }
        if self.any_word(j, &["م", "ميلادي", "ميلاديه"]).is_some() {
            j += 1;
        } else if self.any_word(j, &["ه", "هجري", "هجريه", "للهجره"]).is_some() {
            p.calendar = Calendar::Hijri;
            j += 1;
        }
        j
    }

    /// A month name at `i` (combined forms `نوفمبر/تشرين الثاني`, `نوفمبر (تشرين
    /// الثاني)` as one): (end, month, stripped, calendar, ambiguous).
    fn month_at(&self, i: usize) -> Option<(usize, u32, usize, Calendar, bool)> {
        if let Some(m) = self.lex.months.find(self.toks, i, true) {
            let ambiguous =
                m.end == i + 1 && stems(&self.toks[i].key).any(|(_, s)| AMBIGUOUS_MONTHS.contains(&s.as_ref()));
            let mut end = m.end;
            // combined: the same month in another system, after / - ( or a space
            let (gap, close) = if self.punct(end, &["/", "-", "\\"]) {
                (1, false)
            } else if self.punct(end, &["("]) {
                (1, true)
            } else {
                (0, false)
            };
            if let Some(m2) = self.lex.months.find(self.toks, end + gap, false).filter(|m2| *m2.value == *m.value) {
                end = m2.end;
                if close && self.punct(end, &[")"]) {
                    end += 1;
                }
                return Some((end, *m.value, m.stripped, Calendar::Gregorian, false));
            }
            return Some((end, *m.value, m.stripped, Calendar::Gregorian, ambiguous));
        }
        let m = self.lex.hijri_months.find(self.toks, i, true)?;
        Some((m.end, *m.value, m.stripped, Calendar::Hijri, false))
    }

    /// A numeric date: 12/11/2022, 2022-11-12, ١٢/١١/٢٠٢٢, 2-10- 2022 (a space around a
    /// separator). Read day-month-year (the order of Arabic news) unless the year comes
    /// first, or the first number cannot be a day of that month and the second can
    /// (09/22/2022 is month-day-year). A year before 1500 or an era word after it (هـ،
    /// هجري) makes it Hijri (6-3-1444 هجري); an era word after it belongs to it.
    fn numeric(&self, i: usize) -> Option<M<Point>> {
        let a = self.int(i)?;
        let sep = self.tok(i + 1).filter(|t| t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "/" | "-"))?;
        let b = self.int(i + 2)?;
        if !self.punct(i + 3, &[sep.norm.as_str()]) {
            return None;
        }
        let c = self.int(i + 4)?;
        // spaces beside the separators are allowed (2-10- 2022، 6 / 10 / 1436هـ): the
        // sizes of the three numbers make it a date
        let digits = |k: usize| self.toks[k].norm.len();
        let (y, m, d, yk) = if digits(i) == 4 && digits(i + 2) <= 2 && digits(i + 4) <= 2 {
            (a, b, c, i)
        } else if digits(i + 4) == 4 && digits(i) <= 2 && digits(i + 2) <= 2 {
            if b > 12 && (1..=12).contains(&a) {
                (c, a, b, i + 4)
            } else {
                (c, b, a, i + 4)
            }
        } else {
            return None;
        };
        let mut p = Point::new(Calendar::Gregorian);
        p.month = u32::try_from(m).ok();
        p.day = u32::try_from(d).ok();
        let end = self.year_into(&mut p, y, i + 5);
        if y < 1500 {
            p.calendar = Calendar::Hijri;
        }
        p.invalid |= !(1..=12).contains(&m) || !(1..=31).contains(&d);
        Some(M { end, value: p, year_tok: Some(yk) })
    }

    /// A day and a month in digits without a year (19/4) after a word that announces
    /// a date (في، يوم، بتاريخ، الموافق، منذ، حتى…) or a weekday: the day first.
    fn day_month(&self, i: usize) -> Option<M<Point>> {
        let (d, m) = (self.int(i)?, self.int(i + 2)?);
        if !self.punct(i + 1, &["/"]) || !self.toks[i + 1].joined || !self.toks[i + 2].joined {
            return None;
        }
        if !((1..=31).contains(&d) && (1..=12).contains(&m))
            || self.toks[i].norm.len() > 2
            || self.toks[i + 2].norm.len() > 2
        {
            return None;
        }
        // not part of a longer numeric run (12/4/5, 3/12/2022 read elsewhere)
        if self.punct(i + 3, &["/", "-"]) || (i > 0 && self.punct(i - 1, &["/", "-"])) {
            return None;
        }
        let announced = i > 0
            && (self
                .any_word(i - 1, &["في", "يوم", "بتاريخ", "تاريخ", "الموافق", "منذ", "حتي", "قبل", "بعد", "من", "الي"])
                .is_some()
                || self.lex.weekdays.find(self.toks, i - 1, true).is_some_and(|w| w.end == i));
        if !announced {
            return None;
        }
        let mut p = Point::new(Calendar::Gregorian);
        p.day = Some(d as u32);
        p.month = Some(m as u32);
        Some(M { end: i + 3, value: p, year_tok: None })
    }

    /// Two years joined by a dash or a slash (موسم 2013-2014، العام الجامعي 1436/1437هـ):
    /// the stretch from the first to the second; Hijri with an era word or before 1500.
    fn year_range(&self, i: usize) -> Option<(Point, Point, usize, usize)> {
        let y1 = self.int(i).filter(|_| self.toks[i].norm.len() == 4)?;
        if !self.punct(i + 1, &["-", "/"]) || !self.toks[i + 1].joined || !self.toks.get(i + 2)?.joined {
            return None;
        }
        let y2 = self.int(i + 2).filter(|_| self.toks[i + 2].norm.len() == 4)?;
        if !(y1 < y2 && y2 - y1 <= 10) || self.punct(i + 3, &["-", "/"]) {
            return None;
        }
        let mut a = Point::new(Calendar::Gregorian);
        let mut b = a.clone();
        a.year = Some(y1 as i32);
        let end = self.year_into(&mut b, y2, i + 3);
        if b.calendar == Calendar::Hijri || y2 < 1500 {
            a.calendar = Calendar::Hijri;
            b.calendar = Calendar::Hijri;
        }
        Some((a, b, end, i + 2))
    }

    /// الساعة الثالثة، الساعة 10:30 صباحا، 22:15، السادسة صباحا، الساعة الخامسة والنصف
    /// مساء: an hour as an ordinal needs الساعة before it or a part of the day after it.
    fn clock(&self, i: usize) -> Option<M<String>> {
        let s = self.word(i, "الساعه");
        let j = if s.is_some() { i + 1 } else { i };
        let (mut h, mut mi, mut end) = (None, 0u32, j);
        let mut ordinal = false;
        if let Some(hh) = self.int(j).filter(|h| (0..=24).contains(h)) {
            if self.punct(j + 1, &[":"]) && self.toks.get(j + 1).is_some_and(|t| t.joined) {
                if let Some(mm) = self.int(j + 2).filter(|m| (0..=59).contains(m) && self.toks[j + 2].norm.len() == 2) {
                    h = Some(hh as u32);
                    mi = mm as u32;
                    end = j + 3;
                }
            } else if s.is_some() {
                h = Some(hh as u32);
                end = j + 1;
            }
        } else if let Some((v, e)) = numbers::ordinal(self.toks, j, self.q).filter(|(v, _)| (1.0..=12.0).contains(v)) {
            // the hour is feminine (الساعة الثالثة): السادسة, not السادس
            let feminine = self.toks[j].key.ends_with('ه') || self.toks[e - 1].key.ends_with('ه');
            if s.is_some() || feminine {
                h = Some(v as u32);
                end = e;
                ordinal = true;
            }
        }
        let mut h = h?;
        // والنصف، والربع، إلا ربعا
        if ordinal || s.is_some() {
            if self.word(end, "والنصف") == Some(0) {
                mi = 30;
                end += 1;
            } else if self.word(end, "والربع") == Some(0) {
                mi = 15;
                end += 1;
            } else if self.word(end, "الا") == Some(0) && self.any_word(end + 1, &["ربعا", "ربع"]) == Some(0)
            {
                h = if h == 0 { 23 } else { h - 1 };
                mi = 45;
                end += 2;
            }
        }
        let mut daypart = false;
        if let Some(t) = self.tok(end) {
            if let Some(DayWord::Daypart(pm)) = self.lex.day_words.get(t.key.as_str()) {
                if *pm && h < 12 {
                    h += 12;
                }
                end += 1;
                daypart = true;
            }
        }
        // an ordinal and a part of the day before a day are the day's (المباراة الثانية
        // مساء اليوم)
        let day_after = self.any_word(end, &["اليوم", "امس", "غد", "الغد", "غدا"]).is_some()
            || self.lex.weekdays.find(self.toks, end, true).is_some();
        if ordinal && s.is_none() && (!daypart || day_after) {
            return None;
        }
        Some(M { end, value: format!("T{h:02}:{mi:02}"), year_tok: None })
    }

    /// يومي 26 و27 سبتمبر، يومي 26-27 سبتمبر: two days in a row, an interval (two days
    /// apart: the first day alone, the second read next); يومي 26-27 without a month:
    /// the days, without a value; شهري نونبر ودجنبر 2016: two months, an interval.
    fn two_of(&self, i: usize) -> Option<(Found, usize)> {
        // أيام 19 و20 و21 ماي: days in a row, an interval
        if self.word(i, "ايام").is_some() && self.day(i + 1).is_some() {
            let mut k = i + 1;
            let mut days = vec![self.day(k)?];
            while let Some(c) =
                self.connector(k + 1, &["و"]).filter(|&c| self.day(c).is_some() && self.point(c).is_none())
            {
                days.push(self.day(c)?);
                k = c;
            }
            let c = self.connector(k + 1, &["و"])?;
            let last = self.point(c).filter(|m| m.value.day.is_some())?;
            let all = days.iter().chain(last.value.day.iter()).copied().collect::<Vec<_>>();
            if all.windows(2).all(|w| w[1] == w[0] + 1) {
                let mut a = last.value.clone();
                a.day = days.first().copied();
                let f = self.found(i, last.end, What::Interval(a, last.value.clone()), "time.interval.days", 0.85);
                return Some((self.with_year(f, last.year_tok, &last.value), last.end));
            }
            return None;
        }
        if self.word(i, "يومي").is_some() {
            if let Some(w) = self.lex.weekdays.find(self.toks, i + 1, false) {
                // يومي السبت والأحد: each weekday by its own rule; يومي is not "daily"
                let rel = if self.future_before(i) { WeekdayRef::OnOrAfter } else { WeekdayRef::OnOrBefore };
                return Some((self.found(i, w.end, What::Weekday(*w.value, rel), "time.weekday", 0.6), w.end));
            }
            let d1 = self.day(i + 1)?;
            if let Some((a, b, end, _, yb)) = self.interval_from(i + 1, &["و", "الي"]) {
                if a.day.is_some() && b.day == a.day.map(|d| d + 1) {
                    let f = self.found(i, end, What::Interval(a, b.clone()), "time.interval.days", 0.85);
                    return Some((self.with_year(f, yb, &b), end));
                }
                let f = self.found(i, i + 2, What::Point(a), "time.date.days", 0.8);
                return Some((f, i + 2));
            }
            let mut end = i + 2;
            if let Some(c) = self.connector(i + 2, &["و"]).filter(|&c| self.day(c).is_some()) {
                end = c + 1;
            }
            let mut p = Point::new(Calendar::Gregorian);
            p.day = Some(d1);
            return Some((self.found(i, end, What::Point(p), "time.date.days", 0.4), end));
        }
        if self.word(i, "شهري").is_some() {
            let a = self.point(i + 1).filter(|a| a.value.day.is_none() && a.value.month.is_some())?;
            let b = self.point(a.end).filter(|b| {
                self.toks[a.end].key.starts_with('و') && b.value.day.is_none() && b.value.month.is_some()
            })?;
            let f =
                self.found(i, b.end, What::Interval(a.value.clone(), b.value.clone()), "time.interval.months", 0.85);
            let f = self.with_year(f, b.year_tok, &b.value);
            return Some((f, b.end));
        }
        None
    }

    /// A feast (`feasts.tsv`): its name alone is its first day (عيد الفطر المبارك); أيام،
    /// إجازة، عطلة before it make it the whole holiday, يومي its first two days, صلاة its
    /// first day. العيد alone needs one of those words before it or المبارك after it
    /// (العيد الوطني is another feast).
    fn feast(&self, i: usize) -> Option<(Found, usize)> {
        // أول أيام العيد، اليوم الثاني للعيد، اليوم الأول من عيد الفطر
        let nth = match numbers::ordinal(self.toks, i, self.q) {
            Some((v, e)) if (1.0..=4.0).contains(&v) && self.word(e, "ايام") == Some(0) => Some((v as u32, e + 1)),
            _ if self.word(i, "اليوم").is_some() => match numbers::ordinal(self.toks, i + 1, self.q) {
                Some((v, e)) if (1.0..=4.0).contains(&v) => {
                    Some((v as u32, if self.word(e, "من") == Some(0) { e + 1 } else { e }))
                }
                _ => None,
            },
            _ => None,
        };
        let whole = self.any_word(i, &["ايام", "اجازه", "عطله"]).is_some();
        let two = self.word(i, "يومي").is_some();
        let prayer = self.word(i, "صلاه").is_some();
        let j = match nth {
            Some((_, e)) => e,
            None if whole || two || prayer => i + 1,
            None => i,
        };
        let m = self.lex.feasts.find(self.toks, j, true)?;
        let feast = *m.value;
        let mut end = m.end;
        let blessed = self.any_word(end, &["المبارك", "السعيد"]) == Some(0);
        if blessed {
            end += 1;
        }
        if feast.month.is_none() && j == i && !blessed {
            return None;
        }
        // العيد الوطني، عيد العمال: another feast
        if feast.month.is_none()
            && !blessed
            && self.tok(end).is_some_and(|t| t.kind == TokenKind::Arabic && t.key.starts_with("ال"))
        {
            return None;
        }
        let days = if let Some((n, _)) = nth {
            FeastDays::Nth(n)
        } else if whole {
            FeastDays::Holiday
        } else if two {
            FeastDays::FirstTwo
        } else {
            FeastDays::First
        };
        let f = self.found(i, end, What::Feast(feast, days), "time.date.feast", 0.7);
        Some((f, end))
    }

    /// A part of a year: a quarter (الربع الثاني، الثلاثية الأولى), a half (السداسي الأول،
    /// النصف الأول من العام), the first or last months (الأشهر العشرة الأولى من 2014), with
    /// its year (من عام 2015، من العام الماضي, or none); نهاية before a quarter makes it
    /// its last month (بنهاية الربع الأول من عام 2015).
    fn part_of_year(&self, i: usize) -> Option<(Found, usize)> {
        let end_of = self.any_word(i, &["نهايه", "ختام"]).is_some();
        let j = if end_of { i + 1 } else { i };
        let ordinal_at = |k: usize| numbers::ordinal(self.toks, k, self.q);
        let last_word = |k: usize| self.any_word(k, &["الاخير", "الاخيره"]) == Some(0);
        let (first, last, k, needs_year) = if self.any_word(j, &["الربع", "الثلاثيه", "الثلاثي"]).is_some()
        {
            let q = match ordinal_at(j + 1) {
                Some((v, e)) if (1.0..=4.0).contains(&v) => (v as u32, e),
                _ if last_word(j + 1) => (4, j + 2),
                _ => return None,
            };
            // الربعي is an adjective; الربع alone is a fraction's word
            (3 * q.0 - 2, 3 * q.0, q.1, false)
        } else if self.any_word(j, &["السداسي", "السداسيه", "النصف"]).is_some() {
            let half = match ordinal_at(j + 1) {
                Some((v, e)) if (1.0..=2.0).contains(&v) => (v as u32, e),
                _ => return None,
            };
            // النصف الأول is also a match's half: a year must be said
            let needs = self.word(j, "النصف").is_some();
            (6 * half.0 - 5, 6 * half.0, half.1, needs)
        } else if self.any_word(j, &["الاشهر", "الشهور"]).is_some() {
            let n = numbers::parse(self.toks, j + 1, self.q)
                .filter(|n| !n.digits && n.end == j + 2 && n.value.is_some_and(|v| (2.0..=11.0).contains(&v)))?;
            let n = n.value? as u32;
            if self.any_word(j + 2, &["الاولي"]) == Some(0) {
                (1, n, j + 3, false)
            } else if last_word(j + 2) {
                (13 - n, 12, j + 3, false)
            } else {
                return None;
            }
        } else {
            return None;
        };
        if end_of && last - first != 2 {
            return None;
        }
        // its year: من (عام) 2015، لعام 2015، 2015، من العام الماضي، من هذا العام
        let mut e = k;
        let mut year = YearRef::Unstated;
        let mut year_tok = None;
        let from = if self.word(e, "من").is_some() { e + 1 } else { e };
        let at = if self.any_word(from, &["عام", "العام", "سنه", "السنه"]).is_some() && self.int(from + 1).is_some()
        {
            from + 1
        } else {
            from
        };
        let lam_year = self.any_word(e, &["عام", "سنه"]).is_some() && self.toks[e].key.starts_with('ل');
        if let Some(y) = self.int(at).filter(|y| (1900..=2100).contains(y) && self.toks[at].norm.len() == 4) {
            year = YearRef::Stated(y as i32);
            year_tok = Some(at);
            e = at + 1;
            if self.any_word(e, &["م", "ميلادي"]).is_some() {
                e += 1;
            }
        } else if let Some(y) = self.int(e + 1).filter(|_| lam_year) {
            year = YearRef::Stated(y as i32);
            year_tok = Some(e + 1);
            e += 2;
        } else if self.word(e, "من").is_some() {
            if let Some(m) = self.lex.relative.find(self.toks, e + 1, false) {
                if let Relative::Offset('Y', n) = m.value {
                    year = YearRef::Offset(*n as i32);
                    e = m.end;
                }
            }
        }
        if needs_year && year == YearRef::Unstated {
            return None;
        }
        let (first, last) = if end_of { (last, last) } else { (first, last) };
        let mut f = self.found(i, e, What::Months(first, last, year.clone()), "time.interval.part_of_year", 0.85);
        if let (Some(k), YearRef::Stated(y)) = (year_tok, year) {
            f.year_evidence = Some((k, y, self.toks[k].span));
        }
        Some((f, e))
    }

    /// A length with the article: a dual unit (اليومين، الشهرين) or a plural unit and a
    /// number word with the article (الأيام الأربعة، الأشهر السبعة), then an adjective of
    /// past or future (الماضية، المنقضية، الأخيرة، المقبلة), which belongs to it.
    fn definite_length(&self, i: usize) -> Option<(Found, usize)> {
        let t = self.tok(i).filter(|t| t.kind == TokenKind::Arabic)?;
        let (_, bare) = stems(&t.key).find(|(_, s)| s.starts_with("ال"))?;
        let u = *self.lex.units.get(&bare["ال".len()..])?;
        let (n, mut end) = if u.dual {
            (2.0, i + 1)
        } else {
            let m = numbers::parse(self.toks, i + 1, self.q).filter(|m| !m.digits && m.end == i + 2)?;
            let number = &self.toks[i + 1].key[m.stripped..];
            if !number.starts_with("ال") {
                return None;
            }
            (m.value?, m.end)
        };
        let adjective = [
            "الماضيه",
            "الماضيين",
            "المنقضيه",
            "المنقضين",
            "الاخيره",
            "الاخيرين",
            "المقبله",
            "المقبلين",
            "القادمه",
            "القادمين",
            "الاولي",
            "الاولين",
        ];
        if self.any_word(end, &adjective) == Some(0) {
            end += 1;
        } else if !u.dual {
            return None;
        }
        let f =
            self.found(i, end, What::Duration(iso_duration(u.designator, n * u.size)), "time.duration.definite", 0.8);
        Some((f, end))
    }

    /// The unit of time at token `k` (its clitics not allowed).
    fn unit_at(&self, k: usize) -> Option<TimeUnit> {
        self.tok(k).filter(|t| t.kind == TokenKind::Arabic).and_then(|t| self.lex.units.get(t.key.as_str())).copied()
    }

    /// A singular unit with the article standing for one of it after a bound (ما يقارب
    /// الشهر).
    fn definite_unit(&self, k: usize) -> Option<M<(&'static str, f64)>> {
        let t = self.tok(k).filter(|t| t.kind == TokenKind::Arabic && t.key.starts_with("ال"))?;
        let bare = &t.key["ال".len()..];
        if !["يوم", "اسبوع", "شهر", "عام", "سنه", "ساعه", "دقيقه", "عقد", "قرن"].contains(&bare)
        {
            return None;
        }
        let u = self.lex.units.get(bare).filter(|u| !u.dual)?;
        // قرابة الساعة 8:00، حوالي الساعة الثالثة: a time of day
        if self.int(k + 1).is_some() || numbers::ordinal(self.toks, k + 1, self.q).is_some() {
            return None;
        }
        Some(M { end: k + 1, value: (u.designator, u.size), year_tok: None })
    }

    /// A duration at `i`: (لمدة) number + unit of time, or a dual unit (يومين), or
    /// a unit alone after لمدة, or a unit with واحد or كامل after it (يوم واحد، عام
    /// كامل); كامل after a length belongs to it. Value: (ISO designator, amount).
    fn duration(&self, i: usize, marker_allowed: bool) -> Option<M<(&'static str, f64)>> {
        let marker =
            if marker_allowed { self.any_word(i, &["مده", "طيله", "طوال", "خلال"]) } else { None };
        let j = if marker.is_some() { i + 1 } else { i };
        let whole = |end: usize| {
            if self.any_word(end, &["كامل", "كامله", "كاملا", "كاملين", "كاملتين"]) == Some(0)
            {
                end + 1
            } else {
                end
            }
        };
        // سنة ونصف، ساعتين ونصف: half a unit more
        let half = |end: usize| self.word(end, "ونصف") == Some(0);
        if let Some(n) = numbers::parse(self.toks, j, self.q) {
            if let (Some(u), Some(v)) = (self.unit_at(n.end), n.value) {
                // a year after a number is a date (2022 عام), not a duration; عقود is also
                // "contracts": decades only where time is spoken of
                let decades = u.size == 10.0
                    && !(i > 0 && self.any_word(i - 1, TIME_PREPOSITIONS).is_some())
                    && !(i > 1 && self.any_word(i - 2, TIME_PREPOSITIONS).is_some())
                    && self.any_word(n.end + 1, &["الماضيه", "الاخيره", "المقبله", "الماضيين"]).is_none();
                let year_after = n.digits && v >= 1000.0;
                if !(year_after || u.dual || decades) {
                    let (end, v) = if half(n.end + 1) { (n.end + 2, v + 0.5) } else { (whole(n.end + 1), v) };
                    return Some(M { end, value: (u.designator, v * u.size), year_tok: None });
                }
            }
            return None;
        }
        let u = self.unit_at(j)?;
        if half(j + 1) {
            let n = if u.dual { 2.5 } else { 1.5 };
            return Some(M { end: j + 2, value: (u.designator, n * u.size), year_tok: None });
        }
        if u.dual {
            return Some(M { end: whole(j + 1), value: (u.designator, 2.0 * u.size), year_tok: None });
        }
        // يوم واحد، سنة واحدة، عام كامل
        if self.any_word(j + 1, &["واحد", "واحده", "واحدا"]) == Some(0) {
            return Some(M { end: whole(j + 2), value: (u.designator, u.size), year_tok: None });
        }
        if self.any_word(j + 1, &["كامل", "كامله", "كاملا"]) == Some(0) {
            return Some(M { end: j + 2, value: (u.designator, u.size), year_tok: None });
        }
        // a bare singular unit counts only after لمدة (لمدة يوم), not خلال (خلال الشهر)
        if marker.is_some() && self.word(i, "مده").is_some() {
            return Some(M { end: whole(j + 1), value: (u.designator, u.size), year_tok: None });
        }
        if marker.is_none() && self.lasting_object(j) {
            return Some(M { end: j + 1, value: (u.designator, u.size), year_tok: None });
        }
        None
    }

    /// True when the singular unit at `j` is what a verb of lasting just before it
    /// measures (استمر الاجتماع ساعة، دامت الحرب عاما): one of the unit. Only forms whose
    /// case cannot make them a date's head (ساعة، سنة، يوما; not يوم, which opens يوم
    /// الخميس), and not before a number, a weekday or a month (استمرت حتى سنة 2015).
    fn lasting_object(&self, j: usize) -> bool {
        const UNITS: &[&str] = &["ساعه", "دقيقه", "سنه", "يوما", "اسبوعا", "شهرا", "عاما", "عقدا", "قرنا"];
        const VERBS: &[&str] = &[
            "استمر",
            "استمرت",
            "يستمر",
            "تستمر",
            "دام",
            "دامت",
            "يدوم",
            "تدوم",
            "استغرق",
            "استغرقت",
            "يستغرق",
            "تستغرق",
            "امتد",
            "امتدت",
            "يمتد",
            "تمتد",
            "مكث",
            "مكثت",
            "يمكث",
            "تمكث",
        ];
        if !self.tok(j).is_some_and(|t| t.kind == TokenKind::Arabic && UNITS.contains(&t.key.as_str())) {
            return false;
        }
        let date_after = self.tok(j + 1).is_some_and(|t| t.kind == TokenKind::Number)
            || self.month_at(j + 1).is_some()
            || self.lex.weekdays.find(self.toks, j + 1, false).is_some();
        // the verb, or the verb and its subject (استمرت المعركة ساعة)
        let verb = (1..=2).any(|back| j >= back && self.any_word(j - back, VERBS).is_some());
        verb && !date_after
    }
}

/// An ISO 8601 duration of `n` units (Y, M, W, D; TH, TM, TS): P3D, PT5H; a fraction
/// of an hour or a year is written with the next unit down (سنة ونصف: P1Y6M, نصف ساعة:
/// PT30M, ساعتين ونصف: PT2H30M).
fn iso_duration(unit: &str, n: f64) -> String {
    let whole = n.trunc();
    let (lower, rest) = match unit {
        "TH" => ("M", (n - whole) * 60.0),
        "Y" => ("M", (n - whole) * 12.0),
        _ => ("", 0.0),
    };
    if rest > 0.0 && rest.fract() == 0.0 {
        let head = if whole > 0.0 { format!("{}{}", fmt_num(whole), &unit[unit.len() - 1..]) } else { String::new() };
        let t = if unit.starts_with('T') { "T" } else { "" };
        return format!("P{t}{head}{}{lower}", fmt_num(rest));
    }
    match unit.strip_prefix('T') {
        Some(u) => format!("PT{}{u}", fmt_num(n)),
        None => format!("P{}{unit}", fmt_num(n)),
    }
}

/// A number for an ISO value: an integer without a fraction.
fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
