//! The times stage: dates in every Arabic month-name system, Hijri dates
//! (converted with the Umm al-Qura table), numeric dates, years, decades,
//! weekdays, times of day, intervals, durations, recurrences and relative
//! expressions, each with an ISO 8601 value.
//!
//! Parsing ([`parse`]) finds expressions in the tokens; resolving gives each its
//! value. An expression without its own year is anchored:
//! - to the publication date (`meta.published`, `YYYY-MM-DD`) when known —
//!   `نوفمبر الجاري` is November of that year, `نوفمبر الماضي` the last November
//!   before it, `أمس` the day before;
//! - else to a year the article states (the nearest explicit year: `عام 2022`, a
//!   dated name like `فوستوك2022`, a bare `2022`), flagged `inferred` with that
//!   year's span as `evidence`;
//! - else it stays partial (`XXXX-11-16`); day-relative expressions get no value.
//!
//! Nothing is guessed: an impossible date (31 February, month 13, year 99999)
//! keeps its span with no value and a low confidence.

pub use marsad_core::document::{Anchor, Calendar, Evidence, TimeExpr, TimeKind};

pub mod conventions;
pub mod lexicon;
pub mod parse;

use chrono::{Datelike, Days, Months, NaiveDate};

use lexicon::{Relative, TimeLexicon};
use marsad_core::document::{Document, Origin, TokenKind};
use marsad_core::span::Span;
use parse::{Found, Point, WeekdayRef};

/// What the time stages read besides the document: borrowed from the pipeline's resources.
#[derive(Clone, Copy)]
pub struct TimeData<'r> {
    /// Word frequencies.
    pub lexicon: &'r marsad_core::lexicon::Lexicon,
    /// Month names, relative expressions and the Umm al-Qura table.
    pub time: &'r lexicon::TimeLexicon,
    /// Number words, read inside time expressions.
    pub quantity: &'r crate::quantity::lexicon::QuantityLexicon,
}

/// The stage: adds [`Document::times`].
pub fn recognize(doc: &mut Document, res: &TimeData) {
    doc.times = find(doc, res);
}

/// Finds and resolves the time expressions of a tokenised document.
pub fn find(doc: &Document, res: &TimeData) -> Vec<TimeExpr> {
    let found = parse::parse(doc, res.time, res.quantity, res.lexicon);
    let published = doc.meta.published.as_deref().and_then(parse_published);
    let years = explicit_years(doc, &found);
    let dateline = dateline(&found);
    let ctx = Context { published, years: &years, dateline };
    let mut out: Vec<TimeExpr> = Vec::with_capacity(found.len());
    for f in found {
        let anaphor = match f.what {
            parse::What::Relative(Relative::Anaphor(unit, n)) => Some((unit, n)),
            _ => None,
        };
        let mut t = resolve(res.time, f, &ctx);
        if let Some((unit, n)) = anaphor {
            refer_back(&out, unit, n, &mut t);
        }
        out.push(t);
    }
    conventions::apply(doc, &mut out);
    out
}

/// The value of a time that refers back (اليوم التالي، العام نفسه، آنذاك): the last date
/// or stretch before it with a value precise enough for `unit`, moved by `n` units;
/// anchored `inferred` with that expression as evidence. None found: no value.
fn refer_back(before: &[TimeExpr], unit: char, n: i64, out: &mut TimeExpr) {
    let known = |v: &str| v.as_bytes().first().is_some_and(u8::is_ascii_digit);
    for prev in before.iter().rev() {
        let Some(v) = prev.value.as_deref().filter(|v| known(v)) else { continue };
        if !matches!(prev.kind, TimeKind::Date | TimeKind::Interval) {
            continue;
        }
        let start = first_half(v);
        let value = match unit {
            'D' => NaiveDate::parse_from_str(start, "%Y-%m-%d").ok().and_then(|d| shift(d, 'D', n)).map(iso),
            'M' => start
                .get(..7)
                .and_then(|ym| NaiveDate::parse_from_str(&format!("{ym}-01"), "%Y-%m-%d").ok())
                .and_then(|d| shift(d, 'M', n))
                .map(|d| d.format("%Y-%m").to_string()),
            'Y' => start.get(..4).and_then(|y| y.parse::<i64>().ok()).map(|y| format!("{:04}", y + n)),
            _ => Some(v.to_owned()),
        };
        if let Some(value) = value {
            out.value = Some(value);
            out.kind = if unit == '*' { prev.kind } else { TimeKind::Date };
            out.anchor = Anchor::Inferred;
            out.inferred = true;
            out.evidence = Some(Evidence { span: prev.span });
            out.origin.confidence = out.origin.confidence.min(0.4);
            return;
        }
        if unit != 'Y' {
            // the last date said is not precise enough: do not reach further back
            return;
        }
    }
}

