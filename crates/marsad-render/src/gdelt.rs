//! GDELT 2.0 event rows (`marsad analyze --format gdelt`): one tab-separated line per
//! event, in the 61 columns of the GDELT 2.0 Events table, for tools built on GDELT.
//!
//! Only events the text asserts or reports become rows (GDELT codes what happened;
//! negated, planned, demanded, speculative and conditional events are left out, as
//! PLOVER's special contexts say). Columns marsad cannot fill are empty, never
//! guessed: known-group, ethnic and religion codes, the FIPS country and ADM codes of
//! the geography columns and GDELT's own feature ids (marsad's places are GeoNames
//! entries), the tone, and the mention counts across articles. The mapping is
//! documented in `docs/gdelt.md`.

use chrono::{Datelike, NaiveDate};

use marsad_core::document::Document;
use marsad_core::document::{Entity, EntityKind};
use marsad_core::document::{Event, Modality, Participant};

/// The 61 column names, in order.
pub const COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The rows of a document's events, each ending with a newline; `header` adds the
/// column names first.
pub fn render(doc: &Document, header: bool) -> String {
    let mut out = String::new();
    if header {
        out.push_str(&COLUMNS.join("\t"));
        out.push('\n');
    }
    for (i, e) in doc.events.iter().enumerate() {
        if matches!(e.modality, Modality::Asserted | Modality::Reported) {
            out.push_str(&row(doc, i, e).join("\t"));
            out.push('\n');
        }
    }
    out
}

/// A field with its tabs and line breaks made spaces.
fn clean(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// The entity of a participant.
fn entity<'a>(doc: &'a Document, p: &Option<Participant>) -> Option<&'a Entity> {
    let id = p.as_ref()?.entity.as_deref()?;
    doc.entities.iter().find(|e| e.id == id)
}

/// The date of an event: its sentence's date when it is a full day, else the
/// publication date.
fn date(doc: &Document, e: &Event) -> Option<NaiveDate> {
    let day = |v: &str| NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok();
    e.time
        .and_then(|t| doc.times[t].value.as_deref().and_then(day))
        .or_else(|| doc.meta.published.as_deref().and_then(day))
}

/// A stable id from the source and the trigger's place (FNV-1a, 53 bits so that
/// spreadsheet tools keep it exact).
fn event_id(doc: &Document, index: usize, e: &Event) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let source = doc.meta.url.as_deref().or(doc.meta.source.as_deref()).unwrap_or("");
    for b in
        source.bytes().chain(doc.text.bytes().take(256)).chain(format!("#{index}:{}", e.trigger.span.start).bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h & ((1 << 53) - 1)
}

/// The eight geography columns of an entity (type, name, FIPS country, ADM1, ADM2,
/// latitude, longitude, feature id): GDELT's type 1 for a country, 4 for a world city,
/// 5 for a first-level division; FIPS and feature-id columns stay empty.
fn geo(e: Option<&Entity>) -> [String; 8] {
    let mut g: [String; 8] = Default::default();
    let Some(e) = e else { return g };
    let kind = match e.kind {
        EntityKind::Country => "1",
        EntityKind::Place => "4",
        EntityKind::Region => "5",
        _ => return g,
    };
    g[0] = kind.to_owned();
    g[1] = clean(e.name_en.as_deref().unwrap_or(&e.name));
    if let Some(c) = e.coordinates {
        g[5] = format!("{:.4}", c.lat);
        g[6] = format!("{:.4}", c.lon);
    }
    g
}

/// CAMEO's actor role and sector codes that marsad writes after a country or alone
/// (`USAGOV`, `GOV`): they go to the Type1Code column, never to CountryCode.
const ROLE_CODES: &[&str] = &["GOV", "MIL", "LEG", "JUD", "COP", "IGO", "NGO", "REB", "OPP", "BUS", "MED", "CVL"];

/// Splits a CAMEO-style actor code into its country (ISO 3166-1 alpha-3) and its role:
/// `USAGOV` → (`USA`, `GOV`), `GOV` → (none, `GOV`), `DZA` → (`DZA`, none). A part that
/// is neither three capital letters nor a known role is left out.
fn split_code(code: &str) -> (Option<&str>, Option<&str>) {
    let three = |s: &str| s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase());
    let role = |s: &str| ROLE_CODES.contains(&s);
    match code.len() {
        3 if role(code) => (None, Some(code)),
        3 if three(code) => (Some(code), None),
        6 if three(&code[..3]) && !role(&code[..3]) && role(&code[3..]) => (Some(&code[..3]), Some(&code[3..])),
        _ => (None, None),
    }
}

/// The ten actor columns: code, name, country, known group, ethnic, religion ×2, type ×3.
fn actor(doc: &Document, p: &Option<Participant>) -> [String; 10] {
    let mut a: [String; 10] = Default::default();
    let Some(part) = p else { return a };
    let ent = entity(doc, p);
    let code = part.code.as_deref().unwrap_or_default();
    let (country, role) = split_code(code);
    if country.is_some() || role.is_some() {
        a[0] = code.to_owned();
    }
    a[1] = clean(ent.and_then(|e| e.name_en.as_deref()).unwrap_or_else(|| doc.slice(part.span))).to_uppercase();
    a[2] = country.unwrap_or_default().to_owned();
    a[7] = role.unwrap_or_default().to_owned();
    a
}

