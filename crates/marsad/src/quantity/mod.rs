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

mod context;
pub mod lexicon;
pub mod numbers;

use std::borrow::Cow;

use crate::entities::gazetteer::Gazetteer;
use lexicon::{CurrencyWord, QuantityLexicon};
use marsad_core::document::{Document, MorphemeRole, Origin, Token, TokenKind};
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
    /// Country and place names: the countries an article speaks of (whose dinar or
    /// pound it is) and the names that look like duals (البحرين، القصرين).
    pub gazetteer: &'r Gazetteer,
}

/// The stage: adds [`Document::quantities`].
pub fn recognize(doc: &mut Document, res: &QuantityData) {
    doc.quantities = find(doc, res);
}

/// Finds the quantities of an analysed document (tokens, clitics and times needed).
pub fn find(doc: &Document, res: &QuantityData) -> Vec<Quantity> {
    let (lex, words) = (res.quantity, res.lexicon);
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
    let mut out: Vec<Quantity> = Vec::new();
    let mut ctx = Ctx { doc, lex, words, gazetteer: res.gazetteer, country_words: None, countries: None };
    let mut listed = usize::MAX;
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
        if let Some(end) = context::skip_number(doc, lex, i, &mut listed) {
            i = end;
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
                if let Some(end) = not_a_number_word(doc, lex, &m, qualifier) {
                    i = end;
                    continue;
                }
                // اثنين after the dual it counts (جريحين اثنين): one count of two
                if m.words && !m.digits && m.value == Some(2.0) && m.end == j + 1 && qualifier.is_none() {
                    if let Some(last) = out.last_mut().filter(|q| {
                        q.origin.rule == "quantity.count.dual" && j > 0 && q.span.end == toks[j - 1].span.end
                    }) {
                        last.span.end = toks[j].span.end;
                        last.origin = Origin::rule("quantity.count.dual", 0.9);
                        i = m.end;
                        continue;
                    }
                    // a word in -ين or -ان before اثنين is its dual, whatever else it may be
                    // (عسكريين اثنين)
                    let prev = j.checked_sub(1).map(|k| &toks[k]).filter(|p| {
                        p.kind == TokenKind::Arabic
                            && (p.key.ends_with("ين") || p.key.ends_with("ان"))
                            && p.key.chars().count() >= 5
                            && !lex.not_counted.contains(p.key.as_str())
                    });
                    if let Some(p) = prev.filter(|p| out.last().is_none_or(|q| q.span.end <= p.span.start)) {
                        let noun = without_article(&p.norm);
                        let unit: String = noun.chars().take(noun.chars().count().saturating_sub(2)).collect();
                        out.push(Quantity {
                            span: Span::new(p.span.start, toks[j].span.end),
                            kind: QuantityKind::Count,
                            value: Some(2.0),
                            unit: Some(unit),
                            qualifier: None,
                            origin: Origin::rule("quantity.count.dual", 0.8),
                        });
                        i = m.end;
                        continue;
                    }
                }
                let (q, end) = classify(&mut ctx, &m, qualifier);
                let (q, end) = shared_unit(&mut ctx, &m, q, end);
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
                    m.start - usize::from(m.paren)
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
                // بضعة أيام، عشرات الجنود، الملايين من الأطفال: a count without a number
                let (unit, end) = match partitive(doc, lex, j) {
                    Some((unit, end)) => (unit, end),
                    None => {
                        let noun = toks
                            .get(j)
                            .filter(|t| t.kind == TokenKind::Arabic && !lex.not_counted.contains(t.key.as_str()));
                        match noun {
                            Some(t) => (Some(without_article(&t.norm)), j + 1),
                            None => (None, j),
                        }
                    }
                };
                let counted = end > j;
                out.push(Quantity {
                    span: span_of(doc, i, end),
                    kind: if counted { QuantityKind::Count } else { QuantityKind::Number },
                    value: None,
                    unit,
                    qualifier,
                    origin: Origin::rule("quantity.vague", 0.7),
                });
                i = end.max(i + 1);
            }
            _ => {
                if let Some((value, end)) = numbers::ordinal(toks, i, lex) {
                    if !context::in_name(doc, lex, i, Some(end)) {
                        out.push(Quantity {
                            span: span_of(doc, i, end),
                            kind: QuantityKind::Ordinal,
                            value: Some(value),
                            unit: None,
                            qualifier: None,
                            origin: Origin::rule("quantity.ordinal", 0.8),
                        });
                    }
                    i = end;
                } else if let Some(unit) =
                    dual_noun(doc, words, i).filter(|_| !context::in_name(doc, lex, i, None) && !is_name(&ctx, i))
                {
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
    // an opening و or من joins the quantity to its sentence: outside the span
    for q in &mut out {
        q.span = q.span.without_opening_particle(&doc.text);
    }
    out
}

/// What classifying a number reads: the document, the lists, and the countries the
/// article speaks of (counted once, when a currency word first needs them).
struct Ctx<'a> {
    doc: &'a Document,
    lex: &'a QuantityLexicon,
    words: &'a Lexicon,
    gazetteer: &'a Gazetteer,
    country_words: Option<CountryWords>,
    countries: Option<CountryNames>,
}

/// True when token `i` is a place, country or person name of the gazetteer (البحرين،
/// القصرين، مدنين، كيفين): a name that only looks like a dual.
fn is_name(ctx: &Ctx, i: usize) -> bool {
    use marsad_core::document::GazKind;
    let doc = ctx.doc;
    let stem = doc.stem_key(i);
    let keys = [doc.tokens[i].key.to_string(), stem.to_string(), format!("ال{stem}")];
    keys.iter().any(|k| {
        ctx.gazetteer.lookup(k).iter().any(|e| {
            matches!(
                e.kind,
                GazKind::Country
                    | GazKind::Place
                    | GazKind::Region
                    | GazKind::GivenName
                    | GazKind::FamilyName
                    | GazKind::ForeignGivenName
                    | GazKind::ForeignFamilyName
            )
        })
    })
}

/// When the number words of `m` are not a quantity, one past the tokens to skip: a
/// number in words after an identifier's noun (شارع الستين); واحد، واحدة alone ("one of", "one and the same": قوة واحدة، واحد منهم) — the
/// guideline counts them only in contexts the rules cannot tell; a fraction with the
/// article (الربع، النصف: the quarter of a year, the half of a match) or before
/// نهائي (نصف النهائي: a round's name).
fn not_a_number_word(
    doc: &Document,
    lex: &QuantityLexicon,
    m: &numbers::NumberMatch,
    qualifier: Option<Qualifier>,
) -> Option<usize> {
    if m.digits || m.end != m.start + 1 {
        return None;
    }
    let tok = &doc.tokens[m.start];
    // a street's or an article's number in words (شارع الستين)
    if m.start > 0
        && context::role(doc, lex, m.start - 1) == Some(lexicon::NotQuantity::Identifier)
        && doc.tokens[m.start - 1].key != "عدد"
    {
        return Some(m.end);
    }
    let stem = &tok.key[m.stripped..];
    let bare = without_article(stem);
    let class = lex.numbers.get(bare.as_str()).map(|(_, c)| *c);
    if matches!(bare.as_str(), "واحد" | "واحده") && qualifier.is_none() {
        return Some(m.end);
    }
    // a number word is never followed by digits (بعد عشرة 32 عاما: عشرة is companionship)
    if doc.tokens.get(m.end).is_some_and(|t| t.kind == TokenKind::Number) {
        return Some(m.end);
    }
    if class == Some(lexicon::NumClass::Fraction) {
        let definite = bare.len() < stem.len();
        let round =
            doc.tokens.get(m.end).is_some_and(|t| matches!(without_article(&t.key).as_str(), "نهائي" | "نهايي"));
        if round {
            return Some(m.end + 1);
        }
        if definite {
            return Some(m.end);
        }
    }
    None
}

/// A partitive after a number: من and a noun with the article (خمسة من القوات) or
/// منهم، منها (العشرات منهم): the noun counted (without the article) and one past it.
fn partitive(doc: &Document, lex: &QuantityLexicon, k: usize) -> Option<(Option<String>, usize)> {
    let t = doc.tokens.get(k).filter(|t| t.kind == TokenKind::Arabic)?;
    if matches!(t.key.as_str(), "منهم" | "منهن" | "منها" | "منهما") {
        return Some((None, k + 1));
    }
    if t.key != "من" {
        return None;
    }
    let noun = doc.tokens.get(k + 1).filter(|n| n.kind == TokenKind::Arabic)?;
    let bare = noun.key.strip_prefix("ال").filter(|r| r.chars().count() >= 2)?;
    if lex.numbers.contains_key(bare) || lex.not_counted.contains(noun.key.as_str()) {
        return None;
    }
    Some((Some(without_article(&noun.norm)), k + 2))
}

/// A bare number joined by و، إلى، حتى، أو or a dash to one with a unit, currency or
/// percent sign takes that unit (بين 18 و22 درجة، من 500 إلى 600 دولار، ما بين 5 و6 في
/// المائة): the two ends of a range share it.
fn shared_unit(ctx: &mut Ctx, m: &numbers::NumberMatch, q: Quantity, end: usize) -> (Quantity, usize) {
    if q.kind != QuantityKind::Number || end != m.end || m.value.is_none() {
        return (q, end);
    }
    let toks = &ctx.doc.tokens;
    let mut c = m.end;
    let Some(t) = toks.get(c) else { return (q, end) };
    let joint = match t.kind {
        TokenKind::Arabic if matches!(t.key.as_str(), "و" | "الي" | "حتي" | "او") => true,
        TokenKind::Arabic => {
            t.key.starts_with('و') && numbers::parse(toks, c, ctx.lex).is_some_and(|n| n.stripped == 2)
        }
        TokenKind::Punct => matches!(t.norm.as_str(), "-" | "–"),
        _ => false,
    };
    if !joint {
        return (q, end);
    }
    if !(t.kind == TokenKind::Arabic && t.key.starts_with('و') && t.key.len() > 2) {
        c += 1;
    }
    let Some(m2) = numbers::parse(toks, c, ctx.lex) else { return (q, end) };
    let (q2, _) = classify(ctx, &m2, None);
    if matches!(q2.kind, QuantityKind::Money | QuantityKind::Measure | QuantityKind::Percent) && q2.unit.is_some()
        || q2.kind == QuantityKind::Percent
    {
        let mut q = q;
        q.kind = q2.kind;
        q.unit = q2.unit;
        q.origin = Origin::rule("quantity.range.shared_unit", 0.8 * q.origin.confidence.max(0.5));
        return (q, end);
    }
    (q, end)
}

/// True when token `k` carries a preposition (بـ، لـ، كـ) as the clitics layer reads
/// it: a counted noun never does (827 لغرفة الصناعة, 32 بأقصى الجنوب).
fn has_preposition(doc: &Document, k: usize) -> bool {
    doc.segmentation_of(k).is_some_and(|s| s.morphemes.iter().any(|m| m.role == MorphemeRole::Preposition))
}

/// Decides the kind of a number from what follows it; returns the quantity (span
/// to be set by the caller) and one past its last token.
fn classify(ctx: &mut Ctx, m: &numbers::NumberMatch, qualifier: Option<Qualifier>) -> (Quantity, usize) {
    let (doc, lex) = (ctx.doc, ctx.lex);
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
            return (make(QuantityKind::Money, Some(code.to_owned()), "quantity.money.sign", 0.9), k);
        }
    }
    // a rank after a noun of order (الدقيقة 22، المرتبة 5)
    let rank = m.digits
        && m.start > 0
        && context::role(doc, lex, m.start - 1 - usize::from(m.paren)) == Some(lexicon::NotQuantity::OrdinalNoun)
        && !next.is_some_and(|t| t.kind == TokenKind::Arabic && lex.currency(&t.key).is_some());
    if rank {
        return (make(QuantityKind::Ordinal, None, "quantity.ordinal.rank", 0.8), k);
    }
    // a definite number follows the noun it counts (الأشخاص الثلاثة، المتهمين الـ29);
    // after a noun of a sequence it gives its rank (الدورة العشرون، الدورة الـ15)
    if let Some((noun, at)) = counted_before(doc, lex, m) {
        let sequence = context::role(doc, lex, at) == Some(lexicon::NotQuantity::OrdinalNoun);
        let noun = without_article(&noun);
        return if sequence {
            (make(QuantityKind::Ordinal, None, "quantity.ordinal.definite", 0.7), k)
        } else {
            (make(QuantityKind::Count, Some(noun), "quantity.count.definite", 0.7), k)
        };
    }
    let Some(t) = next.filter(|t| t.kind == TokenKind::Arabic) else {
        return (make(QuantityKind::Number, None, "quantity.number", 0.9), k);
    };
    // the abbreviations of the Tunisian press: م د (million dinars), أ د (thousand
    // dinars), د or د.ت (dinars); دج the Algerian dinar
    if let Some((code, scale, end)) = abbreviated_money(toks, k) {
        let mut q = make(QuantityKind::Money, Some(code.to_owned()), "quantity.money.abbreviation", 0.85);
        q.value = q.value.map(|v| v * scale);
        return (q, end);
    }
    if let Some(cur) = lex.currency(&t.key) {
        let (code, end, rule, c, factor) = resolve_currency(ctx, cur, k);
        let mut q = make(QuantityKind::Money, code.map(str::to_owned), rule, c);
        // divided by the subunits in a unit, so that 1150 مليم is 1.15 exactly
        q.value = q.value.map(|v| if factor < 1.0 { v / (1.0 / factor).round() } else { v * factor });
        return (q, end);
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
    // خمسة من القوات، العشرات منهم: the noun counted stands after من
    if let Some((unit, end)) = partitive(doc, lex, k) {
        return (make(QuantityKind::Count, unit, "quantity.count.partitive", 0.7), end);
    }
    // a count: an indefinite noun after the number; not after one or two (their noun
    // comes first: جنديين اثنين), not a score's second number (2 - 1 النادي), never a
    // word with a preposition (827 لغرفة الصناعة)
    let is_word = lex.numbers.contains_key(t.key.as_str()) || lex.numbers.contains_key(&bare);
    let definite = stems(&t.key).any(|(_, s)| s.starts_with("ال"));
    let year_like = m.digits && !m.words && m.value.is_some_and(|v| (1900.0..=2100.0).contains(&v) && v.fract() == 0.0);
    let one_or_two = m.words && !m.digits && m.value.is_some_and(|v| v == 1.0 || v == 2.0);
    // a number word with the article follows its noun (الرجال الثلاثة): the word after
    // it is not what it counts (وصل الثلاثة حمد وعلي)
    let definite_number =
        m.words && !m.digits && m.stripped == 0 && m.end == m.start + 1 && has_article(lex, &toks[m.start].key);
    let score = m.start >= 2
        && toks[m.start - 1].kind == TokenKind::Punct
        && matches!(toks[m.start - 1].norm.as_str(), "-" | "–")
        && toks[m.start - 2].kind == TokenKind::Number;
    if !is_word
        && !definite
        && !year_like
        && !one_or_two
        && !definite_number
        && !score
        && !has_preposition(doc, k)
        && !lex.not_counted.contains(t.key.as_str())
        && t.norm.chars().count() >= 2
    {
        let v = m.value.unwrap_or(0.0);
        // the accusative singular follows a number ending in 11–99 (27 برلمانيا، 513 زائرا)
        let tens = v.fract() == 0.0 && (11.0..=99.0).contains(&(v % 100.0));
        let accusative = t.norm.ends_with('ا') && t.norm.chars().count() > 3;
        let (noun, c) = if tens && accusative {
            (t.norm.trim_end_matches('ا').to_owned(), 0.9)
        } else if tens && t.norm.ends_with('ة') {
            // the accusative of a feminine noun shows no alef (ثلاثين طائرة)
            (t.norm.to_string(), 0.8)
        } else {
            (t.norm.to_string(), 0.6)
        };
        return (make(QuantityKind::Count, Some(noun), "quantity.count", c), k + 1);
    }
    (make(QuantityKind::Number, None, "quantity.number", 0.9), k)
}

