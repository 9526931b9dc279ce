//! The embedded backend: one SQLite file in WAL mode (readers go on while an
//! ingest writes), with foreign keys enforced and each article written in one
//! `BEGIN IMMEDIATE` transaction.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};

use crate::article::{inflate, Prepared, Stats, Stored, Verdict};
use crate::error::{Doing, StoreError};
use crate::keys::ArticleKeys;
use crate::schema::{APPLICATION_ID, LATEST, MIGRATIONS, VERSION_TABLE};
use crate::Store;

/// A store in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    name: String,
    version: u32,
    migrated_from: Option<u32>,
}

impl SqliteStore {
    /// Opens a store to write, creating it when absent and migrating an older schema.
    ///
    /// # Errors
    /// A file that is not a marsad store, a store of a newer schema, or a failure of SQLite.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let conn = Connection::open(path).doing(&format!("cannot open {}", path.display()))?;
        let mut store = SqliteStore {
            conn,
            path: path.to_owned(),
            name: path.display().to_string(),
            version: 0,
            migrated_from: None,
        };
        store.configure()?;
        let found = store.found_version()?;
        if found > LATEST {
            return Err(StoreError::Newer { store: path.display().to_string(), found, known: LATEST });
        }
        store.migrate(found)?;
        Ok(store)
    }

    /// Opens an existing store to read only; an older or newer schema is refused.
    ///
    /// # Errors
    /// A missing file, one that is not a marsad store, another schema version, or a
    /// failure of SQLite.
    pub fn open_read_only(path: &Path) -> Result<SqliteStore, StoreError> {
        if !path.is_file() {
            return Err(StoreError::NotAStore { store: path.display().to_string(), reason: "no such file".to_owned() });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).doing(&format!("cannot open {}", path.display()))?;
        let mut store = SqliteStore {
            conn,
            path: path.to_owned(),
            name: path.display().to_string(),
            version: 0,
            migrated_from: None,
        };
        store.conn.busy_timeout(std::time::Duration::from_secs(10)).doing("cannot configure the store")?;
        let found = store.found_version()?;
        if found > LATEST {
            return Err(StoreError::Newer { store: path.display().to_string(), found, known: LATEST });
        }
        if found < LATEST {
            return Err(StoreError::Older { store: path.display().to_string(), found, known: LATEST });
        }
        store.version = found;
        Ok(store)
    }

    /// The schema version of the store.
    pub fn schema_version(&self) -> u32 {
        self.version
    }

    /// The version the store had before this opening migrated it, if it did.
    pub fn migrated_from(&self) -> Option<u32> {
        self.migrated_from
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for queries the trait does not offer.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn configure(&self) -> Result<(), StoreError> {
        let not_a_store = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotAStore {
                store: self.path.display().to_string(),
                reason: "not a SQLite database".to_owned(),
            },
            _ => StoreError::Sql { doing: format!("cannot open {}", self.path.display()), source: e },
        };
        self.conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(not_a_store)?;
        // WAL: readers see the last committed article while the writer goes on; a
        // killed process loses at most the transaction it was in
        self.conn.pragma_update(None, "journal_mode", "WAL").map_err(not_a_store)?;
        self.conn.pragma_update(None, "synchronous", "NORMAL").map_err(not_a_store)?;
        self.conn.pragma_update(None, "foreign_keys", "ON").map_err(not_a_store)?;
        Ok(())
    }

    /// The version the file is at: 0 for an empty database, refusing a database
    /// of something else.
    fn found_version(&self) -> Result<u32, StoreError> {
        let doing = format!("cannot read {}", self.path.display());
        let not_a_store = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotAStore {
                store: self.path.display().to_string(),
                reason: "not a SQLite database".to_owned(),
            },
            _ => StoreError::Sql { doing: doing.clone(), source: e },
        };
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))
            .map_err(not_a_store)?;
        let app: i32 = self.conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(not_a_store)?;
        let has_versions: bool = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", [], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(not_a_store)?
            > 0;
        if tables > 0 && (app != APPLICATION_ID || !has_versions) {
            return Err(StoreError::NotAStore {
                store: self.path.display().to_string(),
                reason: "a SQLite database of something else (it has tables but no marsad schema)".to_owned(),
            });
        }
        if !has_versions {
            return Ok(0);
        }
        let v: Option<u32> =
            self.conn.query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0)).doing(&doing)?;
        Ok(v.unwrap_or(0))
    }

    /// Applies the migrations after `found`, each in its own transaction.
    fn migrate(&mut self, found: u32) -> Result<(), StoreError> {
        let path = self.path.display().to_string();
        for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > found) {
            let doing = format!("cannot migrate {path} to schema version {version}");
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).doing(&doing)?;
            tx.execute_batch(VERSION_TABLE).doing(&doing)?;
            // another process may have migrated it while this one waited for the lock
            let now: Option<u32> =
                tx.query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0)).doing(&doing)?;
            if now.unwrap_or(0) >= *version {
                continue;
            }
            tx.execute_batch(sql).doing(&doing)?;
            tx.execute(
                "INSERT INTO schema_version (version, marsad) VALUES (?1, ?2)",
                params![version, env!("CARGO_PKG_VERSION")],
            )
            .doing(&doing)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID).doing(&doing)?;
            tx.commit().doing(&doing)?;
        }
        if found > 0 && found < LATEST {
            self.migrated_from = Some(found);
        }
        self.version = LATEST;
        Ok(())
    }
}

