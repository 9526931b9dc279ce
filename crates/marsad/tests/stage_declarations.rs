//! The pipeline's stages declare what they read and add (`Stage::reads`, `Stage::adds`),
//! and the declarations are checked as spaCy's `analyze_pipes` and stanza's processor
//! requirements are: every layer a stage reads is added by an earlier stage, every
//! layer is added by exactly one stage, and a stage given only the layers it declares
//! (every other layer emptied) adds exactly what it adds on the full document — so a
//! stage that reads an undeclared layer fails here.

use std::panic::{catch_unwind, AssertUnwindSafe};

use marsad::{Document, Metadata, Pipeline, Stage, STAGES};

/// The project's example articles and a few short texts that reach every layer.
fn texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .expect("examples/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("example is UTF-8"))
        .collect();
    out.push(
        "قال الوزير إن المحادثات ستستأنف غدا.\n\nوأكد «نحن مستعدون» في بيروت يوم 3 مايو 2022 أمام 50 صحفيا.".into(),
    );
    out
}

#[test]
fn every_layer_read_is_added_earlier_and_every_layer_once() {
    let mut added: Vec<&str> = Vec::new();
    for stage in STAGES {
        for read in stage.reads {
            assert!(added.contains(read), "stage `{}` reads `{read}`, which no earlier stage adds", stage.name);
        }
        assert!(!added.contains(&stage.adds), "layer `{}` is added twice (again by `{}`)", stage.adds, stage.name);
        assert!(Document::LAYERS.contains(&stage.adds), "stage `{}` adds `{}`, not a layer", stage.name, stage.adds);
        added.push(stage.adds);
    }
    let missing: Vec<&&str> = Document::LAYERS.iter().filter(|l| !added.contains(*l)).collect();
    assert!(missing.is_empty(), "layers no stage adds: {missing:?}");
}

/// Runs `stage` on `doc` with every layer but `keep` emptied; its added layer as JSON,
/// or `None` when it panics.
fn run_with(stage: &Stage, doc: &Document, keep: &[&str]) -> Option<serde_json::Value> {
    let mut bare = doc.clone();
    for layer in Document::LAYERS {
        if !keep.contains(&layer) {
            bare.clear_layer(layer);
        }
    }
    let resources = Pipeline::new().resources();
    catch_unwind(AssertUnwindSafe(|| (stage.run)(&mut bare, resources))).ok()?;
    Some(serde_json::to_value(&bare).expect("a document serialises")[stage.adds].clone())
}

#[test]
fn a_stage_reads_no_layer_it_does_not_declare() {
    let resources = Pipeline::new().resources();
    let mut wrong = Vec::new();
    std::panic::set_hook(Box::new(|_| {}));
    for text in texts() {
        let meta = Metadata { published: Some("2022-11-20".into()), ..Default::default() };
        let mut doc = Document::new(text, meta);
        for stage in STAGES {
            let mut full = doc.clone();
            (stage.run)(&mut full, resources);
            let expected = Some(serde_json::to_value(&full).expect("a document serialises")[stage.adds].clone());
            if run_with(stage, &doc, stage.reads) != expected {
                // name the layers that make the difference, for the message
                let mut keep: Vec<&str> = stage.reads.to_vec();
                let mut more = Vec::new();
                for layer in Document::LAYERS {
                    if run_with(stage, &doc, &keep) == expected {
                        break;
                    }
                    if !keep.contains(&layer) {
                        keep.push(layer);
                        if run_with(stage, &doc, &keep) != run_with(stage, &doc, &keep[..keep.len() - 1]) {
                            more.push(layer);
                        } else {
                            keep.pop();
                        }
                    }
                }
                wrong.push(format!("stage `{}` declares {:?} but also reads {more:?}", stage.name, stage.reads));
            }
            doc = full;
        }
    }
    let _ = std::panic::take_hook();
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// `analyze_layers` runs only the stages a choice of layers needs, and those layers
/// come out as the whole pipeline makes them.
#[test]
fn the_stages_a_layer_needs_make_it_as_the_whole_pipeline_does() {
    let pipeline = Pipeline::new();
    let names = |stages: Vec<&Stage>| stages.iter().map(|s| s.name).collect::<Vec<_>>();
    assert_eq!(names(Pipeline::stages_for(&["tokens"])), ["inspect", "normalize", "tokenize"]);
    assert_eq!(names(Pipeline::stages_for(&["warnings"])), ["inspect"]);
    assert_eq!(
        names(Pipeline::stages_for(&["times", "sentences"])),
        ["inspect", "normalize", "tokenize", "sentences", "times"]
    );
    for text in texts() {
        let meta = Metadata { published: Some("2022-11-20".into()), ..Default::default() };
        let full = serde_json::to_value(pipeline.analyze(text.clone(), meta.clone())).unwrap();
        for layer in Document::LAYERS {
            let only = serde_json::to_value(pipeline.analyze_layers(text.clone(), meta.clone(), &[layer])).unwrap();
            assert_eq!(only[layer], full[layer], "layer {layer}");
        }
    }
}
