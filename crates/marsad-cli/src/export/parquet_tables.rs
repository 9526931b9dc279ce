//! The four Parquet tables and their typed columns (docs/store.md): dates as Date32,
//! confidences and tone figures as Float32, coordinates as Float64, offsets and
//! counts as Int32, flags as Boolean, the rest as UTF-8 strings.
//!
//! Every row carries its article's id (`article_id`) and publication date
//! (`published`), so that a table can be read alone or joined to `articles`.

use std::sync::Arc;

use anyhow::Result;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float32Array, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
};
use marsad_store::{ClaimRow, EntityRow, EventRow, Listed, ParticipantRow, ToneRow};

/// What an article contributes to the articles table.
pub(super) struct ArticleRecord {
    /// The stored article.
    pub listed: Listed,
    /// Its publication date as days since 1970-01-01.
    pub day: Option<i32>,
    /// The length of its text, in characters.
    pub chars: usize,
    /// Its tone.
    pub tone: ToneRow,
    /// How many entities, events, claims and technique spans it has.
    pub counts: [usize; 4],
}

/// A row of another table, with its article's id and date.
pub(super) struct Owned<T> {
    /// The article.
    pub article: i64,
    /// Its publication date as days since 1970-01-01.
    pub day: Option<i32>,
    /// The row.
    pub row: T,
}

