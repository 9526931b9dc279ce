//! The quantities stage: numbers in digits and words, money with its ISO 4217
//! currency, percentages, counts with the counted noun, ordinals and measures,
//! with approximation and bound markers (حوالي، أكثر من، بضعة…).
//!
//! Rules, at each token not already inside a time expression ([`Document::times`]):
//! 1. an optional marker from `resources/quantity/approximations.tsv` (longest first)
//!    gives the [`Qualifier`];
//! 2. a number ([`numbers::parse`]): digits (the tokenizer's value), number words
//!    with their compounds (خمسة وعشرون، ثلاثمائة، ثلاثة آلاف), or digits with scale
//!    words (`23 مليار`);
//! 3. what follows decides the kind: `%`, بالمئة or في المائة → percent; a currency
//!    word (`currencies.tsv`) → money, the country of a dinar, riyal, pound, dirham or
//!    lira taken from the adjective after it or else from the article's dominant
//!    country; a unit (`units.tsv`) → measure; an indefinite noun → count (the
//!    accusative singular of 11–99, `27 برلمانيا`, is the surest sign); else a bare
//!    number. A vague marker (بضعة، عشرات) gives a count without a value;
//! 4. otherwise an ordinal adjective (`ordinals.tsv`: الأول، الثالثة…).
//!
//! Numbers that cannot be represented (400 digits) keep their span with no value.

pub use marsad_core::document::{Qualifier, Quantity, QuantityKind};

pub mod lexicon;
pub mod numbers;

use std::borrow::Cow;

use lexicon::{CurrencyWord, QuantityLexicon};
use marsad_core::document::{Document, Origin, Token, TokenKind};
use marsad_core::lexicon::Lexicon;
use marsad_core::normalize::match_key;
use marsad_core::phrases::{span_of, stems, without_article};
use marsad_core::span::Span;

/// What the quantity stages read besides the document: borrowed from the pipeline's resources.
#[derive(Clone, Copy)]
pub struct QuantityData<'r> {
    /// Word frequencies.
    pub lexicon: &'r marsad_core::lexicon::Lexicon,
    /// Number words, currencies, units and approximation markers.
    pub quantity: &'r lexicon::QuantityLexicon,
}

/// The stage: adds [`Document::quantities`].
pub fn recognize(doc: &mut Document, res: &QuantityData) {
    doc.quantities = find(doc, res.quantity, res.lexicon);
}

