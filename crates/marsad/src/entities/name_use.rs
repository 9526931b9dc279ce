//! Whether a word with the letters of a name is used as one.
//!
//! Many Arabic common words share their letters with a gazetteer name: المالية
//! "financial" is also the feminine of مالي "Malian", مجريات "the course (of events)"
//! looks like مجري "Hungarian", اليمنى "the right (hand)" like اليمن, الخبر "the news"
//! is the city of Khobar. The resolver asks this module before it links a word:
//!
//! - the word's part of speech ([`stem_pos`]): a verb, a particle or a preposition is
//!   never a name (the tagger trained on PADT tags most city names NOUN, so a noun
//!   the entity tagger found as a name stays one);
//! - the word's place in a person's name: after بن، أبو، آل, a title with the article
//!   (الأمير تركي) or a given name (سلطان المصري) it is a name or a nisba surname;
//! - the list of known homographs (`resources/gazetteer/homographs.tsv`, a feature, not
//!   a ban): such a word is linked only with evidence that it is the name — a place word
//!   before it, a list with other places (بالخبر والدمام), or, for a country, the same
//!   country named in the article by a word that is not a homograph;
//! - the word's place after a head noun: a nationality adjective after a ministry noun
//!   (وزارة المالية، وزير المالية) is the ministry's portfolio when the gazetteer lists
//!   it as one; a name after a medical or religious noun (فيروس كورونا، صلاة المغرب) is
//!   the name of a disease or a prayer, not of a place.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::gazetteer::{GazKind, GazMatch, Gazetteer};
use marsad_core::document::{Document, MorphemeRole, TokenKind, Upos};
use marsad_core::normalize::key_of;

/// The homographs list, embedded.
const HOMOGRAPHS_TSV: &str = include_str!("../../../../resources/gazetteer/homographs.tsv");

/// Nouns after which a word names a ministry's portfolio (matching keys, without ال).
const MINISTRY_NOUNS: &[&str] = &["وزير", "وزاره", "وزراء", "وزيره", "وزارات"];

/// Medical and religious nouns whose genitive names a disease, a virus or a prayer,
/// never a place (matching keys, without ال).
const NOT_PLACE_HEADS: &[&str] =
    &["فيروس", "فايروس", "مرض", "امراض", "متلازمه", "لقاح", "وباء", "صلاه", "صلوات", "اذان", "سوره"];

/// Words before a name that say it is a place (matching keys, without ال).
const PLACE_WORDS: &[&str] = &[
    "مدينه",
    "بلده",
    "قريه",
    "عاصمه",
    "ولايه",
    "محافظه",
    "منطقه",
    "اقليم",
    "مقاطعه",
    "اماره",
    "دوله",
    "جمهوريه",
    "مملكه",
    "سلطنه",
];

/// The homographs list: bare matching key (without ال and final ة) -> whether the form
/// ends in alef maqsura, which the matching key folds into ya (اليمنى "right" and
/// اليمني "Yemeni" share a key; only the first is listed).
fn homographs() -> &'static FxHashMap<String, bool> {
    static MAP: OnceLock<FxHashMap<String, bool>> = OnceLock::new();
    MAP.get_or_init(|| {
        HOMOGRAPHS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split('\t').next())
            .map(|form| (bare(&key_of(form)).to_owned(), form.ends_with('ى')))
            .collect()
    })
}

/// A matching key without the article and a final ta marbuta (folded to ه).
fn bare(key: &str) -> &str {
    let k = key.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(key);
    k.strip_suffix('ه').filter(|r| r.chars().count() >= 2).unwrap_or(k)
}

/// The bare key of token `t`'s stem (proclitics and article off).
fn stem(doc: &Document, t: usize) -> String {
    bare(&doc.stem_key(t)).to_owned()
}

/// True when token `t` is a known homograph of a name.
pub fn is_homograph(doc: &Document, t: usize) -> bool {
    match homographs().get(&stem(doc, t)) {
        None => false,
        Some(false) => true,
        Some(true) => doc.slice(doc.tokens[t].span).trim_end_matches(is_arabic_mark).ends_with('ى'),
    }
}

/// Arabic short vowels, shadda, sukun and tatweel.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}')
}

