//! Opening the back end a `--store` value names ([`crate::is_postgres`]).

use std::path::Path;

use crate::spec::is_postgres;
use crate::{PostgresStore, SqliteStore, Store, StoreError};

/// Opens the store `spec` names to write, creating it when absent and migrating an
/// older schema.
///
/// # Errors
/// What [`SqliteStore::open`] or [`PostgresStore::open`] refuse.
pub fn open(spec: &str) -> Result<Box<dyn Store>, StoreError> {
    let store: Box<dyn Store> = if is_postgres(spec) {
        Box::new(PostgresStore::open(spec)?)
    } else {
        Box::new(SqliteStore::open(Path::new(spec))?)
    };
    Ok(store)
}

/// Opens an existing store to read only; an older or newer schema is refused.
///
/// # Errors
/// What [`SqliteStore::open_read_only`] or [`PostgresStore::open_read_only`] refuse.
pub fn open_read_only(spec: &str) -> Result<Box<dyn Store>, StoreError> {
    let store: Box<dyn Store> = if is_postgres(spec) {
        Box::new(PostgresStore::open_read_only(spec)?)
    } else {
        Box::new(SqliteStore::open_read_only(Path::new(spec))?)
    };
    Ok(store)
}