/// What a document says about when it was written, for resolving its expressions.
struct Context<'a> {
    /// The publication date, when known.
    published: Option<NaiveDate>,
    /// Years stated in the text (see [`explicit_years`]).
    years: &'a [(usize, i32, Span)],
    /// The year of the text's first full Gregorian date, and that date's span: news
    /// opens on the day of its event, so the current year (العام الجاري) is that
    /// date's year rather than whatever year stands nearest.
    dateline: Option<(i32, Span)>,
}

/// The first full, valid Gregorian date (day, month and year) in the text.
fn dateline(found: &[Found]) -> Option<(i32, Span)> {
    found.iter().find_map(|f| match &f.what {
        parse::What::Point(p)
            if p.calendar == Calendar::Gregorian && p.day.is_some() && p.month.is_some() && !p.invalid =>
        {
            p.year.map(|y| (y, f.span))
        }
        _ => None,
    })
}

/// A publication date `YYYY-MM-DD` (anything after the date, a time, is ignored).
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// Years stated in the text, with the token they stand at and their span: years of
/// absolute expressions, and four-digit numbers 1900–2100 (bare or glued to a name).
fn explicit_years(doc: &Document, found: &[Found]) -> Vec<(usize, i32, Span)> {
    let mut years: Vec<(usize, i32, Span)> = Vec::new();
    for f in found {
        if let Some((tok, y, span)) = f.year_evidence {
            years.push((tok, y, span));
        }
    }
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind == TokenKind::Number && t.norm.len() == 4 {
            if let Some(v) = t.value.filter(|v| (1900.0..=2100.0).contains(v) && v.fract() == 0.0) {
                years.push((i, v as i32, t.span));
            }
        }
    }
    // one entry per token (an expression's own year first), in token order
    years.sort_by_key(|(k, _, _)| *k);
    years.dedup_by_key(|(k, _, _)| *k);
    years
}

/// The year nearest to token `at` (by token distance; the earlier one on a tie),
/// and its span. `years` is sorted by token.
fn nearest_year(years: &[(usize, i32, Span)], at: usize) -> Option<(i32, Span)> {
    let i = years.partition_point(|(k, _, _)| *k < at);
    let before = i.checked_sub(1).and_then(|j| years.get(j));
    let after = years.get(i);
    let best = match (before, after) {
        (Some(b), Some(a)) => Some(if at - b.0 <= a.0 - at { b } else { a }),
        (b, a) => b.or(a),
    };
    best.map(|&(_, y, s)| (y, s))
}

/// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` with `XXXX` for an unknown year.
pub fn format_point(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> String {
    let y = year.map_or("XXXX".to_owned(), |y| format!("{y:04}"));
    match (month, day) {
        (Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{y}-{m:02}"),
        _ => y,
    }
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The year of a month written without one, relative to the publication date:
/// `rel` -1 (الماضي, the last such month before), 0 (الجاري), 1 (المقبل), or
/// `None` (no marker: the publication year, unless the month is more than half a year
/// after it — last year's — or, in a clause about the future, more than half a year
/// before it — next year's; the guideline's "unless tense says otherwise").
fn year_for_month(pub_year: i32, pub_month: u32, month: u32, rel: Option<i32>, future: bool) -> i32 {
    let y = pub_year;
    let pm = pub_month as i32;
    let m = month as i32;
    match rel {
        Some(-1) => {
            if m < pm {
                y
            } else {
                y - 1
            }
        }
        Some(1) => {
            if m > pm {
                y
            } else {
                y + 1
            }
        }
        Some(_) => y,
        None => {
            if m - pm > 6 {
                y - 1
            } else if pm - m > 6 && future {
                y + 1
            } else {
                y
            }
        }
    }
}

/// How a year was fixed.
struct YearFix {
    year: Option<i32>,
    anchor: Anchor,
    evidence: Option<Span>,
}

fn fix_year(
    lex: &TimeLexicon,
    p: &Point,
    at: usize,
    published: Option<NaiveDate>,
    years: &[(usize, i32, Span)],
) -> YearFix {
    if let Some(y) = p.year {
        return YearFix { year: Some(y), anchor: Anchor::Absolute, evidence: None };
    }
    if p.month.is_none() {
        return YearFix { year: None, anchor: Anchor::None, evidence: None };
    }
    if let Some(pd) = published {
        let (py, pm) = match p.calendar {
            Calendar::Gregorian => (pd.year(), pd.month()),
            Calendar::Hijri => match lex.hijri_of(pd) {
                Some(h) => h,
                None => return YearFix { year: None, anchor: Anchor::None, evidence: None },
            },
        };
        let mut y = year_for_month(py, pm, p.month.unwrap_or(1), p.rel, p.future);
        // the publication month itself with a day: المقبل before the day is this year's
        // (19 فيفري المقبل on 13 February), الماضي after it too
        if p.month == Some(pm) && p.calendar == Calendar::Gregorian {
            if let Some(d) = p.day {
                let pday = pd.day();
                if (p.rel == Some(1) && d > pday) || (p.rel == Some(-1) && d < pday) {
                    y = py;
                }
            }
        }
        return YearFix { year: Some(y), anchor: Anchor::Published, evidence: None };
    }
    if p.calendar == Calendar::Hijri {
        // a year stated in the text is Gregorian: it does not fix a Hijri year
        return YearFix { year: None, anchor: Anchor::None, evidence: None };
    }
    if let Some((y, span)) = nearest_year(years, at) {
        return YearFix { year: Some(y), anchor: Anchor::Inferred, evidence: Some(span) };
    }
    YearFix { year: None, anchor: Anchor::None, evidence: None }
}

/// The value of a point with its year fixed; `None` for an impossible date.
fn point_value(lex: &TimeLexicon, p: &Point, year: Option<i32>) -> Option<String> {
    if p.calendar == Calendar::Hijri {
        let y = year?;
        return match (p.month, p.day) {
            (Some(m), Some(d)) => lex.hijri_to_gregorian(y, m, d).map(iso),
            (Some(m), None) => lex.hijri_month(y, m).map(|(a, b)| format!("{}/{}", iso(a), iso(b))),
            _ => {
                let (a, _) = lex.hijri_month(y, 1)?;
                let (_, b) = lex.hijri_month(y, 12)?;
                Some(format!("{}/{}", iso(a), iso(b)))
            }
        };
    }
    if !p.valid(year) {
        return None;
    }
    Some(format_point(year, p.month, p.day))
}

fn resolve(lex: &TimeLexicon, f: Found, ctx: &Context) -> TimeExpr {
    let (published, years) = (ctx.published, ctx.years);
    let mut out = TimeExpr {
        span: f.span,
        kind: TimeKind::Date,
        value: None,
        anchor: Anchor::Absolute,
        inferred: false,
        evidence: None,
        calendar: Calendar::Gregorian,
        origin: Origin::rule(f.rule, f.confidence),
    };
    let low = |out: &mut TimeExpr| out.origin.confidence = out.origin.confidence.min(0.2);
    let set_fix = |out: &mut TimeExpr, fix: &YearFix| {
        if out.anchor == Anchor::Absolute || fix.anchor != Anchor::Absolute {
            out.anchor = fix.anchor;
        }
        if fix.anchor == Anchor::Inferred {
            out.inferred = true;
            out.evidence = fix.evidence.map(|span| Evidence { span });
            out.origin.confidence = (out.origin.confidence * 0.8).min(0.75);
        }
    };
    match f.what {
        parse::What::Point(mut p) => {
            out.calendar = p.calendar;
            // الخامس من الشهر المقبل: the month from the publication date
            if let Some(n) = p.month_offset {
                match published.and_then(|pd| shift(pd.with_day(1)?, 'M', i64::from(n))) {
                    Some(d) => {
                        p.month = Some(d.month());
                        p.year = Some(d.year());
                        out.anchor = Anchor::Published;
                    }
                    None => out.anchor = Anchor::None,
                }
            }
            let fix = fix_year(lex, &p, f.first_token, published, years);
            out.value = point_value(lex, &p, fix.year);
            set_fix(&mut out, &fix);
            if p.calendar == Calendar::Hijri && (p.month.is_some() && p.day.is_none() || p.month.is_none()) {
                out.kind = if out.value.is_some() { TimeKind::Interval } else { TimeKind::Date };
            }
            if out.value.is_none() && (p.invalid || p.calendar == Calendar::Gregorian) {
                low(&mut out);
            }
        }
        parse::What::Interval(a, b) => {
            out.kind = TimeKind::Interval;
            out.calendar = a.calendar;
            let fa = fix_year(lex, &a, f.first_token, published, years);
            let mut fb = fix_year(lex, &b, f.first_token, published, years);
            // the end inherits the start's year when it has none (and vice versa)
            if b.year.is_none() && a.year.is_some() {
                fb = YearFix { year: a.year, anchor: Anchor::Absolute, evidence: None };
            }
            let fa = if a.year.is_none() && b.year.is_some() {
                YearFix { year: b.year, anchor: Anchor::Absolute, evidence: None }
            } else {
                fa
            };
            let va = point_value(lex, &a, fa.year);
            let vb = point_value(lex, &b, fb.year);
            match (va, vb) {
                (Some(x), Some(y)) => out.value = Some(format!("{}/{}", first_half(&x), last_half(&y))),
                _ => low(&mut out),
            }
            set_fix(&mut out, &fa);
            if fb.anchor == Anchor::Inferred {
                set_fix(&mut out, &fb);
            }
        }
        parse::What::Since(a) => {
            out.kind = TimeKind::Interval;
            out.calendar = a.calendar;
            let fa = fix_year(lex, &a, f.first_token, published, years);
            let va = point_value(lex, &a, fa.year);
            set_fix(&mut out, &fa);
            // an open interval: the guideline writes منذ عام 2014 as 2014/..
            out.value = va.map(|x| format!("{}/..", first_half(&x)));
        }
        parse::What::Duration(d) => {
            out.kind = TimeKind::Duration;
            out.value = Some(d);
        }
        parse::What::Set(d) => {
            out.kind = TimeKind::Set;
            out.value = Some(d.to_owned());
        }
        parse::What::Time(t) => {
            out.kind = TimeKind::Time;
            out.value = Some(t);
        }
        parse::What::Weekday(w, rel) => {
            out.anchor = Anchor::None;
            out.value = Some(format!("XXXX-WXX-{w}"));
            if let Some(pd) = published {
                let today = pd.weekday().number_from_monday() as i64;
                let ahead = (w as i64 - today).rem_euclid(7);
                let behind = (today - w as i64).rem_euclid(7);
                let delta = match rel {
                    WeekdayRef::OnOrBefore => -behind,
                    WeekdayRef::OnOrAfter => ahead,
                    // the one nearest the day غدا names (a corpus date a day late still
                    // finds the Thursday of غدا الخميس)
                    WeekdayRef::Near(days) => {
                        let from = (today + days).rem_euclid(7);
                        let fwd = (w as i64 - from).rem_euclid(7);
                        days + if fwd <= 3 { fwd } else { fwd - 7 }
                    }
                    // never the publication day itself
                    WeekdayRef::Last => -(if behind == 0 { 7 } else { behind }),
                    WeekdayRef::Next => {
                        if ahead == 0 {
                            7
                        } else {
                            ahead
                        }
                    }
                };
                out.anchor = Anchor::Published;
                out.value = shift(pd, 'D', delta).map(iso);
            }
        }
        parse::What::Decade(d) => out.value = Some(format!("{d}X")),
        parse::What::Ago(unit, n) => {
            out.anchor = Anchor::None;
            if let Some(pd) = published {
                out.anchor = Anchor::Published;
                out.value = shift(pd, unit, n).map(|d| format_relative(d, unit));
            }
        }
        parse::What::Yearly(a, b) => {
            // a date or stretch of every year: its year unknown
            out.kind = TimeKind::Set;
            let va = format_point(None, a.month, a.day);
            out.value = Some(match b {
                Some(b) => format!("{va}/{}", format_point(None, b.month.or(a.month), b.day)),
                None => va,
            });
        }
        parse::What::Months(first, last, year) => {
            out.kind = if first == last { TimeKind::Date } else { TimeKind::Interval };
            let y = match year {
                parse::YearRef::Stated(y) => Some(y),
                parse::YearRef::Offset(n) => {
                    out.anchor = Anchor::Published;
                    published.map(|pd| pd.year() + n)
                }
                parse::YearRef::Unstated => {
                    // the last such part begun by the publication date
                    out.anchor = Anchor::Published;
                    published.map(|pd| if first <= pd.month() { pd.year() } else { pd.year() - 1 })
                }
            };
            let y = match y {
                Some(y) => Some(y),
                None => match nearest_year(years, f.first_token) {
                    Some((y, span)) => {
                        out.anchor = Anchor::Inferred;
                        out.inferred = true;
                        out.evidence = Some(Evidence { span });
                        out.origin.confidence = out.origin.confidence.min(0.6);
                        Some(y)
                    }
                    None => None,
                },
            };
            let (a, b) = (format_point(y, Some(first), None), format_point(y, Some(last), None));
            out.value = Some(if first == last { a } else { format!("{a}/{b}") });
            if y.is_none() {
                out.anchor = Anchor::None;
            }
        }
        parse::What::Feast(feast, days) => {
            out.calendar = Calendar::Hijri;
            out.anchor = Anchor::Published;
            if let Some(pd) = published {
                // which feast (العيد alone: either), and its occurrence nearest the publication date
                let feasts = match feast.month {
                    Some(m) => vec![(m, feast.first, feast.last)],
                    None => vec![(10, 1, 3), (12, 10, 13)],
                };
                let best = lex.hijri_of(pd).and_then(|(hy, _)| {
                    feasts
                        .iter()
                        .flat_map(|&f| [hy - 1, hy, hy + 1].map(move |y| (y, f)))
                        .filter_map(|(y, (m, a, b))| {
                            let (a, b) = match days {
                                parse::FeastDays::First => (a, a),
                                parse::FeastDays::FirstTwo => (a, a + 1),
                                parse::FeastDays::Holiday => (a, b),
                                parse::FeastDays::Nth(n) => (a + n - 1, a + n - 1),
                            };
                            Some((lex.hijri_to_gregorian(y, m, a)?, lex.hijri_to_gregorian(y, m, b)?))
                        })
                        .min_by_key(|(a, _)| (*a - pd).num_days().abs())
                });
                if let Some((a, b)) = best {
                    out.kind = if a == b { TimeKind::Date } else { TimeKind::Interval };
                    out.value = Some(if a == b { iso(a) } else { format!("{}/{}", iso(a), iso(b)) });
                }
            }
        }
        parse::What::ClockOn(clock, day) => {
            // the day's value, then the time on it
            let head = Found {
                span: f.span,
                first_token: f.first_token,
                what: *day,
                rule: f.rule,
                confidence: f.confidence,
                year_evidence: None,
            };
            let inner = resolve(lex, head, ctx);
            out.kind = TimeKind::Time;
            out.anchor = inner.anchor;
            out.value = Some(match inner.value {
                Some(d) if d.len() == 10 => format!("{d}{clock}"),
                _ => clock,
            });
        }
        parse::What::Relative(rel) => {
            out.anchor = Anchor::None;
            match rel {
                Relative::Vague(_) | Relative::Anaphor(..) => {}
                // a time of day whose hour is not known (بعد الظهر، عند العصر)
                Relative::Clock(_) => out.kind = TimeKind::Time,
                Relative::Set(p) => {
                    out.kind = TimeKind::Set;
                    out.anchor = Anchor::Absolute;
                    out.value = Some(p.to_owned());
                }
                Relative::MidMonth => {
                    if let Some(pd) = published {
                        out.anchor = Anchor::Published;
                        out.value = Some(format!("{}-15", pd.format("%Y-%m")));
                    }
                }
                Relative::Offset(unit, n) => {
                    if let Some(pd) = published {
                        out.anchor = Anchor::Published;
                        out.value = shift(pd, unit, n).map(|d| format_relative(d, unit));
                    } else if unit == 'Y' {
                        if let Some((y, span)) = ctx.dateline.or_else(|| nearest_year(years, f.first_token)) {
                            // العام الجاري/الماضي relative to the article's date, or a year it states
                            if let Some(v) = y.checked_add(n as i32) {
                                out.anchor = Anchor::Inferred;
                                out.inferred = true;
                                out.evidence = Some(Evidence { span });
                                out.value = Some(format!("{v:04}"));
                                out.origin.confidence = out.origin.confidence.min(0.5);
                            }
                        }
                    }
                }
            }
        }
    }
    // without a value nothing was anchored
    if out.value.is_none() {
        out.anchor = Anchor::None;
        out.inferred = false;
        out.evidence = None;
    }
    out
}

/// The start of a value that may itself be an interval.
fn first_half(v: &str) -> &str {
    v.split('/').next().unwrap_or(v)
}

/// The end of a value that may itself be an interval.
fn last_half(v: &str) -> &str {
    v.rsplit('/').next().unwrap_or(v)
}

/// `date` moved by `n` units (D, W, M, Y).
fn shift(date: NaiveDate, unit: char, n: i64) -> Option<NaiveDate> {
    let n32 = i32::try_from(n).ok()?;
    match unit {
        'D' => date.checked_add_signed(chrono::TimeDelta::try_days(n)?),
        'W' => date.checked_add_signed(chrono::TimeDelta::try_weeks(n)?),
        'M' if n32 >= 0 => date.checked_add_months(Months::new(n32 as u32)),
        'M' => date.checked_sub_months(Months::new(n32.unsigned_abs())),
        'Y' if n32 >= 0 => date.checked_add_months(Months::new((n32 as u32).checked_mul(12)?)),
        'Y' => date.checked_sub_months(Months::new(n32.unsigned_abs().checked_mul(12)?)),
        _ => date.checked_add_days(Days::new(0)),
    }
}

/// A shifted date at the precision of its unit: a day, an ISO week, a month, a year.
fn format_relative(d: NaiveDate, unit: char) -> String {
    match unit {
        'W' => format!("{}-W{:02}", d.iso_week().year(), d.iso_week().week()),
        'M' => d.format("%Y-%m").to_string(),
        'Y' => d.format("%Y").to_string(),
        _ => iso(d),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_news;
