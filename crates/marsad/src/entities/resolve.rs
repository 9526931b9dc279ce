//! Resolution: the `resolve` stage, which turns mentions into [`Entity`] records.
//!
//! Each mention is linked to what it names in the gazetteer — a country (also through
//! its nationality adjective: الجزائرية، الجزائريين → DZA), a place with its
//! coordinates, an international organisation — or left unresolved. Ambiguous place
//! names are decided by the article's other countries and the places' size, with the
//! alternatives and a confidence. A national capital used for its state (رسالة من
//! موسكو، واشنطن ترفض) is linked to the state and marked as metonymy. Mentions of the
//! same entity are grouped: equal links, and a person's later short names (surname,
//! first name) with the full name before them.

pub use marsad_core::document::{Candidate, Coordinates, Entity, EntityKind, Reference};

use rustc_hash::FxHashMap;

use super::gazetteer::{GazEntry, GazKind, GazMatch, Gazetteer};
use super::{name_use, Mention, MentionKind};
use marsad_core::document::{Document, Origin, TokenKind};
use marsad_core::normalize::match_key;
use marsad_core::span::Span;

/// The stage: adds [`Document::entities`].
pub fn recognize(doc: &mut Document, res: &super::EntityData) {
    doc.entities = resolve(doc, res.gazetteer);
}

/// Nouns whose genitive is an actor (موقف موسكو، رسالة من واشنطن): a capital after
/// them stands for its state. Matching keys.
const AGENT_NOUNS: &[&str] = &[
    "موقف",
    "رساله",
    "رد",
    "قرار",
    "اتهام",
    "اتهامات",
    "تحذير",
    "تحذيرات",
    "دعوه",
    "طلب",
    "ضغوط",
    "علاقات",
    "تهديد",
    "تهديدات",
    "مطالب",
    "مطالبات",
    "عقوبات",
    "سياسه",
    "اعلان",
    "رفض",
    "ادانه",
    "مبادره",
    "وساطه",
    "شروط",
    "تصريحات",
    "بيان",
    "مساعي",
    "جهود",
    "حوار",
    "مفاوضات",
    "اتفاق",
    "دعم",
    "تدخل",
    "انتقاد",
    "انتقادات",
];

/// Words before a place name that say it is a first-level subdivision (matching keys).
const REGION_WORDS: &[&str] = &["ولايه", "محافظه", "منطقه", "مناطق", "اقليم", "مقاطعه", "اماره", "امارات"];

/// Words before a place name that say it is a town.
const CITY_WORDS: &[&str] = &["مدينه", "بلده", "قريه", "عاصمه", "مدن"];

/// Words before or after a capital that look like feminine verbs but are not.
const NOT_VERBS: &[&str] = &["تحت", "تجاه", "تلك", "تلقاء", "تماما", "تقريبا", "بيت", "وقت", "ذات", "تتمه"];

/// One mention's resolution, before grouping.
struct Resolved {
    kind: EntityKind,
    link: Option<String>,
    name: Option<String>,
    name_en: Option<String>,
    country: Option<String>,
    coordinates: Option<Coordinates>,
    metonymy: bool,
    alternatives: Vec<Candidate>,
    rule: &'static str,
    confidence: f32,
}

