//! Stories in SQLite: the articles of the days concerned read, grouped
//! ([`crate::stories::cluster`]) and written to `stories` and `story_articles`, in
//! one transaction.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{params, Connection, TransactionBehavior};

use crate::stories::{cluster, StoryArticle, LEAD_WORDS, WINDOW_DAYS};

/// Which articles to group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryScope {
    /// Those stored since stories were last computed (an ingest's new articles).
    New,
    /// Every article: the stories are made again from nothing.
    All,
}

/// What a computation of stories did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct StoryCounts {
    /// Articles considered (those of the scope with a publication date).
    pub considered: usize,
    /// Stories made.
    pub new_stories: usize,
    /// Articles put into a story.
    pub grouped: usize,
    /// Stories in the store afterwards.
    pub stories: u64,
}

fn day(date: &str) -> Option<i32> {
    let d = NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d").ok()?;
    Some((d - NaiveDate::from_ymd_opt(1970, 1, 1)?).num_days() as i32)
}

fn date(day: i32) -> String {
    let d = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date") + chrono::Duration::days(i64::from(day));
    d.format("%Y-%m-%d").to_string()
}

/// The title and the first words of the text.
fn title_and_lead(title: &str, text: &str) -> String {
    let lead: Vec<&str> = text.split_whitespace().take(LEAD_WORDS).collect();
    format!("{title} {}", lead.join(" "))
}

/// Groups the articles of `scope` into stories.
pub(crate) fn update(conn: &mut Connection, scope: StoryScope) -> rusqlite::Result<StoryCounts> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if scope == StoryScope::All {
        tx.execute_batch("DELETE FROM story_articles; DELETE FROM stories; DELETE FROM story_progress;")?;
    }
    let up_to: i64 = tx.query_row("SELECT coalesce(max(up_to), 0) FROM story_progress", [], |r| r.get(0))?;
    let last: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM articles", [], |r| r.get(0))?;
    let (lo, hi): (Option<String>, Option<String>) = tx.query_row(
        "SELECT min(published), max(published) FROM articles WHERE id > ?1 AND published IS NOT NULL",
        [up_to],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut counts = StoryCounts::default();
    if let (Some(lo), Some(hi)) = (lo.as_deref().and_then(day), hi.as_deref().and_then(day)) {
        let (from, to) = (date(lo - WINDOW_DAYS), date(hi + WINDOW_DAYS));
        let pool = pool(&tx, &from, &to)?;
        let targets: HashSet<i64> = pool.iter().map(|a| a.id).filter(|id| *id > up_to).collect();
        counts.considered = targets.len();
        let mut existing: HashMap<i64, (i64, i32)> = HashMap::new();
        {
            let mut stmt = tx.prepare(
                "SELECT sa.article_id, sa.story_id, s.first_published FROM story_articles sa
                 JOIN stories s ON s.id = sa.story_id JOIN articles a ON a.id = sa.article_id
                 WHERE a.published >= ?1 AND a.published <= ?2",
            )?;
            let rows = stmt.query_map(params![from, to], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, Option<String>>(2)?))
            })?;
            for row in rows {
                let (article, story, began) = row?;
                if let Some(began) = began.as_deref().and_then(day) {
                    existing.insert(article, (story, began));
                }
            }
        }
        let found = cluster(&pool, &targets, &existing);
        let mut ids: HashMap<i64, i64> = HashMap::new();
        let mut touched: HashSet<i64> = HashSet::new();
        for m in &found {
            let story = if m.story > 0 {
                m.story
            } else if let Some(id) = ids.get(&m.story) {
                *id
            } else {
                tx.execute("INSERT INTO stories (first_article_id, articles, outlets) VALUES (?1, 0, 0)", [m.article])?;
                let id = tx.last_insert_rowid();
                ids.insert(m.story, id);
                counts.new_stories += 1;
                id
            };
            tx.prepare_cached("INSERT INTO story_articles (story_id, article_id, score) VALUES (?1, ?2, ?3)")?
                .execute(params![story, m.article, m.score])?;
            touched.insert(story);
        }
        counts.grouped = found.len();
        let mut summary = tx.prepare(
            "UPDATE stories SET
               articles = (SELECT count(*) FROM story_articles sa WHERE sa.story_id = stories.id),
               outlets = (SELECT count(DISTINCT a.outlet) FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                          WHERE sa.story_id = stories.id),
               first_published = (SELECT min(a.published) FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                                  WHERE sa.story_id = stories.id),
               last_published = (SELECT max(a.published) FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                                 WHERE sa.story_id = stories.id),
               first_article_id = (SELECT sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                                   WHERE sa.story_id = stories.id ORDER BY a.published, a.id LIMIT 1),
               title = (SELECT a.title FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                        WHERE sa.story_id = stories.id ORDER BY a.published, a.id LIMIT 1)
             WHERE id = ?1",
        )?;
        for story in touched {
            summary.execute([story])?;
        }
    }
    tx.execute("DELETE FROM story_progress", [])?;
    tx.execute("INSERT INTO story_progress (up_to) VALUES (?1)", [last])?;
    counts.stories = tx.query_row("SELECT count(*) FROM stories", [], |r| r.get(0))?;
    tx.commit()?;
    Ok(counts)
}

/// The dated articles published from `from` to `to`, with their entities and events.
fn pool(conn: &Connection, from: &str, to: &str) -> rusqlite::Result<Vec<StoryArticle>> {
    let mut pool = Vec::new();
    let mut at: HashMap<i64, usize> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT a.id, a.outlet, a.published, coalesce(a.title, ''), substr(r.text, 1, 800)
         FROM articles a JOIN revisions r ON r.id = a.current_revision
         WHERE a.published >= ?1 AND a.published <= ?2 ORDER BY a.id",
    )?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    for row in rows {
        let (id, outlet, published, title, text) = row?;
        let Some(day) = day(&published) else { continue };
        at.insert(id, pool.len());
        pool.push(StoryArticle {
            id,
            outlet,
            day,
            title_and_lead: title_and_lead(&title, &text),
            ..Default::default()
        });
    }
    let mut stmt = conn.prepare(
        "SELECT a.id, coalesce(e.link, e.name) FROM entities e JOIN articles a ON a.current_revision = e.revision_id
         WHERE a.published >= ?1 AND a.published <= ?2",
    )?;
    let rows = stmt.query_map(params![from, to], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, entity) = row?;
        if let Some(&i) = at.get(&id) {
            pool[i].entities.push(entity);
        }
    }
    let mut stmt = conn.prepare(
        "SELECT DISTINCT a.id, e.event_type FROM events e JOIN articles a ON a.current_revision = e.revision_id
         WHERE a.published >= ?1 AND a.published <= ?2",
    )?;
    let rows = stmt.query_map(params![from, to], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, event) = row?;
        if let Some(&i) = at.get(&id) {
            pool[i].events.push(event);
        }
    }
    Ok(pool)
}
