//! `--format gkg`: one row per article in the manner of GDELT's Global Knowledge
//! Graph (GKG 2.1): who and where the article names, its persuasion techniques as
//! themes, its counts and its tone. The columns are in docs/store.md; lists are
//! `;`-separated and a list item's fields `#`- or `,`-separated as in the GKG, so
//! those characters, tabs and line breaks inside a name become spaces.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use marsad_core::document::{Document, EntityKind, QuantityKind};
use marsad_core::span::CharIndex;
use marsad_store::{Listed, Store};

use super::{each_document, Written};

/// The column names, in order.
pub(crate) const COLUMNS: [&str; 15] = [
    "GKGRECORDID",
    "DATE",
    "SourceCommonName",
    "DocumentIdentifier",
    "Counts",
    "Themes",
    "EnhancedThemes",
    "Locations",
    "Persons",
    "Organizations",
    "Tone",
    "NumEntities",
    "NumEvents",
    "NumClaims",
    "Title",
];

/// Writes one row per article to `out`.
pub(super) fn write(store: &dyn Store, listed: &[Listed], out: &Path, header: bool) -> Result<Written> {
    let file = std::fs::File::create(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut w = std::io::BufWriter::new(file);
    let fail = |e| anyhow::Error::new(e).context(format!("cannot write {}", out.display()));
    if header {
        writeln!(w, "{}", COLUMNS.join("\t")).map_err(fail)?;
    }
    let mut rows = 0;
    each_document(store, listed, row, |_, line| {
        rows += 1;
        w.write_all(line.as_bytes()).map_err(fail)
    })?;
    w.into_inner().map_err(|e| fail(e.into_error()))?.sync_all().map_err(fail)?;
    Ok(Written { articles: listed.len(), rows: vec![("article rows", rows)], copies_skipped: 0, files: 1 })
}

/// A field with its tabs and line breaks made spaces.
fn clean(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// A list item's field: also without the GKG's separators.
fn item(s: &str) -> String {
    s.chars().map(|c| if c.is_control() || matches!(c, ';' | '#' | ',') { ' ' } else { c }).collect()
}

/// The row of one article, with its line break.
fn row(a: &Listed, doc: &Document) -> String {
    let index = CharIndex::new(&doc.text);
    let day = a.published.as_deref().map(|d| d.replace('-', "")).unwrap_or_default();
    let identifier = a.url.as_deref().or(a.external_id.as_deref()).or(a.source.as_deref()).unwrap_or("");
    let counts: Vec<String> = doc
        .quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Count)
        .filter_map(|q| {
            let value = q.value.filter(|v| v.is_finite())?;
            Some(format!("COUNT#{value}#{}", item(q.unit.as_deref().unwrap_or(""))))
        })
        .collect();
    let mut themes: Vec<&str> = Vec::new();
    for t in &doc.techniques.spans {
        if !themes.contains(&t.technique.as_str()) {
            themes.push(&t.technique);
        }
    }
    let enhanced: Vec<String> = doc
        .techniques
        .spans
        .iter()
        .map(|t| format!("{},{}", item(&t.technique), index.char_of(t.span.start)))
        .collect();
    let name = |e: &marsad_core::document::Entity| item(e.name_en.as_deref().unwrap_or(&e.name));
    let of_kind =
        |kind: EntityKind| -> Vec<String> { doc.entities.iter().filter(|e| e.kind == kind).map(name).collect() };
    let locations: Vec<String> = doc
        .entities
        .iter()
        .filter_map(|e| {
            // GDELT's location types: 1 a country, 4 a city or place, 5 a first-level division
            let kind = match e.kind {
                EntityKind::Country => 1,
                EntityKind::Place => 4,
                EntityKind::Region => 5,
                _ => return None,
            };
            let (lat, lon) = e.coordinates.map(|c| (format!("{:.4}", c.lat), format!("{:.4}", c.lon))).unzip();
            Some(format!(
                "{kind}#{}#{}##{}#{}#{}",
                name(e),
                e.country.as_deref().unwrap_or(""),
                lat.unwrap_or_default(),
                lon.unwrap_or_default(),
                item(e.link.as_deref().unwrap_or(""))
            ))
        })
        .collect();
    let t = &doc.tone.article;
    let tone = format!(
        "{:.4},{:.4},{:.4},{:.4},{:.4},{:.4},{}",
        t.tone, t.positive, t.negative, t.polarity, t.emotional_density, t.group_density, t.words
    );
    let fields = [
        a.id.to_string(),
        day,
        clean(&a.outlet),
        clean(identifier),
        counts.join(";"),
        themes.iter().map(|t| item(t)).collect::<Vec<_>>().join(";"),
        enhanced.join(";"),
        locations.join(";"),
        of_kind(EntityKind::Person).join(";"),
        of_kind(EntityKind::Organization).join(";"),
        tone,
        doc.entities.len().to_string(),
        doc.events.len().to_string(),
        doc.claims.len().to_string(),
        clean(a.title.as_deref().unwrap_or("")),
    ];
    debug_assert_eq!(fields.len(), COLUMNS.len());
    fields.join("\t") + "\n"
}
