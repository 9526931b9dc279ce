//! The store's schema and its versioned migrations.
//!
//! `schema_version` holds one row per migration applied. A store is at the highest
//! version it holds; opening one at a newer version than [`LATEST`] is refused, one
//! at an older version is migrated step by step, each step in its own transaction.
//! A new version is a new `vN.sql` appended to [`MIGRATIONS`]; a migration already
//! released is never edited.

/// The migrations, in order: version and SQL.
pub const MIGRATIONS: &[(u32, &str)] = &[(1, include_str!("v1.sql")), (2, include_str!("v2.sql"))];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// Marks a SQLite file as a marsad store (`PRAGMA application_id`): "MRSD".
pub const APPLICATION_ID: i32 = 0x4d52_5344;

/// The table of applied versions.
pub const VERSION_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    marsad     TEXT NOT NULL
)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_rise_by_one_from_one() {
        for (i, (v, _)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(*v as usize, i + 1);
        }
    }
}
