//! The PostgreSQL back end: the tables and columns of the SQLite store in a
//! PostgreSQL schema (`schema/postgres/vN.sql`), reached with the synchronous
//! client of rust-postgres, each article written in one transaction.
//!
//! Writers are serialised by a transaction-level advisory lock (below, [`put`]):
//! PostgreSQL's readers never wait for it, so `marsad search`, `psql` or a notebook
//! read every committed article while an ingest goes on, as with SQLite's WAL.
//!
//! [`put`]: crate::Store::put

mod listing;
mod near;
mod rows;
pub(crate) mod schema;
mod stories;

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Mutex, MutexGuard, PoisonError};

use postgres::{Client, GenericClient, NoTls, Statement};

use crate::article::{inflate, Prepared, Stats, Stored, Verdict};
use crate::error::{Doing, StoreError};
use crate::keys::ArticleKeys;
use crate::schema::LATEST;
use crate::Store;

/// Taken by every transaction that stores an article, before it decides what the
/// article is, and held until it commits or rolls back.
///
/// Why a lock and not SERIALIZABLE with retries: what an article is (new, a
/// revision, a copy of the first article with its text) depends on rows no
/// constraint covers — two outlets' copies of one text may not both be "new" — so
/// two writers must not decide at once. Under READ COMMITTED with this lock, each
/// decides after the previous writer committed and sees its rows, exactly as
/// SQLite's `BEGIN IMMEDIATE` makes writers take turns. SERIALIZABLE would let both
/// decide, abort one at commit (or on a false conflict of its predicate locks) and
/// make it analyse-free but send every row again; the lock costs one round trip,
/// never blocks readers, and is released by the server when a killed ingest's
/// connection drops. Keyed by the schema, so stores in other schemas of the same
/// database do not wait for each other.
const WRITE_LOCK: &str = "SELECT pg_advisory_xact_lock(1297240901, hashtext(current_schema()))";

/// A store in a PostgreSQL database (in the connection's current schema).
pub struct PostgresStore {
    conn: Mutex<Conn>,
    name: String,
    version: u32,
    migrated_from: Option<u32>,
}

/// The connection and the statements prepared on it.
struct Conn {
    client: Client,
    statements: Statements,
}

/// The statements prepared on a connection, by their SQL: each is parsed and
/// planned once, not once per article.
#[derive(Default)]
pub(crate) struct Statements(HashMap<&'static str, Statement>);

impl Statements {
    /// The prepared statement of `sql`, preparing it on first use.
    pub(crate) fn get(&mut self, c: &mut impl GenericClient, sql: &'static str) -> Result<Statement, postgres::Error> {
        if let Some(s) = self.0.get(sql) {
            return Ok(s.clone());
        }
        let s = c.prepare(sql)?;
        self.0.insert(sql, s.clone());
        Ok(s)
    }
}

impl PostgresStore {
    /// Opens the store at a `postgres://` address to write, creating its tables when
    /// the schema has none and migrating an older schema version.
    ///
    /// # Errors
    /// An address that cannot be read or reached, a schema that holds other tables,
    /// a store of a newer schema version, or a failure of PostgreSQL.
    pub fn open(spec: &str) -> Result<PostgresStore, StoreError> {
        let mut store = PostgresStore::connect(spec)?;
        let found = store.found_version()?;
        if found > LATEST {
            return Err(StoreError::Newer { store: store.name.clone(), found, known: LATEST });
        }
        {
            let mut conn = store.lock();
            schema::migrate(&mut conn.client, &store.name, found)?;
        }
        if found > 0 && found < LATEST {
            store.migrated_from = Some(found);
        }
        store.version = LATEST;
        Ok(store)
    }

    /// Opens an existing store to read only (the session is read-only: nothing can
    /// be written through it); an older or newer schema is refused.
    ///
    /// # Errors
    /// An address that cannot be read or reached, a schema without a marsad store,
    /// another schema version, or a failure of PostgreSQL.
    pub fn open_read_only(spec: &str) -> Result<PostgresStore, StoreError> {
        let mut store = PostgresStore::connect(spec)?;
        let found = store.found_version()?;
        if found == 0 {
            return Err(StoreError::NotAStore {
                store: store.name.clone(),
                reason: "no marsad store in its schema (make one with `marsad ingest`)".to_owned(),
            });
        }
        if found > LATEST {
            return Err(StoreError::Newer { store: store.name.clone(), found, known: LATEST });
        }
        if found < LATEST {
            return Err(StoreError::Older { store: store.name.clone(), found, known: LATEST });
        }
        store
            .lock()
            .client
            .batch_execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            .doing(&format!("cannot open {}", store.name))?;
        store.version = found;
        Ok(store)
    }

    fn connect(spec: &str) -> Result<PostgresStore, StoreError> {
        let name = crate::spec::shown(spec);
        let config = postgres::Config::from_str(spec).doing(&format!("cannot read the address {name}"))?;
        let client = config.connect(NoTls).doing(&format!("cannot connect to {name}"))?;
        let conn = Mutex::new(Conn { client, statements: Statements::default() });
        Ok(PostgresStore { conn, name, version: 0, migrated_from: None })
    }

    fn found_version(&mut self) -> Result<u32, StoreError> {
        let name = self.name.clone();
        schema::found_version(&mut self.lock().client, &name)
    }

    /// The connection; a panic of another thread that held it leaves nothing half
    /// done (its transaction rolled back when dropped).
    fn lock(&self) -> MutexGuard<'_, Conn> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn reading(&self) -> String {
        format!("cannot read {}", self.name)
    }
}

