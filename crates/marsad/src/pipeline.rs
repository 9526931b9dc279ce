//! The fixed sequence of stages that turns a text into an analysed [`Document`].
//!
//! A stage is a plain function of the document and the shared [`Resources`]; it
//! reads the layers of the stages before it and adds its own. The order is fixed
//! here, once, so every caller gets the same analysis.

use rayon::prelude::*;

use crate::document::{Document, Metadata};
use crate::resources::Resources;
use crate::text;

/// One stage of the pipeline.
#[derive(Clone, Copy)]
pub struct Stage {
    /// Its name, as used in timings and `--stages` listings.
    pub name: &'static str,
    /// The layers it reads.
    pub reads: &'static [&'static str],
    /// The layer it adds.
    pub adds: &'static str,
    /// The function that runs it.
    pub run: fn(&mut Document, &Resources),
}

/// The stages, in the order they run.
pub const STAGES: &[Stage] = &[
    Stage { name: "inspect", reads: &["text"], adds: "warnings", run: text::inspect::inspect },
    Stage { name: "normalize", reads: &["text"], adds: "normalized", run: text::normalize_stage },
    Stage { name: "tokenize", reads: &["normalized"], adds: "tokens", run: text::tokenize::tokenize },
    Stage { name: "clitics", reads: &["tokens"], adds: "clitics", run: text::clitics::segment },
    Stage { name: "sentences", reads: &["tokens"], adds: "sentences", run: text::sentences::split },
    Stage { name: "paragraphs", reads: &["sentences"], adds: "paragraphs", run: text::paragraphs::split },
    Stage { name: "repairs", reads: &["tokens", "clitics"], adds: "repairs", run: text::repairs::find },
    Stage { name: "times", reads: &["tokens"], adds: "times", run: crate::time::recognize },
    Stage { name: "quantities", reads: &["tokens", "times"], adds: "quantities", run: crate::quantity::recognize },
    Stage {
        name: "entities",
        reads: &["tokens", "clitics", "sentences"],
        adds: "mentions",
        run: crate::entities::recognize,
    },
    Stage {
        name: "resolve",
        reads: &["mentions", "tokens", "clitics"],
        adds: "entities",
        run: crate::entities::resolve::recognize,
    },
    Stage {
        name: "quotations",
        reads: &["tokens", "sentences", "entities"],
        adds: "quotations",
        run: crate::claims::recognize_quotations,
    },
    Stage {
        name: "claims",
        reads: &["sentences", "quotations", "times", "quantities", "mentions"],
        adds: "claims",
        run: crate::claims::recognize_claims,
    },
    Stage {
        name: "events",
        reads: &["tokens", "sentences", "entities", "quotations", "times"],
        adds: "events",
        run: crate::events::recognize,
    },
    Stage { name: "tone", reads: &["tokens", "sentences", "entities"], adds: "tone", run: crate::tone::recognize },
    Stage {
        name: "techniques",
        reads: &["tokens", "clitics", "paragraphs", "mentions", "quotations"],
        adds: "techniques",
        run: crate::framing::recognize,
    },
];

/// Runs the stages over documents, with resources loaded once.
#[derive(Clone, Copy)]
pub struct Pipeline {
    resources: &'static Resources,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    /// A pipeline over the resources embedded in the binary.
    pub fn new() -> Self {
        Pipeline { resources: Resources::embedded() }
    }

    /// The resources the stages share.
    pub fn resources(&self) -> &'static Resources {
        self.resources
    }

    /// Analyses one text.
    pub fn analyze(&self, text: impl Into<String>, meta: Metadata) -> Document {
        let mut doc = Document::new(text, meta);
        self.run(&mut doc);
        doc
    }

    /// Runs every stage over a document that has only its text and metadata.
    pub fn run(&self, doc: &mut Document) {
        for stage in STAGES {
            (stage.run)(doc, self.resources);
        }
    }

    /// Analyses one text with the stages up to and including `last` only (e.g.
    /// `"repairs"` for the text layer alone).
    ///
    /// # Panics
    /// When no stage is called `last`.
    pub fn analyze_through(&self, text: impl Into<String>, meta: Metadata, last: &str) -> Document {
        let end = STAGES.iter().position(|s| s.name == last).unwrap_or_else(|| panic!("no stage called {last}"));
        let mut doc = Document::new(text, meta);
        for stage in &STAGES[..=end] {
            (stage.run)(&mut doc, self.resources);
        }
        doc
    }

    /// Analyses many texts in parallel; the result is in input order and identical
    /// to analysing them one by one.
    pub fn analyze_many(&self, inputs: Vec<(String, Metadata)>) -> Vec<Document> {
        inputs.into_par_iter().map(|(text, meta)| self.analyze(text, meta)).collect()
    }
}
