//! Named-entity mentions and the entities they resolve to.

use serde::{Deserialize, Serialize};

use crate::document::Origin;
use crate::span::Span;

/// The type of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A person.
    Per,
    /// An organisation: a company, party, ministry, agency, team, news outlet.
    Org,
    /// A location: a country, city, region, geographic feature.
    Loc,
    /// Another name: an event, a nationality used as a noun, a product, a work.
    Misc,
}

impl MentionKind {
    /// The four kinds, in label order.
    pub const ALL: [MentionKind; 4] = [MentionKind::Per, MentionKind::Org, MentionKind::Loc, MentionKind::Misc];

    /// The kind's name in JSON and reports (`per`).
    pub fn name(self) -> &'static str {
        match self {
            MentionKind::Per => "per",
            MentionKind::Org => "org",
            MentionKind::Loc => "loc",
            MentionKind::Misc => "misc",
        }
    }
}

/// A gazetteer entry a mention matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GazetteerRef {
    /// What kind of entry.
    pub kind: GazKind,
    /// Its identifier: ISO 3166-1 alpha-3 for countries and demonyms, GeoNames id for
    /// places and regions, the id of `organizations.tsv`, or the name itself.
    pub id: String,
}

/// A named-entity mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The name in the original text, without the conjunction or preposition its first
    /// word carries (the article stays: `الجزائر` in `بالجزائر`).
    pub span: Span,
    /// Its type.
    pub kind: MentionKind,
    /// Index of its first token in [`Document::tokens`].
    pub first_token: usize,
    /// One past the index of its last token.
    pub end_token: usize,
    /// Gazetteer entries of the names inside the mention (longest names, best
    /// candidates first, at most [`MAX_REFS`] per name); may be empty.
    pub gazetteer: Vec<GazetteerRef>,
    /// `ner.perceptron` and the calibrated confidence of the decision.
    pub origin: Origin,
}

/// Most gazetteer candidates listed per name of a mention.
pub const MAX_REFS: usize = 5;

/// What a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GazKind {
    /// A country or territory (id: ISO 3166-1 alpha-3).
    Country,
    /// A nationality adjective in any inflection (id: ISO 3166-1 alpha-3 of its country).
    Demonym,
    /// An ethnic group's adjective or plural (id: the group's id in `ethnic_groups.tsv`).
    EthnicGroup,
    /// A city (id: GeoNames id).
    Place,
    /// A first-level subdivision: province, state, governorate (id: GeoNames id).
    Region,
    /// An international organisation, bloc or alliance (id: its id in `organizations.tsv`).
    Organization,
    /// The head of a state institution's name: وزارة، الجيش، البرلمان (id: the head).
    Institution,
    /// A person's office: وزير، رئيس الأركان (id: the head).
    Office,
    /// A ministry portfolio: الخارجية، الدفاع (id: the English portfolio).
    Portfolio,
    /// An Arabic given name (id: the name).
    GivenName,
    /// An Arabic family name (id: the name).
    FamilyName,
    /// A foreign given name in Arabic script (id: the name).
    ForeignGivenName,
    /// A foreign family name in Arabic script (id: the name).
    ForeignFamilyName,
}

impl GazKind {
    /// The kind's name, as in JSON (`country`, `given_name`).
    pub fn name(self) -> &'static str {
        match self {
            GazKind::Country => "country",
            GazKind::Demonym => "demonym",
            GazKind::EthnicGroup => "ethnic_group",
            GazKind::Place => "place",
            GazKind::Region => "region",
            GazKind::Organization => "organization",
            GazKind::Institution => "institution",
            GazKind::Office => "office",
            GazKind::Portfolio => "portfolio",
            GazKind::GivenName => "given_name",
            GazKind::FamilyName => "family_name",
            GazKind::ForeignGivenName => "foreign_given_name",
            GazKind::ForeignFamilyName => "foreign_family_name",
        }
    }
}

/// An office held by a person, or named without one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Role {
    /// The title in the original text (وزير الخارجية الأمريكي).
    pub span: Span,
    /// The office in English, from the gazetteer (`minister`, `spokesperson for`).
    pub office: String,
    /// The ministry portfolio or the body it belongs to, in English when known
    /// (`Foreign Affairs`, `army`), else in Arabic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// The country (ISO 3166-1 alpha-3) of the office.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `roles.before_name`, `roles.apposition` or `roles.office_alone`, and how sure.
    pub origin: Origin,
}

impl Role {
    /// The role in words, for reports: office, organisation and country
    /// (`minister, Foreign Affairs, JOR`).
    pub fn describe(&self) -> String {
        let mut parts: Vec<&str> = vec![self.office.as_str()];
        parts.extend(self.organization.as_deref());
        parts.extend(self.country.as_deref());
        parts.join(", ")
    }
}

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A country or territory, or its state.
    Country,
    /// A city or another place.
    Place,
    /// A first-level subdivision (province, state, governorate, wilaya).
    Region,
    /// An organisation: international, a state institution, a company, a party.
    Organization,
    /// An office named without its holder (وزير الخارجية الأمريكي أعلن …).
    Office,
    /// Anything else with a name: an event, a people, a work.
    Other,
}

/// Latitude and longitude in degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    /// Latitude, north positive.
    pub lat: f64,
    /// Longitude, east positive.
    pub lon: f64,
}

/// Another entry a name could have been linked to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// Its link (`geonames:2507480`).
    pub link: String,
    /// Its name (English when known).
    pub name: String,
    /// Its country (ISO 3166-1 alpha-3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// How likely it is, against the chosen entry and the other candidates.
    pub confidence: f32,
}

/// A stretch of the text an item points to: a country named where the tagger saw no
/// name (its nationality adjective, الوفد الجزائري, or a name the tagger missed), a
/// quotation's verb of saying.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The words in the original text (without the conjunction or preposition on them).
    pub span: Span,
}

/// An entity: what one or more mentions of the text refer to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Its identifier in the document (`E1`, `E2`…, in order of first mention).
    pub id: String,
    /// What it is.
    pub kind: EntityKind,
    /// Its canonical Arabic name: the gazetteer's, else its longest mention.
    pub name: String,
    /// Its English name, when the gazetteer knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The knowledge-base entry it is: `country:DZA` (ISO 3166-1 alpha-3),
    /// `geonames:2507480` (GeoNames id), `org:african_union` (`organizations.tsv`);
    /// absent when unresolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The country it belongs to (a place's, an institution's), or is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Where it is, for places and regions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// Its mentions (indices into [`Document::mentions`]), in text order.
    pub mentions: Vec<usize>,
    /// Those of its mentions that name it through its capital (metonymy).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metonymy: Vec<usize>,
    /// For a country, where the text names it outside the mentions: nationality
    /// adjectives (الوفد الجزائري، الجزائريين) and names the tagger missed, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// A person's titles and offices (وزير الخارجية الأمريكي), or an office's own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Other entries its name could be, when it was ambiguous.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Candidate>,
    /// The rule that resolved it and how sure it is.
    pub origin: Origin,
}