const BY_ADDRESS: &str = "SELECT id FROM articles WHERE outlet = $1 AND canonical_url = $2";
const SAME_TEXT_IN: &str = "SELECT EXISTS (SELECT 1 FROM revisions WHERE article_id = $1 AND norm_hash = $2)";
const SAME_OUTLET: &str = "SELECT a.id FROM revisions r JOIN articles a ON a.id = r.article_id
    WHERE r.norm_hash = $1 AND a.outlet = $2 ORDER BY a.id LIMIT 1";
const ANY_OUTLET: &str = "SELECT article_id FROM revisions WHERE norm_hash = $1 ORDER BY article_id LIMIT 1";

/// What the store holds under `keys`: the decisions of the SQLite store, query for query.
fn classify_in(
    c: &mut impl GenericClient,
    statements: &mut Statements,
    keys: &ArticleKeys,
) -> Result<Verdict, postgres::Error> {
    if let Some(url) = &keys.canonical_url {
        let s = statements.get(c, BY_ADDRESS)?;
        if let Some(row) = c.query_opt(&s, &[&keys.outlet, url])? {
            let article: i64 = row.get(0);
            let s = statements.get(c, SAME_TEXT_IN)?;
            let same: bool = c.query_one(&s, &[&article, &keys.norm_hash])?.get(0);
            return Ok(if same {
                Verdict::Present { article, why: "same outlet, address and text" }
            } else {
                Verdict::Revision { article }
            });
        }
    }
    let s = statements.get(c, SAME_OUTLET)?;
    if let Some(row) = c.query_opt(&s, &[&keys.norm_hash, &keys.outlet])? {
        return Ok(Verdict::Present { article: row.get(0), why: "same outlet and text" });
    }
    let s = statements.get(c, ANY_OUTLET)?;
    Ok(match c.query_opt(&s, &[&keys.norm_hash])? {
        Some(row) => Verdict::Copy { of: row.get(0) },
        None => Verdict::New,
    })
}

const NEW_ARTICLE: &str = "INSERT INTO articles (outlet, url, canonical_url, title, author, published, external_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
const NEW_REVISION: &str = "INSERT INTO revisions (article_id, number, text, text_hash, norm_hash, title, source)
    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
const LAYERS: &str = "INSERT INTO layers (revision_id, document_schema, profile, encoding, json)
    VALUES ($1, $2, 'compact', 'deflate', $3)";
const CURRENT: &str = "UPDATE articles SET current_revision = $2, title = coalesce($3, title),
    author = coalesce($4, author), published = coalesce($5, published) WHERE id = $1";

impl Store for PostgresStore {
    fn name(&self) -> &str {
        &self.name
    }

    fn schema_version(&self) -> u32 {
        self.version
    }

    fn migrated_from(&self) -> Option<u32> {
        self.migrated_from
    }

