//! Training the pipeline's models from gold data (`marsad train …`): the named-entity
//! tagger ([`ner`]), the part-of-speech tagger ([`pos`]), the persuasion-technique
//! models ([`framing`]), the check-worthiness model ([`checkworthy`]) and the event
//! models ([`events`]).

pub mod checkworthy;
pub mod events;
pub mod framing;
pub mod ner;
pub mod pos;
