//! Lengths of time: a number and a unit, a dual unit, a unit with واحد or كامل, a
//! unit a verb of lasting measures, a length with the article (اليومين الماضيين).

use super::*;

impl Parser<'_> {
    /// A length with the article: a dual unit (اليومين، الشهرين) or a plural unit and a
    /// number word with the article (الأيام الأربعة، الأشهر السبعة), then an adjective of
    /// past or future (الماضية، المنقضية، الأخيرة، المقبلة), which belongs to it.
    pub(super) fn definite_length(&self, i: usize) -> Option<(Found, usize)> {
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
    pub(super) fn unit_at(&self, k: usize) -> Option<TimeUnit> {
        self.tok(k).filter(|t| t.kind == TokenKind::Arabic).and_then(|t| self.lex.units.get(t.key.as_str())).copied()
    }

    /// A singular unit with the article standing for one of it after a bound (ما يقارب
    /// الشهر).
    pub(super) fn definite_unit(&self, k: usize) -> Option<M<(&'static str, f64)>> {
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
    pub(super) fn duration(&self, i: usize, marker_allowed: bool) -> Option<M<(&'static str, f64)>> {
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
                // مليار سنة ضوئية: a light-year is a distance
                let light = self.any_word(n.end + 1, &["ضوئيه"]) == Some(0);
                if !(year_after || u.dual || decades || light) {
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
    pub(super) fn lasting_object(&self, j: usize) -> bool {
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
        // the verb, or the verb and its subject (استمرت المعركة ساعة); not a preposition
        // (امتدت إلى ساعة متأخرة: a point of time)
        let subject = |k: usize| self.any_word(k, &["الي", "حتي", "في", "منذ", "عند", "قبل", "بعد", "لمده"]).is_none();
        let verb = (j >= 1 && self.any_word(j - 1, VERBS).is_some())
            || (j >= 2 && subject(j - 1) && self.any_word(j - 2, VERBS).is_some());
        verb && !date_after
    }
}

/// An ISO 8601 duration of `n` units (Y, M, W, D; TH, TM, TS): P3D, PT5H; a fraction
/// of an hour or a year is written with the next unit down (سنة ونصف: P1Y6M, نصف ساعة:
/// PT30M, ساعتين ونصف: PT2H30M).
pub(super) fn iso_duration(unit: &str, n: f64) -> String {
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
