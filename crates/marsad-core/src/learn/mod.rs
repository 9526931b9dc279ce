//! Small learned models shared by the framing and check-worthiness layers.
//!
//! [`linear`] holds a multi-label logistic regression over named, hashed features:
//! trained here from gold data (`marsad train framing|checkworthy`), written as a
//! human-readable TSV under `resources/models/`, and read back into a hash map at
//! start-up.

pub mod linear;

pub use linear::{feature_hash, Example, LinearModel, TrainOptions};
