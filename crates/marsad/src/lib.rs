//! # marsad
//!
//! Arabic news analysis as a library: a stand-off [`Document`] model, the Arabic
//! text layer (normalised view, tokens, clitics, sentences, paragraphs, repairs)
//! and a [`Pipeline`] of stages over shared, embedded [`Resources`].
//!
//! ```
//! use marsad::{Metadata, Pipeline};
//!
//! let doc = Pipeline::new().analyze("قال الوزير إن المحادثات ستستأنف غدا.", Metadata::default());
//! assert_eq!(doc.sentences.len(), 1);
//! assert!(doc.tokens.iter().any(|t| t.norm == "الوزير"));
//! ```
//!
//! The original text is never modified: every layer holds byte [`Span`]s into
//! [`Document::text`]. JSON output (the `marsad-render` crate) converts them to character
//! offsets.

#![warn(missing_docs)]

pub mod claims;
pub mod entities;
pub mod events;
pub mod framing;
pub mod input;
pub mod pipeline;
pub mod quantity;
pub mod resources;
pub mod text;
pub mod time;
pub mod tone;

pub use marsad_core::document::{self, Document, Metadata, Origin, SCHEMA_VERSION};
pub use marsad_core::span::{self, CharIndex, Span};
pub use pipeline::{Pipeline, Stage, STAGES};
pub use resources::Resources;