/// Resolves and groups the mentions of a document.
pub fn resolve(doc: &Document, gaz: &Gazetteer) -> Vec<Entity> {
    let countries = doc_countries(doc, gaz);
    let sure = name_use::sure_countries(doc, gaz);
    let mut entities: Vec<Entity> = Vec::new();
    // indexes that keep grouping linear in the number of mentions
    let mut by_link: FxHashMap<String, usize> = FxHashMap::default();
    let mut by_text: FxHashMap<(EntityKind, Vec<String>), usize> = FxHashMap::default();
    let mut people = PersonIndex::default();
    for (mi, m) in doc.mentions.iter().enumerate() {
        let r = resolve_one(doc, gaz, m, &countries, &sure);
        let key = mention_key(doc, m);
        let target = match (&r.link, r.kind) {
            (Some(link), _) => by_link.get(link).copied(),
            (None, EntityKind::Person) => people.group(&key),
            (None, kind) => by_text.get(&(kind, key.clone())).copied(),
        };
        let e = match target {
            Some(e) => {
                let ent = &mut entities[e];
                ent.mentions.push(mi);
                if r.metonymy {
                    ent.metonymy.push(mi);
                }
                // a person's canonical name is its longest mention
                if ent.kind == EntityKind::Person && m.end_token - m.first_token > name_tokens(&ent.name) {
                    ent.name = doc.slice(m.span).to_owned();
                }
                e
            }
            None => {
                entities.push(Entity {
                    id: format!("E{}", entities.len() + 1),
                    kind: r.kind,
                    name: r.name.unwrap_or_else(|| doc.slice(m.span).to_owned()),
                    name_en: r.name_en,
                    link: r.link.clone(),
                    country: r.country,
                    coordinates: r.coordinates,
                    mentions: vec![mi],
                    metonymy: if r.metonymy { vec![mi] } else { Vec::new() },
                    references: Vec::new(),
                    roles: Vec::new(),
                    alternatives: r.alternatives,
                    origin: Origin::rule(r.rule, r.confidence),
                });
                entities.len() - 1
            }
        };
        match (&r.link, r.kind) {
            (Some(link), _) => {
                by_link.entry(link.clone()).or_insert(e);
            }
            (None, EntityKind::Person) => people.add(e, key),
            (None, kind) => {
                by_text.entry((kind, key)).or_insert(e);
            }
        }
    }
    // what both passes read: the names of each sentence, and the tokens inside a mention
    let sentence_names: Vec<Vec<GazMatch>> =
        doc.sentences.iter().map(|s| gaz.longest(doc, s.first_token..s.end_token)).collect();
    let mut named = vec![false; doc.tokens.len()];
    for m in &doc.mentions {
        named[m.first_token..m.end_token].fill(true);
    }
    add_references(doc, gaz, &sentence_names, &named, &sure, &mut entities);
    add_roles(doc, gaz, &sentence_names, &named, &mut entities);
    entities
}

/// Attaches titles to the persons they describe, and makes an entity of each office
/// named without a person (the same office twice is one entity).
fn add_roles(
    doc: &Document,
    gaz: &Gazetteer,
    sentence_names: &[Vec<GazMatch>],
    named: &[bool],
    entities: &mut Vec<Entity>,
) {
    let mut entity_of = vec![usize::MAX; doc.mentions.len()];
    let mut alone = Vec::new();
    for (ei, e) in entities.iter().enumerate() {
        for &m in &e.mentions {
            entity_of[m] = ei;
        }
    }
    for (s, matches) in doc.sentences.iter().zip(sentence_names) {
        if s.first_token >= s.end_token {
            continue;
        }
        let start = doc.mentions.partition_point(|m| m.first_token < s.first_token);
        for (mi, m) in doc.mentions.iter().enumerate().skip(start).take_while(|(_, m)| m.first_token < s.end_token) {
            if m.kind != MentionKind::Per || entity_of[mi] == usize::MAX {
                continue;
            }
            let found = [
                super::roles::before(doc, gaz, matches, m.first_token),
                super::roles::after(doc, gaz, matches, m.end_token),
            ];
            let e = &mut entities[entity_of[mi]];
            for role in found.into_iter().flatten() {
                if !e.roles.iter().any(|r| r.office == role.office && r.organization == role.organization) {
                    e.roles.push(role);
                }
            }
        }
        alone.extend(super::roles::alone(doc, gaz, matches, named));
    }
    for role in alone {
        let same = |r: &super::roles::Role| {
            r.office == role.office && r.organization == role.organization && r.country == role.country
        };
        // the same office as a named person's in the text is that person (a headline's
        // وزير الخارجية الأردني, named in the body); the same office twice is one entity
        let holder = entities.iter_mut().find(|e| {
            (e.kind == EntityKind::Person && e.roles.iter().any(same))
                || (e.kind == EntityKind::Office && e.roles.first().is_some_and(same))
        });
        if let Some(e) = holder {
            if e.kind == EntityKind::Office {
                e.roles.push(role);
            }
            continue;
        }
        let confidence = role.origin.confidence;
        entities.push(Entity {
            id: format!("E{}", entities.len() + 1),
            kind: EntityKind::Office,
            name: doc.slice(role.span).to_owned(),
            name_en: Some(match &role.organization {
                Some(o) => format!("{} ({o})", role.office),
                None => role.office.clone(),
            }),
            link: None,
            country: role.country.clone(),
            coordinates: None,
            mentions: Vec::new(),
            metonymy: Vec::new(),
            references: Vec::new(),
            roles: vec![role],
            alternatives: Vec::new(),
            origin: Origin::rule("resolve.office", confidence),
        });
    }
}