/// True when a number word is written with the article (الثلاثة), not merely
/// beginning with its letters (ألف).
fn has_article(lex: &QuantityLexicon, key: &str) -> bool {
    key.strip_prefix("ال").is_some_and(|rest| lex.numbers.contains_key(rest)) && !lex.numbers.contains_key(key)
}

/// The noun a definite number counts, standing before it (الأشخاص الثلاثة، المتهمين
/// الـ29): a word with the article, not itself a number or an ordinal, before a number
/// word with the article or digits written after الـ.
fn counted_before(doc: &Document, lex: &QuantityLexicon, m: &numbers::NumberMatch) -> Option<(String, usize)> {
    let toks = &doc.tokens;
    let noun_at = if m.digits {
        let the = m.start.checked_sub(1).map(|k| &toks[k])?;
        if !(the.kind == TokenKind::Arabic && the.key == "ال" && toks[m.start].joined) {
            return None;
        }
        m.start.checked_sub(2)?
    } else {
        if m.stripped != 0 || !has_article(lex, &toks[m.start].key) || m.end != m.start + 1 {
            return None;
        }
        m.start.checked_sub(1)?
    };
    let noun = toks.get(noun_at).filter(|t| t.kind == TokenKind::Arabic)?;
    let bare = noun.key.strip_prefix("ال").filter(|r| r.chars().count() >= 2)?;
    if lex.numbers.contains_key(bare)
        || lex.not_counted.contains(noun.key.as_str())
        || lex.ordinals.find(toks, noun_at, false).is_some()
    {
        return None;
    }
    Some((noun.norm.to_string(), noun_at))
}