fn row(doc: &Document, index: usize, e: &Event) -> Vec<String> {
    let mut r: Vec<String> = Vec::with_capacity(61);
    r.push(event_id(doc, index, e).to_string());
    match date(doc, e) {
        Some(d) => {
            r.push(d.format("%Y%m%d").to_string());
            r.push(d.format("%Y%m").to_string());
            r.push(d.year().to_string());
            r.push(format!("{:.4}", d.year() as f64 + f64::from(d.ordinal()) / 365.0));
        }
        None => r.extend(std::iter::repeat_n(String::new(), 4)),
    }
    r.extend(actor(doc, &e.actor));
    r.extend(actor(doc, &e.recipient));
    // GDELT marks events of the lead paragraph as root events
    let first_paragraph = doc.paragraphs.first().is_some_and(|p| e.trigger.span.start < p.span.end);
    r.push(if first_paragraph { "1" } else { "0" }.to_owned());
    let cameo = &e.cameo;
    r.push(cameo.clone());
    r.push(cameo.get(..3).unwrap_or(cameo).to_owned());
    r.push(cameo.get(..2).unwrap_or(cameo).to_owned());
    r.push(if e.quad_class > 0 { e.quad_class.to_string() } else { String::new() });
    r.push(format!("{:.1}", e.goldstein));
    r.extend(["1", "1", "1"].map(str::to_owned));
    // GDELT's tone: percent of positive words minus percent of negative words, of the article
    r.push(if doc.tone.article.words > 0 { format!("{:.4}", doc.tone.article.tone) } else { String::new() });
    r.extend(geo(entity(doc, &e.actor)));
    r.extend(geo(entity(doc, &e.recipient)));
    r.extend(geo(e.location.as_deref().and_then(|id| doc.entities.iter().find(|x| x.id == id))));
    r.push(String::new()); // DATEADDED: GDELT's processing time, not known here
    r.push(clean(doc.meta.url.as_deref().or(doc.meta.source.as_deref()).unwrap_or("")));
    debug_assert_eq!(r.len(), COLUMNS.len());
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad::{Metadata, Pipeline};

    #[test]
    fn rows_have_the_61_columns_and_codes() {
        let meta = Metadata {
            published: Some("2024-03-10".into()),
            url: Some("https://example.org/a".into()),
            ..Default::default()
        };
        let doc = Pipeline::new().analyze("زار الرئيس الفرنسي إيمانويل ماكرون الجزائر يوم 5 مارس 2024.", meta);
        let out = render(&doc, true);
        let mut lines = out.lines();
        assert_eq!(lines.next().unwrap().split('\t').count(), 61);
        let row: Vec<&str> = lines.next().expect("a row").split('\t').collect();
        assert_eq!(row.len(), 61);
        assert_eq!(row[1], "20240305");
        assert_eq!(row[5], "FRAGOV");
        assert_eq!(row[7], "FRA");
        assert_eq!(row[15], "DZAGOV");
        assert_eq!(&row[26][..2], "04");
        assert_eq!(row[60], "https://example.org/a");
    }

    /// An article with one event the pipeline finds: a visit.
    fn visit() -> Document {
        let doc = Pipeline::new().analyze(
            "زار الرئيس الفرنسي إيمانويل ماكرون الجزائر يوم 5 مارس 2024.",
            Metadata { published: Some("2024-03-10".into()), ..Default::default() },
        );
        assert!(!doc.events.is_empty(), "the visit is found");
        doc
    }

    #[test]
    fn negated_and_planned_events_are_not_rows() {
        for modality in [Modality::Negated, Modality::Future, Modality::Demanded, Modality::Denied] {
            let mut doc = visit();
            doc.events.iter_mut().for_each(|e| e.modality = modality);
            assert_eq!(render(&doc, false), "", "{modality:?}");
        }
    }

    #[test]
    fn a_role_without_a_country_is_a_type_never_a_country_code() {
        assert_eq!(split_code("USAGOV"), (Some("USA"), Some("GOV")));
        assert_eq!(split_code("GOV"), (None, Some("GOV")));
        assert_eq!(split_code("IGO"), (None, Some("IGO")));
        assert_eq!(split_code("DZA"), (Some("DZA"), None));
        assert_eq!(split_code("GOVMIL"), (None, None), "two roles are no country and role");
        assert_eq!(split_code("usa"), (None, None));
    }

    #[test]
    fn quad_class_goldstein_and_tone_follow_the_code_and_the_article() {
        let doc = visit();
        let out = render(&doc, false);
        let lex = marsad::events::lexicon::EventLexicon::embedded();
        for line in out.lines() {
            let row: Vec<&str> = line.split('\t').collect();
            let scale = lex.scale(row[26]).expect("a CAMEO code");
            assert_eq!(row[29], scale.quad_class.to_string(), "QuadClass of {}", row[26]);
            assert_eq!(row[30], format!("{:.1}", scale.goldstein), "GoldsteinScale of {}", row[26]);
            assert_eq!(row[34], format!("{:.4}", doc.tone.article.tone), "AvgTone is the article's tone");
        }
    }
}
