//! Story clusters (schema version 2: `stories`, `story_articles`): a story with its
//! articles and events, and the comparison of the outlets that reported it.

use std::collections::{BTreeMap, HashMap};

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::claim_match::{compare, features, ClaimFeatures};
use super::events::{chars, fill_sentences, read_row, select_columns, EventView};
use super::filters::PLACE_JOIN;
use crate::error::{Doing, StoreError};
use crate::SqliteStore;

/// Most events a story lists.
const MAX_EVENTS: usize = 500;
/// Most claims of one article compared (the most check-worthy).
const MAX_CLAIMS: usize = 20;

/// An article of a story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoryArticle {
    /// Its id.
    pub id: i64,
    /// Its title.
    pub title: Option<String>,
    /// Its outlet.
    pub outlet: String,
    /// Its publication day.
    pub published: Option<String>,
    /// How strongly it belongs to the story (0..1).
    pub score: f64,
}

/// A story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoryView {
    /// Its id.
    pub id: i64,
    /// The first report's title.
    pub title: Option<String>,
    /// The first day.
    pub first_published: Option<String>,
    /// The last day.
    pub last_published: Option<String>,
    /// The first report.
    pub first_article_id: i64,
    /// Its articles, in order of publication.
    pub articles: Vec<StoryArticle>,
    /// Its outlets.
    pub outlets: Vec<String>,
    /// Its events (a copy's once).
    pub events: Vec<EventView>,
}

/// A claim of an outlet matched with one of another outlet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimMatchView {
    /// The other claim.
    pub claim_id: i64,
    /// Its outlet.
    pub outlet: String,
    /// The Jaccard index of their words.
    pub similarity: f64,
    /// Numbers, names and quotations in common.
    pub shared: Vec<String>,
}

/// A claim of an outlet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimView {
    /// Its id (`claims.id`).
    pub id: i64,
    /// Its article.
    pub article_id: i64,
    /// Its words.
    pub text: String,
    /// First character in the article's text.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// Its check-worthiness.
    pub score: f64,
    /// The claims of other outlets that say the same.
    pub matches: Vec<ClaimMatchView>,
}

/// A count of a technique.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NamedCount {
    /// The technique.
    pub name: String,
    /// How many spans.
    pub count: u64,
}

/// The tone towards one target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetTone {
    /// The entity's name.
    pub target: String,
    /// The mean tone of the outlet's articles towards it.
    pub score: f64,
}

/// What one outlet reported of a story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutletView {
    /// The outlet.
    pub outlet: String,
    /// Its articles.
    pub articles: Vec<i64>,
    /// The persuasion techniques of its articles.
    pub techniques: Vec<NamedCount>,
    /// Its tone towards the entities its articles judge.
    pub tone: Vec<TargetTone>,
    /// Its claims.
    pub claims: Vec<ClaimView>,
}

/// The story and its outlets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutletsView {
    /// The story: `id`, `title`.
    pub story: StoryRef,
    /// Its outlets.
    pub outlets: Vec<OutletView>,
}

/// A story's id and title.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoryRef {
    /// Its id.
    pub id: i64,
    /// Its title.
    pub title: Option<String>,
}

type StoryHead = (Option<String>, Option<String>, Option<String>, i64);

fn head(store: &SqliteStore, id: i64) -> Result<Option<StoryHead>, StoreError> {
    store
        .connection()
        .prepare_cached("SELECT title, first_published, last_published, first_article_id FROM stories WHERE id = ?1")
        .and_then(|mut s| s.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).optional())
        .doing(&store.doing_read())
}

fn members(store: &SqliteStore, id: i64) -> Result<Vec<StoryArticle>, StoreError> {
    store
        .connection()
        .prepare_cached(
            "SELECT a.id, a.title, a.outlet, a.published, sa.score FROM story_articles sa
             JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?1 ORDER BY a.published, a.id",
        )
        .and_then(|mut s| {
            s.query_map([id], |r| {
                Ok(StoryArticle {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    score: r.get(4)?,
                })
            })?
            .collect()
        })
        .doing(&store.doing_read())
}

