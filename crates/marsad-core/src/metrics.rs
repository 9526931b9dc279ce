//! Scores shared by every evaluation and by model training: precision, recall, F1,
//! shares in percent and rounding for reports.

/// Precision, recall and F1 (in percent) of counts.
pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 { 0.0 } else { 100.0 * tp as f64 / (tp + fp) as f64 };
    let r = if tp + fn_ == 0 { 0.0 } else { 100.0 * tp as f64 / (tp + fn_) as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// `n` of `d` in percent (0 when `d` is 0).
pub fn percent(n: usize, d: usize) -> f64 {
    share(n as f64, d)
}

/// A sum of fractions `n` over `d` items, as a mean in percent (0 when `d` is 0).
pub fn share(n: f64, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n / d as f64
    }
}

/// `x` rounded to two decimals, for reports.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
