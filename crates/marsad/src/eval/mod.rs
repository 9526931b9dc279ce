//! Evaluation of the pipeline's layers against gold data (`marsad eval ...`).
//!
//! One submodule per layer, each with a reader for its gold format and a scorer
//! that runs the real pipeline on the gold texts: [`ner`] (named entities, CoNLL
//! files, conlleval-style exact-span scores). Later layers add theirs (time
//! expressions, quantities, framing) beside it.

pub mod conll;
pub mod ner;
