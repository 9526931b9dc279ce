//! Training the pipeline's models from gold data (`marsad train …`): the named-entity
//! tagger ([`ner`]), the persuasion-technique models ([`framing`]) and the
//! check-worthiness model ([`checkworthy`]).

pub mod checkworthy;
pub mod framing;
pub mod ner;
pub mod pos;
