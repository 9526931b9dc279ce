//! One record of a JSON Lines corpus: the article's text and its metadata.
//!
//! A record is a JSON object with a `text` string and optional `title`, `url`,
//! `outlet`, `id` (a string or a number) and a publication date. The date is read
//! from the field the caller names, or else from the first of [`DATE_FIELDS`]
//! that the record has (`published`, and `date` and `date_iso` as the shared
//! corpora name it), in any of the forms [`parse_date`] reads; a date in no such
//! form is left out with a `published_ignored` warning.
//!
//! ```
//! use marsad::input::record::{read_record, Dates};
//! use marsad::Metadata;
//!
//! let line = r#"{"id": 7, "text": "قال الوزير", "date": "2017-01-20T21:43:00+01:00"}"#;
//! let r = read_record(line, &Metadata::default(), &Dates::default()).unwrap();
//! assert_eq!(r.text, "قال الوزير");
//! assert_eq!(r.meta.published.as_deref(), Some("2017-01-20"));
//! assert_eq!(r.id.as_deref(), Some("7"));
//! ```

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde_json::Value;

use marsad_core::document::{Metadata, Warning};

/// The fields a record's publication date is looked for in, in order, when no
/// field is named.
pub const DATE_FIELDS: &[&str] = &["published", "date", "date_iso"];

/// Where a record's publication date is read from.
#[derive(Clone, Debug, Default)]
pub struct Dates {
    /// Only this field (`--date-field NAME`); [`DATE_FIELDS`] when `None`.
    pub field: Option<String>,
}

impl Dates {
    /// The fields looked at, in order.
    pub fn fields(&self) -> Vec<&str> {
        match &self.field {
            Some(f) => vec![f.as_str()],
            None => DATE_FIELDS.to_vec(),
        }
    }
}

/// An article read from a record.
#[derive(Clone, Debug)]
pub struct Record {
    /// Its text.
    pub text: String,
    /// Its metadata: the record's fields over the defaults given (the source is
    /// left to the caller, who knows the file and line).
    pub meta: Metadata,
    /// Its `id`, when it has one (a number is written in decimal).
    pub id: Option<String>,
    /// Its `author`, when it names one (kept by the corpus store; the analysis does
    /// not read it).
    pub author: Option<String>,
    /// True when the record gave a publication date that was read.
    pub dated: bool,
    /// Problems with the record that do not stop its analysis.
    pub warnings: Vec<Warning>,
}

/// Reads one line of a JSON Lines corpus.
///
/// # Errors
///
/// A sentence saying why the line gives no article: not JSON, not an object, or
/// no `text` string.
pub fn read_record(line: &str, defaults: &Metadata, dates: &Dates) -> Result<Record, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let Value::Object(fields) = &v else {
        return Err("not a JSON object (a record is {\"text\": …})".to_owned());
    };
    let text = match fields.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err("\"text\" is not a string".to_owned()),
        None => return Err("no \"text\" string field".to_owned()),
    };
    let field = |k: &str| fields.get(k).and_then(Value::as_str).map(str::to_owned);
    let mut meta = defaults.clone();
    meta.title = field("title").or(meta.title);
    meta.url = field("url").or(meta.url);
    meta.outlet = field("outlet").or(meta.outlet);
    let id = match fields.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let author = field("author").map(|a| a.trim().to_owned()).filter(|a| !a.is_empty());
    let mut warnings = Vec::new();
    let mut dated = false;
    let given = dates.fields().into_iter().find_map(|k| fields.get(k).filter(|v| !v.is_null()).map(|v| (k, v)));
    if let Some((name, value)) = given {
        match value.as_str().and_then(parse_date) {
            Some(day) => {
                meta.published = Some(day.format("%Y-%m-%d").to_string());
                dated = true;
            }
            None => warnings.push(Warning {
                code: "published_ignored".to_owned(),
                message: format!(
                    "{name:?} is {value}, not a date in a form marsad reads (2015-07-21, 2015-07-21 10:00, \
                     RFC 3339, 21/07/2015 or RFC 2822); analysed without it"
                ),
            }),
        }
    }
    Ok(Record { text, meta, id, author, dated, warnings })
}