    fn classify(&self, keys: &ArticleKeys) -> Result<Verdict, StoreError> {
        let mut conn = self.lock();
        let Conn { client, statements } = &mut *conn;
        classify_in(client, statements, keys).doing(&self.reading())
    }

    fn put(&mut self, a: &Prepared) -> Result<Stored, StoreError> {
        let doing = format!("cannot store an article in {}", self.name);
        let mut conn = self.lock();
        let Conn { client, statements } = &mut *conn;
        let mut tx = client.transaction().doing(&doing)?;
        tx.batch_execute(WRITE_LOCK).doing(&doing)?;
        let verdict = classify_in(&mut tx, statements, &a.keys).doing(&doing)?;
        let (article, number) = match &verdict {
            Verdict::Present { article, .. } => {
                return Ok(Stored { verdict: verdict.clone(), article: *article, revision: None, near: None });
            }
            Verdict::Revision { article } => {
                let last: i64 = tx
                    .query_one("SELECT max(number) FROM revisions WHERE article_id = $1", &[article])
                    .doing(&doing)?
                    .get(0);
                (*article, last + 1)
            }
            Verdict::New | Verdict::Copy { .. } => {
                let s = statements.get(&mut tx, NEW_ARTICLE).doing(&doing)?;
                let i = &a.info;
                let row = tx
                    .query_one(
                        &s,
                        &[
                            &a.keys.outlet,
                            &i.url,
                            &a.keys.canonical_url,
                            &i.title,
                            &i.author,
                            &i.published,
                            &i.external_id,
                        ],
                    )
                    .doing(&doing)?;
                (row.get::<_, i64>(0), 1)
            }
        };
        let s = statements.get(&mut tx, NEW_REVISION).doing(&doing)?;
        let k = &a.keys;
        let revision: i64 = tx
            .query_one(&s, &[&article, &number, &a.text, &k.text_hash, &k.norm_hash, &a.info.title, &a.info.source])
            .doing(&doing)?
            .get(0);
        let s = statements.get(&mut tx, LAYERS).doing(&doing)?;
        tx.execute(&s, &[&revision, &a.document_schema, &a.layers]).doing(&doing)?;
        rows::insert(&mut tx, statements, revision, &a.rows).doing(&doing)?;
        // the article shows its newest version
        let s = statements.get(&mut tx, CURRENT).doing(&doing)?;
        tx.execute(&s, &[&article, &revision, &a.info.title, &a.info.author, &a.info.published]).doing(&doing)?;
        if let Verdict::Copy { of } = verdict {
            tx.execute(
                "INSERT INTO duplicates (article_id, of_article_id, kind, similarity) VALUES ($1, $2, 'copy', 1.0)",
                &[&article, &of],
            )
            .doing(&doing)?;
        }
        // a new article is linked to its first appearance; a revision only gets its new bands
        let link = matches!(verdict, Verdict::New);
        let near = crate::near::sign(
            &mut near::PostgresNear { client: &mut tx, statements },
            article,
            revision,
            &a.text,
            link,
        )
        .doing(&doing)?;
        tx.commit().doing(&doing)?;
        Ok(Stored { verdict, article, revision: Some(revision), near })
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let row = self
            .lock()
            .client
            .query_one(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM revisions),
                        (SELECT count(*) FROM duplicates WHERE kind = 'copy'), (SELECT count(*) FROM entities),
                        (SELECT count(*) FROM events), (SELECT count(*) FROM claims),
                        (SELECT count(*) FROM techniques), (SELECT count(*) FROM duplicates WHERE kind = 'near'),
                        (SELECT count(*) FROM stories)",
                &[],
            )
            .doing(&self.reading())?;
        let n = |i: usize| row.get::<_, i64>(i).max(0) as u64;
        Ok(Stats {
            articles: n(0),
            revisions: n(1),
            copies: n(2),
            near: n(7),
            stories: n(8),
            entities: n(3),
            events: n(4),
            claims: n(5),
            techniques: n(6),
        })
    }

    fn check(&self) -> Result<Vec<String>, StoreError> {
        let doing = format!("cannot check {}", self.name);
        let mut conn = self.lock();
        let mut problems = Vec::new();
        // foreign keys are enforced on every write; a constraint added NOT VALID is not
        let unchecked = conn
            .client
            .query(
                "SELECT c.conrelid::regclass::text || ': ' || c.conname FROM pg_constraint c
                 JOIN pg_namespace n ON n.oid = c.connamespace
                 WHERE n.nspname = current_schema() AND NOT c.convalidated",
                &[],
            )
            .doing(&doing)?;
        problems.extend(unchecked.iter().map(|r| format!("constraint not validated: {}", r.get::<_, String>(0))));
        let invariants = [
            (
                "articles without their current revision",
                "SELECT count(*) FROM articles a WHERE a.current_revision IS NULL
                 OR NOT EXISTS (SELECT 1 FROM revisions r WHERE r.id = a.current_revision AND r.article_id = a.id)",
            ),
            (
                "revisions without their layers",
                "SELECT count(*) FROM revisions r WHERE NOT EXISTS (SELECT 1 FROM layers l WHERE l.revision_id = r.id)",
            ),
            (
                "revisions without their tone row",
                "SELECT count(*) FROM revisions r WHERE NOT EXISTS (SELECT 1 FROM tone t WHERE t.revision_id = r.id)",
            ),
            (
                "articles without the near-duplicate signature of their current revision",
                "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM signatures s
                 WHERE s.article_id = a.id AND s.revision_id = a.current_revision)",
            ),
            (
                "articles linked to more than one first appearance",
                "SELECT count(*) FROM (SELECT article_id FROM duplicates GROUP BY article_id HAVING count(*) > 1) AS m",
            ),
            (
                "articles in more than one story",
                "SELECT count(*) FROM (SELECT article_id FROM story_articles GROUP BY article_id HAVING count(*) > 1) AS m",
            ),
            (
                "stories of fewer than two articles",
                "SELECT count(*) FROM stories s WHERE (SELECT count(*) FROM story_articles sa WHERE sa.story_id = s.id) < 2",
            ),
        ];
        for (what, sql) in invariants {
            let n: i64 = conn.client.query_one(sql, &[]).doing(&doing)?.get(0);
            if n > 0 {
                problems.push(format!("{n} {what}"));
            }
        }
        Ok(problems)
    }

    fn document_json(&self, article: i64) -> Result<Option<String>, StoreError> {
        let found = self
            .lock()
            .client
            .query_opt(
                "SELECT l.revision_id, l.json FROM articles a JOIN layers l ON l.revision_id = a.current_revision
                 WHERE a.id = $1",
                &[&article],
            )
            .doing(&self.reading())?;
        found
            .map(|row| {
                let revision: i64 = row.get(0);
                inflate(row.get::<_, &[u8]>(1)).map_err(|e| StoreError::Layers { revision, reason: e.to_string() })
            })
            .transpose()
    }

    fn sign_missing(&mut self, progress: &mut dyn FnMut(usize)) -> Result<usize, StoreError> {
        let doing = format!("cannot compute the near-duplicate signatures of {}", self.name);
        let mut conn = self.lock();
        let Conn { client, statements } = &mut *conn;
        near::backfill(client, statements, progress).doing(&doing)
    }

    fn update_stories(&mut self, scope: crate::StoryScope) -> Result<crate::StoryCounts, StoreError> {
        let doing = format!("cannot compute the stories of {}", self.name);
        stories::update(&mut self.lock().client, scope).doing(&doing)
    }

    fn largest_stories(&self, limit: usize) -> Result<Vec<crate::StorySummary>, StoreError> {
        stories::largest(&mut self.lock().client, limit).doing(&self.reading())
    }

    fn list(&self, range: &crate::DateRange) -> Result<Vec<crate::Listed>, StoreError> {
        listing::list(&mut self.lock().client, range).doing(&self.reading())
    }

    fn current_revisions(&self) -> Result<Vec<(i64, i64)>, StoreError> {
        listing::current_revisions(&mut self.lock().client).doing(&self.reading())
    }

    fn index_record(&self, article: i64) -> Result<Option<crate::search::IndexRecord>, StoreError> {
        let mut conn = self.lock();
        let Conn { client, statements } = &mut *conn;
        listing::index_record(client, statements, article)
            .doing(&format!("cannot read article {article} of {}", self.name))
    }
}
