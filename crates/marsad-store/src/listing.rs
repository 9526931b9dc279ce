//! The stored articles an export reads: which ones (a range of publication dates)
//! and what is known of each besides its layers.

/// A range of publication dates (`YYYY-MM-DD`), both ends included; an open end
/// takes every date on that side. When either end is given, articles without a
/// publication date are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The first day.
    pub from: Option<String>,
    /// The last day.
    pub to: Option<String>,
}

impl DateRange {
    /// True when neither end is given.
    pub fn is_all(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// A stored article, with its current revision.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    /// Its id (`articles.id`).
    pub id: i64,
    /// Its current revision (`revisions.id`).
    pub revision: i64,
    /// Which version that is (1, 2, …).
    pub revision_number: i64,
    /// Its outlet (`''` when unknown).
    pub outlet: String,
    /// Its address as first given.
    pub url: Option<String>,
    /// Its canonical address.
    pub canonical_url: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Its author.
    pub author: Option<String>,
    /// Its publication date (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The id its record gave.
    pub external_id: Option<String>,
    /// Where it was read (`path`, `path:line`).
    pub source: Option<String>,
    /// The article it is a copy of (the same normalised text from another outlet,
    /// stored first) or a near-duplicate of (its first appearance), when it is one.
    pub copy_of: Option<i64>,
}
