//! Evaluation of the pipeline's layers against gold data (`marsad eval ...`).
//!
//! One submodule per layer, each with a reader for its gold format and a scorer
//! that runs the real pipeline on the gold texts: [`ner`] (named entities, CoNLL
//! files, conlleval-style exact-span scores) and [`expressions`] (time expressions and
//! quantities: offset gold files into the news corpora, strict and relaxed spans, values) and
//! [`entities`] (entity resolution: links, grouping, metonymy) and [`events_claims`]
//! (events and claims, per field, texts from any JSON Lines file).

pub mod conll;
pub mod entities;
pub mod events_claims;
pub mod expressions;
pub mod framing;
pub mod ner;

/// `n` of `d` in percent (0 when `d` is 0).
pub(crate) fn percent(n: usize, d: usize) -> f64 {
    share(n as f64, d)
}

/// A sum of fractions `n` over `d` items, as a mean in percent (0 when `d` is 0).
pub(crate) fn share(n: f64, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n / d as f64
    }
}

/// `x` rounded to two decimals, for reports.
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The non-blank lines of a JSON Lines gold file, parsed, with their line numbers;
/// errors name the file and the line.
pub(crate) fn json_lines(path: &std::path::Path) -> Result<Vec<(usize, serde_json::Value)>, expressions::EvalError> {
    let err = |line: usize, message: String| expressions::EvalError { file: path.to_owned(), line, message };
    let text = std::fs::read_to_string(path).map_err(|e| err(0, expressions::io_reason(&e)))?;
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v = serde_json::from_str(raw).map_err(|e| err(n + 1, format!("not JSON: {e}")))?;
        out.push((n + 1, v));
    }
    if out.is_empty() {
        return Err(err(0, "no documents in the gold file".into()));
    }
    Ok(out)
}
