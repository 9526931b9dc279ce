//! The rules tried at a token, in order (see the module's comment): the first that
//! matches gives the expression.

use super::durations::iso_duration;
use super::*;

impl Parser<'_> {
    /// The expression at token `i` without a part of the day before it; a date or a
    /// stretch without a year followed by من كل عام is a yearly recurrence.
    pub(super) fn at_day(&self, i: usize) -> Option<(Found, usize)> {
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
    pub(super) fn at_day_once(&self, i: usize) -> Option<(Found, usize)> {
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
                    // not two amounts (بين 1200 و1800 دولار)
                    if let Some(y2) = year(c).filter(|y2| *y2 > y1 && self.year_free_after(c, *y2)) {
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
                // العشرات الأسبوع الماضي: the unit opens a time of its own, not a length
                let placed = PLACING_ADJECTIVES.iter().any(|(k, _)| self.word(b.end + 1, k) == Some(0));
                if (self.unit_at(b.end).is_some() || unit_with_article) && !placed {
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
        // اليوم الأول، لليوم الثالث على التوالي: the nth day of something, not today; the
        // ordinal agrees with اليوم in taking the article (اليوم رابع تجاربه is today)
        let nth_day = || {
            self.tok(ri + 1).is_some_and(|t| t.key.starts_with("ال"))
                && self.word(ri, "اليوم").is_some()
                && numbers::ordinal(self.toks, ri + 1, self.q).is_some()
        };
        if let Some(m) = self.lex.relative.find(self.toks, ri, true).filter(|_| !byline && !nth_day()) {
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
            let marked = PLACING_ADJECTIVES
                .iter()
                .find(|(k, r)| *r != 0 && self.word(m.end, k) == Some(0))
                .map(|&(_, r)| if r < 0 { WeekdayRef::Last } else { WeekdayRef::Next });
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
            let free_after = self.year_free_after(i, y);
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
                    // تسعينات القرن الماضي، ثمانينيات القرن العشرين: the century is the decade's
                    let century = self.word(i + 1, "القرن") == Some(0)
                        && self.any_word(i + 2, &["الماضي", "العشرين", "المنصرم"]) == Some(0);
                    let end = if century { i + 3 } else { i + 1 };
                    return Some((self.found(i, end, What::Decade(*d), "time.decade", 0.9), end));
                }
            }
        }
        None
    }

    /// True when the number `y` at token `i` may be a year: a year unless what follows
    /// could be what it counts. A round hundred (2000) counts any noun after it; another
    /// number only an accusative noun (2011 شخصا), a unit, a currency or a scale word,
    /// without the article (في 2011 أرغم، 2022 لتصبح are years).
    fn year_free_after(&self, i: usize, y: i64) -> bool {
        self.tok(i + 1).is_none_or(|t| {
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
        })
    }
}
