//! The corpus store of marsad: analysed articles with all their layers, and their
//! entities, events, claims, techniques and tone as rows that can be queried.
//!
//! [`Store`] is what the commands use; [`open`] and [`open_read_only`] give the back
//! end a `--store` value names: [`SqliteStore`], the embedded one (one SQLite file in
//! WAL mode, so readers work while an ingest writes), or [`PostgresStore`] for a
//! `postgres://` address. Both keep the same tables and columns; the schema and its
//! migrations are in [`schema`] and `docs/store.md`.
//!
//! Identity ([`ArticleKeys`]): an article is its outlet with its canonical address,
//! or, without an address, its outlet with its normalised text. [`Store::classify`]
//! says what the store already holds under an article's keys ([`Verdict`]), so that
//! an ingest skips what is in before analysing it; [`Store::put`] stores one
//! analysed article in one transaction, deciding again inside it.

mod article;
mod error;
mod keys;
mod listing;
pub mod near;
mod open;
mod postgres;
pub mod query;
pub mod rebuild;
mod rows;
pub mod schema;
pub mod search;
mod spec;
mod sqlite;
mod sqlite_listing;
mod sqlite_near;
mod sqlite_rows;
mod sqlite_stories;
pub mod stories;
pub mod testing;

pub use self::postgres::PostgresStore;
pub use article::{ArticleInfo, Prepared, Stats, Stored, Verdict};
pub use error::StoreError;
pub use keys::{canonical_url, normalised_for_identity, sha256_hex, ArticleKeys};
pub use listing::{DateRange, Listed};
pub use near::NearLink;
pub use open::{open, open_read_only};
pub use rows::{CharSpan, ClaimRow, EntityRow, EventRow, ParticipantRow, Rows, TechniqueRow, ToneRow};
pub use spec::{is_postgres, shown};
pub use sqlite::SqliteStore;
pub use stories::{StoryCounts, StoryScope, StorySummary};

/// A store of analysed articles. Every method that writes is atomic: it stores all
/// of an article or nothing of it.
pub trait Store {
    /// The store's name for messages: its file, or its PostgreSQL address without
    /// the password.
    fn name(&self) -> &str;

    /// The schema version of the store.
    fn schema_version(&self) -> u32;

    /// The version the store had before this opening migrated it, if it did.
    fn migrated_from(&self) -> Option<u32>;

    /// What the store holds under these keys (read-only; to skip before analysing).
    ///
    /// # Errors
    /// A failure of the backend.
    fn classify(&self, keys: &ArticleKeys) -> Result<Verdict, StoreError>;

    /// Stores an analysed article, in one transaction: a new article, a new revision
    /// of one, or a copy linked to its original; nothing when it is already in.
    ///
    /// # Errors
    /// A failure of the backend; then nothing of the article was stored.
    fn put(&mut self, article: &Prepared) -> Result<Stored, StoreError>;

    /// How much the store holds.
    ///
    /// # Errors
    /// A failure of the backend.
    fn stats(&self) -> Result<Stats, StoreError>;

    /// The problems a check of the store finds (empty when sound): the backend's own
    /// integrity check and marsad's invariants (every article has its current
    /// revision, every revision its layers).
    ///
    /// # Errors
    /// A failure of the backend.
    fn check(&self) -> Result<Vec<String>, StoreError>;

    /// The document JSON (compact profile) of an article's current revision.
    ///
    /// # Errors
    /// A failure of the backend, or stored layers that cannot be read.
    fn document_json(&self, article: i64) -> Result<Option<String>, StoreError>;

    /// The articles published in `range` (every article when it is open on both
    /// sides), by id, each with its current revision and what it is a copy of.
    ///
    /// # Errors
    /// A failure of the backend.
    fn list(&self, range: &DateRange) -> Result<Vec<Listed>, StoreError>;

    /// The current revision of every article: `(article, revision)`, by article.
    ///
    /// # Errors
    /// A failure of the backend.
    fn current_revisions(&self) -> Result<Vec<(i64, i64)>, StoreError>;

    /// What the search index holds of an article's current revision.
    ///
    /// # Errors
    /// A failure of the backend.
    fn index_record(&self, article: i64) -> Result<Option<search::IndexRecord>, StoreError>;

    /// Computes the near-duplicate signature of every article whose current revision
    /// has none (a store made before schema version 2, an article revised) and links
    /// the near-duplicates among them to their first appearances, a chunk at a time;
    /// `progress` hears how many are done. Returns how many were signed.
    ///
    /// # Errors
    /// A failure of the backend; what was committed before it stays.
    fn sign_missing(&mut self, progress: &mut dyn FnMut(usize)) -> Result<usize, StoreError>;

    /// Groups reports of one happening into stories ([`stories`]): the articles stored
    /// since stories were last computed, or every article again.
    ///
    /// # Errors
    /// A failure of the backend; then the stories are as they were.
    fn update_stories(&mut self, scope: StoryScope) -> Result<StoryCounts, StoreError>;

    /// The `limit` stories with the most outlets, then the most articles.
    ///
    /// # Errors
    /// A failure of the backend.
    fn largest_stories(&self, limit: usize) -> Result<Vec<StorySummary>, StoreError>;

    /// The document of an article's current revision, rebuilt from its stored layers
    /// ([`rebuild`]): what `marsad analyze` gave for it.
    ///
    /// # Errors
    /// A failure of the backend, or stored layers that cannot be rebuilt.
    fn document(&self, article: i64) -> Result<Option<marsad_core::document::Document>, StoreError> {
        self.document_json(article)?
            .map(|json| rebuild::document_from_compact(&json).map_err(|reason| StoreError::Rebuild { article, reason }))
            .transpose()
    }
}
