//! # marsad-eval
//!
//! Above the pipeline: scoring its layers against gold data ([`eval`]), training its
//! models ([`train`]), and the invariants every input must keep ([`robustness`]).
//! Nothing in the pipeline imports this crate.

#![warn(missing_docs)]

pub mod eval;
pub mod robustness;
pub mod train;
