//! Read-only queries for browsing a store (what `marsad serve` answers): one
//! article with its copies, events with their places, a timeline, a network of
//! actors, story clusters and the outlets that reported a story.
//!
//! [`Queries`] is what a backend implements; the SQLite backend's statements are in
//! the file of each family (`article`, `events`, `timeline`, `network`, `stories`),
//! their answers are plain types with no SQL in them, so that another backend can
//! give the same. Copies are counted once: the events of an article stored as a copy
//! (or near-duplicate) of another are left out when the article it copies is in the
//! same selection, as `marsad export` does.

mod article;
pub mod claim_match;
mod events;
mod filters;
mod network;
mod stories;
mod timeline;

pub use article::{ArticleView, CopyRef, CopyView};
pub use events::{EventFilter, EventPage, EventView};
pub use filters::{BBox, DateSpan};
pub use network::{actor_key, Network, NetworkEdge, NetworkNode};
pub use stories::{ClaimMatchView, ClaimView, OutletView, OutletsView, StoryArticle, StoryView};
pub use timeline::{Timeline, TimelineBy, TimelineDay};

use crate::error::{Doing, StoreError};
use crate::SqliteStore;

/// The read-only queries of a store.
pub trait Queries {
    /// One article with its copies and its document (compact JSON); `None` when
    /// the store has no such article.
    ///
    /// # Errors
    /// A failure of the backend.
    fn article_view(&self, id: i64) -> Result<Option<ArticleView>, StoreError>;

    /// A page of events (`page` from 1), with how many match in all.
    ///
    /// # Errors
    /// A failure of the backend.
    fn events(&self, filter: &EventFilter, page: usize, per_page: usize) -> Result<EventPage, StoreError>;

    /// Events per day, by type or by quad class.
    ///
    /// # Errors
    /// A failure of the backend.
    fn timeline(&self, filter: &EventFilter, by: TimelineBy) -> Result<Timeline, StoreError>;

    /// The network of actors: the `limit` actors with most events and the edges
    /// between them.
    ///
    /// # Errors
    /// A failure of the backend.
    fn network(&self, span: &DateSpan, limit: usize) -> Result<Network, StoreError>;

    /// The events between two actors (by [`actor_key`]), in either direction, at most `max`.
    ///
    /// # Errors
    /// A failure of the backend.
    fn network_edge(&self, a: &str, b: &str, span: &DateSpan, max: usize) -> Result<Vec<EventView>, StoreError>;

    /// True when the store holds story clusters (schema version 2).
    ///
    /// # Errors
    /// A failure of the backend.
    fn has_stories(&self) -> Result<bool, StoreError>;

    /// A story with its articles and events; `None` when there is no such story.
    ///
    /// # Errors
    /// A failure of the backend (or a store without stories).
    fn story(&self, id: i64) -> Result<Option<StoryView>, StoreError>;

    /// The outlets that reported a story, with their techniques, tone and claims,
    /// each claim matched with the claims of the other outlets.
    ///
    /// # Errors
    /// A failure of the backend (or a store without stories).
    fn outlets(&self, story: i64) -> Result<Option<OutletsView>, StoreError>;
}

impl SqliteStore {
    /// True when the store has this table.
    pub(crate) fn has_table(&self, name: &str) -> Result<bool, StoreError> {
        self.connection()
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)")
            .and_then(|mut s| s.query_row([name], |r| r.get(0)))
            .doing(&format!("cannot read {}", self.path().display()))
    }

    /// True when the table has this column.
    pub(crate) fn has_column(&self, table: &str, column: &str) -> Result<bool, StoreError> {
        self.connection()
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2)")
            .and_then(|mut s| s.query_row([table, column], |r| r.get(0)))
            .doing(&format!("cannot read {}", self.path().display()))
    }

    pub(crate) fn doing_read(&self) -> String {
        format!("cannot read {}", self.path().display())
    }
}

impl Queries for SqliteStore {
    fn article_view(&self, id: i64) -> Result<Option<ArticleView>, StoreError> {
        article::article_view(self, id)
    }

    fn events(&self, filter: &EventFilter, page: usize, per_page: usize) -> Result<EventPage, StoreError> {
        events::events(self, filter, page, per_page)
    }

    fn timeline(&self, filter: &EventFilter, by: TimelineBy) -> Result<Timeline, StoreError> {
        timeline::timeline(self, filter, by)
    }

    fn network(&self, span: &DateSpan, limit: usize) -> Result<Network, StoreError> {
        network::network(self, span, limit)
    }

    fn network_edge(&self, a: &str, b: &str, span: &DateSpan, max: usize) -> Result<Vec<EventView>, StoreError> {
        network::edge(self, a, b, span, max)
    }

    fn has_stories(&self) -> Result<bool, StoreError> {
        // a store of schema version 2 has the tables from the start: it has story
        // clusters once a grouping has written one
        if !(self.has_table("stories")? && self.has_table("story_articles")?) {
            return Ok(false);
        }
        self.connection()
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM stories)")
            .and_then(|mut s| s.query_row([], |r| r.get(0)))
            .doing(&format!("cannot read {}", self.path().display()))
    }

    fn story(&self, id: i64) -> Result<Option<StoryView>, StoreError> {
        stories::story(self, id)
    }

    fn outlets(&self, story: i64) -> Result<Option<OutletsView>, StoreError> {
        stories::outlets(self, story)
    }
}
