//! The names of enumeration values as they appear in JSON and reports.

/// The snake_case name of an enumeration value, as in the JSON output.
pub fn serde_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}
