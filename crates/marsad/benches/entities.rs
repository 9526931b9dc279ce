//! Speed of the named-entity tagger on the example articles repeated to about 100 KB:
//! the `entities` stage alone (gazetteer matching, features, Viterbi and mentions) on
//! documents that already have their text layers, in tokens per second; the `resolve`
//! stage (links, grouping, roles) on its mentions; and the load time of the tagger's
//! model and gazetteer.
//!
//! Run with `cargo bench -p marsad --bench entities`.

use std::borrow::Cow;
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad::entities::gazetteer::Gazetteer;
use marsad::entities::tagger::NerModel;
use marsad::{Document, Metadata, Pipeline, STAGES};

mod common;
use common::corpus;

fn entities(c: &mut Criterion) {
    let pipeline = Pipeline::new();
    let res = pipeline.resources();
    // a document with every layer before `entities`
    let mut doc = Document::new(corpus(), Metadata::default());
    for stage in STAGES.iter().take_while(|s| s.name != "entities") {
        (stage.run)(&mut doc, res);
    }
    let tokens = doc.tokens.len() as u64;
    eprintln!("entities: {} tokens, {} sentences", tokens, doc.sentences.len());

    let mut g = c.benchmark_group("entities/tokens");
    g.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    g.throughput(Throughput::Elements(tokens));
    g.bench_function("stage", |b| {
        b.iter(|| marsad::entities::find_mentions(black_box(&doc), &res.entities(), &res.ner))
    });
    g.bench_function("gazetteer", |b| b.iter(|| res.gazetteer.matches(black_box(&doc), 0..doc.tokens.len())));
    // resolution, grouping and roles over the mentions found
    let mut resolved = doc.clone();
    resolved.mentions = marsad::entities::find_mentions(&doc, &res.entities(), &res.ner);
    g.bench_function("resolve", |b| {
        b.iter(|| marsad::entities::resolve::resolve(black_box(&resolved), &res.gazetteer))
    });
    g.finish();

    let mut g = c.benchmark_group("entities/load");
    g.sample_size(20).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    g.bench_function("model", |b| b.iter(|| NerModel::from_bytes(Cow::Borrowed(black_box(res_model_bytes())))));
    g.bench_function("gazetteer", |b| b.iter(Gazetteer::embedded));
    g.finish();
}

fn res_model_bytes() -> &'static [u8] {
    include_bytes!("../../../resources/models/ner.bin")
}

criterion_group!(benches, entities);
criterion_main!(benches);
