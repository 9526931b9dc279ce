//! Evaluation of the pipeline's layers against gold data (`marsad eval ...`).
//!
//! One submodule per layer, each with a reader for its gold format and a scorer
//! that runs the real pipeline on the gold texts: [`ner`] (named entities, CoNLL
//! files, conlleval-style exact-span scores) and [`expressions`] (time expressions and
//! quantities: offset gold files into the news corpora, strict and relaxed spans, values, beside
//! the trivial baseline of [`regex_baseline`]) and
//! [`entities`] (entity resolution: links, grouping, metonymy) and [`events_claims`]
//! (events and claims, per field, texts from any JSON Lines file), [`links`] (linking
//! precision and recall on words that look like names, the false-friends set) and
//! [`tone`] (polarity toward named actors on the project's gold sentences).

pub mod conll;
pub mod entities;
pub mod events_claims;
pub mod expressions;
pub mod framing;
pub mod framing_gold;
pub mod framing_neutral;
pub mod guard;
pub mod links;
pub mod ner;
pub mod pos;
pub mod regex_baseline;
pub mod tone;
