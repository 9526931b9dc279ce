//! Roles: the titles and offices that describe a person (وزير الخارجية الأمريكي X،
//! X، مدير …، المتحدث باسم …), read from the gazetteer's offices, ministry portfolios,
//! institutions, organisations and nationality adjectives around a name.

pub use marsad_core::document::Role;

use super::gazetteer::{GazEntry, GazKind, GazMatch, Gazetteer};
use marsad_core::document::{Document, Origin, TokenKind};
use marsad_core::span::Span;

/// Words that may link the parts of a title (المتحدث باسم الخارجية، رئيس هيئة …).
const LINKS: &[&str] = &[
    "باسم",
    "العام",
    "العامه",
    "الاول",
    "الاعلي",
    "السابق",
    "الاسبق",
    "الحالي",
    "المساعد",
    "المساعده",
    "التنفيذي",
    "التنفيذيه",
    "الدائم",
    "الخاص",
];

/// What a stretch of gazetteer names says about an office.
#[derive(Default)]
struct Parts {
    office: Option<GazEntry>,
    organization: Option<String>,
    country: Option<String>,
}

impl Parts {
    fn add(&mut self, e: &GazEntry) {
        let d = e.details();
        match e.kind {
            GazKind::Office if self.office.is_none() => self.office = Some(*e),
            GazKind::Portfolio | GazKind::Institution | GazKind::Organization if self.organization.is_none() => {
                let name = if d.name_en.is_empty() { e.id } else { d.name_en };
                self.organization = Some(short(name));
                if self.country.is_none() && !d.country.is_empty() && !d.country.contains('|') {
                    self.country = Some(d.country.to_owned());
                }
            }
            GazKind::Country | GazKind::Demonym if self.country.is_none() => self.country = Some(e.id.to_owned()),
            _ => {}
        }
    }

    fn role(self, span: Span, rule: &'static str, confidence: f32) -> Option<Role> {
        let office = self.office?;
        let d = office.details();
        let name = if d.name_en.is_empty() { office.id } else { d.name_en };
        Some(Role {
            span,
            office: short(name),
            organization: self.organization,
            country: self.country,
            origin: Origin::rule(rule, confidence),
        })
    }
}

/// The gazetteer entry of a match that can be part of a title, the most telling
/// reading first (الخارجية after وزير is the portfolio, not the ministry).
fn title_part(gaz: &Gazetteer, g: &GazMatch) -> Option<GazEntry> {
    const ORDER: [GazKind; 6] = [
        GazKind::Office,
        GazKind::Portfolio,
        GazKind::Organization,
        GazKind::Institution,
        GazKind::Country,
        GazKind::Demonym,
    ];
    ORDER.iter().find_map(|k| gaz.entries(g).find(|e| e.kind == *k))
}

/// A gazetteer description as a short name: `minister (followed by a portfolio)` →
/// `minister`, `spokesperson for (followed by the body)` → `spokesperson`.
fn short(description: &str) -> String {
    let cut = description.find(['(', ';', ',']).unwrap_or(description.len());
    let s = description[..cut].trim();
    let s = s.strip_prefix("the ").unwrap_or(s);
    s.strip_suffix(" for").unwrap_or(s).to_owned()
}

/// The match ending at token `end` (matches are in text order and do not overlap).
fn ending_at(matches: &[GazMatch], end: usize) -> Option<&GazMatch> {
    let i = matches.partition_point(|g| g.end_token < end);
    matches.get(i).filter(|g| g.end_token == end)
}

/// The match starting at token `first`.
fn starting_at(matches: &[GazMatch], first: usize) -> Option<&GazMatch> {
    let i = matches.partition_point(|g| g.first_token < first);
    matches.get(i).filter(|g| g.first_token == first)
}

fn is_link(doc: &Document, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Arabic && LINKS.contains(&t.key.as_str()))
}

/// The title right before token `at` (a name's first token): names of offices,
/// portfolios, bodies and nationalities back to back, one of them an office.
pub fn before(doc: &Document, gaz: &Gazetteer, matches: &[GazMatch], at: usize) -> Option<Role> {
    // a title may end with a comma before the name (الأمين العام للجامعة، هشام البدري)
    let comma =
        at > 0 && doc.tokens[at - 1].kind == TokenKind::Punct && matches!(doc.tokens[at - 1].norm.as_str(), "،" | ",");
    let at = if comma { at - 1 } else { at };
    let mut j = at;
    let mut parts = Parts::default();
    loop {
        let part = ending_at(matches, j).and_then(|g| Some((g, title_part(gaz, g)?)));
        let Some((g, e)) = part else {
            if j > 0 && is_link(doc, j - 1) {
                j -= 1;
                continue;
            }
            break;
        };
        parts.add(&e);
        j = g.first_token;
        if e.kind == GazKind::Office {
            break;
        }
    }
    if j == at {
        return None;
    }
    let span = Span::new(doc.tokens[j].span.start, doc.tokens[at - 1].span.end);
    parts.role(span, "roles.before_name", 0.85)
}

/// The title in apposition after a name ending before token `end`: a comma, then
/// an office and what follows it (X، مدير عام الشركة).
pub fn after(doc: &Document, gaz: &Gazetteer, matches: &[GazMatch], end: usize) -> Option<Role> {
    let comma = doc.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "،" | ","));
    if !comma {
        return None;
    }
    let start = end + 1;
    let mut j = start;
    let mut parts = Parts::default();
    while j < doc.tokens.len() && j < start + 8 {
        if is_link(doc, j) && j > start {
            j += 1;
            continue;
        }
        let Some(g) = starting_at(matches, j) else { break };
        let Some(e) = title_part(gaz, g) else { break };
        if j == start && e.kind != GazKind::Office {
            return None;
        }
        parts.add(&e);
        j = g.end_token;
    }
    if j == start {
        return None;
    }
    let span = Span::new(doc.tokens[start].span.start, doc.tokens[j - 1].span.end);
    parts.role(span, "roles.apposition", 0.7)
}

/// Offices named without a person (أعلن وزير الخارجية الأمريكي أن …): each a title
/// whose next token starts no name. `named` marks tokens inside a mention.
pub fn alone(doc: &Document, gaz: &Gazetteer, matches: &[GazMatch], named: &[bool]) -> Vec<Role> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < matches.len() {
        let g = &matches[i];
        let office = gaz.entries(g).any(|e| e.kind == GazKind::Office);
        if !office || named[g.first_token..g.end_token].iter().any(|&x| x) {
            i += 1;
            continue;
        }
        // extend over the portfolio, body and nationality after the office
        let mut parts = Parts::default();
        parts.add(&gaz.entries(g).find(|e| e.kind == GazKind::Office).expect("an office"));
        let mut end = g.end_token;
        let mut k = i + 1;
        while let Some(next) =
            matches.get(k).filter(|n| n.first_token == end || (is_link(doc, end) && n.first_token == end + 1))
        {
            match title_part(gaz, next) {
                Some(e) if e.kind != GazKind::Office => {
                    parts.add(&e);
                    end = next.end_token;
                    k += 1;
                }
                _ => break,
            }
        }
        // a person's name right after it makes it a title, handled with the name; a
        // bare head (الرئيس) alone says too little to be an entity
        let followed_by_name = named.get(end).copied().unwrap_or(false);
        if !followed_by_name && (parts.organization.is_some() || parts.country.is_some()) {
            let span = Span::new(doc.tokens[g.first_token].span.start, doc.tokens[end - 1].span.end);
            out.extend(parts.role(span, "roles.office_alone", 0.6));
        }
        i = k;
    }
    out
}
