//! Speed of the time and quantity layers on the example articles repeated to about
//! 100 KB: each stage alone, on a document that already has its text layers, in bytes
//! of text per second on one core.
//!
//! Run with `cargo bench -p marsad --bench time_quantities`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad::{Document, Metadata, Pipeline, STAGES};

mod common;
use common::corpus;

fn time_quantities(c: &mut Criterion) {
    let pipeline = Pipeline::new();
    let res = pipeline.resources();
    let meta = Metadata { published: Some("2024-01-16".into()), ..Metadata::default() };
    // a document with every layer up to `times` (quantities leave dates alone)
    let mut doc = Document::new(corpus(), meta);
    for stage in STAGES.iter().take_while(|s| s.name != "quantities") {
        (stage.run)(&mut doc, res);
    }
    let mut g = c.benchmark_group("time_quantities/bytes");
    g.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    g.throughput(Throughput::Bytes(doc.text.len() as u64));
    g.bench_function("times", |b| b.iter(|| marsad::time::find(black_box(&doc), &res.times())));
    g.bench_function("quantities", |b| b.iter(|| marsad::quantity::find(black_box(&doc), &res.quantities())));
    g.finish();
}

criterion_group!(benches, time_quantities);
criterion_main!(benches);
