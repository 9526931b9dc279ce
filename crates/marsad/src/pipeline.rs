//! The fixed sequence of stages that turns a text into an analysed [`Document`].
//!
//! A stage is a plain function of the document and the shared [`Resources`]; it
//! reads the layers of the stages before it and adds its own. The order is fixed
//! here, once, so every caller gets the same analysis.

use rayon::prelude::*;

use marsad_core::document::{Document, Metadata};

use crate::resources::Resources;
use crate::{claims, entities, events, framing, quantity, text, time, tone};

/// One stage of the pipeline.
#[derive(Clone, Copy)]
pub struct Stage {
    /// Its name, as used in timings and `--stages` listings.
    pub name: &'static str,
    /// The layers of the [`Document`] it reads (`text` and `meta` are always there).
    /// A test runs each stage with every other layer cleared and checks that its
    /// output does not change, so this list is what the code really reads.
    pub reads: &'static [&'static str],
    /// The layer it adds.
    pub adds: &'static str,
    /// The function that runs it, given the data it needs from the resources.
    pub run: fn(&mut Document, &Resources),
}

/// The stages, in the order they run.
pub const STAGES: &[Stage] = &[
    Stage { name: "inspect", reads: &[], adds: "warnings", run: |d, _| text::inspect::inspect(d) },
    Stage { name: "normalize", reads: &[], adds: "normalized", run: |d, _| text::normalize_stage(d) },
    Stage { name: "tokenize", reads: &["normalized"], adds: "tokens", run: |d, _| text::tokenize::tokenize(d) },
    Stage {
        name: "clitics",
        reads: &["normalized", "tokens"],
        adds: "clitics",
        run: |d, r| text::clitics::segment(d, &r.text()),
    },
    Stage {
        name: "sentences",
        reads: &["tokens"],
        adds: "sentences",
        run: |d, r| text::sentences::split(d, &r.text()),
    },
    Stage { name: "paragraphs", reads: &["sentences"], adds: "paragraphs", run: |d, _| text::paragraphs::split(d) },
    Stage {
        name: "repairs",
        reads: &["tokens", "clitics"],
        adds: "repairs",
        run: |d, r| text::repairs::find(d, &r.text()),
    },
    Stage {
        name: "pos",
        reads: &["tokens", "clitics", "sentences"],
        adds: "pos",
        run: |d, r| text::pos::recognize(d, &r.pos()),
    },
    Stage { name: "times", reads: &["tokens"], adds: "times", run: |d, r| time::recognize(d, &r.times()) },
    Stage {
        name: "quantities",
        reads: &["tokens", "clitics", "times"],
        adds: "quantities",
        run: |d, r| quantity::recognize(d, &r.quantities()),
    },
    Stage {
        name: "entities",
        reads: &["tokens", "clitics", "sentences"],
        adds: "mentions",
        run: |d, r| entities::recognize(d, &r.entities()),
    },
    Stage {
        name: "resolve",
        reads: &["tokens", "clitics", "sentences", "mentions"],
        adds: "entities",
        run: |d, r| entities::resolve::recognize(d, &r.entities()),
    },
    Stage {
        name: "quotations",
        reads: &["tokens", "clitics", "sentences", "mentions", "entities"],
        adds: "quotations",
        run: |d, r| claims::recognize_quotations(d, &r.claims()),
    },
    Stage {
        name: "claims",
        reads: &["tokens", "clitics", "sentences", "times", "quantities", "mentions", "quotations"],
        adds: "claims",
        run: |d, r| claims::recognize_claims(d, &r.claims()),
    },
    Stage {
        name: "events",
        reads: &["tokens", "clitics", "sentences", "pos", "times", "quantities", "mentions", "entities", "quotations"],
        adds: "events",
        run: |d, r| events::recognize(d, &r.events()),
    },
    Stage {
        name: "tone",
        reads: &["tokens", "sentences", "mentions", "entities"],
        adds: "tone",
        run: |d, r| tone::recognize(d, &r.tone),
    },
    Stage {
        name: "techniques",
        reads: &["tokens", "clitics", "sentences", "paragraphs", "mentions", "quotations"],
        adds: "techniques",
        run: |d, r| framing::recognize(d, &r.framing()),
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

    /// The stages that `layers` need: the stages that add them and, in turn, those
    /// that add the layers they read, in pipeline order. `inspect` (the warnings
    /// about the text as a whole) always runs.
    ///
    /// # Panics
    /// When a name is not one of [`Document::LAYERS`].
    pub fn stages_for(layers: &[&str]) -> Vec<&'static Stage> {
        let mut needed: Vec<&str> = vec!["warnings"];
        for &layer in layers {
            assert!(Document::LAYERS.contains(&layer), "no layer called {layer}");
            needed.push(layer);
        }
        // stages come after the stages they read from: one pass from the end suffices
        for stage in STAGES.iter().rev() {
            if needed.contains(&stage.adds) {
                needed.extend_from_slice(stage.reads);
            }
        }
        STAGES.iter().filter(|s| needed.contains(&s.adds)).collect()
    }

    /// Analyses one text with only the stages that `layers` need
    /// ([`Pipeline::stages_for`]): those layers are what [`Pipeline::analyze`] gives,
    /// the layers no stage was run for are empty.
    pub fn analyze_layers(&self, text: impl Into<String>, meta: Metadata, layers: &[&str]) -> Document {
        let mut doc = Document::new(text, meta);
        for stage in Self::stages_for(layers) {
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
