//! The network of actors: who acts on whom, how often, and how (the sum of the
//! Goldstein values: positive for cooperation, negative for conflict).
//!
//! An actor is a resolved entity, under a stable key: its gazetteer link when it
//! has one (`wikidata:Q30` whatever the spelling), else its name as the search
//! index compares names (hamza, diacritics, ta marbuta, case). Actors the entity
//! layer did not resolve (a bare `قوات`) are left out: they name no one. Only
//! events asserted or reported count: a denied, negated, conditional or
//! speculative event is not a relation.

use std::collections::HashMap;

use rusqlite::Row;
use serde::Serialize;

use super::events::{fill_sentences, read_row, select_columns, EventView};
use super::filters::{Conditions, DateSpan, PLACE_JOIN};
use crate::error::{Doing, StoreError};
use crate::search::filter_key;
use crate::SqliteStore;

/// The modalities that make an event a relation.
const FACTUAL: &str = "e.modality IN ('asserted', 'reported')";

/// An actor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NetworkNode {
    /// Its stable key ([`actor_key`]).
    pub id: String,
    /// The name it is most often given.
    pub name: String,
    /// Events it takes part in.
    pub events: u64,
}

/// The events from one actor to another.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NetworkEdge {
    /// The actor.
    pub source: String,
    /// The recipient.
    pub target: String,
    /// How many events.
    pub events: u64,
    /// The sum of their Goldstein values.
    pub weight: f64,
    /// Of them, cooperation (quad classes 1 and 2).
    pub cooperation: u64,
    /// Of them, conflict (quad classes 3 and 4).
    pub conflict: u64,
}

/// The network.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Network {
    /// The actors with most events, most first.
    pub nodes: Vec<NetworkNode>,
    /// The edges between them, heaviest (by events) first.
    pub edges: Vec<NetworkEdge>,
}

/// The stable key of an actor: `link:` and its gazetteer link, else `name:` and its
/// name as filters compare names.
pub fn actor_key(link: Option<&str>, name: &str) -> Option<String> {
    if let Some(link) = link.filter(|l| !l.is_empty()) {
        return Some(format!("link:{link}"));
    }
    let key = filter_key(name);
    (!key.is_empty()).then(|| format!("name:{key}"))
}

/// One side of an event: its key and the name it is given there.
type Side = Option<(String, String)>;

/// The actor and recipient columns, after the event's own.
const SIDES: &str = "ae.link, coalesce(ae.name, e.actor_name), re.link, coalesce(re.name, e.recipient_name)";
/// The actor's and recipient's entities.
const SIDE_JOINS: &str = "LEFT JOIN entities ae ON ae.revision_id = e.revision_id AND ae.key = e.actor_entity
      LEFT JOIN entities re ON re.revision_id = e.revision_id AND re.key = e.recipient_entity";

fn side(r: &Row<'_>, at: usize) -> rusqlite::Result<Side> {
    let link: Option<String> = r.get(at)?;
    let name: Option<String> = r.get(at + 1)?;
    Ok(name.and_then(|n| actor_key(link.as_deref(), &n).map(|k| (k, n))))
}

fn conditions(span: &DateSpan) -> Conditions {
    let mut c = Conditions::of_span(span);
    c.clauses.push(FACTUAL.to_owned());
    c.clauses.push("(e.actor_entity IS NOT NULL OR e.recipient_entity IS NOT NULL)".to_owned());
    c
}