/// What the store holds under `keys`, read through `conn` (a transaction or not).
fn classify_in(conn: &Connection, keys: &ArticleKeys) -> rusqlite::Result<Verdict> {
    if let Some(url) = &keys.canonical_url {
        let found: Option<i64> = conn
            .prepare_cached("SELECT id FROM articles WHERE outlet = ?1 AND canonical_url = ?2")?
            .query_row(params![keys.outlet, url], |r| r.get(0))
            .optional()?;
        if let Some(article) = found {
            let same: bool = conn
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM revisions WHERE article_id = ?1 AND norm_hash = ?2)")?
                .query_row(params![article, keys.norm_hash], |r| r.get(0))?;
            return Ok(if same {
                Verdict::Present { article, why: "same outlet, address and text" }
            } else {
                Verdict::Revision { article }
            });
        }
    }
    let same_outlet: Option<i64> = conn
        .prepare_cached(
            "SELECT a.id FROM revisions r JOIN articles a ON a.id = r.article_id
             WHERE r.norm_hash = ?1 AND a.outlet = ?2 ORDER BY a.id LIMIT 1",
        )?
        .query_row(params![keys.norm_hash, keys.outlet], |r| r.get(0))
        .optional()?;
    if let Some(article) = same_outlet {
        return Ok(Verdict::Present { article, why: "same outlet and text" });
    }
    let other_outlet: Option<i64> = conn
        .prepare_cached("SELECT article_id FROM revisions WHERE norm_hash = ?1 ORDER BY article_id LIMIT 1")?
        .query_row(params![keys.norm_hash], |r| r.get(0))
        .optional()?;
    Ok(match other_outlet {
        Some(of) => Verdict::Copy { of },
        None => Verdict::New,
    })
}

/// Writes the revision, its layers and its rows.
fn insert_revision(tx: &Transaction<'_>, article: i64, number: i64, a: &Prepared) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO revisions (article_id, number, text, text_hash, norm_hash, title, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![article, number, a.text, a.keys.text_hash, a.keys.norm_hash, a.info.title, a.info.source])?;
    let revision = tx.last_insert_rowid();
    tx.prepare_cached(
        "INSERT INTO layers (revision_id, document_schema, profile, encoding, json) VALUES (?1, ?2, 'compact', 'deflate', ?3)",
    )?
    .execute(params![revision, a.document_schema, a.layers])?;
    crate::sqlite_rows::insert(tx, revision, &a.rows)?;
    Ok(revision)
}