/// Finds the quantities of an analysed document (tokens, clitics and times needed);
/// `words` (word frequencies) tells a dual noun from a plural.
pub fn find(doc: &Document, lex: &QuantityLexicon, words: &Lexicon) -> Vec<Quantity> {
    let toks = &doc.tokens;
    // tokens inside a time expression (both layers are in text order)
    let mut timed = vec![false; toks.len()];
    let mut t = 0;
    for (k, tok) in toks.iter().enumerate() {
        while t < doc.times.len() && doc.times[t].span.end <= tok.span.start {
            t += 1;
        }
        timed[k] = doc.times.get(t).is_some_and(|x| x.span.start < tok.span.end && tok.span.start < x.span.end);
    }
    let in_time = |k: usize| timed[k];
    let mut out = Vec::new();
    let mut countries = None;
    let mut i = 0;
    while i < toks.len() {
        // a number glued to a name is part of it (فوستوك2022)
        let glued = i > 0
            && toks[i].joined
            && toks[i].kind == TokenKind::Number
            && toks[i - 1].kind == TokenKind::Arabic
            && toks[i - 1].norm.chars().count() >= 3;
        if in_time(i) || glued {
            i += 1;
            continue;
        }
        let (qualifier, j) = match lex.approximations.find(toks, i, true) {
            Some(m) if m.end < toks.len() || *m.value == Qualifier::Vague => (Some(*m.value), m.end),
            _ => (None, i),
        };
        let num = numbers::parse(toks, j, lex).filter(|m| !(m.digits && toks[j].kind == TokenKind::Percent));
        let number_in_time = num.as_ref().is_some_and(|m| (j..m.end).any(in_time));
        if toks.get(j).is_some_and(|t| t.kind == TokenKind::Percent) && !in_time(j) {
            let end = j + 1;
            let value = toks[j].value.filter(|v| v.is_finite());
            out.push(Quantity {
                span: span_of(doc, i, end),
                kind: QuantityKind::Percent,
                value: value.filter(|_| qualifier != Some(Qualifier::Vague)),
                unit: None,
                qualifier,
                origin: Origin::rule("quantity.percent.sign", if value.is_some() { 0.95 } else { 0.2 }),
            });
            i = end;
            continue;
        }
        match num {
            Some(m) if !number_in_time => {
                let (q, end) = classify(doc, lex, &m, qualifier, &mut countries);
                // a currency sign before the number belongs to it ($300)
                let sign_before = q.origin.rule == "quantity.money.sign"
                    && end == m.end
                    && j > 0
                    && toks[j - 1].kind == TokenKind::Symbol
                    && out.last().is_none_or(|p: &Quantity| p.span.end <= toks[j - 1].span.start);
                let first = if qualifier.is_some() {
                    i
                } else if sign_before {
                    j - 1
                } else {
                    j
                };
                let mut q = q;
                q.span = span_of(doc, first, end);
                // a marker after the number: 300 تقريبا
                let mut end = end;
                if q.qualifier.is_none() && toks.get(end).is_some_and(|t| t.key == "تقريبا") {
                    q.qualifier = Some(Qualifier::Approximate);
                    end += 1;
                    q.span = span_of(doc, first, end);
                }
                if q.qualifier == Some(Qualifier::Vague) {
                    q.value = None;
                }
                out.push(q);
                i = end;
            }
            None if qualifier == Some(Qualifier::Vague) => {
                // بضعة أيام، عشرات الجنود: a count without a number
                let noun =
                    toks.get(j).filter(|t| t.kind == TokenKind::Arabic && !lex.not_counted.contains(t.key.as_str()));
                let end = if noun.is_some() { j + 1 } else { j };
                out.push(Quantity {
                    span: span_of(doc, i, end),
                    kind: if noun.is_some() { QuantityKind::Count } else { QuantityKind::Number },
                    value: None,
                    unit: noun.map(|t| without_article(&t.norm)),
                    qualifier,
                    origin: Origin::rule("quantity.vague", 0.7),
                });
                i = end.max(i + 1);
            }
            _ => {
                if let Some(m) = lex.ordinals.find(toks, i, true) {
                    out.push(Quantity {
                        span: span_of(doc, i, m.end),
                        kind: QuantityKind::Ordinal,
                        value: Some(*m.value),
                        unit: None,
                        qualifier: None,
                        origin: Origin::rule("quantity.ordinal", 0.8),
                    });
                    i = m.end;
                } else if let Some(unit) = dual_noun(doc, words, i) {
                    out.push(Quantity {
                        span: doc.tokens[i].span,
                        kind: QuantityKind::Count,
                        value: Some(2.0),
                        unit: Some(unit),
                        qualifier: None,
                        origin: Origin::rule("quantity.count.dual", 0.6),
                    });
                    i += 1;
                } else {
                    i += 1;
                }
            }
        }
    }
    out
}

