//! Full-text search over a store: a tantivy index in a folder beside the store
//! (`<store file>.index` by default), filled as articles are ingested and levelled
//! with the store whenever it is opened to write ([`SearchIndex::reconcile`]).
//!
//! Text and query go through the same Arabic analyzer ([`analyzer`]), built from
//! marsad's text layer: normalisation, clitic segmentation and a light stemmer.
//! Filters narrow a search by publication date, outlet, entity, event type and
//! persuasion technique; hits are ranked by BM25 and carry a snippet of the
//! original text with the matched words marked.

pub mod analyzer;
mod error;
mod facets;
mod index;
mod query;
mod record;

pub use error::SearchError;
pub use facets::{FacetCount, FacetTable, Facets, Page, FACET_TOP};
pub use index::{day_number, filter_key, Indexer, Reconciled, SearchIndex, INDEX_FORMAT};
pub use query::{Hit, Hits, SearchRequest, Snippet};
pub use record::IndexRecord;