/// The part of speech of token `t`'s stem: the tag of its longest piece that is not a
/// clitic (conjunction, preposition, pronoun).
pub fn stem_pos(doc: &Document, t: usize) -> Option<Upos> {
    let from = doc.pos.partition_point(|p| p.token < t);
    doc.pos[from..]
        .iter()
        .take_while(|p| p.token == t)
        .filter(|p| !matches!(p.tag, Upos::Cconj | Upos::Adp | Upos::Pron | Upos::Sconj))
        .max_by_key(|p| p.span.end - p.span.start)
        .map(|p| p.tag)
}

/// True when the part of speech of token `t` rules out a name: a verb, a particle, a
/// preposition, a number.
fn never_a_name(doc: &Document, t: usize) -> bool {
    matches!(
        stem_pos(doc, t),
        Some(Upos::Verb | Upos::Aux | Upos::Part | Upos::Adp | Upos::Num | Upos::Adv | Upos::Sconj | Upos::Cconj)
    )
}

/// True when token `t` carries an attached pronoun after its stem (جنينها "her fetus",
/// مصيره): a name of a place or a nationality takes no possessive pronoun, so such a
/// word is a common noun that shares the name's letters.
fn takes_a_pronoun(doc: &Document, t: usize) -> bool {
    doc.segmentation_of(t).is_some_and(|seg| {
        seg.morphemes.iter().skip_while(|m| m.role != MorphemeRole::Stem).any(|m| m.role == MorphemeRole::Pronoun)
    })
}

/// The bare key of the Arabic word before token `t`, if any.
fn word_before(doc: &Document, t: usize) -> Option<String> {
    let p = t.checked_sub(1)?;
    (doc.tokens[p].kind == TokenKind::Arabic).then(|| stem(doc, p))
}

/// True when the word before token `t` says a place follows (مدينة، منطقة…).
pub fn after_place_word(doc: &Document, t: usize) -> bool {
    word_before(doc, t).is_some_and(|w| PLACE_WORDS.contains(&w.as_str()))
}

/// True when token `t` follows a medical or religious noun (فيروس كورونا، صلاة المغرب).
fn after_not_place_head(doc: &Document, t: usize) -> bool {
    // the word before may be a quotation mark or bracket: look past punctuation once
    let mut p = t;
    for _ in 0..2 {
        let Some(q) = p.checked_sub(1) else { return false };
        if doc.tokens[q].kind == TokenKind::Arabic {
            return NOT_PLACE_HEADS.contains(&stem(doc, q).as_str());
        }
        p = q;
    }
    false
}

/// Words after which the next word is part of a person's name (بن تركي، أبو العلا، آل
/// سعود) or a person's name itself (الأمير تركي، الشيخ): matching keys of whole tokens.
const NAME_LINKS: &[&str] = &["بن", "بنت", "ابن", "ابو", "ابي", "ام", "ال", "الامير", "الاميره", "الشيخ", "الدكتور"];

/// True when token `t` is part of a person's name: after بن، أبو، آل or a title with
/// the article (الأمير تركي; not أمير قطر, the emir of Qatar), or, for a word with the
/// article, after a given name (سلطان المصري: a nisba surname).
fn in_person_name(doc: &Document, gaz: &Gazetteer, t: usize) -> bool {
    let Some(p) = t.checked_sub(1) else { return false };
    if doc.tokens[p].kind != TokenKind::Arabic {
        return false;
    }
    if NAME_LINKS.contains(&doc.tokens[p].key.as_str()) {
        return true;
    }
    doc.tokens[t].key.starts_with("ال")
        && gaz.matches(doc, p..t).iter().any(|g| {
            !g.clitics && gaz.entries(g).all(|e| matches!(e.kind, GazKind::GivenName | GazKind::ForeignGivenName))
        })
}

