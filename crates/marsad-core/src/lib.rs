//! # marsad-core
//!
//! The types every marsad crate shares, depending on no other marsad crate: the
//! stand-off [`Document`] with its layer types, [`Span`]s into the original text,
//! the character rules and matching keys of Arabic, the word-frequency [`lexicon`],
//! phrase tables, small linear models ([`learn`]), scores ([`metrics`]) and the error
//! type of data files ([`data`]).
//!
//! The pipeline (`marsad`) fills documents; renderers, evaluation, the store and the
//! server read them. Nothing here knows any stage.

#![warn(missing_docs)]

pub mod chars;
pub mod data;
pub mod document;
pub mod learn;
pub mod lexicon;
pub mod memo;
pub mod metrics;
pub mod names;
pub mod normalize;
pub mod phrases;
pub mod span;
pub mod taxonomy;

pub use document::{Document, Metadata, Origin, SCHEMA_VERSION};
pub use span::{CharIndex, Span};
