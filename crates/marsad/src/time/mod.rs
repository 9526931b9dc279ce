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
    found.into_iter().map(|f| resolve(res.time, f, &ctx)).collect()
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
/// `None` (no marker: the year that puts it nearest the publication date).
fn year_for_month(pub_year: i32, pub_month: u32, month: u32, rel: Option<i32>) -> i32 {
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
            } else if pm - m > 6 {
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
        let y = year_for_month(py, pm, p.month.unwrap_or(1), p.rel);
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
        parse::What::Point(p) => {
            out.calendar = p.calendar;
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
            out.value = va.map(|x| match published {
                Some(pd) => format!("{}/{}", first_half(&x), iso(pd)),
                None => format!("{}/..", first_half(&x)),
            });
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
        parse::What::Relative(rel) => {
            out.anchor = Anchor::None;
            match rel {
                Relative::Vague(_) => {}
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
