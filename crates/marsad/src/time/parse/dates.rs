//! Dates written with words: a day, a month (any month system), a year, a Hijri date,
//! a feast; ranges of years.

use super::*;

impl Parser<'_> {
    /// A date at token `i`.
    pub(super) fn point(&self, i: usize) -> Option<M<Point>> {
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
            // غرة شوال، غرة شهر ذي القعدة: the first day of the month
            if self.word(j, "غره").is_some() {
                return Some((1, j + 1));
            }
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
            for &(key, rel) in PLACING_ADJECTIVES {
                if self.word(k, key) == Some(0) {
                    p.rel = Some(rel);
                    j = k + 1;
                    break;
                }
            }
        }
        p.future = p.year.is_none() && p.rel.is_none() && self.future_before(i);
        let after_month_word = i > 0 && self.any_word(i - 1, &["شهر", "الشهر"]).is_some();
        // في رمضان، خلال رمضان، نهار رمضان: the fasting month named alone after a word of
        // time (a bare رمضان is as often a man's name)
        let ramadan_in_time = calendar == Calendar::Hijri
            && month == 9
            && j == i + 1
            && i > 0
            && self.any_word(i - 1, &["في", "خلال", "طوال", "طيله", "نهار", "ليالي", "ايام", "قبل", "بعد", "حلول"])
                == Some(0);
        if (ambiguous || calendar == Calendar::Hijri)
            && p.day.is_none()
            && p.year.is_none()
            && p.rel.is_none()
            && !after_month_word
            && !ramadan_in_time
        {
            return None;
        }
        Some(M { end: j, value: p, year_tok })
    }

    /// A month named from the publication date at `k` (الشهر الجاري، الشهر المقبل، هذا
    /// الشهر): its offset and one past it.
    pub(super) fn relative_month(&self, k: usize) -> Option<(i32, usize)> {
        if self.word(k, "هذا").is_some() && self.word(k + 1, "الشهر") == Some(0) {
            return Some((0, k + 2));
        }
        self.word(k, "الشهر")?;
        PLACING_ADJECTIVES.iter().find(|(w, _)| self.word(k + 1, w) == Some(0)).map(|&(_, o)| (o, k + 2))
    }

    /// Reads year `y` into `p` and an era marker after it at `j`; returns the end.
    pub(super) fn year_into(&self, p: &mut Point, y: i64, mut j: usize) -> usize {
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
    pub(super) fn month_at(&self, i: usize) -> Option<(usize, u32, usize, Calendar, bool)> {
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

    /// A day and a month in digits without a year (19/4) after a word that announces
    /// a date (في، يوم، بتاريخ، الموافق، منذ، حتى…) or a weekday: the day first.
    pub(super) fn day_month(&self, i: usize) -> Option<M<Point>> {
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
    pub(super) fn year_range(&self, i: usize) -> Option<(Point, Point, usize, usize)> {
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

    /// A feast (`feasts.tsv`): its name alone is its first day (عيد الفطر المبارك); أيام،
    /// إجازة، عطلة before it make it the whole holiday, يومي its first two days, صلاة its
    /// first day. العيد alone needs one of those words before it or المبارك after it
    /// (العيد الوطني is another feast).
    pub(super) fn feast(&self, i: usize) -> Option<(Found, usize)> {
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
}