/// A currency written as an abbreviation at token `k`: (code, scale, one past it). م د
/// and أ د are a million and a thousand dinars, د and د.ت dinars — the Tunisian press's
/// notation, hence TND; دج is the Algerian dinar.
fn abbreviated_money(toks: &[Token], k: usize) -> Option<(&'static str, f64, usize)> {
    let key = |i: usize| toks.get(i).filter(|t| t.kind == TokenKind::Arabic).map(|t| t.key.as_str());
    let dinar_at = |i: usize| -> Option<usize> {
        if key(i) != Some("د") {
            return None;
        }
        // د.ت
        let dotted = toks.get(i + 1).is_some_and(|t| t.norm == "." && t.joined) && key(i + 2) == Some("ت");
        Some(if dotted && toks[i + 2].joined { i + 3 } else { i + 1 })
    };
    match key(k)? {
        "م" => dinar_at(k + 1).map(|e| ("TND", 1e6, e)),
        "ا" => dinar_at(k + 1).map(|e| ("TND", 1e3, e)),
        "دج" => Some(("DZD", 1.0, k + 1)),
        "دت" => Some(("TND", 1.0, k + 1)),
        "د" => dinar_at(k).map(|e| ("TND", 1.0, e)),
        _ => None,
    }
}

/// مئة or مائة, with ب + ال or ال before it.
fn is_hundred_word(key: &str) -> bool {
    let bare = without_article(key);
    (bare == "مئه" || bare == "مائه") && key != bare
}

