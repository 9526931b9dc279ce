//! Near-duplicates in PostgreSQL: the tables [`crate::near::sign`] reads and writes,
//! in the transaction that stores the article, and the signing of the articles a
//! store lacks signatures for.

use postgres::{Client, GenericClient};

use super::{Statements, WRITE_LOCK};
use crate::near::{NearTables, BACKFILL_CHUNK, BANDS, MAX_CANDIDATES};

/// The near-duplicate tables through a PostgreSQL transaction.
pub(crate) struct PostgresNear<'a, C: GenericClient> {
    pub(crate) client: &'a mut C,
    pub(crate) statements: &'a mut Statements,
}

const FORGET_BANDS: &str = "DELETE FROM near_bands WHERE article_id = $1";
const FORGET_SIGNATURE: &str = "DELETE FROM signatures WHERE article_id = $1";
const SIGNATURE: &str = "INSERT INTO signatures (article_id, revision_id, shingles, bands) VALUES ($1, $2, $3, $4)";
/// All the band keys of an article in one statement: one round trip, not forty.
const BANDS_OF: &str = "INSERT INTO near_bands (band_key, article_id) SELECT unnest($1::BIGINT[]), $2";
const CANDIDATES: &str = "SELECT article_id FROM near_bands WHERE band_key = ANY($2) AND article_id <> $1
    GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT $3";
const CURRENT_TEXT: &str =
    "SELECT r.text FROM articles a JOIN revisions r ON r.id = a.current_revision WHERE a.id = $1";
const PUBLISHED: &str = "SELECT published FROM articles WHERE id = $1";
const LINKED_TO: &str = "SELECT min(of_article_id) FROM duplicates WHERE article_id = $1";
const LINK: &str = "INSERT INTO duplicates (article_id, of_article_id, kind, similarity) VALUES ($1, $2, 'near', $3)
    ON CONFLICT DO NOTHING";

impl<C: GenericClient> NearTables for PostgresNear<'_, C> {
    type Error = postgres::Error;

    fn forget(&mut self, article: i64) -> Result<(), postgres::Error> {
        for sql in [FORGET_BANDS, FORGET_SIGNATURE] {
            let s = self.statements.get(self.client, sql)?;
            self.client.execute(&s, &[&article])?;
        }
        Ok(())
    }

    fn put_signature(&mut self, article: i64, revision: i64, shingles: i64, bands: i64) -> Result<(), postgres::Error> {
        let s = self.statements.get(self.client, SIGNATURE)?;
        self.client.execute(&s, &[&article, &revision, &shingles, &bands])?;
        Ok(())
    }

    fn put_bands(&mut self, article: i64, keys: &[i64; BANDS]) -> Result<(), postgres::Error> {
        let s = self.statements.get(self.client, BANDS_OF)?;
        self.client.execute(&s, &[&keys.as_slice(), &article])?;
        Ok(())
    }

    fn candidates(&mut self, article: i64, keys: &[i64; BANDS]) -> Result<Vec<i64>, postgres::Error> {
        let s = self.statements.get(self.client, CANDIDATES)?;
        let rows = self.client.query(&s, &[&article, &keys.as_slice(), &(MAX_CANDIDATES as i64)])?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn current_text(&mut self, article: i64) -> Result<Option<String>, postgres::Error> {
        let s = self.statements.get(self.client, CURRENT_TEXT)?;
        Ok(self.client.query_opt(&s, &[&article])?.map(|r| r.get(0)))
    }

    fn published(&mut self, article: i64) -> Result<Option<String>, postgres::Error> {
        let s = self.statements.get(self.client, PUBLISHED)?;
        Ok(self.client.query_opt(&s, &[&article])?.and_then(|r| r.get(0)))
    }

    fn linked_to(&mut self, article: i64) -> Result<Option<i64>, postgres::Error> {
        let s = self.statements.get(self.client, LINKED_TO)?;
        Ok(self.client.query_one(&s, &[&article])?.get(0))
    }

    fn link(&mut self, article: i64, of: i64, similarity: f64) -> Result<(), postgres::Error> {
        let s = self.statements.get(self.client, LINK)?;
        self.client.execute(&s, &[&article, &of, &similarity])?;
        Ok(())
    }
}

/// The articles whose current revision has no signature yet, oldest first.
const UNSIGNED: &str = "SELECT a.id, a.current_revision, r.text FROM articles a
    JOIN revisions r ON r.id = a.current_revision
    WHERE NOT EXISTS (SELECT 1 FROM signatures s WHERE s.article_id = a.id AND s.revision_id = a.current_revision)
    ORDER BY CASE WHEN a.published IS NULL THEN 1 ELSE 0 END, a.published, a.id
    LIMIT $1";

/// Signs every article whose current revision has no signature yet (a store made
/// before schema version 2, or revised), linking those not linked yet, oldest first
/// so that first appearances are signed before their copies; a chunk of articles a
/// transaction, which takes the writers' lock as storing an article does, so that a
/// killed run keeps what it did. Returns how many were signed.
pub(crate) fn backfill(
    client: &mut Client,
    statements: &mut Statements,
    progress: &mut dyn FnMut(usize),
) -> Result<usize, postgres::Error> {
    let mut done = 0;
    loop {
        let mut tx = client.transaction()?;
        tx.batch_execute(WRITE_LOCK)?;
        let s = statements.get(&mut tx, UNSIGNED)?;
        let todo = tx.query(&s, &[&(BACKFILL_CHUNK as i64)])?;
        if todo.is_empty() {
            return Ok(done);
        }
        for row in &todo {
            let (article, revision, text): (i64, i64, &str) = (row.get(0), row.get(1), row.get(2));
            crate::near::sign(&mut PostgresNear { client: &mut tx, statements }, article, revision, text, true)?;
        }
        tx.commit()?;
        done += todo.len();
        progress(done);
    }
}