/// A column: its name, values and whether it may be null.
type Column = (&'static str, ArrayRef, bool);

fn strings<T>(rows: &[T], f: impl Fn(&T) -> Option<&str>) -> ArrayRef {
    Arc::new(StringArray::from_iter(rows.iter().map(f)))
}

fn ints<T>(rows: &[T], f: impl Fn(&T) -> Option<i32>) -> ArrayRef {
    Arc::new(Int32Array::from_iter(rows.iter().map(f)))
}

fn floats<T>(rows: &[T], f: impl Fn(&T) -> Option<f32>) -> ArrayRef {
    Arc::new(Float32Array::from_iter(rows.iter().map(f)))
}

fn doubles<T>(rows: &[T], f: impl Fn(&T) -> Option<f64>) -> ArrayRef {
    Arc::new(Float64Array::from_iter(rows.iter().map(f)))
}

fn flags<T>(rows: &[T], f: impl Fn(&T) -> Option<bool>) -> ArrayRef {
    Arc::new(BooleanArray::from_iter(rows.iter().map(f)))
}

fn days<T>(rows: &[T], f: impl Fn(&T) -> Option<i32>) -> ArrayRef {
    Arc::new(Date32Array::from_iter(rows.iter().map(f)))
}

fn ids<T>(rows: &[T], f: impl Fn(&T) -> Option<i64>) -> ArrayRef {
    Arc::new(Int64Array::from_iter(rows.iter().map(f)))
}

/// An offset or count as Int32 (texts and documents are far below 2³¹).
fn int(n: usize) -> Option<i32> {
    i32::try_from(n).ok()
}

/// `YYYY-MM-DD` (or longer, from a day on) as days since 1970-01-01.
pub(super) fn day_of(value: &str) -> Option<i32> {
    let day = chrono::NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from(day.signed_duration_since(epoch).num_days()).ok()
}

fn batch(columns: Vec<Column>) -> Result<RecordBatch> {
    Ok(RecordBatch::try_from_iter_with_nullable(columns)?)
}

fn owner<T>(rows: &[Owned<T>]) -> [Column; 2] {
    [("article_id", ids(rows, |r| Some(r.article)), false), ("published", days(rows, |r| r.day), true)]
}

/// The articles table.
pub(super) fn articles(rows: &[ArticleRecord]) -> Result<RecordBatch> {
    fn l(r: &ArticleRecord) -> &Listed {
        &r.listed
    }
    batch(vec![
        ("article_id", ids(rows, |r| Some(r.listed.id)), false),
        ("published", days(rows, |r| r.day), true),
        ("revision_id", ids(rows, |r| Some(r.listed.revision)), false),
        ("revision_number", ints(rows, |r| i32::try_from(r.listed.revision_number).ok()), false),
        ("outlet", strings(rows, |r| Some(l(r).outlet.as_str())), false),
        ("url", strings(rows, |r| l(r).url.as_deref()), true),
        ("canonical_url", strings(rows, |r| l(r).canonical_url.as_deref()), true),
        ("title", strings(rows, |r| l(r).title.as_deref()), true),
        ("author", strings(rows, |r| l(r).author.as_deref()), true),
        ("external_id", strings(rows, |r| l(r).external_id.as_deref()), true),
        ("source", strings(rows, |r| l(r).source.as_deref()), true),
        ("copy_of", ids(rows, |r| r.listed.copy_of), true),
        ("chars", ints(rows, |r| int(r.chars)), false),
        ("entities", ints(rows, |r| int(r.counts[0])), false),
        ("events", ints(rows, |r| int(r.counts[1])), false),
        ("claims", ints(rows, |r| int(r.counts[2])), false),
        ("techniques", ints(rows, |r| int(r.counts[3])), false),
        ("tone_words", ints(rows, |r| int(r.tone.words)), false),
        ("tone", floats(rows, |r| Some(r.tone.tone)), false),
        ("positive", floats(rows, |r| Some(r.tone.positive)), false),
        ("negative", floats(rows, |r| Some(r.tone.negative)), false),
        ("polarity", floats(rows, |r| Some(r.tone.polarity)), false),
        ("emotional_density", floats(rows, |r| Some(r.tone.emotional_density)), false),
        ("group_density", floats(rows, |r| Some(r.tone.group_density)), false),
        ("propagandistic", flags(rows, |r| Some(r.tone.propagandistic)), false),
    ])
}

/// The entities table.
pub(super) fn entities(rows: &[Owned<EntityRow>]) -> Result<RecordBatch> {
    let mut columns = owner(rows).to_vec();
    columns.extend([
        ("key", strings(rows, |r| Some(r.row.key.as_str())), false),
        ("kind", strings(rows, |r| Some(r.row.kind.as_str())), false),
        ("name", strings(rows, |r| Some(r.row.name.as_str())), false),
        ("name_en", strings(rows, |r| r.row.name_en.as_deref()), true),
        ("link", strings(rows, |r| r.row.link.as_deref()), true),
        ("country", strings(rows, |r| r.row.country.as_deref()), true),
        ("lat", doubles(rows, |r| r.row.coordinates.map(|c| c.0)), true),
        ("lon", doubles(rows, |r| r.row.coordinates.map(|c| c.1)), true),
        ("mentions", ints(rows, |r| int(r.row.mentions)), false),
        ("first_start", ints(rows, |r| r.row.first.and_then(|f| int(f.start))), true),
        ("first_end", ints(rows, |r| r.row.first.and_then(|f| int(f.end))), true),
        ("rule", strings(rows, |r| Some(r.row.rule.as_str())), false),
        ("confidence", floats(rows, |r| Some(r.row.confidence)), false),
    ]);
    batch(columns)
}

/// The seven columns of an actor or recipient, named with `prefix`.
fn participant(
    rows: &[Owned<EventRow>],
    prefix: &'static str,
    of: fn(&EventRow) -> Option<&ParticipantRow>,
) -> [Column; 7] {
    let names: [&'static str; 7] = match prefix {
        "actor" => ["actor", "actor_start", "actor_end", "actor_entity", "actor_name", "actor_code", "actor_country"],
        _ => [
            "recipient",
            "recipient_start",
            "recipient_end",
            "recipient_entity",
            "recipient_name",
            "recipient_code",
            "recipient_country",
        ],
    };
    [
        (names[0], strings(rows, |r| of(&r.row).map(|p| p.text.as_str())), true),
        (names[1], ints(rows, |r| of(&r.row).and_then(|p| int(p.span.start))), true),
        (names[2], ints(rows, |r| of(&r.row).and_then(|p| int(p.span.end))), true),
        (names[3], strings(rows, |r| of(&r.row).and_then(|p| p.entity.as_deref())), true),
        (names[4], strings(rows, |r| of(&r.row).and_then(|p| p.name.as_deref())), true),
        (names[5], strings(rows, |r| of(&r.row).and_then(|p| p.code.as_deref())), true),
        (names[6], strings(rows, |r| of(&r.row).and_then(|p| p.country.as_deref())), true),
    ]
}

/// The events table.
pub(super) fn events(rows: &[Owned<EventRow>]) -> Result<RecordBatch> {
    let mut columns = owner(rows).to_vec();
    columns.extend([
        ("event_type", strings(rows, |r| Some(r.row.event_type.as_str())), false),
        ("mode", strings(rows, |r| r.row.mode.as_deref()), true),
        ("cameo", strings(rows, |r| Some(r.row.cameo.as_str())), false),
        ("quad_class", ints(rows, |r| Some(i32::from(r.row.quad_class))), false),
        ("goldstein", floats(rows, |r| Some(r.row.goldstein)), false),
        ("modality", strings(rows, |r| Some(r.row.modality.as_str())), false),
        ("trigger", strings(rows, |r| Some(r.row.trigger.0.as_str())), false),
        ("trigger_start", ints(rows, |r| int(r.row.trigger.1.start)), false),
        ("trigger_end", ints(rows, |r| int(r.row.trigger.1.end)), false),
        ("sentence", ints(rows, |r| int(r.row.sentence)), false),
    ]);
    columns.extend(participant(rows, "actor", |e| e.actor.as_ref()));
    columns.extend(participant(rows, "recipient", |e| e.recipient.as_ref()));
    columns.extend([
        ("event_date", days(rows, |r| r.row.date.as_deref().and_then(day_of)), true),
        ("date_value", strings(rows, |r| r.row.date.as_deref()), true),
        ("location", strings(rows, |r| r.row.location.as_deref()), true),
        ("source_kind", strings(rows, |r| r.row.source_kind.as_deref()), true),
        ("contexts", strings(rows, |r| Some(r.row.contexts.as_str())), false),
        ("rule", strings(rows, |r| Some(r.row.rule.as_str())), false),
        ("confidence", floats(rows, |r| Some(r.row.confidence)), false),
    ]);
    batch(columns)
}

/// The claims table.
pub(super) fn claims(rows: &[Owned<ClaimRow>]) -> Result<RecordBatch> {
    let mut columns = owner(rows).to_vec();
    columns.extend([
        ("sentence", ints(rows, |r| int(r.row.sentence)), false),
        ("start", ints(rows, |r| int(r.row.span.start)), false),
        ("end", ints(rows, |r| int(r.row.span.end)), false),
        ("source_kind", strings(rows, |r| Some(r.row.source_kind.as_str())), false),
        ("source_entity", strings(rows, |r| r.row.source_entity.as_deref()), true),
        ("source_text", strings(rows, |r| r.row.source_text.as_deref()), true),
        ("stance", strings(rows, |r| Some(r.row.stance.as_str())), false),
        ("hedged", flags(rows, |r| Some(r.row.hedged)), false),
        ("vague", flags(rows, |r| Some(r.row.vague)), false),
        ("checkworthiness", floats(rows, |r| Some(r.row.checkworthiness)), false),
        ("rank", ints(rows, |r| int(r.row.rank)), false),
        ("rule", strings(rows, |r| Some(r.row.rule.as_str())), false),
        ("confidence", floats(rows, |r| Some(r.row.confidence)), false),
    ]);
    batch(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_1970_and_need_a_whole_day() {
        assert_eq!(day_of("1970-01-01"), Some(0));
        assert_eq!(day_of("2015-07-21"), Some(16637));
        assert_eq!(day_of("2015-07-21T10:00"), Some(16637));
        assert_eq!(day_of("2015-07"), None);
        assert_eq!(day_of("2015-13-01"), None);
    }
}
