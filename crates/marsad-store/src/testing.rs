//! Scratch stores for tests, so that one test runs against every back end: a
//! SQLite file always, and a PostgreSQL database when `MARSAD_TEST_POSTGRES` gives
//! one (`postgres://user@host:port/db`; with `MARSAD_REQUIRE_POSTGRES=1`, as
//! `.ci/run` sets it, its absence fails the test instead of skipping that back end).
//!
//! Each PostgreSQL scratch store is a schema of its own in that database (named
//! after the process and a counter, dropped when the store is), reached through the
//! address with `options=-c search_path=…`, so tests run in parallel without seeing
//! each other. Not part of the store's interface: its helpers panic on failure.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::{Store, StoreError};

/// A back end to test against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file.
    Sqlite,
    /// A PostgreSQL database, by its address.
    Postgres(String),
}

impl Backend {
    /// `sqlite` or `postgres`, for assertion messages.
    pub fn label(&self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }
}

/// The back ends to test: SQLite, and PostgreSQL when `MARSAD_TEST_POSTGRES` is set.
///
/// # Panics
/// When `MARSAD_REQUIRE_POSTGRES=1` and `MARSAD_TEST_POSTGRES` is not set.
pub fn backends() -> Vec<Backend> {
    let mut out = vec![Backend::Sqlite];
    match std::env::var("MARSAD_TEST_POSTGRES") {
        Ok(url) if !url.trim().is_empty() => out.push(Backend::Postgres(url.trim().to_owned())),
        _ if std::env::var("MARSAD_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") => panic!(
            "MARSAD_REQUIRE_POSTGRES=1 and MARSAD_TEST_POSTGRES is not set: give a database to test the PostgreSQL \
             store against (MARSAD_TEST_POSTGRES=postgres://user@host:port/db)"
        ),
        _ => eprintln!("skipped: the PostgreSQL store (set MARSAD_TEST_POSTGRES=postgres://user@host:port/db)"),
    }
    out
}

static SCRATCH: AtomicUsize = AtomicUsize::new(0);

/// An empty store of one back end for one test.
pub struct Scratch {
    backend: Backend,
    spec: String,
    index: PathBuf,
    schema: Option<String>,
}

impl Scratch {
    /// A new, empty store: `DIR/store.sqlite`, or a new schema of the PostgreSQL
    /// database; its search index goes in `DIR/store.index` either way.
    pub fn new(backend: &Backend, dir: &Path) -> Scratch {
        let index = dir.join("store.index");
        match backend {
            Backend::Sqlite => {
                let path = dir.join("store.sqlite");
                Scratch { backend: backend.clone(), spec: path.display().to_string(), index, schema: None }
            }
            Backend::Postgres(base) => {
                let n = SCRATCH.fetch_add(1, Ordering::Relaxed);
                let schema = format!("marsad_test_{}_{n}", std::process::id());
                let mut client = postgres::Client::connect(base, postgres::NoTls)
                    .unwrap_or_else(|e| panic!("cannot connect to MARSAD_TEST_POSTGRES ({base}): {e}"));
                client
                    .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
                    .unwrap_or_else(|e| panic!("cannot create the schema {schema} in {base}: {e}"));
                let joint = if base.contains('?') { '&' } else { '?' };
                let spec = format!("{base}{joint}options=-c%20search_path%3D{schema}");
                Scratch { backend: backend.clone(), spec, index, schema: Some(schema) }
            }
        }
    }

    /// The back end.
    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    /// What `--store` takes: the file, or the address with the scratch schema.
    pub fn spec(&self) -> &str {
        &self.spec
    }

    /// The search index folder.
    pub fn index(&self) -> &Path {
        &self.index
    }

    /// `--store SPEC --index DIR`, the arguments of a command on this store.
    pub fn args(&self) -> Vec<OsString> {
        vec!["--store".into(), self.spec.clone().into(), "--index".into(), self.index.clone().into()]
    }

