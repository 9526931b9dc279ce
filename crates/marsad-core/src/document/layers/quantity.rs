//! Quantities: numbers, money, percentages, counts, ordinals, measures.

use serde::{Deserialize, Serialize};

use crate::document::Origin;
use crate::span::Span;

/// What a [`Quantity`] measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A bare number.
    Number,
    /// An amount of money; `unit` is its ISO 4217 code when resolved.
    Money,
    /// A percentage.
    Percent,
    /// A count of things; `unit` is the counted noun.
    Count,
    /// An ordinal (الأول، الثالثة).
    Ordinal,
    /// A measure; `unit` is its unit (km, t, barrel, MW…).
    Measure,
}

/// How exact the value of a [`Quantity`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// About the value (حوالي، نحو، قرابة، ما يقارب).
    Approximate,
    /// More than the value (أكثر من، ما يزيد على).
    MoreThan,
    /// Less than the value (أقل من).
    LessThan,
    /// The value or more (ما لا يقل عن).
    AtLeast,
    /// The value or less (ما لا يزيد على).
    AtMost,
    /// An unstated number (بضعة، عشرات): no value.
    Vague,
}

/// A quantity found in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The whole expression: marker, number and unit or counted noun.
    pub span: Span,
    /// What it measures.
    pub kind: QuantityKind,
    /// Its value; absent when vague or not representable.
    pub value: Option<f64>,
    /// ISO 4217 code for money, unit name for measures, the counted noun for counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// How exact the value is; absent when stated exactly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// The rule that found it.
    pub origin: Origin,
}
