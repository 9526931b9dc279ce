//! What the handlers share: read-only connections to the store, the search index
//! with its facet table, and, with `--allow-ingest`, the one writer.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use marsad_store::search::{FacetTable, SearchIndex};
use marsad_store::{SqliteStore, StoreError};

use crate::error::ApiError;

/// Read-only connections to the store, opened as needed and kept for the next request.
pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<SqliteStore>>,
}

/// A connection taken from the pool, given back when dropped.
pub struct Pooled<'a> {
    store: Option<SqliteStore>,
    pool: &'a Pool,
}

impl Pool {
    /// A pool of connections to the store at `path` (checked by opening one).
    ///
    /// # Errors
    /// A store that cannot be opened to read.
    pub fn new(path: &Path) -> Result<Pool, StoreError> {
        let first = SqliteStore::open_read_only(path)?;
        Ok(Pool { path: path.to_owned(), idle: Mutex::new(vec![first]) })
    }

    /// A connection.
    ///
    /// # Errors
    /// The store cannot be opened.
    pub fn get(&self) -> Result<Pooled<'_>, ApiError> {
        let idle = self.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop();
        let store = match idle {
            Some(s) => s,
            None => SqliteStore::open_read_only(&self.path)?,
        };
        Ok(Pooled { store: Some(store), pool: self })
    }
}

impl std::ops::Deref for Pooled<'_> {
    type Target = SqliteStore;
    fn deref(&self) -> &SqliteStore {
        self.store.as_ref().expect("a pooled connection is held until dropped")
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let Some(s) = self.store.take() {
            self.pool.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(s);
        }
    }
}

/// The writer of `--allow-ingest`: the store opened to write.
pub struct Writer {
    /// The store, opened to write.
    pub store: SqliteStore,
}

/// Everything the handlers share.
pub struct AppState {
    /// Connections to read.
    pub pool: Pool,
    /// The search index.
    pub index: SearchIndex,
    /// Each article's facet values.
    pub facets: RwLock<FacetTable>,
    /// The writer, when ingesting is allowed.
    pub writer: Option<Mutex<Writer>>,
    /// The analysis, when ingesting is allowed.
    pub pipeline: Option<marsad::Pipeline>,
}

impl AppState {
    /// Opens the store at `store` and its index at `index` (levelling the index
    /// with the store when no other process writes it), and the writer when
    /// `allow_ingest`.
    ///
    /// # Errors
    /// A store or index that cannot be opened.
    pub fn open(store: &Path, index: &Path, allow_ingest: bool) -> Result<Arc<AppState>, crate::ServeError> {
        let writer = if allow_ingest {
            // opened to write first, so that an older store is migrated before the readers open it
            Some(Mutex::new(Writer { store: SqliteStore::open(store)? }))
        } else {
            None
        };
        let pool = Pool::new(store)?;
        let index = SearchIndex::open(index, true)?;
        {
            let reader = pool.get().map_err(|e| crate::ServeError::Start(e.message))?;
            match index.reconcile(&*reader, |_, _| {}) {
                Ok(r) if r.added > 0 || r.removed > 0 => {
                    eprintln!("marsad serve: indexed {} articles the index lacked", r.added);
                }
                Ok(_) => {}
                Err(marsad_store::search::SearchError::Busy { dir }) => {
                    eprintln!(
                        "marsad serve: {} is being written by another process: searching what it holds",
                        dir.display()
                    );
                }
                Err(e) => return Err(e.into()),
            }
        }
        let facets = {
            let reader = pool.get().map_err(|e| crate::ServeError::Start(e.message))?;
            FacetTable::load(reader.connection(), reader.path())?
        };
        let pipeline = allow_ingest.then(marsad::Pipeline::new);
        Ok(Arc::new(AppState { pool, index, facets: RwLock::new(facets), writer, pipeline }))
    }

    /// Sees what another process (an ingest) added to the index and the store since
    /// the last refresh.
    ///
    /// # Errors
    /// A failure of the index or the store.
    pub fn refresh(&self) -> Result<usize, ApiError> {
        self.index.reload().map_err(ApiError::internal)?;
        let reader = self.pool.get()?;
        let mut facets = self.facets.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        facets.update(reader.connection(), reader.path()).map_err(ApiError::internal)
    }
}