pub(crate) fn story(store: &SqliteStore, id: i64) -> Result<Option<StoryView>, StoreError> {
    let Some((title, first_published, last_published, first_article_id)) = head(store, id)? else {
        return Ok(None);
    };
    let articles = members(store, id)?;
    let mut outlets: Vec<String> = articles.iter().map(|a| a.outlet.clone()).collect();
    outlets.sort();
    outlets.dedup();
    // a member that copies another member tells nothing new
    let sql = format!(
        "SELECT {} FROM events e JOIN articles a ON a.current_revision = e.revision_id {PLACE_JOIN}
         WHERE a.id IN (SELECT article_id FROM story_articles WHERE story_id = :story)
         AND NOT EXISTS (SELECT 1 FROM duplicates d WHERE d.article_id = a.id
             AND d.of_article_id IN (SELECT article_id FROM story_articles WHERE story_id = :story))
         ORDER BY 5, e.id LIMIT {MAX_EVENTS}",
        select_columns()
    );
    let mut events: Vec<(EventView, i64, usize)> = store
        .connection()
        .prepare(&sql)
        .and_then(|mut s| s.query_map(rusqlite::named_params! { ":story": id }, read_row)?.collect())
        .doing(&store.doing_read())?;
    fill_sentences(store.connection(), &mut events)?;
    Ok(Some(StoryView {
        id,
        title,
        first_published,
        last_published,
        first_article_id,
        articles,
        outlets,
        events: events.into_iter().map(|(e, _, _)| e).collect(),
    }))
}

/// An article's entity names, and the tone towards each entity it judges.
type NamesAndTone = (Vec<String>, Vec<(String, f64)>);

/// The entities' names and each judged entity's tone, from an article's layers.
fn names_and_tone(store: &SqliteStore, article: i64) -> Result<NamesAndTone, StoreError> {
    #[derive(serde::Deserialize)]
    struct Entity {
        name: String,
    }
    #[derive(serde::Deserialize)]
    struct Scores {
        tone: f64,
    }
    #[derive(serde::Deserialize)]
    struct Actor {
        entity: usize,
        scores: Scores,
    }
    #[derive(serde::Deserialize, Default)]
    struct Tone {
        #[serde(default)]
        actors: Vec<Actor>,
    }
    #[derive(serde::Deserialize)]
    struct Layers {
        #[serde(default)]
        entities: Vec<Entity>,
        #[serde(default)]
        tone: Tone,
    }
    let Some(json) = crate::Store::document_json(store, article)? else { return Ok((Vec::new(), Vec::new())) };
    let layers: Layers = serde_json::from_str(&json)
        .map_err(|e| StoreError::Rebuild { article, reason: format!("entities and tone: {e}") })?;
    let tone = layers
        .tone
        .actors
        .iter()
        .filter_map(|a| layers.entities.get(a.entity).map(|e| (e.name.clone(), a.scores.tone)))
        .collect();
    Ok((layers.entities.into_iter().map(|e| e.name).collect(), tone))
}