    /// Opens the store to write.
    ///
    /// # Errors
    /// What [`crate::open`] refuses.
    pub fn open(&self) -> Result<Box<dyn Store>, StoreError> {
        crate::open(&self.spec)
    }

    /// Opens the store to read.
    ///
    /// # Errors
    /// What [`crate::open_read_only`] refuses.
    pub fn open_read_only(&self) -> Result<Box<dyn Store>, StoreError> {
        crate::open_read_only(&self.spec)
    }

    /// Makes the store's tables as schema version `version` made them, as an older
    /// marsad left them: a store to migrate.
    ///
    /// # Panics
    /// When it fails.
    pub fn create_at_version(&self, version: u32) {
        match &self.backend {
            Backend::Sqlite => {
                let conn = rusqlite::Connection::open(&self.spec).unwrap();
                conn.execute_batch(crate::schema::VERSION_TABLE).unwrap();
                for (v, sql) in crate::schema::MIGRATIONS.iter().filter(|(v, _)| *v <= version) {
                    conn.execute_batch(sql).unwrap();
                    conn.execute("INSERT INTO schema_version (version, marsad) VALUES (?1, '0.1.0')", [v]).unwrap();
                }
                conn.pragma_update(None, "application_id", crate::schema::APPLICATION_ID).unwrap();
            }
            Backend::Postgres(_) => {
                crate::postgres::schema::migrate_to(&mut self.client(), &self.spec, 0, version).unwrap();
            }
        }
    }

    /// Runs SQL that returns nothing.
    ///
    /// # Panics
    /// When it fails.
    pub fn execute(&self, sql: &str) {
        match &self.backend {
            Backend::Sqlite => rusqlite::Connection::open(&self.spec).unwrap().execute_batch(sql).unwrap(),
            Backend::Postgres(_) => self.client().batch_execute(sql).unwrap(),
        }
    }

    /// The one integer a query gives (`SELECT count(*) …`), or `None` when it fails
    /// (a store without its tables yet).
    pub fn try_scalar(&self, sql: &str) -> Option<i64> {
        match &self.backend {
            Backend::Sqlite => {
                let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
                let conn = rusqlite::Connection::open_with_flags(&self.spec, flags).ok()?;
                conn.query_row(sql, [], |r| r.get(0)).ok()
            }
            Backend::Postgres(_) => {
                let mut client = postgres::Client::connect(&self.spec, postgres::NoTls).ok()?;
                client.query_one(sql, &[]).ok()?.try_get(0).ok()
            }
        }
    }

    /// The one integer a query gives.
    ///
    /// # Panics
    /// When the query fails.
    pub fn scalar(&self, sql: &str) -> i64 {
        self.try_scalar(sql).unwrap_or_else(|| panic!("{}: the query failed: {sql}", self.backend.label()))
    }

    /// The rows of a query whose columns are all text, with `$1`, `$2`… bound to
    /// `params` (both back ends read `$N`).
    ///
    /// # Panics
    /// When the query fails.
    pub fn strings(&self, sql: &str, params: &[&str]) -> Vec<Vec<Option<String>>> {
        match &self.backend {
            Backend::Sqlite => {
                let conn = rusqlite::Connection::open(&self.spec).unwrap();
                let mut stmt = conn.prepare(sql).unwrap();
                let n = stmt.column_count();
                stmt.query_map(rusqlite::params_from_iter(params), |r| (0..n).map(|i| r.get(i)).collect())
                    .unwrap()
                    .collect::<Result<_, _>>()
                    .unwrap()
            }
            Backend::Postgres(_) => {
                let values: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    params.iter().map(|p| p as &(dyn postgres::types::ToSql + Sync)).collect();
                let rows = self.client().query(sql, &values).unwrap();
                rows.iter().map(|r| (0..r.len()).map(|i| r.get(i)).collect()).collect()
            }
        }
    }

    fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.spec, postgres::NoTls).unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let (Backend::Postgres(base), Some(schema)) = (&self.backend, &self.schema) {
            if let Ok(mut client) = postgres::Client::connect(base, postgres::NoTls) {
                let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
            }
        }
    }
}
