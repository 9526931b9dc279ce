//! Span and value conventions applied to the resolved expressions of a document
//! (docs/annotation/time_quantities.md, Decisions 1–3).

use marsad_core::document::{Anchor, Document, TimeExpr};
use marsad_core::span::Span;

/// Words naming a day relative to the publication date that a weekday may follow.
const DAY_WORDS: [&str; 7] = ["اليوم", "أمس", "امس", "غدا", "غدًا", "غد", "البارحة"];
/// Weekday stems, after an optional "يوم " and article.
const WEEKDAYS: [&str; 12] =
    ["أحد", "احد", "اثنين", "إثنين", "ثلاثاء", "أربعاء", "اربعاء", "خميس", "جمعة", "جمعه", "سبت", "الاثنين"];

/// Applies the conventions in place: an opening و or من outside the span; a day word and
/// its weekday one expression; "اليوم" after "حتى" ("up to now") the present, no value.
pub fn apply(doc: &Document, times: &mut Vec<TimeExpr>) {
    let text = doc.text.as_str();
    for t in times.iter_mut() {
        t.span = t.span.without_opening_particle(text);
        if t.span.slice(text) == "اليوم" && previous_word(text, t.span) == Some("حتى") {
            t.value = None;
            t.anchor = Anchor::None;
        }
    }
    let mut i = 0;
    while i + 1 < times.len() {
        if let Some(end) = weekday_after_day_word(text, times[i].span, times[i + 1].span) {
            // the day word decides the value; the weekday only confirms it
            times[i].span = Span::new(times[i].span.start, end);
            times.remove(i + 1);
        }
        i += 1;
    }
}

/// The end of the merged span when `day` ends with a day word and `next` is its weekday,
/// directly, after a comma or in brackets (the closing bracket then joins the span).
fn weekday_after_day_word(text: &str, day: Span, next: Span) -> Option<usize> {
    let head = day.slice(text);
    if !DAY_WORDS.iter().any(|w| head == *w || head.ends_with(&format!(" {w}"))) {
        return None;
    }
    let gap = text.get(day.end..next.start)?;
    if gap.len() > 8 || !gap.chars().all(|c| c.is_whitespace() || matches!(c, '،' | ',' | '(')) {
        return None;
    }
    let word = next.slice(text).split_whitespace().find(|w| *w != "يوم")?;
    let stem = word.strip_prefix("ال").unwrap_or(word);
    let stem = stem.trim_end_matches([',', '،', ')']);
    if !WEEKDAYS.contains(&stem) {
        return None;
    }
    let closes = gap.contains('(') && text[next.end..].starts_with(')');
    Some(if closes { next.end + ')'.len_utf8() } else { next.end })
}

/// The word just before `span`, if any.
fn previous_word(text: &str, span: Span) -> Option<&str> {
    text[..span.start].split_whitespace().next_back()
}
