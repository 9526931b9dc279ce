//! What can go wrong with a store, in words a person can act on.

/// An error of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a SQLite database, or not one of marsad's; or a
    /// PostgreSQL schema that holds other tables.
    #[error("{store} is not a marsad store: {reason}")]
    NotAStore {
        /// The store: a file, or a PostgreSQL address without its password.
        store: String,
        /// What was found instead.
        reason: String,
    },
    /// The store was written by a newer marsad.
    #[error(
        "{store} has schema version {found}, newer than this marsad knows (up to {known}): open it with a newer \
         marsad"
    )]
    Newer {
        /// The store.
        store: String,
        /// Its schema version.
        found: u32,
        /// The newest version this build knows.
        known: u32,
    },
    /// The store has an older schema and was opened read-only, so it cannot be migrated.
    #[error(
        "{store} has schema version {found}, older than this marsad's ({known}): run `marsad ingest` on it once to \
         migrate it"
    )]
    Older {
        /// The store.
        store: String,
        /// Its schema version.
        found: u32,
        /// The version this build writes.
        known: u32,
    },
    /// An error of SQLite, with what was being done.
    #[error("{doing}: {source}")]
    Sql {
        /// What was being done.
        doing: String,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// An error of PostgreSQL (or of reaching it), with what was being done.
    #[error("{doing}: {}", postgres_reason(.source))]
    Postgres {
        /// What was being done.
        doing: String,
        /// The client's error.
        source: postgres::Error,
    },
    /// Stored layers that cannot be read back.
    #[error("the stored layers of revision {revision} cannot be read: {reason}")]
    Layers {
        /// The revision.
        revision: i64,
        /// Why.
        reason: String,
    },
    /// Stored layers that cannot be rebuilt into a document.
    #[error("the stored layers of article {article} cannot be rebuilt into a document: {reason}")]
    Rebuild {
        /// The article.
        article: i64,
        /// Why.
        reason: String,
    },
}

/// The server's own message when there is one (its code and detail), else the client's.
fn postgres_reason(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({}; {detail})", db.message(), db.code().code()),
            None => format!("{} ({})", db.message(), db.code().code()),
        },
        None => e.to_string(),
    }
}

/// Adds what was being done to a SQLite or PostgreSQL error.
pub(crate) trait Doing<T> {
    fn doing(self, what: &str) -> Result<T, StoreError>;
}

impl<T> Doing<T> for Result<T, rusqlite::Error> {
    fn doing(self, what: &str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Sql { doing: what.to_owned(), source })
    }
}

impl<T> Doing<T> for Result<T, postgres::Error> {
    fn doing(self, what: &str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Postgres { doing: what.to_owned(), source })
    }
}
