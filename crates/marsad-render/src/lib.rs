//! Rendering a [`Document`](marsad_core::Document): terminal report ([`text`]), JSON with
//! character offsets ([`json`], schema in `docs/schema/document.schema.json`) and a
//! self-contained right-to-left HTML page ([`html`]), and GDELT 2.0 event rows ([`gdelt`]).
//!
//! Pure functions of a document; they never change it, and import no stage of the
//! pipeline: everything they show is in the document.

#![warn(missing_docs)]

pub mod gdelt;
pub mod html;
pub mod json;
pub mod text;
pub mod view;