/// Which code a currency word stands for, and the factor of a subunit (سنتيم: 0.01):
/// the country adjective after it (دينار كويتي), else the country the article speaks of
/// most among those whose currency has that name (the gazetteer's countries, demonyms
/// and places: a story from Sfax pays in Tunisian dinars, one from Cairo in Egyptian
/// pounds), else the word's default (دولار: USD), else none.
fn resolve_currency(
    ctx: &mut Ctx,
    cur: &CurrencyWord,
    k: usize,
) -> (Option<&'static str>, usize, &'static str, f32, f64) {
    let toks = &ctx.doc.tokens;
    if let Some(adj) = toks.get(k + 1).filter(|t| t.kind == TokenKind::Arabic) {
        let base = country_base(&adj.key);
        if let Some(c) = cur.countries.iter().find(|c| c.words.contains(&base)) {
            return (Some(c.code), k + 2, "quantity.money.country", 0.95, c.factor);
        }
    }
    if cur.countries.len() > 1 || (cur.default.is_none() && !cur.countries.is_empty()) {
        // the country words first (cheap); the gazetteer only when they do not decide
        let words = ctx.country_words.get_or_insert_with(|| country_words(ctx.doc, ctx.lex));
        let by_words = dominant(cur, |c| words.score(c));
        let clear = matches!(by_words, Some((_, n, second)) if n >= 2 && n > second);
        let best = if clear {
            by_words
        } else {
            let named = ctx.countries.get_or_insert_with(|| country_names(ctx.doc, ctx.gazetteer, ctx.words));
            let words = ctx.country_words.as_ref().expect("counted above");
            dominant(cur, |c| words.score(c) + c.country.and_then(|iso| named.get(iso)).copied().unwrap_or(0))
        };
        if let Some((c, _, _)) = best.filter(|(_, n, second)| n > second) {
            return (Some(c.code), k + 1, "quantity.money.dominant_country", 0.7, c.factor);
        }
    }
    // a subunit keeps its factor when every country agrees on it (سنتيم: 0.01)
    let factor = match cur.countries.first() {
        Some(c) if cur.countries.iter().all(|d| d.factor == c.factor) => c.factor,
        _ => 1.0,
    };
    if let ([c], None) = (cur.countries.as_slice(), cur.default) {
        // a word of one country only (مليم: the Tunisian dinar's)
        return (Some(c.code), k + 1, "quantity.money.currency", 0.8, c.factor);
    }
    match cur.default {
        // a name several countries share: its most usual one, less sure
        Some(code) if !cur.countries.is_empty() => (Some(code), k + 1, "quantity.money.default", 0.6, 1.0),
        Some(code) => (Some(code), k + 1, "quantity.money.currency", 0.9, 1.0),
        None => (None, k + 1, "quantity.money.unresolved", 0.5, factor),
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

/// The country of `cur` the article speaks of most by `score`: it, its score and the
/// next best score (equal: no country stands out); `None` when none scores.
fn dominant(
    cur: &CurrencyWord,
    score: impl Fn(&lexicon::CurrencyCountry) -> usize,
) -> Option<(&lexicon::CurrencyCountry, usize, usize)> {
    let mut scored: Vec<(&lexicon::CurrencyCountry, usize)> =
        cur.countries.iter().map(|c| (c, score(c))).filter(|(_, n)| *n > 0).collect();
    scored.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let (c, n) = *scored.first()?;
    Some((c, n, scored.get(1).map_or(0, |(_, m)| *m)))
}

/// What an article's words say of its country: how often each word base
/// ([`country_base`]) occurs, and how many different words of one country's usage
/// (`regional_words.tsv`) point to each country.
#[derive(Default)]
struct CountryWords {
    bases: std::collections::HashMap<String, usize>,
    regional: std::collections::HashMap<&'static str, usize>,
}

impl CountryWords {
    /// The evidence for currency country `c`: its country words, and the words of its
    /// country's usage.
    fn score(&self, c: &lexicon::CurrencyCountry) -> usize {
        c.words.iter().map(|w| self.bases.get(w).copied().unwrap_or(0)).sum::<usize>()
            + c.country.and_then(|iso| self.regional.get(iso)).copied().unwrap_or(0)
    }
}

fn country_words(doc: &Document, lex: &QuantityLexicon) -> CountryWords {
    let mut counts = CountryWords::default();
    let mut seen: Vec<usize> = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate().filter(|(_, t)| t.kind == TokenKind::Arabic) {
        *counts.bases.entry(country_base(&t.key)).or_default() += 1;
        if let Some(m) = lex.regional.find(&doc.tokens, i, true) {
            // each listed word once, however often the article uses it
            let id = m.value.as_ptr() as usize;
            if !seen.contains(&id) {
                seen.push(id);
                for c in m.value {
                    *counts.regional.entry(c).or_default() += 1;
                }
            }
        }
    }
    counts
}

/// How many different names the gazetteer finds for each country (ISO 3166-1 alpha-3)
/// in the article: its name, a demonym or one of its places, a country, a demonym or a
/// capital or large city counting twice. Names are counted once each, so that a common
/// word that is also a small town somewhere (عتق) weighs little.
type CountryNames = std::collections::HashMap<&'static str, usize>;

fn country_names(doc: &Document, gazetteer: &Gazetteer, words: &Lexicon) -> CountryNames {
    use marsad_core::document::GazKind;
    let mut counts = CountryNames::new();
    let mut seen: rustc_hash::FxHashSet<(&'static str, String)> = Default::default();
    for m in gazetteer.longest(doc, 0..doc.tokens.len()) {
        // a name of several countries (عمان: Oman and Amman) says nothing
        let mut country: Option<&'static str> = None;
        let mut several = false;
        // a place counts when it is a capital or a large city, or a name that is not
        // also a common word (the gazetteer holds towns called أن، دور، محلات)
        let rare = m.len() > 1 || words.zipf(&doc.tokens[m.first_token].key) < 4.0;
        let mut weight = 1;
        for e in gazetteer.entries(&m) {
            let c = match e.kind {
                GazKind::Country => e.id,
                GazKind::Demonym => e.details().country,
                GazKind::Place if e.major || rare => e.details().country,
                _ => continue,
            };
            if matches!(e.kind, GazKind::Country | GazKind::Demonym) || e.major {
                weight = 2;
            }
            if c.is_empty() || c.contains('|') {
                continue;
            }
            match country {
                Some(x) if x != c => several = true,
                _ => country = Some(c),
            }
        }
        if let (Some(c), false) = (country, several) {
            // the name as written after its proclitics (عتق and لعتق are one name)
            let name = marsad_core::normalize::key_of(&doc.text[m.start..doc.tokens[m.end_token - 1].span.end]);
            if seen.insert((c, name)) {
                *counts.entry(c).or_default() += weight;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_news;

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
    // the unit); the token's own key when it has no clitics, without a copy; a
    // conjunction the clitics layer left on the word is taken off (واجنبيان)
    let (stem, written): (Cow<str>, &str) = match doc.segmentation_of(i) {
        Some(seg) => (Cow::Owned(match_key(&seg.stem().form)), doc.slice(seg.stem().span)),
        None if tok.key.starts_with(['و', 'ف'])
            && tok.key.chars().count() >= 6
            && (words.zipf(&tok.key['و'.len_utf8()..]) > words.zipf(&tok.key) || words.zipf(&tok.key) == 0.0) =>
        {
            // only when the word without it is the commoner, or the word is unknown
            // (واجنبيان، وندوتين; not فترتين)
            let w = doc.slice(tok.span);
            let first = w.chars().next().map_or(0, char::len_utf8);
            (Cow::Borrowed(&tok.key['و'.len_utf8()..]), &w[first..])
        }
        None => (Cow::Borrowed(tok.key.as_str()), doc.slice(tok.span)),
    };
    // an adjective agreeing with a noun (غير مسبوقين): not a noun counted
    if i > 0 && doc.tokens[i - 1].key == "غير" {
        return None;
    }
    if let Some(unit) = construct_dual(doc, words, i) {
        return Some(unit);
    }
    if !(stem.ends_with("ين") || stem.ends_with("ان")) {
        return None;
    }
    let ends_dual = |t: &Token| t.key.ends_with("ين") || t.key.ends_with("تان");
    if i > 0
        && doc.tokens[i - 1].kind == TokenKind::Arabic
        && ends_dual(&doc.tokens[i - 1])
        && !matches!(doc.tokens[i - 1].key.as_str(), "بين" | "الذين" | "حين")
    {
        return None;
    }
    if doc.tokens.get(i + 1).is_some_and(|t| matches!(t.key.as_str(), "ان" | "الي")) {
        return None;
    }
    let stem = stem.as_ref();
    let (base, feminine, nominative) = if let Some(b) = stem.strip_suffix("تين").or_else(|| stem.strip_suffix("تان"))
    {
        (b, true, false)
    } else if let Some(b) = stem.strip_suffix("يان").filter(|b| b.strip_prefix("ال").unwrap_or(b).chars().count() >= 3)
    {
        // the nominative dual of a relative adjective (أجنبيان): -ان is otherwise too
        // often part of a word (لبنان، بيان) or a broken plural (بلدان، الأديان)
        (&stem[..b.len() + 'ي'.len_utf8()], false, true)
    } else {
        (stem.strip_suffix("ين")?, false, false)
    };
    let base = base.strip_prefix("ال").unwrap_or(base);
    // -يين is the plural of a relative adjective (المصريين), not a dual
    if base.chars().count() < 2 || (!feminine && !nominative && base.ends_with('ي')) {
        return None;
    }
    // a passive participle (مفعول: مسبوقين، معتقلين) takes -ين in the plural far
    // more often than in the dual
    let letters: Vec<char> = base.chars().collect();
    if !feminine && letters.len() == 5 && letters[0] == 'م' && letters[3] == 'و' {
        return None;
    }
    let singular = if feminine { format!("{base}ه") } else { base.to_owned() };
    let common = words.zipf(&singular).max(words.zipf(&format!("ال{singular}")));
    // the word without its article, as its singular is looked up (البلدين: بلدين)
    let dual = stem.strip_prefix("ال").unwrap_or(stem);
    if singular.chars().count() < 3 || common < 3.0 || common < words.zipf(dual) + 0.9 {
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

/// A feminine dual in a construct, without its ن (بمحافظتي جدة والطائف، مدينتي مكة
/// والمدينة): -تي after a common feminine noun, followed by a name and, within four
/// words, a second one joined by و. Without that pair it is read as "my" (مدينتي).
fn construct_dual(doc: &Document, words: &Lexicon, i: usize) -> Option<String> {
    let tok = &doc.tokens[i];
    // the word without its proclitics (بمحافظتي، ومحافظتي); the clitics layer reads
    // the ي as a pronoun, so the key is taken as written
    let (stripped, stem) = stems(&tok.key).filter(|(_, s)| s.ends_with("تي")).last()?;
    let base = stem.strip_suffix("تي")?;
    if base.starts_with("ال") || base.chars().count() < 3 || words.zipf(&format!("{base}ه")) < 3.5 {
        return None;
    }
    let toks = &doc.tokens;
    let next = toks.get(i + 1).filter(|t| t.kind == TokenKind::Arabic)?;
    if next.key.starts_with('و') {
        return None;
    }
    let paired = (i + 2..(i + 6).min(toks.len()))
        .take_while(|&k| toks[k].kind == TokenKind::Arabic)
        .any(|k| toks[k].key.starts_with('و') && toks[k].key.chars().count() >= 3);
    if !paired {
        return None;
    }
    // the written letters after the proclitics, without تي, with ة
    let written = doc.slice(tok.span);
    let skip = tok.key[..stripped].chars().count();
    let letters: Vec<char> = written.chars().filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0640}')).collect();
    let mut unit: String = letters[skip.min(letters.len())..letters.len().saturating_sub(2)].iter().collect();
    unit.push('ة');
    Some(unit)
}
