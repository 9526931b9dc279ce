//! The word lists and the Umm al-Qura table of the times stage (`resources/time/`).

use rustc_hash::FxHashMap;

use chrono::NaiveDate;

use marsad_core::normalize::key_of;
use marsad_core::phrases::{tsv_rows, Phrases};

/// A relative expression of `relative.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub enum Relative {
    /// A period `offset` units from the anchor: unit `D`, `W`, `M` or `Y`.
    Offset(char, i64),
    /// The middle of the anchor's month.
    MidMonth,
    /// A vague time, in the past (-1), present (0) or future (1): no value.
    Vague(i8),
    /// A recurrence with its ISO 8601 period (`P1D`).
    Set(&'static str),
    /// A time of day (`12:00` for منتصف النهار; empty when its hour is not known: بعد
    /// الظهر).
    Clock(&'static str),
    /// A time the text gave before, at the precision of a unit (`D`, `M`, `Y`; `*`: as
    /// given), moved by an offset: اليوم التالي is the day after the last date given,
    /// العام نفسه its year, آنذاك that time.
    Anaphor(char, i64),
}

/// What a word of `dayparts.tsv` means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DayWord {
    /// Before noon (`true`: after noon).
    Daypart(bool),
    /// A decade: the first three digits of its years (199 for the 1990s).
    Decade(u32),
}

/// A unit of time of `units.tsv`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeUnit {
    /// ISO 8601 designator: Y, M, W, D; TH, TM, TS for hours, minutes, seconds.
    pub designator: &'static str,
    /// How many of the designator's unit one of it is (1; عقد: 10 years).
    pub size: f64,
    /// True for a dual (يومين: two days).
    pub dual: bool,
}

/// A feast of `feasts.tsv`: its Hijri month (`None`: either feast, the nearer one) and
/// the first and last day of its holiday.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Feast {
    /// Hijri month; `None` for العيد alone.
    pub month: Option<u32>,
    /// First day of the feast.
    pub first: u32,
    /// Last day of its holiday.
    pub last: u32,
}

/// Everything the times stage looks up.
#[derive(Debug, Default)]
pub struct TimeLexicon {
    /// Gregorian month names of every system: month 1–12.
    pub months: Phrases<u32>,
    /// Hijri month names: month 1–12.
    pub hijri_months: Phrases<u32>,
    /// Weekday names: ISO weekday (1 = Monday).
    pub weekdays: Phrases<u32>,
    /// Relative expressions and recurrences.
    pub relative: Phrases<Relative>,
    /// Parts of the day and decades, by matching key.
    pub day_words: FxHashMap<String, DayWord>,
    /// Units of time by matching key.
    pub units: FxHashMap<String, TimeUnit>,
    /// Hijri feasts (عيد الفطر).
    pub feasts: Phrases<Feast>,
    /// Umm al-Qura: Gregorian first day and length of each Hijri month, by (year, month).
    pub umm_al_qura: FxHashMap<(i32, u32), (NaiveDate, u32)>,
    /// Matching keys of every word that can start an expression (besides numbers).
    pub starters: rustc_hash::FxHashSet<String>,
}

impl TimeLexicon {
    /// The lists embedded in the binary.
    pub fn embedded() -> Self {
        Self::parse(
            include_str!("../../../../resources/time/months.tsv"),
            include_str!("../../../../resources/time/hijri_months.tsv"),
            include_str!("../../../../resources/time/weekdays.tsv"),
            include_str!("../../../../resources/time/relative.tsv"),
            include_str!("../../../../resources/time/dayparts.tsv"),
            include_str!("../../../../resources/time/units.tsv"),
            include_str!("../../../../resources/time/ummalqura.tsv"),
            include_str!("../../../../resources/time/feasts.tsv"),
        )
    }

