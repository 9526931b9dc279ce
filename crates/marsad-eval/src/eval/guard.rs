//! Acceptance floors that guard: a measured figure beside its floor and the best
//! trivial baseline on the same data, for the acceptance tests of every layer.
//!
//! A floor protects something only if a regression would cross it and it lies above
//! what a trivial system scores: [`Guard::floor`] fails when the figure falls under its
//! floor, when it no longer beats its baseline, or when the floor itself does not lie
//! above the baseline. A layer known not to beat its baseline yet is stated by name
//! ([`Guard::below_baseline`]) instead of hidden, and still guarded by its floor.

use std::fmt::Write;

/// The floors of one acceptance test, checked together so that every failure shows.
#[derive(Debug, Default)]
pub struct Guard {
    lines: Vec<String>,
    failures: Vec<String>,
}

impl Guard {
    /// A guard with no floor yet.
    pub fn new() -> Guard {
        Guard::default()
    }

    /// `what` measured `measured` must stay at or above `floor`, and above `baseline`
    /// (its name and value) when there is one; the floor must lie above the baseline.
    pub fn floor(&mut self, what: &str, measured: f64, floor: f64, baseline: Option<(&str, f64)>) {
        self.line(what, measured, floor, baseline, "");
        if measured < floor {
            self.failures.push(format!("{what}: {measured:.2} fell under its floor {floor:.2}"));
        }
        if let Some((name, value)) = baseline {
            if measured <= value {
                self.failures.push(format!("{what}: {measured:.2} no longer beats the baseline {name} ({value:.2})"));
            }
            if floor <= value {
                self.failures
                    .push(format!("{what}: the floor {floor:.2} does not lie above the baseline {name} ({value:.2})"));
            }
        }
    }

    /// Like [`Guard::floor`] for a figure known not to beat its baseline today: said by
    /// name in the output, guarded by its floor only, so a later improvement can turn it
    /// into a [`Guard::floor`].
    pub fn below_baseline(&mut self, what: &str, measured: f64, floor: f64, baseline: (&str, f64)) {
        self.line(what, measured, floor, Some(baseline), "  NOT ABOVE ITS BASELINE");
        if measured < floor {
            self.failures.push(format!("{what}: {measured:.2} fell under its floor {floor:.2}"));
        }
    }

    fn line(&mut self, what: &str, measured: f64, floor: f64, baseline: Option<(&str, f64)>, note: &str) {
        let base = baseline.map_or("—".to_owned(), |(n, v)| format!("{v:.2} ({n})"));
        self.lines.push(format!("{what:<40} {measured:>7.2} {floor:>7.2}   {base}{note}"));
    }

    /// The table of figures, floors and baselines.
    pub fn report(&self) -> String {
        let mut out = format!("{:<40} {:>7} {:>7}   {}\n", "figure", "measured", "floor", "best baseline");
        for l in &self.lines {
            let _ = writeln!(out, "{l}");
        }
        out
    }

    /// Prints the table and fails with every broken floor.
    ///
    /// # Panics
    /// When a figure fell under its floor or to its baseline, or a floor lies at or
    /// under its baseline.
    pub fn finish(self) {
        eprintln!("{}", self.report());
        assert!(self.failures.is_empty(), "{}\n{}", self.failures.join("\n"), self.report());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_floor_fails_under_itself_at_its_baseline_or_when_it_is_set_too_low() {
        let mut g = Guard::new();
        g.floor("fine", 50.0, 45.0, Some(("every", 30.0)));
        assert!(g.failures.is_empty());
        g.floor("regressed", 40.0, 45.0, None);
        g.floor("at baseline", 30.0, 25.0, Some(("every", 30.0)));
        g.floor("floor too low", 50.0, 29.0, Some(("every", 30.0)));
        assert_eq!(g.failures.len(), 4, "{:?}", g.failures);
        let mut g = Guard::new();
        g.below_baseline("known", 80.0, 78.0, ("every", 82.0));
        assert!(g.failures.is_empty() && g.report().contains("NOT ABOVE ITS BASELINE"));
    }
}