/// Adds the nationality adjectives and country names outside the mentions to their
/// countries' entities (a new entity when the country has none yet).
fn add_references(
    doc: &Document,
    gaz: &Gazetteer,
    sentence_names: &[Vec<GazMatch>],
    named: &[bool],
    sure: &[&str],
    entities: &mut Vec<Entity>,
) {
    for matches in sentence_names {
        for g in matches {
            if named[g.first_token..g.end_token].iter().any(|&x| x) {
                continue;
            }
            let names_country = |e: &GazEntry| e.kind == GazKind::Country || (e.kind == GazKind::Demonym && e.major);
            let Some(e) = gaz.entries(g).find(names_country) else { continue };
            // a word with a country's letters is linked only where it is used as its name
            if !name_use::country_reading(doc, gaz, g, e.id, sure) {
                continue;
            }
            let span = Span::new(g.start, doc.tokens[g.end_token - 1].span.end);
            let link = format!("country:{}", e.id);
            match entities.iter_mut().find(|x| x.link.as_deref() == Some(link.as_str())) {
                Some(x) => x.references.push(Reference { span }),
                None => {
                    let rule = if e.kind == GazKind::Country { "resolve.country.untagged" } else { "resolve.demonym" };
                    let r = country(gaz, blank(), e.id, rule, 0.8);
                    entities.push(Entity {
                        id: format!("E{}", entities.len() + 1),
                        kind: r.kind,
                        name: r.name.unwrap_or_else(|| doc.slice(span).to_owned()),
                        name_en: r.name_en,
                        link: r.link,
                        country: r.country,
                        coordinates: None,
                        mentions: Vec::new(),
                        metonymy: Vec::new(),
                        references: vec![Reference { span }],
                        roles: Vec::new(),
                        alternatives: Vec::new(),
                        origin: Origin::rule(r.rule, r.confidence),
                    });
                }
            }
        }
    }
}

/// A resolution with nothing decided yet.
fn blank() -> Resolved {
    Resolved {
        kind: EntityKind::Other,
        link: None,
        name: None,
        name_en: None,
        country: None,
        coordinates: None,
        metonymy: false,
        alternatives: Vec::new(),
        rule: "resolve.unresolved",
        confidence: 0.0,
    }
}

fn name_tokens(name: &str) -> usize {
    name.split_whitespace().count()
}

/// The matching keys of a mention's tokens, without the proclitics of the first.
fn mention_key(doc: &Document, m: &Mention) -> Vec<String> {
    (m.first_token..m.end_token)
        .filter(|&t| doc.tokens[t].kind != TokenKind::Punct)
        .map(|t| match doc.segmentation_of(t) {
            Some(seg) => match_key(&seg.stem().form),
            None => doc.tokens[t].key.to_string(),
        })
        .collect()
}

/// The words of the person entities' names, to find the entity a later short name
/// (a surname, a first name) belongs to.
#[derive(Default)]
struct PersonIndex {
    /// For each word, the person entities one of whose names has it, in order.
    by_word: FxHashMap<String, Vec<usize>>,
    /// Each indexed entity's names, as word lists.
    names: FxHashMap<usize, Vec<Vec<String>>>,
}

impl PersonIndex {
    /// The latest person entity with a name that holds every word of `key`.
    fn group(&self, key: &[String]) -> Option<usize> {
        let first = key.first()?;
        self.by_word
            .get(first)?
            .iter()
            .rev()
            .copied()
            .find(|e| self.names[e].iter().any(|name| name.len() >= key.len() && key.iter().all(|k| name.contains(k))))
    }

    fn add(&mut self, entity: usize, key: Vec<String>) {
        for w in &key {
            let list = self.by_word.entry(w.clone()).or_default();
            if list.last() != Some(&entity) {
                list.push(entity);
            }
        }
        self.names.entry(entity).or_default().push(key);
    }
}