/// Reads the calendar day of a date or date-time as corpora write it:
/// `2015-07-21`, `2015-07-21 10:00[:00]`, RFC 3339 (`2017-01-20T21:43:00+01:00`,
/// the day as written, before any change of time zone), `21/07/2015` (day first,
/// as Arabic outlets write it; also with `-` or `.`), `2015/07/21`, and RFC 2822
/// (`Tue, 21 Jul 2015 10:00:00 +0300`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_local().date());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.naive_local().date());
    }
    const DATE_TIMES: &[&str] = &["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"];
    if let Some(dt) = DATE_TIMES.iter().find_map(|f| NaiveDateTime::parse_from_str(s, f).ok()) {
        return Some(dt.date());
    }
    const DATES: &[&str] = &["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d"];
    if let Some(d) = DATES.iter().find_map(|f| NaiveDate::parse_from_str(s, f).ok()) {
        return Some(d);
    }
    // a day followed by a time in another form (`2015-07-21 10:00:00 +0300`)
    let (day, rest) = (s.get(..10)?, &s[10..]);
    let time_follows = (rest.starts_with(' ') || rest.starts_with('T'))
        && rest[1..].starts_with(|c: char| c.is_ascii_digit())
        && rest[1..].contains(':');
    if time_follows {
        return NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn the_forms_corpora_write_dates_in() {
        for s in [
            "2015-07-21",
            "2015-07-21 02:51:32",
            "2015-07-21 02:51",
            "2015-07-21T02:51:32.250",
            "2015-07-21T02:51:32Z",
            "2015-07-21T23:51:32-05:00",
            "21/07/2015",
            "21-07-2015",
            "21.07.2015",
            "2015/07/21",
            "Tue, 21 Jul 2015 02:51:32 +0300",
            "21 Jul 2015 02:51:32 GMT",
            "2015-07-21 02:51:32 +0300",
            " 2015-07-21 ",
        ] {
            assert_eq!(day(s).as_deref(), Some("2015-07-21"), "{s}");
        }
        for s in ["", "yesterday", "2015-13-01", "32/01/2015", "2015-07-21abc", "07/21/2015", "2015"] {
            assert_eq!(day(s), None, "{s}");
        }
    }

    #[test]
    fn a_record_gives_its_text_metadata_and_first_date_field() {
        let defaults =
            Metadata { outlet: Some("default".into()), published: Some("2000-01-01".into()), ..Metadata::default() };
        let line =
            r#"{"text": "نص", "title": "عنوان", "date_iso": "2017-01-20", "date": "2017-01-19 10:00", "id": "a1"}"#;
        let r = read_record(line, &defaults, &Dates::default()).unwrap();
        assert_eq!(r.meta.published.as_deref(), Some("2017-01-19"), "`date` comes before `date_iso`");
        assert_eq!((r.meta.title.as_deref(), r.meta.outlet.as_deref()), (Some("عنوان"), Some("default")));
        assert!(r.dated && r.warnings.is_empty());
        let named = Dates { field: Some("date_iso".into()) };
        assert_eq!(read_record(line, &defaults, &named).unwrap().meta.published.as_deref(), Some("2017-01-20"));
        let undated = read_record(r#"{"text": "نص"}"#, &defaults, &Dates::default()).unwrap();
        assert_eq!((undated.dated, undated.meta.published.as_deref()), (false, Some("2000-01-01")));
    }

    #[test]
    fn a_date_in_no_known_form_is_left_out_with_a_warning() {
        let r = read_record(r#"{"text": "نص", "published": "أمس"}"#, &Metadata::default(), &Dates::default()).unwrap();
        assert!(r.meta.published.is_none() && !r.dated);
        assert_eq!(r.warnings[0].code, "published_ignored");
        assert!(r.warnings[0].message.contains("\"published\" is \"أمس\""), "{}", r.warnings[0].message);
    }

    #[test]
    fn lines_without_an_article() {
        let d = Metadata::default();
        let dates = Dates::default();
        assert!(read_record("not json", &d, &dates).unwrap_err().starts_with("not JSON"));
        assert!(read_record("[1]", &d, &dates).unwrap_err().contains("not a JSON object"));
        assert_eq!(read_record(r#"{"title": "x"}"#, &d, &dates).unwrap_err(), "no \"text\" string field");
        assert_eq!(read_record(r#"{"text": 3}"#, &d, &dates).unwrap_err(), "\"text\" is not a string");
    }
}