pub(crate) fn outlets(store: &SqliteStore, id: i64) -> Result<Option<OutletsView>, StoreError> {
    let Some((title, ..)) = head(store, id)? else { return Ok(None) };
    let doing = store.doing_read();
    let conn = store.connection();
    let articles = members(store, id)?;
    let mut by_outlet: BTreeMap<String, OutletView> = BTreeMap::new();
    let mut tones: HashMap<String, BTreeMap<String, (f64, u32)>> = HashMap::new();
    // every claim: (outlet, view, features)
    let mut claims: Vec<(String, ClaimView, ClaimFeatures)> = Vec::new();
    for a in &articles {
        let o = by_outlet.entry(a.outlet.clone()).or_insert_with(|| OutletView {
            outlet: a.outlet.clone(),
            articles: Vec::new(),
            techniques: Vec::new(),
            tone: Vec::new(),
            claims: Vec::new(),
        });
        o.articles.push(a.id);
        let (names, tone) = names_and_tone(store, a.id)?;
        for (target, score) in tone {
            let t = tones.entry(a.outlet.clone()).or_default().entry(target).or_default();
            t.0 += score;
            t.1 += 1;
        }
        let rows: Vec<(i64, usize, usize, f64, String)> = conn
            .prepare_cached(
                "SELECT c.id, c.start, c.end, c.checkworthiness, r.text FROM claims c
                 JOIN articles a ON a.current_revision = c.revision_id JOIN revisions r ON r.id = c.revision_id
                 WHERE a.id = ?1 ORDER BY c.rank LIMIT ?2",
            )
            .and_then(|mut s| {
                s.query_map(rusqlite::params![a.id, MAX_CLAIMS as i64], |r| {
                    Ok((r.get(0)?, r.get::<_, i64>(1)? as usize, r.get::<_, i64>(2)? as usize, r.get(3)?, r.get(4)?))
                })?
                .collect()
            })
            .doing(&doing)?;
        for (claim, start, end, score, text) in rows {
            let words = chars(&text, start, end).to_owned();
            let f = features(&words, &names);
            claims.push((
                a.outlet.clone(),
                ClaimView { id: claim, article_id: a.id, text: words, start, end, score, matches: Vec::new() },
                f,
            ));
        }
    }
    // each pair of claims of different outlets once
    for i in 0..claims.len() {
        for j in i + 1..claims.len() {
            if claims[i].0 == claims[j].0 {
                continue;
            }
            if let Some(m) = compare(&claims[i].2, &claims[j].2) {
                let (oi, idi, oj, idj) = (claims[i].0.clone(), claims[i].1.id, claims[j].0.clone(), claims[j].1.id);
                let back = compare(&claims[j].2, &claims[i].2).map_or_else(Vec::new, |m| m.shared);
                claims[i].1.matches.push(ClaimMatchView {
                    claim_id: idj,
                    outlet: oj,
                    similarity: m.similarity,
                    shared: m.shared,
                });
                claims[j].1.matches.push(ClaimMatchView {
                    claim_id: idi,
                    outlet: oi,
                    similarity: m.similarity,
                    shared: back,
                });
            }
        }
    }
    for (outlet, view, _) in claims {
        if let Some(o) = by_outlet.get_mut(&outlet) {
            o.claims.push(view);
        }
    }
    let mut stmt = conn
        .prepare_cached(
            "SELECT a.outlet, t.technique, count(*) FROM techniques t JOIN articles a ON a.current_revision = t.revision_id
             WHERE a.id IN (SELECT article_id FROM story_articles WHERE story_id = ?1)
             GROUP BY 1, 2 ORDER BY 3 DESC, 2",
        )
        .doing(&doing)?;
    let rows = stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?))).doing(&doing)?;
    for row in rows {
        let (outlet, name, count) = row.doing(&doing)?;
        if let Some(o) = by_outlet.get_mut(&outlet) {
            o.techniques.push(NamedCount { name, count });
        }
    }
    for (outlet, targets) in tones {
        if let Some(o) = by_outlet.get_mut(&outlet) {
            o.tone = targets
                .into_iter()
                .map(|(target, (sum, n))| TargetTone { target, score: (sum / f64::from(n) * 100.0).round() / 100.0 })
                .collect();
            o.tone.sort_by(|a, b| b.score.abs().total_cmp(&a.score.abs()).then_with(|| a.target.cmp(&b.target)));
        }
    }
    Ok(Some(OutletsView { story: StoryRef { id, title }, outlets: by_outlet.into_values().collect() }))
}
