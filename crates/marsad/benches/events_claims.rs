//! Speed of the quotations, claims and events stages on the example articles repeated
//! to about 100 KB, each on a document that already has the layers before it, in
//! sentences per second on one core.
//!
//! Run with `cargo bench -p marsad --bench events_claims`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad::{Document, Metadata, Pipeline, STAGES};

mod common;
use common::corpus;

fn events_claims(c: &mut Criterion) {
    let pipeline = Pipeline::new();
    let res = pipeline.resources();
    let meta = Metadata { published: Some("2025-01-16".into()), ..Metadata::default() };
    // every layer up to `claims`, so each stage can be run alone on it
    let mut doc = Document::new(corpus(), meta);
    for stage in STAGES.iter().take_while(|s| s.name != "events") {
        (stage.run)(&mut doc, res);
    }
    let sentences = doc.sentences.len() as u64;
    eprintln!("events_claims: {sentences} sentences, {} quotations, {} claims", doc.quotations.len(), doc.claims.len());
    let mut g = c.benchmark_group("events_claims/sentences");
    g.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    g.throughput(Throughput::Elements(sentences));
    g.bench_function("quotations", |b| b.iter(|| marsad::claims::quotes::find(black_box(&doc), &res.claims)));
    g.bench_function("claims", |b| b.iter(|| marsad::claims::worth::claims(black_box(&doc), &res.claims)));
    g.bench_function("events", |b| b.iter(|| marsad::events::find(black_box(&doc), &res.events())));
    g.finish();
}

criterion_group!(benches, events_claims);
criterion_main!(benches);