/// True when token `t` is in a list with a place or country name that is not a
/// homograph (بالخبر والدمام، تبوك والجوف، الكويت وعمان وقطر).
fn listed_with_a_place(doc: &Document, gaz: &Gazetteer, t: usize) -> bool {
    let place = |n: usize| {
        doc.tokens[n].kind == TokenKind::Arabic
            && !is_homograph(doc, n)
            && gaz
                .matches(doc, n..n + 1)
                .iter()
                .any(|g| gaz.entries(g).any(|e| matches!(e.kind, GazKind::Place | GazKind::Region | GazKind::Country)))
    };
    // a list: a comma between the two words, or و on the later one (not مركز دبي المالي)
    let has_wa = |i: usize| doc.tokens[i].key.starts_with('و') && doc.stem_key(i).len() < doc.tokens[i].key.len();
    let neighbour = |forward: bool| {
        let step =
            |i: usize| if forward { i.checked_add(1).filter(|&j| j < doc.tokens.len()) } else { i.checked_sub(1) };
        let n = step(t)?;
        if doc.tokens[n].kind == TokenKind::Punct && matches!(doc.slice(doc.tokens[n].span), "،" | ",") {
            return step(n);
        }
        let later = if forward { n } else { t };
        has_wa(later).then_some(n)
    };
    [neighbour(false), neighbour(true)].into_iter().flatten().any(place)
}

/// True when the nationality adjective or country name of `g` is a ministry's portfolio
/// here: after وزير / وزارة, with a portfolio or institution reading in the gazetteer.
fn is_portfolio_here(doc: &Document, gaz: &Gazetteer, g: &GazMatch) -> bool {
    word_before(doc, g.first_token).is_some_and(|w| MINISTRY_NOUNS.contains(&w.as_str()))
        && gaz.entries(g).any(|e| matches!(e.kind, GazKind::Portfolio | GazKind::Institution))
}

/// The countries an article names by words that are not homographs (their names,
/// capitals or nationality adjectives) and that no other country shares, evidence for a homograph's country reading.
pub fn sure_countries(doc: &Document, gaz: &Gazetteer) -> Vec<&'static str> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        for g in gaz.longest(doc, s.first_token..s.end_token) {
            if g.end_token - g.first_token == 1 && is_homograph(doc, g.first_token) {
                continue;
            }
            // عمان is Oman and Amman, Jordan's capital: evidence for neither
            let countries: Vec<&str> = gaz
                .entries(&g)
                .filter_map(|e| match e.kind {
                    GazKind::Country | GazKind::Demonym => Some(e.id),
                    GazKind::Place | GazKind::Region => Some(e.details().country),
                    _ => None,
                })
                .collect();
            if countries.iter().any(|c| *c != countries[0]) {
                continue;
            }
            // a city is evidence only when it is the capital (باماكو for Mali): many
            // small towns have names that are common words too
            let capital_or_country = gaz.entries(&g).any(|e| match e.kind {
                GazKind::Country | GazKind::Demonym => true,
                GazKind::Place => e.is_capital(),
                _ => false,
            });
            if !capital_or_country {
                continue;
            }
            // a country's name, its people's, or its capital's
            if let Some(&id) = countries.first().filter(|c| !c.is_empty()) {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
    }
    out
}

/// True when the country reading (`iso3`, a country name or nationality adjective) of
/// the gazetteer match `g` is how the word is used.
pub fn country_reading(doc: &Document, gaz: &Gazetteer, g: &GazMatch, iso3: &str, sure: &[&str]) -> bool {
    let t = g.first_token;
    if g.end_token - t > 1 {
        return true;
    }
    if never_a_name(doc, t) || takes_a_pronoun(doc, t) || is_portfolio_here(doc, gaz, g) || in_person_name(doc, gaz, t)
    {
        return false;
    }
    if !is_homograph(doc, t) {
        return true;
    }
    sure.contains(&iso3) || after_place_word(doc, t) || listed_with_a_place(doc, gaz, t)
}

/// True when a place reading of the one-token name at token `t` (which the tagger found
/// as a name) is how the word is used: not a verb or particle, not after a medical or
/// religious noun, not part of a person's name; a homograph also needs a proper-noun
/// tag with a place word before it, or a list with other places.
pub fn place_reading(doc: &Document, gaz: &Gazetteer, t: usize) -> bool {
    if after_not_place_head(doc, t) || never_a_name(doc, t) || takes_a_pronoun(doc, t) || in_person_name(doc, gaz, t) {
        return false;
    }
    !is_homograph(doc, t) || after_place_word(doc, t) || listed_with_a_place(doc, gaz, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_keys_drop_the_article_and_ta_marbuta() {
        assert_eq!(bare("الماليه"), "مالي");
        assert_eq!(bare("مالي"), "مالي");
        assert_eq!(bare("الخبر"), "خبر");
        assert!(homographs().contains_key("مالي"));
    }
}
