//! Rendering a [`Document`](crate::Document): terminal report ([`text`]), JSON with
//! character offsets ([`json`], schema in `docs/schema/document.schema.json`) and a
//! self-contained right-to-left HTML page ([`html`]).
//!
//! Pure functions of a document; they never change it.

pub mod html;
pub mod json;
pub mod text;