/// Decides the kind of a number from what follows it; returns the quantity (span
/// to be set by the caller) and one past its last token.
fn classify(
    doc: &Document,
    lex: &QuantityLexicon,
    m: &numbers::NumberMatch,
    qualifier: Option<Qualifier>,
    countries: &mut Option<CountryCounts>,
) -> (Quantity, usize) {
    let toks = &doc.tokens;
    let k = m.end;
    let conf = if m.value.is_some() { 1.0 } else { 0.2 };
    let make = |kind, unit: Option<String>, rule: &'static str, c: f32| Quantity {
        span: Span::default(),
        kind,
        value: m.value,
        unit,
        qualifier,
        origin: Origin::rule(rule, c * conf),
    };
    let next = toks.get(k);
    // percent in words: بالمئة، بالمائة، في المئة، في المائة
    if let Some(t) = next {
        if is_hundred_word(&t.key) && t.key.starts_with('ب') {
            return (make(QuantityKind::Percent, None, "quantity.percent.words", 0.95), k + 1);
        }
        if t.key == "في" && toks.get(k + 1).is_some_and(|t| is_hundred_word(&t.key)) {
            return (make(QuantityKind::Percent, None, "quantity.percent.words", 0.95), k + 2);
        }
    }
    // currency sign before or after: $300، 300 $
    let sign = |t: Option<&Token>| {
        t.filter(|t| t.kind == TokenKind::Symbol).and_then(|t| match t.norm.as_str() {
            "$" => Some("USD"),
            "€" => Some("EUR"),
            "£" => Some("GBP"),
            "¥" => Some("JPY"),
            _ => None,
        })
    };
    if let Some(code) = sign(next) {
        return (make(QuantityKind::Money, Some(code.to_owned()), "quantity.money.sign", 0.9), k + 1);
    }
    if m.digits && m.start > 0 {
        if let Some(code) = sign(toks.get(m.start - 1)) {
            {
                return (make(QuantityKind::Money, Some(code.to_owned()), "quantity.money.sign", 0.9), k);
            }
        }
    }
    let Some(t) = next.filter(|t| t.kind == TokenKind::Arabic) else {
        return (make(QuantityKind::Number, None, "quantity.number", 0.9), k);
    };
    if let Some(cur) = lex.currency(&t.key) {
        let (code, end, rule, c) = resolve_currency(doc, cur, k, countries);
        return (make(QuantityKind::Money, code.map(str::to_owned), rule, c), end);
    }
    let bare = without_article(&t.key);
    if let Some(unit) = lex.units.get(t.key.as_str()).or_else(|| lex.units.get(&bare)) {
        let mut end = k + 1;
        // متر مكعب
        if toks.get(end).is_some_and(|t| lex.units.get(t.key.as_str()) == Some(&"cubic")) {
            end += 1;
            let unit = format!("{unit}3");
            return (make(QuantityKind::Measure, Some(unit), "quantity.measure", 0.9), end);
        }
        return (make(QuantityKind::Measure, Some((*unit).to_owned()), "quantity.measure", 0.9), end);
    }
    // a count: an indefinite noun after the number
    let is_word = lex.numbers.contains_key(t.key.as_str()) || lex.numbers.contains_key(&bare);
    let definite = stems(&t.key).any(|(_, s)| s.starts_with("ال"));
    let year_like = m.digits && !m.words && m.value.is_some_and(|v| (1900.0..=2100.0).contains(&v) && v.fract() == 0.0);
    if !is_word && !definite && !year_like && !lex.not_counted.contains(t.key.as_str()) && t.norm.chars().count() >= 2 {
        let v = m.value.unwrap_or(0.0);
        let accusative = t.norm.ends_with('ا') && t.norm.chars().count() > 3;
        let (noun, c) = if (11.0..=99.0).contains(&v) && accusative {
            (t.norm.trim_end_matches('ا').to_owned(), 0.9)
        } else if (11.0..=99.0).contains(&v) && t.norm.ends_with('ة') {
            // the accusative of a feminine noun shows no alef (ثلاثين طائرة)
            (t.norm.to_string(), 0.8)
        } else {
            (t.norm.to_string(), 0.6)
        };
        return (make(QuantityKind::Count, Some(noun), "quantity.count", c), k + 1);
    }
    (make(QuantityKind::Number, None, "quantity.number", 0.9), k)
}

/// مئة or مائة, with ب + ال or ال before it.
fn is_hundred_word(key: &str) -> bool {
    let bare = without_article(key);
    (bare == "مئه" || bare == "مائه") && key != bare
}

