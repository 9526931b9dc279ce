//! How much persuasion ordinary news holds: the reference distribution an article's
//! profile is placed against, and the threshold of the article decision.
//!
//! `resources/framing/reference.tsv` is written by `tools/framing_reference.py` from
//! marsad's own output over a sample of the news corpora: for the article's overall
//! persuasion density and for each technique's density (pieces of evidence per 100
//! words, [`super::detect`]), the 101 quantiles (0th…100th percentile) of the sample;
//! and the decision threshold, chosen on the calibration half of the neutral-news list
//! (`gold/framing/neutral_news.tsv`) so that ordinary news is rarely marked.

use std::collections::HashMap;

use marsad_core::phrases::tsv_rows;

/// The measure of the article's overall density.
pub const OVERALL: &str = "all";

/// Quantiles of each measure over the reference sample, and the decision threshold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reference {
    /// The 101 quantiles of each measure, by measure ([`OVERALL`] or a technique).
    quantiles: HashMap<String, Vec<f32>>,
    /// The overall density at or above which an article is marked propagandistic;
    /// `None` when the file has none (then no article is marked).
    pub threshold: Option<f32>,
    /// Articles in the reference sample.
    pub articles: usize,
}

impl Reference {
    /// The reference embedded in the binary.
    pub fn embedded() -> Reference {
        Reference::parse(include_str!("../../../../resources/framing/reference.tsv"))
            .unwrap_or_else(|e| panic!("embedded resources/framing/reference.tsv: {e}"))
    }

    /// Reads `threshold<TAB>x`, `articles<TAB>n` and `<measure><TAB>q0…<TAB>q100` rows.
    pub fn parse(text: &str) -> Result<Reference, String> {
        let mut r = Reference::default();
        for row in tsv_rows(text) {
            let number = |s: &str| s.parse::<f32>().map_err(|_| format!("{:?}: not a number: {s:?}", row[0]));
            match row[..] {
                ["threshold", x] => r.threshold = Some(number(x)?),
                ["articles", n] => r.articles = n.parse().map_err(|_| format!("articles: not a count: {n:?}"))?,
                [measure, ref qs @ ..] => {
                    let q: Vec<f32> = qs.iter().map(|s| number(s)).collect::<Result<_, _>>()?;
                    if q.len() != 101 || q.windows(2).any(|w| w[0] > w[1]) {
                        return Err(format!("{measure:?}: expected 101 quantiles in increasing order"));
                    }
                    r.quantiles.insert(measure.to_string(), q);
                }
                [] => {}
            }
        }
        Ok(r)
    }

    /// The percentile (0–100) of `value` among the reference articles for `measure`:
    /// the share of quantiles below it plus half of those equal to it (so an article
    /// without any evidence, like most of the sample, stands in the middle of them, not at
    /// the top). `None` when the reference lacks the measure.
    pub fn percentile(&self, measure: &str, value: f32) -> Option<f32> {
        let q = self.quantiles.get(measure)?;
        let below = q.iter().filter(|&&x| x < value).count() as f32;
        let equal = q.iter().filter(|&&x| x == value).count() as f32;
        Some((100.0 * (below + equal / 2.0) / q.len() as f32).round())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantiles(f: impl Fn(usize) -> f32) -> String {
        (0..=100).map(|i| format!("{}", f(i))).collect::<Vec<_>>().join("\t")
    }

    #[test]
    fn percentiles_place_a_value_among_the_quantiles() {
        let text = format!(
            "# comment\nthreshold\t2.5\narticles\t1000\nall\t{}\nDoubt\t{}\n",
            quantiles(|i| i as f32 / 10.0),
            quantiles(|i| if i < 80 { 0.0 } else { 1.0 })
        );
        let r = Reference::parse(&text).unwrap();
        assert_eq!((r.threshold, r.articles), (Some(2.5), 1000));
        assert_eq!(r.percentile(OVERALL, 5.0), Some(50.0));
        assert_eq!(r.percentile(OVERALL, 100.0), Some(100.0));
        // no evidence, like 80 % of the sample: in the middle of them
        assert_eq!(r.percentile("Doubt", 0.0), Some(40.0));
        assert_eq!(r.percentile("Slogans", 1.0), None);
    }

    #[test]
    fn bad_rows_are_refused() {
        assert!(Reference::parse("all\t1\t2\n").unwrap_err().contains("101"));
        assert!(Reference::parse("threshold\tx\n").is_err());
        assert_eq!(Reference::parse("").unwrap().threshold, None);
    }

    #[test]
    fn the_embedded_reference_reads() {
        let _ = Reference::embedded();
    }
}