/// The countries an article speaks of: those named, or named through their nationality
/// adjective, in any mention.
fn doc_countries(doc: &Document, gaz: &Gazetteer) -> Vec<&'static str> {
    let mut out = Vec::new();
    for m in &doc.mentions {
        for g in gaz.longest(doc, m.first_token..m.end_token) {
            if let Some(e) = gaz.entries(&g).find(|e| matches!(e.kind, GazKind::Country | GazKind::Demonym)) {
                if !out.contains(&e.id) {
                    out.push(e.id);
                }
            }
        }
    }
    out
}

/// Resolves one mention.
fn resolve_one(doc: &Document, gaz: &Gazetteer, m: &Mention, countries: &[&'static str], sure: &[&str]) -> Resolved {
    let kind = match m.kind {
        MentionKind::Per => EntityKind::Person,
        MentionKind::Org => EntityKind::Organization,
        MentionKind::Loc => EntityKind::Place,
        MentionKind::Misc => EntityKind::Other,
    };
    let mut r = Resolved { kind, confidence: m.origin.confidence, ..blank() };
    if m.kind == MentionKind::Per {
        r.rule = "resolve.person";
        return r;
    }
    let matches = gaz.longest(doc, m.first_token..m.end_token);
    // the name covering the whole mention decides; a name inside a longer one (the
    // demonym of وزارة الخارجية الأمريكية) only gives the country. A country or
    // organisation name the mention is the start of (المملكة of المملكة المغربية) is
    // the tagger cutting the name short.
    let longer = gaz.longest(doc, m.first_token..(m.end_token + 4).min(doc.tokens.len())).into_iter().find(|g| {
        g.first_token == m.first_token
            && g.end_token > m.end_token
            && gaz.entries(g).any(|e| matches!(e.kind, GazKind::Country | GazKind::Organization))
    });
    // a region named with its region word (منطقة حائل) when the tagger left the word out
    let with_region_word = m.first_token.checked_sub(1).and_then(|p| {
        gaz.longest(doc, p..m.end_token).into_iter().find(|g| {
            g.first_token == p && g.end_token == m.end_token && gaz.entries(g).any(|e| e.kind == GazKind::Region)
        })
    });
    let whole = longer
        .as_ref()
        .or(with_region_word.as_ref())
        .or_else(|| matches.iter().find(|g| g.first_token == m.first_token && g.end_token == m.end_token));
    // the country of a name inside the mention, where that word is used as its name
    // (not مجريات of مجريات المقابلة)
    let inner_country = matches.iter().find_map(|g| {
        gaz.entries(g)
            .find(|e| matches!(e.kind, GazKind::Country | GazKind::Demonym))
            .map(|e| e.id)
            .filter(|id| name_use::country_reading(doc, gaz, g, id, sure))
    });
    let Some(g) = whole else {
        r.country = inner_country.map(str::to_owned);
        if matches.iter().any(|g| gaz.entries(g).any(|e| e.kind == GazKind::Institution)) {
            r.kind = EntityKind::Organization;
            r.rule = "resolve.institution";
        }
        return r;
    };
    let entries: Vec<GazEntry> = gaz.entries(g).collect();
    // a one-word name links only where the word is used as one (name_use)
    let country_ok = |iso3: &str| name_use::country_reading(doc, gaz, g, iso3, sure);
    let one_word = g.end_token - g.first_token == 1;
    // a name that is a country and another country's city (عمان: Oman, Amman) is the
    // city when the article names the city's country and not the other
    let city_of_named_country = entries.iter().find(|p| {
        matches!(p.kind, GazKind::Place | GazKind::Region)
            && sure.contains(&p.details().country)
            && entries.iter().all(|c| c.kind != GazKind::Country || !sure.contains(&c.id))
    });
    if let Some(e) = entries.iter().find(|e| e.kind == GazKind::Country && city_of_named_country.is_none()) {
        if !country_ok(e.id) {
            return r;
        }
        return country(gaz, r, e.id, "resolve.country", 0.95);
    }
    if let Some(e) = entries.iter().find(|e| e.kind == GazKind::Demonym) {
        if !country_ok(e.id) {
            return r;
        }
        // a nationality adjective names its country's state or people
        return country(gaz, r, e.id, "resolve.demonym", if e.major { 0.9 } else { 0.7 });
    }
    if let Some(e) = entries.iter().find(|e| e.kind == GazKind::Organization) {
        let d = e.details();
        r.kind = EntityKind::Organization;
        r.link = Some(format!("org:{}", e.id));
        r.name = Some(d.name_ar.to_owned()).filter(|s| !s.is_empty());
        r.name_en = Some(d.name_en.to_owned()).filter(|s| !s.is_empty());
        r.rule = "resolve.organization";
        r.confidence = 0.9;
        return r;
    }
    let places: Vec<&GazEntry> =
        entries.iter().filter(|e| matches!(e.kind, GazKind::Place | GazKind::Region)).collect();
    if !places.is_empty() && one_word && !name_use::place_reading(doc, gaz, g.first_token) {
        r.rule = "resolve.not_a_name";
        return r;
    }
    if places.is_empty() {
        if entries.iter().any(|e| e.kind == GazKind::Institution) {
            r.kind = EntityKind::Organization;
            r.country = inner_country.map(str::to_owned);
            r.rule = "resolve.institution";
        }
        return r;
    }
    // ambiguous places: the word before the name (ولاية بشار is the province, مدينة
    // بشار the city), the article's countries, then the larger place
    let cue = [m.first_token.checked_sub(1), Some(m.first_token)].into_iter().flatten().find_map(|t| {
        let key = doc.segmentation_of(t).map_or(doc.tokens[t].key.to_string(), |s| match_key(&s.stem().form));
        if REGION_WORDS.contains(&key.as_str()) {
            Some(GazKind::Region)
        } else if CITY_WORDS.contains(&key.as_str()) {
            Some(GazKind::Place)
        } else {
            None
        }
    });
    let scored: Vec<(f32, &GazEntry)> = places
        .iter()
        .map(|e| {
            let d = e.details();
            let size = ((d.population as f32 + 1.0).ln() / 16.0).min(1.0);
            let here = if countries.contains(&d.country) { 2.0 } else { 0.0 };
            let major = if e.major { 0.5 } else { 0.0 };
            let region = if e.kind == GazKind::Region { 0.3 } else { 0.0 };
            let cued = if cue == Some(e.kind) { 1.5 } else { 0.0 };
            (size + here + major + region + cued, *e)
        })
        .collect();
    let total: f32 = scored.iter().map(|(s, _)| s.exp()).sum();
    let best = scored.iter().enumerate().max_by(|a, b| a.1 .0.total_cmp(&b.1 .0)).map(|(i, _)| i).unwrap_or(0);
    let (best_score, e) = scored[best];
    let d = e.details();
    let confidence = (best_score.exp() / total).clamp(0.05, 0.99);
    if e.is_capital() && m.kind != MentionKind::Org && stands_for_state(doc, m) {
        let mut r = country(gaz, r, d.country, "resolve.metonymy", 0.7 * confidence.max(0.5));
        r.metonymy = true;
        return r;
    }
    r.kind = if e.kind == GazKind::Region { EntityKind::Region } else { EntityKind::Place };
    r.link = Some(format!("geonames:{}", e.id));
    r.name = Some(d.name_ar.to_owned());
    r.name_en = Some(d.name_en.to_owned()).filter(|s| !s.is_empty());
    r.country = Some(d.country.to_owned()).filter(|s| !s.is_empty());
    r.coordinates = d.coordinates.map(|(lat, lon)| Coordinates { lat, lon });
    r.rule = if scored.len() > 1 { "resolve.place.context" } else { "resolve.place" };
    r.confidence = if scored.len() > 1 { confidence } else { 0.9 };
    r.alternatives = scored
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, (s, o))| {
            let od = o.details();
            Candidate {
                link: format!("geonames:{}", o.id),
                name: if od.name_en.is_empty() { od.name_ar } else { od.name_en }.to_owned(),
                country: Some(od.country.to_owned()).filter(|c| !c.is_empty()),
                confidence: s.exp() / total,
            }
        })
        .filter(|c| c.confidence >= 0.02)
        .take(3)
        .collect();
    r
}

