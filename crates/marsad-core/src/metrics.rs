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

/// True positives, false positives and false negatives: the count every detection and
/// labelling score of the project is made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Found and right.
    pub tp: usize,
    /// Found but wrong or absent from the gold.
    pub fp: usize,
    /// In the gold but not found.
    pub fn_: usize,
}

impl Counts {
    /// The counts of a detection: `matched` of `found` items paired with `matched` of
    /// `gold` items.
    pub fn detection(gold: usize, found: usize, matched: usize) -> Counts {
        Counts { tp: matched, fp: found - matched, fn_: gold - matched }
    }

    /// Precision, recall and F1 in percent.
    pub fn prf(&self) -> (f64, f64, f64) {
        prf(self.tp, self.fp, self.fn_)
    }

    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        self.prf().2
    }

    /// Adds another count to this one.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// Counts a label decision on a matched pair: right is a true positive, wrong both
    /// a false positive and a false negative.
    pub fn label(&mut self, right: bool) {
        if right {
            self.tp += 1;
        } else {
            self.fp += 1;
            self.fn_ += 1;
        }
    }

    /// `{"precision", "recall", "f1", "tp", "fp", "fn"}`, figures rounded to two decimals.
    pub fn json(&self) -> serde_json::Value {
        let (p, r, f) = self.prf();
        serde_json::json!({"precision": round2(p), "recall": round2(r), "f1": round2(f),
                           "tp": self.tp, "fp": self.fp, "fn": self.fn_})
    }
}

/// What trivial systems score on the same data, by system and measure
/// (`every_sentence` → `f1` → 82.5): printed beside every headline figure, so that a
/// figure is read against what it takes no skill to reach.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Baselines(pub std::collections::BTreeMap<String, std::collections::BTreeMap<String, f64>>);

impl Baselines {
    /// Records `value` for `system`'s `measure`.
    pub fn set(&mut self, system: &str, measure: &str, value: f64) {
        self.0.entry(system.to_owned()).or_default().insert(measure.to_owned(), value);
    }

    /// Records precision, recall and F1 of `counts` for `system`.
    pub fn set_prf(&mut self, system: &str, counts: Counts) {
        let (p, r, f) = counts.prf();
        self.set(system, "precision", p);
        self.set(system, "recall", r);
        self.set(system, "f1", f);
    }

    /// `system`'s `measure`, when recorded.
    pub fn get(&self, system: &str, measure: &str) -> Option<f64> {
        self.0.get(system)?.get(measure).copied()
    }

    /// The best value of `measure` over the systems, with the system's name.
    pub fn best(&self, measure: &str) -> Option<(&str, f64)> {
        self.0.iter().filter_map(|(s, m)| m.get(measure).map(|v| (s.as_str(), *v))).max_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// `{"<system>": {"<measure>": value}}`, values rounded to two decimals: the
    /// `baselines` key of every `marsad eval … --json` report.
    pub fn json(&self) -> serde_json::Value {
        let map: serde_json::Map<String, serde_json::Value> = self
            .0
            .iter()
            .map(|(s, m)| {
                let inner: serde_json::Map<String, serde_json::Value> =
                    m.iter().map(|(k, v)| (k.clone(), serde_json::json!(round2(*v)))).collect();
                (s.clone(), serde_json::Value::Object(inner))
            })
            .collect();
        serde_json::Value::Object(map)
    }

    /// One line per system for a text report: `baseline every_sentence: f1 82.50, …`.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for (s, m) in &self.0 {
            let figures: Vec<String> = m.iter().map(|(k, v)| format!("{k} {v:.2}")).collect();
            out.push_str(&format!("baseline {s}: {}\n", figures.join(", ")));
        }
        out
    }
}
