//! The word lists of the quotations and claims stages (`resources/claims/`).

pub use marsad_core::document::Stance;

use rustc_hash::FxHashMap;

use marsad_core::normalize::key_of;
use marsad_core::phrases::{tsv_rows, Phrases};

/// A stance from its name in `resources/claims/verbs.tsv`.
fn parse_stance(s: &str) -> Option<Stance> {
    Some(match s {
        "say" => Stance::Say,
        "assert" => Stance::Assert,
        "add" => Stance::Add,
        "explain" => Stance::Explain,
        "announce" => Stance::Announce,
        "reveal" => Stance::Reveal,
        "deny" => Stance::Deny,
        "warn" => Stance::Warn,
        "claim" => Stance::Claim,
        "call" => Stance::Call,
        "accuse" => Stance::Accuse,
        "believe" => Stance::Believe,
        "expect" => Stance::Expect,
        "confirm" => Stance::Confirm,
        _ => return None,
    })
}

/// The lists, loaded once.
pub struct ClaimLexicon {
    /// Every written form of a verb of saying (by matching key) and its stance.
    pub verbs: FxHashMap<String, Stance>,
    /// Phrases naming a source after them (حسب، نقلا عن).
    pub phrases: Phrases<()>,
    /// Unnamed or vague sources (مصادر مطلعة، خبراء).
    pub vague: Phrases<()>,
    /// Hedges (ربما، يعتقد).
    pub hedges: Phrases<()>,
    /// The check-worthiness model ([`super::checkworthy`]).
    pub checkworthy: marsad_core::learn::LinearModel,
}

impl ClaimLexicon {
    /// The lists embedded in the binary.
    pub fn embedded() -> ClaimLexicon {
        let mut verbs = FxHashMap::default();
        for row in tsv_rows(include_str!("../../../../resources/claims/reporting_verbs.tsv")) {
            let (Some(past), Some(present), Some(stance)) =
                (row.first(), row.get(1), row.get(2).and_then(|s| parse_stance(s)))
            else {
                continue;
            };
            for form in conjugations(&key_of(past), &key_of(present)) {
                verbs.entry(form).or_insert(stance);
            }
        }
        let list = |text: &str| {
            let mut p = Phrases::default();
            for row in tsv_rows(text) {
                if let Some(w) = row.first() {
                    p.insert(w, ());
                }
            }
            p
        };
        ClaimLexicon {
            verbs,
            phrases: list(include_str!("../../../../resources/claims/reporting_phrases.tsv")),
            vague: list(include_str!("../../../../resources/claims/vague_sources.tsv")),
            hedges: list(include_str!("../../../../resources/claims/hedges.tsv")),
            checkworthy: marsad_core::learn::LinearModel::parse(include_str!(
                "../../../../resources/models/checkworthy.tsv"
            ))
            .unwrap_or_else(|e| panic!("embedded model resources/models/checkworthy.tsv: {e}")),
        }
    }
}

/// The third-person forms of a verb given its past (قال) and present (يقول) stems, in
/// matching keys: past masculine, feminine, dual and plural (قال، قالت، قالا، قالوا)
/// and present (يقول، تقول، يقولون، يقولان).
pub fn conjugations(past: &str, present: &str) -> Vec<String> {
    let mut out = vec![past.to_owned()];
    // a final weak letter drops before ت and وا (نفى → نفت، نفوا; دعا → دعت، دعوا)
    let base = past.strip_suffix(['ي', 'ا']).unwrap_or(past);
    out.push(format!("{base}ت"));
    out.push(format!("{base}وا"));
    out.push(format!("{past}ا"));
    out.push(present.to_owned());
    if let Some(rest) = present.strip_prefix('ي') {
        out.push(format!("ت{rest}"));
    }
    let pbase = present.strip_suffix(['ي', 'و']).unwrap_or(present);
    out.push(format!("{pbase}ون"));
    out.push(format!("{present}ان"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_match_through_their_conjugations() {
        let lex = ClaimLexicon::embedded();
        for (form, stance) in
            [("قالت", Stance::Say), ("يقول", Stance::Say), ("نفت", Stance::Deny), ("اكدوا", Stance::Assert)]
        {
            assert_eq!(lex.verbs.get(form), Some(&stance), "{form}");
        }
        assert!(lex.vague.has_first("مصادر"));
    }
}
