//! Near-duplicates in SQLite: each article's band keys in `near_bands`, written in
//! the transaction that stores the article (so a killed ingest leaves none half
//! written), and the link of a new article to its first appearance; the decisions
//! are [`crate::near::sign`]'s.

use rusqlite::{params, Connection, OptionalExtension};

use crate::near::{NearLink, NearTables, BACKFILL_CHUNK, BANDS, MAX_CANDIDATES};

/// The near-duplicate tables of a SQLite connection, inside its transaction.
pub(crate) struct SqliteNear<'a>(pub(crate) &'a Connection);

impl NearTables for SqliteNear<'_> {
    type Error = rusqlite::Error;

    fn forget(&mut self, article: i64) -> rusqlite::Result<()> {
        self.0.prepare_cached("DELETE FROM near_bands WHERE article_id = ?1")?.execute([article])?;
        self.0.prepare_cached("DELETE FROM signatures WHERE article_id = ?1")?.execute([article])?;
        Ok(())
    }

    fn put_signature(&mut self, article: i64, revision: i64, shingles: i64, bands: i64) -> rusqlite::Result<()> {
        self.0
            .prepare_cached(
                "INSERT INTO signatures (article_id, revision_id, shingles, bands) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![article, revision, shingles, bands])?;
        Ok(())
    }

    fn put_bands(&mut self, article: i64, keys: &[i64; BANDS]) -> rusqlite::Result<()> {
        let mut insert = self.0.prepare_cached("INSERT INTO near_bands (band_key, article_id) VALUES (?1, ?2)")?;
        for key in keys {
            insert.execute(params![key, article])?;
        }
        Ok(())
    }

    fn candidates(&mut self, article: i64, keys: &[i64; BANDS]) -> rusqlite::Result<Vec<i64>> {
        let marks: Vec<String> = (2..BANDS + 2).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "SELECT article_id FROM near_bands WHERE band_key IN ({}) AND article_id <> ?1
             GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT {MAX_CANDIDATES}",
            marks.join(", ")
        );
        let mut stmt = self.0.prepare_cached(&sql)?;
        let mut values: Vec<i64> = vec![article];
        values.extend_from_slice(keys);
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| r.get(0))?;
        rows.collect()
    }

    fn current_text(&mut self, article: i64) -> rusqlite::Result<Option<String>> {
        self.0
            .prepare_cached(
                "SELECT r.text FROM articles a JOIN revisions r ON r.id = a.current_revision WHERE a.id = ?1",
            )?
            .query_row([article], |r| r.get(0))
            .optional()
    }

    fn published(&mut self, article: i64) -> rusqlite::Result<Option<String>> {
        self.0.prepare_cached("SELECT published FROM articles WHERE id = ?1")?.query_row([article], |r| r.get(0))
    }

    fn linked_to(&mut self, article: i64) -> rusqlite::Result<Option<i64>> {
        self.0
            .prepare_cached("SELECT min(of_article_id) FROM duplicates WHERE article_id = ?1")?
            .query_row([article], |r| r.get(0))
    }

    fn link(&mut self, article: i64, of: i64, similarity: f64) -> rusqlite::Result<()> {
        self.0
            .prepare_cached(
                "INSERT INTO duplicates (article_id, of_article_id, kind, similarity) VALUES (?1, ?2, 'near', ?3)
                 ON CONFLICT DO NOTHING",
            )?
            .execute(params![article, of, similarity])?;
        Ok(())
    }
}

/// Signs an article in the transaction of `conn` ([`crate::near::sign`]).
pub(crate) fn sign(
    conn: &Connection,
    article: i64,
    revision: i64,
    text: &str,
    link: bool,
) -> rusqlite::Result<Option<NearLink>> {
    crate::near::sign(&mut SqliteNear(conn), article, revision, text, link)
}

/// Signs every article whose current revision has no signature yet (a store made
/// before schema version 2, or revised), linking those not linked yet, oldest first
/// so that first appearances are signed before their copies; a chunk of articles a
/// transaction, so that a killed run keeps what it did. Returns how many were signed.
pub(crate) fn backfill(conn: &mut Connection, mut progress: impl FnMut(usize)) -> rusqlite::Result<usize> {
    let mut done = 0;
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let todo: Vec<(i64, i64, String)> = {
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT a.id, a.current_revision, r.text FROM articles a JOIN revisions r ON r.id = a.current_revision
                 WHERE NOT EXISTS (SELECT 1 FROM signatures s
                                   WHERE s.article_id = a.id AND s.revision_id = a.current_revision)
                 ORDER BY CASE WHEN a.published IS NULL THEN 1 ELSE 0 END, a.published, a.id
                 LIMIT {BACKFILL_CHUNK}"
            ))?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if todo.is_empty() {
            return Ok(done);
        }
        for (article, revision, text) in &todo {
            sign(&tx, *article, *revision, text, true)?;
        }
        tx.commit()?;
        done += todo.len();
        progress(done);
    }
}
