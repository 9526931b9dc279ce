//! What can go wrong with a search index, in words a person can act on.

use std::path::PathBuf;

use crate::StoreError;

/// An error of the search index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// A query the parser cannot read.
    #[error("cannot read the query {query:?}: {reason}")]
    Query {
        /// The query as given.
        query: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A filter value that is not of its kind (a date that is not YYYY-MM-DD).
    #[error("{flag} {value:?}: {reason}")]
    Filter {
        /// The flag.
        flag: &'static str,
        /// The value given.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Another process writes the index.
    #[error(
        "the index {dir} is being written by another process (an ingest or an indexing run): try again when it ends"
    )]
    Busy {
        /// The index folder.
        dir: PathBuf,
    },
    /// An index of another format or analyzer.
    #[error(
        "{dir} is not a marsad search index of this version ({reason}): rebuild it with `marsad index --store STORE`"
    )]
    Format {
        /// The index folder.
        dir: PathBuf,
        /// What was found.
        reason: String,
    },
    /// A failure of the index, with what was being done.
    #[error("{doing}: {source}")]
    Index {
        /// What was being done.
        doing: String,
        /// Tantivy's error.
        source: tantivy::TantivyError,
    },
    /// A failure of the store.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Adds what was being done to an index error.
pub(crate) trait Doing<T> {
    fn doing(self, what: impl FnOnce() -> String) -> Result<T, SearchError>;
}

impl<T> Doing<T> for Result<T, tantivy::TantivyError> {
    fn doing(self, what: impl FnOnce() -> String) -> Result<T, SearchError> {
        self.map_err(|source| SearchError::Index { doing: what(), source })
    }
}