pub(crate) fn network(store: &SqliteStore, span: &DateSpan, limit: usize) -> Result<Network, StoreError> {
    let doing = store.doing_read();
    let c = conditions(span);
    let sql = format!(
        "SELECT e.quad_class, e.goldstein, {SIDES} FROM events e JOIN articles a ON a.current_revision = e.revision_id
         {SIDE_JOINS} {}",
        c.sql()
    );
    let mut stmt = store.connection().prepare(&sql).doing(&doing)?;
    let rows = stmt
        .query_map(c.bound().as_slice(), |r| Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?, side(r, 2)?, side(r, 4)?)))
        .doing(&doing)?;
    let mut names: HashMap<String, HashMap<String, u64>> = HashMap::new();
    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut edges: HashMap<(String, String), NetworkEdge> = HashMap::new();
    for row in rows {
        let (quad, goldstein, actor, recipient) = row.doing(&doing)?;
        for (key, name) in actor.iter().chain(recipient.iter()) {
            *counts.entry(key.clone()).or_default() += 1;
            *names.entry(key.clone()).or_default().entry(name.clone()).or_default() += 1;
        }
        if let (Some((a, _)), Some((b, _))) = (&actor, &recipient) {
            if a == b {
                continue;
            }
            let edge = edges.entry((a.clone(), b.clone())).or_insert_with(|| NetworkEdge {
                source: a.clone(),
                target: b.clone(),
                events: 0,
                weight: 0.0,
                cooperation: 0,
                conflict: 0,
            });
            edge.events += 1;
            edge.weight += goldstein;
            if quad <= 2 {
                edge.cooperation += 1;
            } else {
                edge.conflict += 1;
            }
        }
    }
    let mut nodes: Vec<NetworkNode> = counts
        .into_iter()
        .map(|(id, events)| {
            let name = names
                .get(&id)
                .and_then(|n| n.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))))
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            NetworkNode { id, name, events }
        })
        .collect();
    nodes.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.id.cmp(&b.id)));
    nodes.truncate(limit);
    let kept: std::collections::HashSet<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
    let mut edges: Vec<NetworkEdge> = edges
        .into_values()
        .filter(|e| kept.contains(e.source.as_str()) && kept.contains(e.target.as_str()))
        .map(|mut e| {
            e.weight = (e.weight * 100.0).round() / 100.0;
            e
        })
        .collect();
    edges.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| (&a.source, &a.target).cmp(&(&b.source, &b.target))));
    Ok(Network { nodes, edges })
}

pub(crate) fn edge(
    store: &SqliteStore,
    a: &str,
    b: &str,
    span: &DateSpan,
    max: usize,
) -> Result<Vec<EventView>, StoreError> {
    let doing = store.doing_read();
    let c = conditions(span);
    // a linked actor's key is found in SQL; a named one is compared after reading
    let sql = format!(
        "SELECT {}, {SIDES} FROM events e JOIN articles a ON a.current_revision = e.revision_id {PLACE_JOIN}
         {SIDE_JOINS} {} AND e.actor_entity IS NOT NULL AND e.recipient_entity IS NOT NULL
         ORDER BY e.id",
        select_columns(),
        c.sql()
    );
    let mut stmt = store.connection().prepare(&sql).doing(&doing)?;
    let rows =
        stmt.query_map(c.bound().as_slice(), |r| Ok((read_row(r)?, side(r, 18)?, side(r, 20)?))).doing(&doing)?;
    let mut found = Vec::new();
    for row in rows {
        let (event, actor, recipient) = row.doing(&doing)?;
        let (Some((x, _)), Some((y, _))) = (actor, recipient) else { continue };
        if (x == a && y == b) || (x == b && y == a) {
            found.push(event);
            if found.len() >= max {
                break;
            }
        }
    }
    fill_sentences(store.connection(), &mut found)?;
    Ok(found.into_iter().map(|(e, _, _)| e).collect())
}

#[cfg(test)]
mod tests {
    use super::actor_key;

    #[test]
    fn a_link_wins_over_spelling() {
        assert_eq!(actor_key(Some("wikidata:Q30"), "أمريكا"), actor_key(Some("wikidata:Q30"), "الولايات المتحدة"));
        assert_eq!(actor_key(None, "إيران"), actor_key(None, "ايران"));
        assert_eq!(actor_key(None, "  "), None);
    }
}
