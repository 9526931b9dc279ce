//! Stretches: intervals (من … إلى، بين … و), pairs of days or months (يومي 26-27،
//! شهري نونبر ودجنبر) and parts of years (الربع الثاني، الأشهر العشرة الأولى).

use super::*;

impl Parser<'_> {
    /// X (connector) Y after من or بين, X possibly a bare day that takes Y's month.
    #[allow(clippy::type_complexity)]
    pub(super) fn interval_from(
        &self,
        i: usize,
        conns: &[&str],
    ) -> Option<(Point, Point, usize, Option<usize>, Option<usize>)> {
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
    pub(super) fn connector(&self, i: usize, conns: &[&str]) -> Option<usize> {
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
    pub(super) fn interval_end(&self, i: usize, a: &Point, conns: &[&str]) -> Option<(Point, usize, Option<usize>)> {
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

    /// يومي 26 و27 سبتمبر، يومي 26-27 سبتمبر: two days in a row, an interval (two days
    /// apart: the first day alone, the second read next); يومي 26-27 without a month:
    /// the days, without a value; شهري نونبر ودجنبر 2016: two months, an interval.
    pub(super) fn two_of(&self, i: usize) -> Option<(Found, usize)> {
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

    /// A part of a year: a quarter (الربع الثاني، الثلاثية الأولى), a half (السداسي الأول،
    /// النصف الأول من العام), the first or last months (الأشهر العشرة الأولى من 2014), with
    /// its year (من عام 2015، من العام الماضي, or none); نهاية before a quarter makes it
    /// its last month (بنهاية الربع الأول من عام 2015).
    pub(super) fn part_of_year(&self, i: usize) -> Option<(Found, usize)> {
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
}