impl Store for SqliteStore {
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
        classify_in(&self.conn, keys).doing(&format!("cannot read {}", self.path.display()))
    }

    fn put(&mut self, a: &Prepared) -> Result<Stored, StoreError> {
        let doing = format!("cannot store an article in {}", self.path.display());
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).doing(&doing)?;
        let verdict = classify_in(&tx, &a.keys).doing(&doing)?;
        let (article, number) = match &verdict {
            Verdict::Present { article, .. } => {
                return Ok(Stored { verdict: verdict.clone(), article: *article, revision: None, near: None });
            }
            Verdict::Revision { article } => {
                let last: i64 = tx
                    .query_row("SELECT max(number) FROM revisions WHERE article_id = ?1", [article], |r| r.get(0))
                    .doing(&doing)?;
                (*article, last + 1)
            }
            Verdict::New | Verdict::Copy { .. } => {
                tx.prepare_cached(
                    "INSERT INTO articles (outlet, url, canonical_url, title, author, published, external_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .and_then(|mut s| {
                    s.execute(params![
                        a.keys.outlet,
                        a.info.url,
                        a.keys.canonical_url,
                        a.info.title,
                        a.info.author,
                        a.info.published,
                        a.info.external_id
                    ])
                })
                .doing(&doing)?;
                (tx.last_insert_rowid(), 1)
            }
        };
        let revision = insert_revision(&tx, article, number, a).doing(&doing)?;
        // the article shows its newest version
        tx.prepare_cached(
            "UPDATE articles SET current_revision = ?2, title = coalesce(?3, title), author = coalesce(?4, author),
             published = coalesce(?5, published) WHERE id = ?1",
        )
        .and_then(|mut s| s.execute(params![article, revision, a.info.title, a.info.author, a.info.published]))
        .doing(&doing)?;
        if let Verdict::Copy { of } = verdict {
            tx.execute(
                "INSERT INTO duplicates (article_id, of_article_id, kind, similarity) VALUES (?1, ?2, 'copy', 1.0)",
                params![article, of],
            )
            .doing(&doing)?;
        }
        // a new article is linked to its first appearance; a revision only gets its new bands
        let near =
            crate::sqlite_near::sign(&tx, article, revision, &a.text, matches!(verdict, Verdict::New)).doing(&doing)?;
        tx.commit().doing(&doing)?;
        Ok(Stored { verdict, article, revision: Some(revision), near })
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let doing = format!("cannot read {}", self.path.display());
        let count = |table: &str| -> Result<u64, StoreError> {
            self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).doing(&doing)
        };
        Ok(Stats {
            articles: count("articles")?,
            revisions: count("revisions")?,
            copies: count("duplicates WHERE kind = 'copy'")?,
            near: count("duplicates WHERE kind = 'near'")?,
            stories: count("stories")?,
            entities: count("entities")?,
            events: count("events")?,
            claims: count("claims")?,
            techniques: count("techniques")?,
        })
    }

    fn check(&self) -> Result<Vec<String>, StoreError> {
        let doing = format!("cannot check {}", self.path.display());
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check").doing(&doing)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).doing(&doing)?;
        for row in rows {
            let row = row.doing(&doing)?;
            if row != "ok" {
                problems.push(format!("integrity_check: {row}"));
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check").doing(&doing)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(format!("foreign key of {} row {:?}", r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?))
            })
            .doing(&doing)?;
        for row in rows {
            problems.push(row.doing(&doing)?);
        }
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
                "SELECT count(*) FROM (SELECT article_id FROM duplicates GROUP BY article_id HAVING count(*) > 1)",
            ),
            (
                "articles in more than one story",
                "SELECT count(*) FROM (SELECT article_id FROM story_articles GROUP BY article_id HAVING count(*) > 1)",
            ),
            (
                "stories of fewer than two articles",
                "SELECT count(*) FROM stories s WHERE (SELECT count(*) FROM story_articles sa WHERE sa.story_id = s.id) < 2",
            ),
        ];
        for (what, sql) in invariants {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0)).doing(&doing)?;
            if n > 0 {
                problems.push(format!("{n} {what}"));
            }
        }
        Ok(problems)
    }

    fn document_json(&self, article: i64) -> Result<Option<String>, StoreError> {
        let doing = format!("cannot read {}", self.path.display());
        let found: Option<(i64, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT l.revision_id, l.json FROM articles a JOIN layers l ON l.revision_id = a.current_revision
                 WHERE a.id = ?1",
                [article],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .doing(&doing)?;
        found
            .map(|(revision, bytes)| {
                inflate(&bytes).map_err(|e| StoreError::Layers { revision, reason: e.to_string() })
            })
            .transpose()
    }

    fn sign_missing(&mut self, progress: &mut dyn FnMut(usize)) -> Result<usize, StoreError> {
        let doing = format!("cannot compute the near-duplicate signatures of {}", self.path.display());
        crate::sqlite_near::backfill(&mut self.conn, progress).doing(&doing)
    }

    fn update_stories(&mut self, scope: crate::StoryScope) -> Result<crate::StoryCounts, StoreError> {
        let doing = format!("cannot compute the stories of {}", self.path.display());
        crate::sqlite_stories::update(&mut self.conn, scope).doing(&doing)
    }

    fn largest_stories(&self, limit: usize) -> Result<Vec<crate::StorySummary>, StoreError> {
        crate::sqlite_stories::largest(&self.conn, limit).doing(&format!("cannot read {}", self.path.display()))
    }

    fn list(&self, range: &crate::DateRange) -> Result<Vec<crate::Listed>, StoreError> {
        crate::sqlite_listing::list(&self.conn, range).doing(&format!("cannot read {}", self.path.display()))
    }

    fn current_revisions(&self) -> Result<Vec<(i64, i64)>, StoreError> {
        crate::sqlite_listing::current_revisions(&self.conn).doing(&format!("cannot read {}", self.path.display()))
    }

    fn index_record(&self, article: i64) -> Result<Option<crate::search::IndexRecord>, StoreError> {
        crate::sqlite_listing::index_record(&self.conn, article)
            .doing(&format!("cannot read article {article} of {}", self.path.display()))
    }
}
