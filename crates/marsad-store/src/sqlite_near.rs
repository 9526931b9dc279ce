//! Near-duplicates in SQLite: each article's band keys in `near_bands`, written in
//! the transaction that stores the article (so a killed ingest leaves none half
//! written), and the link of a new article to its first appearance.

use rusqlite::{params, Connection, OptionalExtension};

use crate::near::{Shingles, BANDS, THRESHOLD};

/// A near-duplicate link made for an article.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NearLink {
    /// The article it is a near-duplicate of: its first appearance.
    pub of: i64,
    /// The exact shingle Jaccard similarity of the two texts.
    pub similarity: f64,
}

/// Candidates verified per article at most (those sharing the most bands first):
/// a text that shares bands with more is boilerplate, and the best are enough.
const MAX_CANDIDATES: usize = 64;

/// Computes the signature of `article` (whose current revision is `revision`, of
/// `text`), stores its band keys, and, when `link` is set and it is not linked yet,
/// links it to its first appearance, or links to it the articles it appeared before.
pub(crate) fn sign(
    conn: &Connection,
    article: i64,
    revision: i64,
    text: &str,
    link: bool,
) -> rusqlite::Result<Option<NearLink>> {
    conn.prepare_cached("DELETE FROM near_bands WHERE article_id = ?1")?.execute([article])?;
    conn.prepare_cached("DELETE FROM signatures WHERE article_id = ?1")?.execute([article])?;
    let shingles = Shingles::of(text);
    // an exact copy has its original's shingles: its bands would only repeat them
    let linked = linked_to(conn, article)?.is_some();
    let signature = if linked { None } else { shingles.signature() };
    let keys = signature.as_ref().map(|s| s.band_keys());
    conn.prepare_cached("INSERT INTO signatures (article_id, revision_id, shingles, bands) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![article, revision, shingles.len() as i64, keys.map_or(0, |k| k.len() as i64)])?;
    let Some(keys) = keys else { return Ok(None) };
    let mut insert = conn.prepare_cached("INSERT INTO near_bands (band_key, article_id) VALUES (?1, ?2)")?;
    for key in keys {
        insert.execute(params![key, article])?;
    }
    if !link || linked {
        return Ok(None);
    }
    let mut matched: Vec<(i64, f64)> = Vec::new();
    for candidate in candidates(conn, article, &keys)? {
        if let Some(similarity) = verified(conn, &shingles, candidate)? {
            matched.push((candidate, similarity));
        }
    }
    // the first appearance of a match is a candidate too, even when it shares no band
    let mut originals = Vec::new();
    for &(m, _) in &matched {
        if let Some(of) = linked_to(conn, m)? {
            if of != article && !matched.iter().any(|(x, _)| *x == of) && !originals.iter().any(|(x, _)| *x == of) {
                if let Some(similarity) = verified(conn, &shingles, of)? {
                    originals.push((of, similarity));
                }
            }
        }
    }
    matched.extend(originals);
    if matched.is_empty() {
        return Ok(None);
    }
    let mut ordered = Vec::with_capacity(matched.len());
    for (m, similarity) in matched {
        ordered.push((appearance(conn, m)?, m, similarity));
    }
    ordered.sort_by(|a, b| a.0.cmp(&b.0));
    let (first, of, similarity) = ordered[0].clone();
    if first < appearance(conn, article)? {
        insert_link(conn, article, of, similarity)?;
        return Ok(Some(NearLink { of, similarity }));
    }
    // the new article appeared first: the matches that were first appearances become its copies
    for (_, m, similarity) in ordered {
        if linked_to(conn, m)?.is_none() {
            insert_link(conn, m, article, similarity)?;
        }
    }
    Ok(None)
}

/// Articles sharing a band key with `article`, those sharing most first.
fn candidates(conn: &Connection, article: i64, keys: &[i64; BANDS]) -> rusqlite::Result<Vec<i64>> {
    let marks: Vec<String> = (2..BANDS + 2).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "SELECT article_id FROM near_bands WHERE band_key IN ({}) AND article_id <> ?1
         GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT {MAX_CANDIDATES}",
        marks.join(", ")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut values: Vec<i64> = vec![article];
    values.extend_from_slice(keys);
    let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| r.get(0))?;
    rows.collect()
}

/// The exact similarity of `shingles` with the current text of `candidate`, when it
/// reaches the threshold.
fn verified(conn: &Connection, shingles: &Shingles, candidate: i64) -> rusqlite::Result<Option<f64>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT r.text FROM articles a JOIN revisions r ON r.id = a.current_revision WHERE a.id = ?1")?
        .query_row([candidate], |r| r.get(0))
        .optional()?;
    Ok(text.map(|t| shingles.jaccard(&Shingles::of(&t))).filter(|j| *j >= THRESHOLD))
}

/// The article an article is linked to as a copy or near-duplicate, if any.
fn linked_to(conn: &Connection, article: i64) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT min(of_article_id) FROM duplicates WHERE article_id = ?1")?
        .query_row([article], |r| r.get(0))
}

/// When an article appeared, to order first appearances: its publication date
/// (undated ones after every dated one), then its id.
fn appearance(conn: &Connection, article: i64) -> rusqlite::Result<(bool, String, i64)> {
    let published: Option<String> =
        conn.prepare_cached("SELECT published FROM articles WHERE id = ?1")?.query_row([article], |r| r.get(0))?;
    Ok((published.is_none(), published.unwrap_or_default(), article))
}

fn insert_link(conn: &Connection, article: i64, of: i64, similarity: f64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO duplicates (article_id, of_article_id, kind, similarity) VALUES (?1, ?2, 'near', ?3)
         ON CONFLICT DO NOTHING",
    )?
    .execute(params![article, of, similarity])?;
    Ok(())
}

/// Articles signed at once by [`backfill`], in one transaction.
const BACKFILL_CHUNK: usize = 256;

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
