//! The PostgreSQL schema's versions: which one a database holds, and the
//! migrations that bring it to [`LATEST`](crate::schema::LATEST).
//!
//! The store lives in the connection's current schema (the first of its
//! `search_path`, `public` by default), so one database can hold several stores.
//! `schema_version` carries the comment [`MARK`], as a SQLite store carries its
//! `application_id`: a schema with other tables and no such mark is refused.

use postgres::Client;

use crate::error::{Doing, StoreError};

/// The migrations, in order: version and SQL; the versions are those of the SQLite
/// store ([`crate::schema::MIGRATIONS`]), each `schema/postgres/vN.sql` the
/// translation of `schema/vN.sql`.
pub(crate) const MIGRATIONS: &[(u32, &str)] =
    &[(1, include_str!("../schema/postgres/v1.sql")), (2, include_str!("../schema/postgres/v2.sql"))];

/// The comment on `schema_version` that marks a schema as a marsad store.
const MARK: &str = "marsad store";

/// The table of applied versions, marked.
const VERSION_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
    marsad     TEXT NOT NULL
);
COMMENT ON TABLE schema_version IS 'marsad store'";

/// Taken by every migration: two processes opening a new or older store at once
/// migrate it one after the other, the second finding it done.
pub(crate) const MIGRATION_LOCK: &str = "SELECT pg_advisory_xact_lock(1297240900, hashtext(current_schema()))";

/// The version the connection's schema is at: 0 for a schema without tables,
/// refusing one that holds something else.
pub(crate) fn found_version(client: &mut Client, name: &str) -> Result<u32, StoreError> {
    let doing = format!("cannot read {name}");
    let row = client
        .query_one(
            "SELECT current_schema(),
                    (SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()),
                    to_regclass(quote_ident(current_schema()) || '.schema_version') IS NOT NULL,
                    obj_description(to_regclass(quote_ident(current_schema()) || '.schema_version'), 'pg_class')",
            &[],
        )
        .doing(&doing)?;
    let Some(schema) = row.get::<_, Option<String>>(0) else {
        return Err(StoreError::NotAStore {
            store: name.to_owned(),
            reason: "no schema of its search_path exists to hold the tables (create it, or set search_path)".to_owned(),
        });
    };
    let tables: i64 = row.get(1);
    let has_versions: bool = row.get(2);
    let mark: Option<String> = row.get(3);
    if tables > 0 && (!has_versions || mark.as_deref() != Some(MARK)) {
        return Err(StoreError::NotAStore {
            store: name.to_owned(),
            reason: format!("its schema {schema:?} holds tables of something else (no marsad schema)"),
        });
    }
    if !has_versions {
        return Ok(0);
    }
    let v: Option<i32> = client.query_one("SELECT max(version) FROM schema_version", &[]).doing(&doing)?.get(0);
    Ok(v.map_or(0, |v| v.max(0) as u32))
}

/// Applies the migrations after `found`, each in its own transaction.
pub(crate) fn migrate(client: &mut Client, name: &str, found: u32) -> Result<(), StoreError> {
    migrate_to(client, name, found, crate::schema::LATEST)
}

/// Applies the migrations after `found` up to `target`, each in its own transaction
/// (a target below the latest only makes older stores for tests).
pub(crate) fn migrate_to(client: &mut Client, name: &str, found: u32, target: u32) -> Result<(), StoreError> {
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > found && *v <= target) {
        let doing = format!("cannot migrate {name} to schema version {version}");
        let mut tx = client.transaction().doing(&doing)?;
        tx.batch_execute(MIGRATION_LOCK).doing(&doing)?;
        tx.batch_execute(VERSION_TABLE).doing(&doing)?;
        // another process may have migrated it while this one waited for the lock
        let now: Option<i32> = tx.query_one("SELECT max(version) FROM schema_version", &[]).doing(&doing)?.get(0);
        if now.unwrap_or(0) >= *version as i32 {
            continue;
        }
        tx.batch_execute(sql).doing(&doing)?;
        tx.execute(
            "INSERT INTO schema_version (version, marsad) VALUES ($1, $2)",
            &[&(*version as i32), &env!("CARGO_PKG_VERSION")],
        )
        .doing(&doing)?;
        tx.commit().doing(&doing)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_back_ends_have_the_same_versions() {
        let sqlite: Vec<u32> = crate::schema::MIGRATIONS.iter().map(|(v, _)| *v).collect();
        let postgres: Vec<u32> = super::MIGRATIONS.iter().map(|(v, _)| *v).collect();
        assert_eq!(postgres, sqlite, "every schema/vN.sql needs its schema/postgres/vN.sql");
    }
}
