//! The word lists of the quantities stage (`resources/quantity/`).

use rustc_hash::{FxHashMap, FxHashSet};

use super::Qualifier;
use marsad_core::normalize::key_of;
use marsad_core::phrases::{tsv_rows, Phrases};

/// The grammatical class of a number word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumClass {
    /// 1–10.
    Unit,
    /// عشر in a teen (خمسة عشر).
    TeenTen,
    /// 20–90.
    Ten,
    /// 100–900.
    Hundred,
    /// A multiplier: ألف، مليون، مليار.
    Scale,
    /// A scale in the dual: ألفان (its value is already doubled).
    Dual,
    /// نصف، ربع، ثلث.
    Fraction,
}

/// The countries a currency word may belong to.
#[derive(Debug, Default)]
pub struct CurrencyWord {
    /// The code when no country is named and none dominates the article.
    pub default: Option<&'static str>,
    /// `(ISO 4217 code, matching keys of the country words)`.
    pub countries: Vec<(&'static str, Vec<String>)>,
}

/// Everything the quantities stage looks up.
#[derive(Debug, Default)]
pub struct QuantityLexicon {
    /// Number words by matching key.
    pub numbers: FxHashMap<String, (f64, NumClass)>,
    /// Ordinal adjectives.
    pub ordinals: Phrases<f64>,
    /// Currency words by matching key (their other forms included).
    pub currencies: FxHashMap<String, std::sync::Arc<CurrencyWord>>,
    /// Units of measure: matching key → unit name.
    pub units: FxHashMap<String, &'static str>,
    /// Approximation and bound markers.
    pub approximations: Phrases<Qualifier>,
    /// Words that follow a number without being counted by it.
    pub not_counted: FxHashSet<String>,
}

impl QuantityLexicon {
    /// The lists embedded in the binary.
    pub fn embedded() -> Self {
        Self::parse(
            include_str!("../../../../resources/quantity/numbers.tsv"),
            include_str!("../../../../resources/quantity/ordinals.tsv"),
            include_str!("../../../../resources/quantity/currencies.tsv"),
            include_str!("../../../../resources/quantity/units.tsv"),
            include_str!("../../../../resources/quantity/approximations.tsv"),
            include_str!("../../../../resources/quantity/not_counted.tsv"),
        )
    }

    /// Parses the lists from their text.
    pub fn parse(
        numbers: &'static str,
        ordinals: &'static str,
        currencies: &'static str,
        units: &'static str,
        approximations: &'static str,
        not_counted: &'static str,
    ) -> Self {
        let mut lex = QuantityLexicon::default();
        for row in tsv_rows(numbers) {
            let (Some(word), Some(value), Some(class)) = (row.first(), row.get(1), row.get(2)) else { continue };
            let Ok(value) = value.parse::<f64>() else { continue };
            let class = match *class {
                "unit" => NumClass::Unit,
                "teen_ten" => NumClass::TeenTen,
                "ten" => NumClass::Ten,
                "hundred" => NumClass::Hundred,
                "scale" => NumClass::Scale,
                "dual" => NumClass::Dual,
                "fraction" => NumClass::Fraction,
                _ => continue,
            };
            lex.numbers.insert(key_of(word), (value, class));
        }
        for row in tsv_rows(ordinals) {
            if let (Some(word), Some(Ok(v))) = (row.first(), row.get(1).map(|v| v.parse::<f64>())) {
                lex.ordinals.insert(word, v);
            }
        }
        let mut words: FxHashMap<String, CurrencyWord> = FxHashMap::default();
        let mut forms: Vec<(String, String)> = Vec::new();
        for row in tsv_rows(currencies) {
            let Some(&word) = row.first() else { continue };
            if let Some(form) = word.strip_prefix('=') {
                if let Some(head) = row.get(1) {
                    forms.push((key_of(form), key_of(head)));
                }
                continue;
            }
            let Some(&code) = row.get(1) else { continue };
            let entry = words.entry(key_of(word)).or_default();
            match row.get(2).filter(|c| !c.is_empty()) {
                None => entry.default = Some(code),
                Some(countries) => {
                    let keys = countries.split_whitespace().map(|c| super::country_base(&key_of(c))).collect();
                    entry.countries.push((code, keys));
                }
            }
        }
        let words: FxHashMap<String, std::sync::Arc<CurrencyWord>> =
            words.into_iter().map(|(k, v)| (k, std::sync::Arc::new(v))).collect();
        lex.currencies = words.clone();
        for (form, head) in forms {
            if let Some(w) = words.get(&head) {
                lex.currencies.insert(form, w.clone());
            }
        }
        for row in tsv_rows(units) {
            if let (Some(word), Some(unit)) = (row.first(), row.get(1)) {
                lex.units.insert(key_of(word), unit);
            }
        }
        for row in tsv_rows(approximations) {
            let (Some(marker), Some(q)) = (row.first(), row.get(1)) else { continue };
            let q = match *q {
                "approximate" => Qualifier::Approximate,
                "more_than" => Qualifier::MoreThan,
                "less_than" => Qualifier::LessThan,
                "at_least" => Qualifier::AtLeast,
                "at_most" => Qualifier::AtMost,
                "vague" => Qualifier::Vague,
                _ => continue,
            };
            lex.approximations.insert(marker, q);
        }
        lex.not_counted = tsv_rows(not_counted).filter_map(|r| r.first().map(|w| key_of(w))).collect();
        lex
    }

    /// The currency word a key stands for: the key itself, its accusative (-ا) or
    /// its sound plural (-ات), with proclitics and the article removed.
    pub fn currency(&self, key: &str) -> Option<&CurrencyWord> {
        for (_, s) in marsad_core::phrases::stems(key) {
            let bare = s.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(&s);
            for cand in [Some(bare), bare.strip_suffix('ا'), bare.strip_suffix("ات")].into_iter().flatten() {
                if let Some(w) = self.currencies.get(cand).or_else(|| self.currencies.get(s.as_ref())) {
                    return Some(w);
                }
            }
        }
        None
    }
}
