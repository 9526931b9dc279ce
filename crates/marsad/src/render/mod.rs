//! Rendering a [`Document`](crate::Document): terminal report, JSON, HTML.
//! Pure functions of a document; they never change it.

pub mod html;
pub mod json;
pub mod text;