    /// Parses the lists from their text.
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        months: &'static str,
        hijri_months: &'static str,
        weekdays: &'static str,
        relative: &'static str,
        dayparts: &'static str,
        units: &'static str,
        umm_al_qura: &'static str,
        feasts: &'static str,
    ) -> Self {
        let mut lex = TimeLexicon::default();
        let numbered = |text: &'static str, into: &mut Phrases<u32>| {
            for row in tsv_rows(text) {
                if let (Some(name), Some(Ok(n))) = (row.first(), row.get(1).map(|n| n.parse::<u32>())) {
                    into.insert(name, n);
                }
            }
        };
        numbered(months, &mut lex.months);
        numbered(hijri_months, &mut lex.hijri_months);
        numbered(weekdays, &mut lex.weekdays);
        for row in tsv_rows(relative) {
            let (Some(expr), Some(unit), Some(offset)) = (row.first(), row.get(1), row.get(2)) else { continue };
            let rel = match (*unit, *offset) {
                ("month", "mid") => Relative::MidMonth,
                ("past", _) => Relative::Vague(-1),
                ("present", _) => Relative::Vague(0),
                ("future", _) => Relative::Vague(1),
                ("set", period) => Relative::Set(period),
                ("clock", "-") => Relative::Clock(""),
                ("clock", t) => Relative::Clock(t),
                ("same", n) | ("same_day", n) | ("same_month", n) | ("same_year", n) => {
                    let Ok(n) = n.trim_start_matches('+').parse::<i64>() else { continue };
                    let unit = match *unit {
                        "same_day" => 'D',
                        "same_month" => 'M',
                        "same_year" => 'Y',
                        _ => '*',
                    };
                    Relative::Anaphor(unit, n)
                }
                (unit, offset) => {
                    let Ok(n) = offset.trim_start_matches('+').parse::<i64>() else { continue };
                    let u = match unit {
                        "day" => 'D',
                        "week" => 'W',
                        "month" => 'M',
                        "year" => 'Y',
                        _ => continue,
                    };
                    Relative::Offset(u, n)
                }
            };
            lex.relative.insert(expr, rel);
        }
        for row in tsv_rows(dayparts) {
            let (Some(word), Some(kind), Some(value)) = (row.first(), row.get(1), row.get(2)) else { continue };
            let w = match (*kind, *value) {
                ("daypart", v) => DayWord::Daypart(v == "pm"),
                ("decade", v) => match v.parse() {
                    Ok(d) => DayWord::Decade(d),
                    Err(_) => continue,
                },
                _ => continue,
            };
            lex.day_words.insert(key_of(word), w);
        }
        for row in tsv_rows(units) {
            if let (Some(word), Some(unit), Some(Ok(n))) =
                (row.first(), row.get(1), row.get(2).map(|n| n.parse::<f64>()))
            {
                let size = row.get(3).and_then(|s| s.parse().ok()).unwrap_or(1.0);
                lex.units.insert(key_of(word), TimeUnit { designator: unit, size, dual: n == 2.0 });
            }
        }
        for row in tsv_rows(umm_al_qura) {
            let (Some(y), Some(m), Some(start), Some(days)) = (row.first(), row.get(1), row.get(2), row.get(3)) else {
                continue;
            };
            if let (Ok(y), Ok(m), Ok(start), Ok(days)) =
                (y.parse(), m.parse(), NaiveDate::parse_from_str(start, "%Y-%m-%d"), days.parse())
            {
                lex.umm_al_qura.insert((y, m), (start, days));
            }
        }
        for row in tsv_rows(feasts) {
            let (Some(name), Some(month), Some(Ok(first)), Some(Ok(last))) =
                (row.first(), row.get(1), row.get(2).map(|d| d.parse()), row.get(3).map(|d| d.parse()))
            else {
                continue;
            };
            lex.feasts.insert(name, Feast { month: month.parse().ok(), first, last });
        }
        let mut starters: rustc_hash::FxHashSet<String> = [&lex.months, &lex.hijri_months, &lex.weekdays]
            .into_iter()
            .flat_map(|p| p.first_words())
            .chain(lex.relative.first_words())
            .chain(lex.feasts.first_words())
            .map(str::to_owned)
            .collect();
        starters.extend(lex.day_words.keys().cloned());
        starters.extend(lex.units.keys().cloned());
        starters.extend(super::parse::MARKERS.iter().map(|s| (*s).to_owned()));
        lex.starters = starters;
        lex
    }

    /// The Gregorian date of a Hijri date (Umm al-Qura), when the table covers it
    /// and the day exists in that month.
    pub fn hijri_to_gregorian(&self, year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        let &(start, days) = self.umm_al_qura.get(&(year, month))?;
        if day == 0 || day > days {
            return None;
        }
        start.checked_add_days(chrono::Days::new(u64::from(day - 1)))
    }

    /// The Hijri (year, month) a Gregorian date falls in, when the table covers it.
    pub fn hijri_of(&self, date: NaiveDate) -> Option<(i32, u32)> {
        self.umm_al_qura
            .iter()
            .find(|(_, &(start, days))| {
                start <= date
                    && start.checked_add_days(chrono::Days::new(u64::from(days))).is_some_and(|end| date < end)
            })
            .map(|(&ym, _)| ym)
    }

    /// The first and last Gregorian days of a Hijri month.
    pub fn hijri_month(&self, year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
        let &(start, days) = self.umm_al_qura.get(&(year, month))?;
        Some((start, start.checked_add_days(chrono::Days::new(u64::from(days.max(1) - 1)))?))
    }
}