/// `r` resolved to the country `iso3`.
fn country(gaz: &Gazetteer, mut r: Resolved, iso3: &str, rule: &'static str, confidence: f32) -> Resolved {
    r.kind = EntityKind::Country;
    r.link = Some(format!("country:{iso3}"));
    r.country = Some(iso3.to_owned());
    if let Some(c) = gaz.country(iso3) {
        let d = c.details();
        r.name = Some(d.name_ar.to_owned());
        r.name_en = Some(d.name_en.to_owned()).filter(|s| !s.is_empty());
    }
    r.rule = rule;
    r.confidence = confidence;
    r
}

/// True when a capital's mention stands for its state: after a noun whose genitive
/// is an actor (موقف موسكو), after من after such a noun (رسالة من موسكو), with a
/// feminine verb next to it (واشنطن ترفض، أعلنت موسكو), or paired with another place
/// by بين … و (بين موسكو وواشنطن).
fn stands_for_state(doc: &Document, m: &Mention) -> bool {
    let toks = &doc.tokens;
    let key = |i: usize| toks.get(i).filter(|t| t.kind == TokenKind::Arabic).map(|t| t.key.as_str());
    let is_agent_noun =
        |k: &str| AGENT_NOUNS.contains(&k) || k.strip_prefix("ال").is_some_and(|r| AGENT_NOUNS.contains(&r));
    let verb_like = |k: &str| {
        k.chars().count() >= 4
            && !NOT_VERBS.contains(&k)
            && ((k.starts_with('ت') && !k.starts_with("تم")) || (k.ends_with('ت') && !k.ends_with("ات")))
    };
    let before = m.first_token.checked_sub(1).and_then(key);
    let before2 = m.first_token.checked_sub(2).and_then(key);
    let after = key(m.end_token);
    // the mention's own first word may carry و/ب/ل; the keys compared are whole tokens
    before.is_some_and(is_agent_noun)
        || (before == Some("من") && before2.is_some_and(is_agent_noun))
        || before.is_some_and(verb_like)
        || after.is_some_and(verb_like)
        || before == Some("بين")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Metadata, Pipeline};

    fn entities(text: &str) -> (Document, Vec<Entity>) {
        let doc = Pipeline::new().analyze_through(text, Metadata::default(), "resolve");
        let e = doc.entities.clone();
        (doc, e)
    }

    fn by_link<'a>(e: &'a [Entity], link: &str) -> Option<&'a Entity> {
        e.iter().find(|e| e.link.as_deref() == Some(link))
    }

    #[test]
    fn country_names_and_adjectives_are_one_entity() {
        let (_, e) =
            entities("زار الوفد الجزائري الجزائر أمس، وقال إن الجزائريين يرحبون بالتعاون مع الحكومة الجزائرية.");
        let dza = by_link(&e, "country:DZA").expect("Algeria");
        assert_eq!(dza.mentions.len() + dza.references.len(), 4, "{e:#?}");
        assert_eq!(dza.kind, EntityKind::Country);
        assert_eq!(dza.name_en.as_deref(), Some("Algeria"));
    }

    #[test]
    fn capitals_standing_for_their_state_are_metonymy() {
        let (_, e) = entities("وصلت رسالة من موسكو إلى الحكومة الفرنسية، وقالت باريس إنها تدرس الرد.");
        let rus = by_link(&e, "country:RUS").expect("Russia through Moscow");
        assert_eq!(rus.metonymy.len(), 1, "{e:#?}");
        let fra = by_link(&e, "country:FRA").expect("France");
        assert!(!fra.metonymy.is_empty(), "{e:#?}");
    }

    #[test]
    fn places_have_coordinates_and_countries() {
        let (_, e) = entities("وصل الرئيس إلى مدينة وهران غرب الجزائر.");
        let oran = e.iter().find(|e| e.name_en.as_deref() == Some("Oran")).expect("Oran");
        assert_eq!(oran.country.as_deref(), Some("DZA"));
        let c = oran.coordinates.expect("coordinates");
        assert!((c.lat - 35.7).abs() < 0.5 && (c.lon + 0.6).abs() < 0.5, "{c:?}");
    }

    #[test]
    fn the_word_before_a_place_says_province_or_city() {
        let (_, e) = entities("وصل الوفد الوزاري إلى ولاية بشار جنوب غرب الجزائر.");
        let b = e.iter().find(|e| e.name_en.as_deref() == Some("Béchar")).expect("Béchar");
        assert_eq!(b.kind, EntityKind::Region, "{b:#?}");
        let (_, e) = entities("زار الوزير مدينة بشار جنوب غرب الجزائر.");
        let b = e.iter().find(|e| e.name_en.as_deref() == Some("Béchar")).expect("Béchar");
        assert_eq!(b.kind, EntityKind::Place, "{b:#?}");
        assert_eq!(b.country.as_deref(), Some("DZA"));
    }

    #[test]
    fn a_surname_joins_the_full_name_before_it() {
        let (doc, e) = entities("قال وزير الخارجية أحمد عطاف إن بلاده ترفض التدخل. وأضاف عطاف أن الحوار هو الحل.");
        let people: Vec<_> = e.iter().filter(|e| e.kind == EntityKind::Person).collect();
        assert_eq!(people.len(), 1, "{:#?}", doc.mentions);
        assert_eq!(people[0].mentions.len(), 2);
        assert_eq!(people[0].name, "أحمد عطاف");
    }

    #[test]
    fn titles_attach_to_the_person_they_describe() {
        let (_, e) = entities("وصل وزير الخارجية الأردني سامر الحديدي إلى الرباط أمس.");
        let p = e.iter().find(|e| e.kind == EntityKind::Person).expect("a person");
        let r = p.roles.first().expect("a role");
        assert_eq!(r.office, "minister");
        assert_eq!(r.country.as_deref(), Some("JOR"));
        assert!(r.organization.as_deref().is_some_and(|o| o.contains("Foreign")), "{r:?}");
    }

    #[test]
    fn an_office_without_a_name_is_an_entity() {
        let (_, e) = entities("وقال وزير الدفاع الفرنسي إن بلاده سترسل قوات إضافية.");
        let office = e.iter().find(|e| e.kind == EntityKind::Office).expect("an office");
        assert_eq!(office.country.as_deref(), Some("FRA"));
        assert!(office.mentions.is_empty());
    }

    #[test]
    fn a_formal_country_name_is_its_country_however_it_is_tagged() {
        for text in ["وصل الوفد بالمملكة المغربية أمس.", "وصل الملك إلى مدينة طنجة بالمملكة المغربية أمس."]
        {
            let (_, e) = entities(text);
            assert!(by_link(&e, "country:MAR").is_some(), "{text}: {e:#?}");
        }
    }

    #[test]
    fn a_common_word_with_a_country_s_letters_is_not_linked() {
        let (_, e) =
            entities("أعلنت وزارة المالية ارتفاع مؤشر الأوراق المالية رغم الأزمة المالية وتقديم دعم مالي للشركات.");
        assert!(by_link(&e, "country:MLI").is_none(), "{e:#?}");
        let (_, e) = entities("وصل الوزير إلى باماكو والتقى الرئيس المالي، وقال إن الحكومة المالية ترحب بالدعم.");
        assert!(by_link(&e, "country:MLI").is_some(), "{e:#?}");
    }

    #[test]
    fn a_word_with_an_attached_pronoun_is_not_a_place() {
        // جنينها: her fetus, not Jenin; the city itself is still found
        let (_, e) = entities("توفيت امرأة في المستشفى بعد أن فقدت جنينها، واحتج أهلها أمام المستشفى.");
        assert!(e.iter().all(|e| e.link.as_deref().is_none_or(|l| !l.contains("283506"))), "{e:#?}");
        let (_, e) = entities("اقتحمت قوات الاحتلال مدينة جنين شمال الضفة الغربية.");
        assert!(e.iter().any(|e| e.link.as_deref().is_some_and(|l| l.contains("283506"))), "{e:#?}");
    }

    #[test]
    fn unresolved_names_are_kept() {
        let (doc, e) = entities("أعلنت شركة زيتونة للتقنيات عن منتج جديد.");
        assert_eq!(e.iter().map(|e| e.mentions.len()).sum::<usize>(), doc.mentions.len());
    }
}
