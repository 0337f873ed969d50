//! Numeric facts in text: counts, casualties, years, dates, money,
//! percentages, ordinals. Stands alone: depends on nothing else of the crate.
//! (Skeleton: types only; extraction arrives with the facts issue.)

use serde::{Deserialize, Serialize};

/// The value of a fact: a number, a `[lo, hi]` range or an ISO 8601 date.
///
/// ```
/// use article_extract::facts::Value;
/// assert_eq!(serde_json::to_string(&Value::Range(3.0, 5.0)).unwrap(), "[3.0,5.0]");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// A single number.
    Number(f64),
    /// An inclusive range.
    Range(f64, f64),
    /// A date, ISO 8601 (`2025-05-09`, `2025-05`).
    Date(String),
}

/// How the text qualifies the number.
///
/// ```
/// use article_extract::facts::Qualifier;
/// assert_eq!(serde_json::to_string(&Qualifier::AtLeast).unwrap(), "\"at_least\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No qualifier.
    Exact,
    /// about, around, roughly, some, an estimated, approximately, ~
    Approximately,
    /// nearly, almost, close to
    Nearly,
    /// at least, no fewer than
    AtLeast,
    /// more than, over, upwards of, in excess of
    MoreThan,
    /// up to, no more than, as many as
    AtMost,
    /// less than, fewer than, under
    LessThan,
}

/// What kind of fact it is.
///
/// ```
/// use article_extract::facts::Category;
/// assert_eq!(serde_json::to_string(&Category::YearRange).unwrap(), "\"year_range\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Soldiers, troops, forces.
    Troops,
    /// Dead, killed.
    Killed,
    /// Wounded, injured.
    Wounded,
    /// Captured, taken prisoner.
    Captured,
    /// Missing.
    Missing,
    /// Displaced, refugees, fled.
    Displaced,
    /// Other people.
    People,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A year.
    Year,
    /// A range of years.
    YearRange,
    /// A calendar date.
    Date,
    /// An ordinal (80th, first).
    Ordinal,
    /// Anything else with a unit.
    Quantity,
    /// Anything else.
    Count,
}

/// One numeric fact found in a text.
///
/// ```
/// use article_extract::facts;
/// for f in facts::extract("about 12,000 soldiers") {
///     assert!(f.end <= "about 12,000 soldiers".len());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// The text of the span: qualifier words and the number.
    pub text: String,
    /// Byte offset of the span start in the input.
    pub start: usize,
    /// Byte offset of the span end (exclusive).
    pub end: usize,
    /// The value.
    pub value: Value,
    /// The qualifier.
    pub qualifier: Qualifier,
    /// The noun phrase counted, if any.
    pub counted: Option<String>,
    /// The category.
    pub category: Category,
    /// The sentence the fact sits in.
    pub sentence: String,
}

/// Find the numeric facts in `text`.
///
/// ```
/// let facts = article_extract::facts::extract("");
/// assert!(facts.is_empty());
/// ```
pub fn extract(text: &str) -> Vec<Fact> {
    let _ = text;
    Vec::new()
}
