//! Reading a query string: only the parameters an endpoint knows, each once and of
//! bounded length, with errors that name the parameter and the problem.

use crate::error::ApiError;

/// Longest query string read, in bytes (a longer one is refused with 414).
pub const MAX_QUERY_BYTES: usize = 4096;
/// Longest value of one parameter, in characters.
pub const MAX_VALUE_CHARS: usize = 500;
/// Most hits or events on a page.
pub const MAX_PER_PAGE: usize = 100;
/// Hits or events on a page when `per_page` is not given.
pub const DEFAULT_PER_PAGE: usize = 20;
/// The deepest page: deeper pages are better reached by narrowing the query.
pub const MAX_PAGE: usize = 1000;

/// The parameters of a request.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Reads a query string, refusing parameters not in `known`, repeated ones and
    /// overlong values.
    ///
    /// # Errors
    /// The first problem found.
    pub fn parse(raw: Option<&str>, known: &[&str]) -> Result<Params, ApiError> {
        let raw = raw.unwrap_or("");
        if raw.len() > MAX_QUERY_BYTES {
            return Err(ApiError {
                status: axum::http::StatusCode::URI_TOO_LONG,
                message: format!("the query string has {} bytes, more than the {MAX_QUERY_BYTES} read", raw.len()),
            });
        }
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (k, v) in url::form_urlencoded::parse(raw.as_bytes()) {
            if !known.contains(&k.as_ref()) {
                return Err(ApiError::bad(format!(
                    "unknown parameter {:?}: this endpoint reads {}",
                    k.chars().take(40).collect::<String>(),
                    known.join(", ")
                )));
            }
            if pairs.iter().any(|(p, _)| *p == k) {
                return Err(ApiError::bad(format!("parameter {k:?} is given more than once")));
            }
            let chars = v.chars().count();
            if chars > MAX_VALUE_CHARS {
                return Err(ApiError::bad(format!(
                    "parameter {k:?} has {chars} characters, more than the {MAX_VALUE_CHARS} read"
                )));
            }
            if v.chars().any(|c| c.is_control() && c != '\t') {
                return Err(ApiError::bad(format!("parameter {k:?} holds a control character")));
            }
            pairs.push((k.into_owned(), v.into_owned()));
        }
        Ok(Params { pairs })
    }

    /// A parameter's value, trimmed; `None` when absent or empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
    }

    /// A date `YYYY-MM-DD`.
    ///
    /// # Errors
    /// A value that is not a calendar date of that form.
    pub fn date(&self, name: &str) -> Result<Option<String>, ApiError> {
        self.get(name)
            .map(|v| {
                // the form first: day_exists slices the string where the form has digits
                let ok = v.len() == 10 && marsad_store::search::day_number(v).is_some() && day_exists(v);
                if ok {
                    Ok(v.to_owned())
                } else {
                    Err(ApiError::bad(format!("parameter {name:?} is {v:?}, not a date of the form YYYY-MM-DD")))
                }
            })
            .transpose()
    }

    /// A whole number in `min..=max`, or `default` when absent.
    ///
    /// # Errors
    /// A value that is not a number in the range.
    pub fn number(&self, name: &str, min: usize, max: usize, default: usize) -> Result<usize, ApiError> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (min..=max).contains(&n) => Ok(n),
                _ => Err(ApiError::bad(format!("parameter {name:?} is {v:?}, not a whole number from {min} to {max}"))),
            },
        }
    }

    /// `page` and `per_page`.
    ///
    /// # Errors
    /// Either out of its range.
    pub fn paging(&self) -> Result<(usize, usize), ApiError> {
        Ok((self.number("page", 1, MAX_PAGE, 1)?, self.number("per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE)?))
    }

    /// `from` and `to`, the first not after the second.
    ///
    /// # Errors
    /// A date of another form, or a reversed range.
    pub fn span(&self) -> Result<marsad_store::query::DateSpan, ApiError> {
        let (from, to) = (self.date("from")?, self.date("to")?);
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                return Err(ApiError::bad(format!("parameter \"from\" ({f}) is after \"to\" ({t})")));
            }
        }
        Ok(marsad_store::query::DateSpan { from, to })
    }
}

/// The day exists in its month (31 February is no date).
fn day_exists(v: &str) -> bool {
    let (Ok(y), Ok(m), Ok(d)) = (v[0..4].parse::<u32>(), v[5..7].parse::<u32>(), v[8..10].parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// An id in a path: a positive whole number.
///
/// # Errors
/// Anything else.
pub fn path_id(what: &str, raw: &str) -> Result<i64, ApiError> {
    match raw.parse::<i64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(ApiError::bad(format!(
            "{what} id {:?} is not a positive whole number",
            raw.chars().take(40).collect::<String>()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        let p = Params::parse(Some("from=2015-02-29&to=2016-02-29"), &["from", "to"]).unwrap();
        assert!(p.date("from").is_err());
        assert_eq!(p.date("to").unwrap().as_deref(), Some("2016-02-29"));
    }

    #[test]
    fn unknown_repeated_and_long_parameters_are_refused() {
        assert!(Params::parse(Some("x=1"), &["q"]).is_err());
        assert!(Params::parse(Some("q=1&q=2"), &["q"]).is_err());
        let long = format!("q={}", "ب".repeat(MAX_VALUE_CHARS + 1));
        assert!(Params::parse(Some(&long), &["q"]).is_err());
    }
}
