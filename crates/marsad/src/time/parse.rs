//! Finding time expressions in the tokens (values are fixed by [`super::resolve`]).
//!
//! Words are compared by matching key, with proclitics (و، ف، ب، ل، ك) allowed on
//! the first word of an expression (`بنوفمبر`, `وإلى`). At each token the first
//! rule that matches wins, in this order: an interval opened by من or بين; منذ,
//! قبل or بعد with a date or a duration; a date (optionally continued into an
//! interval by إلى، حتى، لغاية); a time of day; a duration; a relative expression;
//! a weekday; a decade.

use chrono::NaiveDate;

use super::lexicon::{DayWord, Relative, TimeLexicon};
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
}

impl Point {
    fn new(calendar: Calendar) -> Self {
        Point { year: None, month: None, day: None, calendar, rel: None, invalid: false }
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

/// Month names that are also common words (آب = father, مارس = practised, ماي):
/// they need a day, a year or شهر with them.
const AMBIGUOUS_MONTHS: &[&str] = &["اب", "مارس", "ماي"];

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
                    || s.strip_prefix("ال").is_some_and(|r| self.q.numbers.contains_key(r))
            }),
            _ => false,
        }
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

    fn any_word(&self, i: usize, keys: &[&str]) -> Option<usize> {
        keys.iter().find_map(|k| self.word(i, k))
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

    /// The expression at token `i` without a part of the day before it.
    fn at_day(&self, i: usize) -> Option<(Found, usize)> {
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
                if let Some(d) = self.duration(i + 1, false) {
                    let (unit, n) = d.value;
                    if n.fract() == 0.0 && n.abs() < 1e6 {
                        let u = unit.trim_start_matches('T').chars().next().unwrap_or('D');
                        let u = if unit.starts_with('T') { 'H' } else { u };
                        let f = self.found(i, d.end, What::Ago(u, sign * n as i64), "time.ago", 0.85);
                        return Some((f, d.end));
                    }
                }
            }
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
            let f = self.found(i, m.end, What::Time(m.value), "time.clock", 0.9);
            return Some((f, m.end));
        }
        if let Some(d) = self.duration(i, true) {
            let (unit, n) = d.value;
            let value = match unit.strip_prefix('T') {
                Some(u) => format!("PT{}{u}", fmt_num(n)),
                None => format!("P{}{unit}", fmt_num(n)),
            };
            // a preposition before it is not part of it (خلال 48 ساعة، طوال يومين); the noun مدة is (لمدة يومين)
            let first = if self.any_word(i, &["طيله", "طوال", "خلال"]).is_some() { i + 1 } else { i };
            let f = self.found(first, d.end, What::Duration(value), "time.duration", 0.9);
            return Some((f, d.end));
        }
        // (خلال) + a relative expression or a bare period (خلال الأسبوع); the
        // preposition is not part of the expression
        let ri = if self.word(i, "خلال").is_some() { i + 1 } else { i };
        if let Some(m) = self.lex.relative.find(self.toks, ri, true) {
            let what = match m.value {
                Relative::Set(p) => What::Set(p),
                r => What::Relative(r.clone()),
            };
            let rule = if matches!(what, What::Set(_)) { "time.set" } else { "time.relative" };
            return Some((self.found(ri, m.end, what, rule, 0.85), m.end));
        }
        if ri > i {
            for (key, unit) in [("الاسبوع", 'W'), ("الشهر", 'M'), ("العام", 'Y'), ("السنه", 'Y')]
            {
                if self.word(i + 1, key) == Some(0) {
                    let f = self.found(i + 1, i + 2, What::Relative(Relative::Offset(unit, 0)), "time.relative", 0.7);
                    return Some((f, i + 2));
                }
            }
        }
        // (يوم) الأحد
        let wi = if self.word(i, "يوم").is_some() { i + 1 } else { i };
        if let Some(m) = self.lex.weekdays.find(self.toks, wi, true) {
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
            let (rel, confidence) = match marked {
                Some(r) => (r, 0.85),
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
            let free_after = self
                .tok(i + 1)
                .is_none_or(|t| t.kind != TokenKind::Arabic || self.q.not_counted.contains(t.key.as_str()));
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
        if let Some(m) = self.numeric(i) {
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
        }
        let mut p = Point::new(Calendar::Gregorian);
        // الثالث من نوفمبر: an ordinal day needs من and a month after it
        if let Some(o) = self.q.ordinals.find(self.toks, j, true) {
            if self.word(o.end, "من").is_some() && self.month_at(o.end + 1).is_some() && (1.0..=31.0).contains(o.value)
            {
                p.day = Some(*o.value as u32);
                j = o.end + 1;
            }
        }
        if let Some(d) = self.day(j).filter(|_| p.day.is_none()) {
            let mut k = j + 1;
            if self.word(k, "من").is_some() && (self.month_at(k + 1).is_some()) {
                k += 1;
            }
            if self.month_at(k).is_some() {
                p.day = Some(d);
                j = k;
            }
        }
        let (mend, month, _, calendar, ambiguous) = self.month_at(j)?;
        p.month = Some(month);
        p.calendar = calendar;
        j = mend;
        let mut year_tok = None;
        if let Some(y) = self.int(j) {
            year_tok = Some(j);
            j = self.year_into(&mut p, y, j + 1);
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

    /// 12/11/2022, 2022-11-12, ١٢/١١/٢٠٢٢: day first unless the year is.
    fn numeric(&self, i: usize) -> Option<M<Point>> {
        let a = self.int(i)?;
        let sep = self.tok(i + 1).filter(|t| t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "/" | "-"))?;
        let b = self.int(i + 2)?;
        if !self.punct(i + 3, &[sep.norm.as_str()]) {
            return None;
        }
        let c = self.int(i + 4)?;
        if !(1..=4).all(|k| self.toks[i + k].joined) {
            return None;
        }
        let digits = |k: usize| self.toks[k].norm.len();
        let (y, m, d, yk) = if digits(i) == 4 {
            (a, b, c, i)
        } else if digits(i + 4) == 4 {
            (c, b, a, i + 4)
        } else {
            return None;
        };
        let mut p = Point::new(Calendar::Gregorian);
        p.year = Some(y as i32);
        p.month = u32::try_from(m).ok();
        p.day = u32::try_from(d).ok();
        p.invalid = !(1..=12).contains(&m) || !(1..=31).contains(&d);
        Some(M { end: i + 5, value: p, year_tok: Some(yk) })
    }

    /// الساعة الثالثة، الساعة 10:30 صباحا، 22:15.
    fn clock(&self, i: usize) -> Option<M<String>> {
        let s = self.word(i, "الساعه");
        let j = if s.is_some() { i + 1 } else { i };
        let (mut h, mut mi, mut end) = (None, 0u32, j);
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
        } else if s.is_some() {
            if let Some(m) = self.q.ordinals.find(self.toks, j, false).filter(|m| (1.0..=12.0).contains(m.value)) {
                h = Some(*m.value as u32);
                end = m.end;
            }
        }
        let mut h = h?;
        if let Some(t) = self.tok(end) {
            if let Some(DayWord::Daypart(pm)) = self.lex.day_words.get(t.key.as_str()) {
                if *pm && h < 12 {
                    h += 12;
                }
                end += 1;
            }
        }
        Some(M { end, value: format!("T{h:02}:{mi:02}"), year_tok: None })
    }

    /// A duration at `i`: (لمدة) number + unit of time, or a dual unit (يومين), or
    /// a unit alone after لمدة. Value: (ISO designator, amount).
    fn duration(&self, i: usize, marker_allowed: bool) -> Option<M<(&'static str, f64)>> {
        let marker =
            if marker_allowed { self.any_word(i, &["مده", "طيله", "طوال", "خلال"]) } else { None };
        let j = if marker.is_some() { i + 1 } else { i };
        let unit_at = |k: usize| {
            self.tok(k).filter(|t| t.kind == TokenKind::Arabic).and_then(|t| self.lex.units.get(t.key.as_str()))
        };
        if let Some(n) = numbers::parse(self.toks, j, self.q) {
            if let (Some(&(unit, 1.0)), Some(v)) = (unit_at(n.end), n.value) {
                // a year after a number is a date (2022 عام), not a duration
                if !(n.digits && v >= 1000.0) {
                    return Some(M { end: n.end + 1, value: (unit, v), year_tok: None });
                }
            }
            return None;
        }
        let &(unit, count) = unit_at(j)?;
        if count == 2.0 || (marker.is_some() && count == 1.0) {
            // a bare singular unit counts only after لمدة (لمدة يوم), not خلال (خلال الشهر)
            if count == 1.0 && marker.is_some() && self.word(i, "مده").is_none() {
                return None;
            }
            return Some(M { end: j + 1, value: (unit, count), year_tok: None });
        }
        None
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
