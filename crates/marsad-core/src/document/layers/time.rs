//! Time expressions: dates, intervals, durations, times of day.

use serde::{Deserialize, Serialize};

use crate::document::Origin;
use crate::span::Span;

/// What a [`TimeExpr`] denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A calendar date, month, year or decade (`2022-11-16`, `2022-11`, `199X`).
    Date,
    /// An interval between two dates (`2022-11-16/2022-11-28`).
    Interval,
    /// A length of time (`P3D`).
    Duration,
    /// A recurrence (`P1D` for يوميا).
    Set,
    /// A time of day (`T15:00`).
    Time,
}

/// What fixed the year of a [`TimeExpr`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The expression states its own year (or needs none: a duration).
    Absolute,
    /// The publication date.
    Published,
    /// A year stated elsewhere in the article (see `evidence`).
    Inferred,
    /// Nothing: the value is partial or absent.
    None,
}

/// The calendar an expression is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Calendar {
    /// Gregorian (every month-name system).
    Gregorian,
    /// Hijri (Islamic lunar); the value is converted to Gregorian (Umm al-Qura).
    Hijri,
}

/// The text that fixed an inferred year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Where it stands.
    pub span: Span,
}

/// A time expression.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The whole expression.
    pub span: Span,
    /// What it denotes.
    pub kind: TimeKind,
    /// ISO 8601 value: a date (partial allowed, unknown parts as `X`: `XXXX-11-16`),
    /// `start/end` for an interval (`..` for an open end), a duration `P3D`, a time
    /// `T10:30`. Absent when it cannot be known (a vague or unanchored relative
    /// expression, an impossible date).
    pub value: Option<String>,
    /// What fixed its year.
    pub anchor: Anchor,
    /// True when the year was inferred from the text rather than stated or taken
    /// from the publication date.
    pub inferred: bool,
    /// What fixed an inferred year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// The calendar it is written in.
    pub calendar: Calendar,
    /// The rule that found it.
    pub origin: Origin,
}