/// Which code a currency word stands for: the country adjective after it, the
/// article's dominant country, or the word's default.
fn resolve_currency(
    doc: &Document,
    cur: &CurrencyWord,
    k: usize,
    countries: &mut Option<CountryCounts>,
) -> (Option<&'static str>, usize, &'static str, f32) {
    let toks = &doc.tokens;
    if let Some(adj) = toks.get(k + 1).filter(|t| t.kind == TokenKind::Arabic) {
        let base = country_base(&adj.key);
        if let Some((code, _)) = cur.countries.iter().find(|(_, words)| words.contains(&base)) {
            return (Some(code), k + 2, "quantity.money.country", 0.95);
        }
    }
    if cur.countries.len() > 1 || (cur.default.is_none() && !cur.countries.is_empty()) {
        let mut best: Option<(&'static str, usize)> = None;
        let mut tie = false;
        for (code, words) in &cur.countries {
            let counts = countries.get_or_insert_with(|| country_counts(doc));
            let n: usize = words.iter().map(|w| counts.get(w).copied().unwrap_or(0)).sum();
            if n == 0 {
                continue;
            }
            match best {
                Some((_, b)) if n == b => tie = true,
                Some((_, b)) if n < b => {}
                _ => {
                    best = Some((code, n));
                    tie = false;
                }
            }
        }
        if let (Some((code, _)), false) = (best, tie) {
            return (Some(code), k + 1, "quantity.money.dominant_country", 0.7);
        }
    }
    match cur.default {
        Some(code) => (Some(code), k + 1, "quantity.money.currency", 0.9),
        None => (None, k + 1, "quantity.money.unresolved", 0.5),
    }
}

/// A country word reduced to its base: without clitics and article, and a nisba
/// without its feminine or plural ending (الجزائرية، جزائريين → جزائري).
pub(crate) fn country_base(key: &str) -> String {
    let bare = without_article(key);
    for suffix in ["يين", "يون", "يه"] {
        if let Some(stem) = bare.strip_suffix(suffix) {
            if stem.chars().count() >= 2 {
                return format!("{stem}ي");
            }
        }
    }
    bare
}

/// How often each word base ([`country_base`]) occurs in the article.
type CountryCounts = std::collections::HashMap<String, usize>;

fn country_counts(doc: &Document) -> CountryCounts {
    let mut counts = CountryCounts::new();
    for t in doc.tokens.iter().filter(|t| t.kind == TokenKind::Arabic) {
        *counts.entry(country_base(&t.key)).or_default() += 1;
    }
    counts
}

#[cfg(test)]
mod tests;

/// The singular of token `i` when it is a noun in the dual (البلدين، مرتين، الدولتان):
/// two of what it names.
///
/// Unvowelled, the dual in -ين is written like the masculine plural (الطرفين "the two
/// sides" / المسلمين "the Muslims"); it is read as a dual only when the singular is a
/// common word whose plural is not the sound -ون plural (nouns, not adjectives or
/// participles). The feminine -تين/-تان is always a dual (the plural is -ات). An
/// adjective agreeing with a dual (الحرمين الشريفين), a participle with its
/// complement (مؤكدين أن), and names ending in -ين are left alone.
fn dual_noun(doc: &Document, words: &Lexicon, i: usize) -> Option<String> {
    let tok = &doc.tokens[i];
    if tok.kind != TokenKind::Arabic {
        return None;
    }
    // the stem's matching key (for the frequency keys) and its letters as written (for
    // the unit); the token's own key when it has no clitics, without a copy
    let (stem, written): (Cow<str>, &str) = match doc.segmentation_of(i) {
        Some(seg) => (Cow::Owned(match_key(&seg.stem().form)), doc.slice(seg.stem().span)),
        None => (Cow::Borrowed(tok.key.as_str()), doc.slice(tok.span)),
    };
    if !(stem.ends_with("ين") || stem.ends_with("ان")) {
        return None;
    }
    let ends_dual = |t: &Token| t.key.ends_with("ين") || t.key.ends_with("تان");
    if i > 0 && doc.tokens[i - 1].kind == TokenKind::Arabic && ends_dual(&doc.tokens[i - 1]) {
        return None;
    }
    if doc.tokens.get(i + 1).is_some_and(|t| matches!(t.key.as_str(), "ان" | "الي")) {
        return None;
    }
    let stem = stem.as_ref();
    let (base, feminine, nominative) = if let Some(b) = stem.strip_suffix("تين").or_else(|| stem.strip_suffix("تان"))
    {
        (b, true, false)
    } else if let Some(b) = stem.strip_suffix("يان") {
        // the nominative dual of a relative adjective (أجنبيان): -ان is otherwise too
        // often part of a word (لبنان، بيان) or a broken plural (بلدان)
        (&stem[..b.len() + 'ي'.len_utf8()], false, true)
    } else {
        (stem.strip_suffix("ين")?, false, false)
    };
    let base = base.strip_prefix("ال").unwrap_or(base);
    // -يين is the plural of a relative adjective (المصريين), not a dual
    if base.chars().count() < 2 || (!feminine && !nominative && base.ends_with('ي')) {
        return None;
    }
    let singular = if feminine { format!("{base}ه") } else { base.to_owned() };
    let common = words.zipf(&singular).max(words.zipf(&format!("ال{singular}")));
    if singular.chars().count() < 3 || common < 3.0 || common < words.zipf(stem) + 0.9 {
        return None;
    }
    if !feminine && !nominative && (words.zipf(&format!("{base}ون")) > 0.0 || words.zipf(&format!("ال{base}ون")) > 0.0)
    {
        return None;
    }
    // the unit as written: the singular, with its ة
    let written = written.strip_prefix("ال").unwrap_or(written);
    let cut = if feminine { 3 } else { 2 };
    let mut unit: String = written.chars().take(written.chars().count().saturating_sub(cut)).collect();
    if feminine {
        unit.push('ة');
    }
    Some(unit)
}
