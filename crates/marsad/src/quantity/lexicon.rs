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

/// What a word of `not_quantities.tsv` does to the number next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotQuantity {
    /// A number after it names an item (المادة 2، الهاتف 0112038222).
    Identifier,
    /// A number in digits after it is a rank (الدقيقة 22).
    OrdinalNoun,
    /// The word after it is a name (آل ثاني).
    NameHead,
    /// An ordinal adjective after it makes a fixed name (الدرجة الأولى).
    OrdinalName,
    /// An ordinal before it is part of a name (ثاني أكسيد).
    OrdinalNameAfter,
}

/// One country's currency of a given name.
#[derive(Debug)]
pub struct CurrencyCountry {
    /// ISO 4217 code.
    pub code: &'static str,
    /// Matching keys of the country words (nisba and name), reduced by `country_base`.
    pub words: Vec<String>,
    /// The country, ISO 3166-1 alpha-3, as the gazetteer names it.
    pub country: Option<&'static str>,
    /// The value of one of it in the currency `code` (1, or 0.01 for a subunit: سنتيم).
    pub factor: f64,
}

/// The countries a currency word may belong to.
#[derive(Debug, Default)]
pub struct CurrencyWord {
    /// The code when no country is named and none dominates the article.
    pub default: Option<&'static str>,
    /// The countries whose currency has this name.
    pub countries: Vec<CurrencyCountry>,
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
    /// Words that make a number next to them a name, an identifier or a rank.
    pub not_quantities: FxHashMap<String, NotQuantity>,
    /// Words of one country's or region's usage (معتمدية: Tunisia), by matching key:
    /// the countries (ISO 3166-1 alpha-3) they point to.
    pub regional: Phrases<Vec<&'static str>>,
}

/// The text of each list of `resources/quantity/`, for [`QuantityLexicon::parse`].
#[derive(Clone, Copy, Debug)]
pub struct QuantityFiles {
    /// `numbers.tsv`: number words, their values and classes.
    pub numbers: &'static str,
    /// `ordinals.tsv`: ordinal adjectives.
    pub ordinals: &'static str,
    /// `currencies.tsv`: currency words, codes and countries.
    pub currencies: &'static str,
    /// `units.tsv`: units of measure.
    pub units: &'static str,
    /// `approximations.tsv`: approximation and bound markers.
    pub approximations: &'static str,
    /// `not_counted.tsv`: words that follow a number without being counted by it.
    pub not_counted: &'static str,
    /// `not_quantities.tsv`: words that make a number a name, an identifier or a rank.
    pub not_quantities: &'static str,
    /// `regional_words.tsv`: words of one country's usage.
    pub regional: &'static str,
}

impl QuantityLexicon {
    /// The lists embedded in the binary.
    pub fn embedded() -> Self {
        Self::parse(QuantityFiles {
            numbers: include_str!("../../../../resources/quantity/numbers.tsv"),
            ordinals: include_str!("../../../../resources/quantity/ordinals.tsv"),
            currencies: include_str!("../../../../resources/quantity/currencies.tsv"),
            units: include_str!("../../../../resources/quantity/units.tsv"),
            approximations: include_str!("../../../../resources/quantity/approximations.tsv"),
            not_counted: include_str!("../../../../resources/quantity/not_counted.tsv"),
            not_quantities: include_str!("../../../../resources/quantity/not_quantities.tsv"),
            regional: include_str!("../../../../resources/quantity/regional_words.tsv"),
        })
    }

    /// Parses the lists from their text.
    pub fn parse(files: QuantityFiles) -> Self {
        let QuantityFiles {
            numbers,
            ordinals,
            currencies,
            units,
            approximations,
            not_counted,
            not_quantities,
            regional,
        } = files;
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
                    let words = countries.split_whitespace().map(|c| super::country_base(&key_of(c))).collect();
                    let country = row.get(3).copied().filter(|c| !c.is_empty());
                    let factor = row.get(4).and_then(|f| f.parse().ok()).unwrap_or(1.0);
                    entry.countries.push(CurrencyCountry { code, words, country, factor });
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
        for row in tsv_rows(not_quantities) {
            let (Some(word), Some(role)) = (row.first(), row.get(1)) else { continue };
            let role = match *role {
                "identifier" => NotQuantity::Identifier,
                "ordinal_noun" => NotQuantity::OrdinalNoun,
                "name_head" => NotQuantity::NameHead,
                "ordinal_name" => NotQuantity::OrdinalName,
                "ordinal_name_after" => NotQuantity::OrdinalNameAfter,
                _ => continue,
            };
            lex.not_quantities.insert(key_of(word), role);
        }
        for row in tsv_rows(regional) {
            if let (Some(word), Some(countries)) = (row.first(), row.get(1)) {
                lex.regional.insert(word, countries.split_whitespace().collect());
            }
        }
        lex
    }

    /// The role of token `t` in `not_quantities.tsv`, its proclitics allowed (للمادة);
    /// آل is told from the article written alone (الـ) by its madda.
    pub fn not_quantity(&self, t: &marsad_core::document::Token, written: &str) -> Option<NotQuantity> {
        if t.kind != marsad_core::document::TokenKind::Arabic {
            return None;
        }
        let role =
            marsad_core::phrases::stems(&t.key).find_map(|(_, s)| self.not_quantities.get(s.as_ref()).copied())?;
        if role == NotQuantity::NameHead && t.key == "ال" && !written.starts_with('آ') {
            return None;
        }
        Some(role)
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
