//! Dates and times written in digits: 2-10-2022, 09/22/2022, 19/4; الساعة 10:30.

use super::*;

impl Parser<'_> {
    /// A numeric date: 12/11/2022, 2022-11-12, ١٢/١١/٢٠٢٢, 2-10- 2022 (a space around a
    /// separator). Read day-month-year (the order of Arabic news) unless the year comes
    /// first, or the first number cannot be a day of that month and the second can
    /// (09/22/2022 is month-day-year). A year before 1500 or an era word after it (هـ،
    /// هجري) makes it Hijri (6-3-1444 هجري); an era word after it belongs to it.
    pub(super) fn numeric(&self, i: usize) -> Option<M<Point>> {
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

    /// الساعة الثالثة، الساعة 10:30 صباحا، 22:15، السادسة صباحا، الساعة الخامسة والنصف
    /// مساء: an hour as an ordinal needs الساعة before it or a part of the day after it.
    pub(super) fn clock(&self, i: usize) -> Option<M<String>> {
        let s = self.word(i, "الساعه");
        let mut j = if s.is_some() { i + 1 } else { i };
        // الساعة الـ12، الساعة ال 3: the article written apart from the hour's digits
        if s.is_some()
            && self.tok(j).is_some_and(|t| t.kind == TokenKind::Arabic && t.key == "ال")
            && self.int(j + 1).is_some()
        {
            j += 1;
        }
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
            // with or without the article (الثامنة ونصف in the Maghrebi press)
            if self.any_word(end, &["والنصف", "ونصف"]) == Some(0) {
                mi = 30;
                end += 1;
            } else if self.any_word(end, &["والربع", "وربع"]) == Some(0) {
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
}
