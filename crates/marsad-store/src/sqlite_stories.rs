//! Stories in SQLite: the tables [`crate::stories::update`] reads and writes, in one
//! transaction.

use rusqlite::{params, Connection, Transaction, TransactionBehavior};

use crate::stories::{MemberRow, PoolRow, StoryCounts, StoryScope, StorySummary, StoryTables};

/// The story tables of a SQLite transaction.
struct SqliteStories<'a>(Transaction<'a>);

impl StoryTables for SqliteStories<'_> {
    type Error = rusqlite::Error;

    fn clear(&mut self) -> rusqlite::Result<()> {
        self.0.execute_batch("DELETE FROM story_articles; DELETE FROM stories; DELETE FROM story_progress;")
    }

    fn up_to(&mut self) -> rusqlite::Result<i64> {
        self.0.query_row("SELECT coalesce(max(up_to), 0) FROM story_progress", [], |r| r.get(0))
    }

    fn last_article(&mut self) -> rusqlite::Result<i64> {
        self.0.query_row("SELECT coalesce(max(id), 0) FROM articles", [], |r| r.get(0))
    }

    fn published_after(&mut self, up_to: i64) -> rusqlite::Result<(Option<String>, Option<String>)> {
        self.0.query_row(
            "SELECT min(published), max(published) FROM articles WHERE id > ?1 AND published IS NOT NULL",
            [up_to],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    fn articles(&mut self, from: &str, to: &str) -> rusqlite::Result<Vec<PoolRow>> {
        let mut stmt = self.0.prepare(
            "SELECT a.id, a.outlet, a.published, coalesce(a.title, ''), substr(r.text, 1, 800)
             FROM articles a JOIN revisions r ON r.id = a.current_revision
             WHERE a.published >= ?1 AND a.published <= ?2 ORDER BY a.id",
        )?;
        let rows =
            stmt.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
        rows.collect()
    }

    fn entities(&mut self, from: &str, to: &str) -> rusqlite::Result<Vec<(i64, String)>> {
        let mut stmt = self.0.prepare(
            "SELECT a.id, coalesce(e.link, e.name) FROM entities e JOIN articles a ON a.current_revision = e.revision_id
             WHERE a.published >= ?1 AND a.published <= ?2",
        )?;
        let rows = stmt.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    }

    fn events(&mut self, from: &str, to: &str) -> rusqlite::Result<Vec<(i64, String)>> {
        let mut stmt = self.0.prepare(
            "SELECT DISTINCT a.id, e.event_type FROM events e JOIN articles a ON a.current_revision = e.revision_id
             WHERE a.published >= ?1 AND a.published <= ?2",
        )?;
        let rows = stmt.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    }

    fn memberships(&mut self, from: &str, to: &str) -> rusqlite::Result<Vec<MemberRow>> {
        let mut stmt = self.0.prepare(
            "SELECT sa.article_id, sa.story_id, s.first_published FROM story_articles sa
             JOIN stories s ON s.id = sa.story_id JOIN articles a ON a.id = sa.article_id
             WHERE a.published >= ?1 AND a.published <= ?2",
        )?;
        let rows = stmt.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect()
    }

    fn new_story(&mut self, first: i64) -> rusqlite::Result<i64> {
        self.0.execute("INSERT INTO stories (first_article_id, articles, outlets) VALUES (?1, 0, 0)", [first])?;
        Ok(self.0.last_insert_rowid())
    }

    fn join(&mut self, story: i64, article: i64, score: f64) -> rusqlite::Result<()> {
        self.0
            .prepare_cached("INSERT INTO story_articles (story_id, article_id, score) VALUES (?1, ?2, ?3)")?
            .execute(params![story, article, score])?;
        Ok(())
    }

    fn summarise(&mut self, story: i64) -> rusqlite::Result<()> {
        self.0
            .prepare_cached(
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
            )?
            .execute([story])?;
        Ok(())
    }

    fn set_up_to(&mut self, up_to: i64) -> rusqlite::Result<()> {
        self.0.execute("DELETE FROM story_progress", [])?;
        self.0.execute("INSERT INTO story_progress (up_to) VALUES (?1)", [up_to])?;
        Ok(())
    }

    fn count(&mut self) -> rusqlite::Result<u64> {
        self.0.query_row("SELECT count(*) FROM stories", [], |r| r.get(0))
    }
}

/// Groups the articles of `scope` into stories, in one transaction.
pub(crate) fn update(conn: &mut Connection, scope: StoryScope) -> rusqlite::Result<StoryCounts> {
    let mut tables = SqliteStories(conn.transaction_with_behavior(TransactionBehavior::Immediate)?);
    let counts = crate::stories::update(&mut tables, scope)?;
    tables.0.commit()?;
    Ok(counts)
}

/// The `limit` stories with the most outlets, then articles.
pub(crate) fn largest(conn: &Connection, limit: usize) -> rusqlite::Result<Vec<StorySummary>> {
    let mut stmt = conn.prepare(
        "SELECT id, first_published, last_published, articles, outlets, coalesce(title, '') FROM stories
         ORDER BY outlets DESC, articles DESC, id LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit as i64], |r| {
        Ok(StorySummary {
            id: r.get(0)?,
            first_published: r.get(1)?,
            last_published: r.get(2)?,
            articles: r.get(3)?,
            outlets: r.get(4)?,
            title: r.get(5)?,
        })
    })?;
    rows.collect()
}
