//! Stories in PostgreSQL: the tables [`crate::stories::update`] reads and writes, in
//! one transaction.

use postgres::{Client, Transaction};

use super::WRITE_LOCK;
use crate::stories::{MemberRow, PoolRow, StoryCounts, StoryScope, StorySummary, StoryTables};

/// The story tables through a PostgreSQL transaction.
struct PostgresStories<'a>(Transaction<'a>);

const SUMMARISE: &str = "UPDATE stories SET
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
    WHERE id = $1";

impl StoryTables for PostgresStories<'_> {
    type Error = postgres::Error;

    fn clear(&mut self) -> Result<(), postgres::Error> {
        self.0.batch_execute("DELETE FROM story_articles; DELETE FROM stories; DELETE FROM story_progress;")
    }

    fn up_to(&mut self) -> Result<i64, postgres::Error> {
        Ok(self.0.query_one("SELECT coalesce(max(up_to), 0)::BIGINT FROM story_progress", &[])?.get(0))
    }

    fn last_article(&mut self) -> Result<i64, postgres::Error> {
        Ok(self.0.query_one("SELECT coalesce(max(id), 0)::BIGINT FROM articles", &[])?.get(0))
    }

    fn published_after(&mut self, up_to: i64) -> Result<(Option<String>, Option<String>), postgres::Error> {
        let row = self.0.query_one(
            "SELECT min(published), max(published) FROM articles WHERE id > $1 AND published IS NOT NULL",
            &[&up_to],
        )?;
        Ok((row.get(0), row.get(1)))
    }

    fn articles(&mut self, from: &str, to: &str) -> Result<Vec<PoolRow>, postgres::Error> {
        let rows = self.0.query(
            "SELECT a.id, a.outlet, a.published, coalesce(a.title, ''), substr(r.text, 1, 800)
             FROM articles a JOIN revisions r ON r.id = a.current_revision
             WHERE a.published >= $1 AND a.published <= $2 ORDER BY a.id",
            &[&from, &to],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4))).collect())
    }

    fn entities(&mut self, from: &str, to: &str) -> Result<Vec<(i64, String)>, postgres::Error> {
        let rows = self.0.query(
            "SELECT a.id, coalesce(e.link, e.name) FROM entities e JOIN articles a ON a.current_revision = e.revision_id
             WHERE a.published >= $1 AND a.published <= $2",
            &[&from, &to],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn events(&mut self, from: &str, to: &str) -> Result<Vec<(i64, String)>, postgres::Error> {
        let rows = self.0.query(
            "SELECT DISTINCT a.id, e.event_type FROM events e JOIN articles a ON a.current_revision = e.revision_id
             WHERE a.published >= $1 AND a.published <= $2",
            &[&from, &to],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn memberships(&mut self, from: &str, to: &str) -> Result<Vec<MemberRow>, postgres::Error> {
        let rows = self.0.query(
            "SELECT sa.article_id, sa.story_id, s.first_published FROM story_articles sa
             JOIN stories s ON s.id = sa.story_id JOIN articles a ON a.id = sa.article_id
             WHERE a.published >= $1 AND a.published <= $2",
            &[&from, &to],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1), r.get(2))).collect())
    }

    fn new_story(&mut self, first: i64) -> Result<i64, postgres::Error> {
        let row = self.0.query_one(
            "INSERT INTO stories (first_article_id, articles, outlets) VALUES ($1, 0, 0) RETURNING id",
            &[&first],
        )?;
        Ok(row.get(0))
    }

    fn join(&mut self, story: i64, article: i64, score: f64) -> Result<(), postgres::Error> {
        self.0.execute(
            "INSERT INTO story_articles (story_id, article_id, score) VALUES ($1, $2, $3)",
            &[&story, &article, &score],
        )?;
        Ok(())
    }

    fn summarise(&mut self, story: i64) -> Result<(), postgres::Error> {
        self.0.execute(SUMMARISE, &[&story])?;
        Ok(())
    }

    fn set_up_to(&mut self, up_to: i64) -> Result<(), postgres::Error> {
        self.0.execute("DELETE FROM story_progress", &[])?;
        self.0.execute("INSERT INTO story_progress (up_to) VALUES ($1)", &[&up_to])?;
        Ok(())
    }

    fn count(&mut self) -> Result<u64, postgres::Error> {
        let n: i64 = self.0.query_one("SELECT count(*) FROM stories", &[])?.get(0);
        Ok(n.max(0) as u64)
    }
}

/// Groups the articles of `scope` into stories, in one transaction that holds the
/// writers' lock, so that no article is stored while they are grouped.
pub(crate) fn update(client: &mut Client, scope: StoryScope) -> Result<StoryCounts, postgres::Error> {
    let mut tx = client.transaction()?;
    tx.batch_execute(WRITE_LOCK)?;
    let mut tables = PostgresStories(tx);
    let counts = crate::stories::update(&mut tables, scope)?;
    tables.0.commit()?;
    Ok(counts)
}

/// The `limit` stories with the most outlets, then articles.
pub(crate) fn largest(client: &mut Client, limit: usize) -> Result<Vec<StorySummary>, postgres::Error> {
    let rows = client.query(
        "SELECT id, first_published, last_published, articles, outlets, coalesce(title, '') FROM stories
         ORDER BY outlets DESC, articles DESC, id LIMIT $1",
        &[&(limit as i64)],
    )?;
    Ok(rows
        .iter()
        .map(|r| StorySummary {
            id: r.get(0),
            first_published: r.get(1),
            last_published: r.get(2),
            articles: r.get(3),
            outlets: r.get(4),
            title: r.get(5),
        })
        .collect())
}
