//! Throughput of the text layer on the example articles, repeated to about 100 KB:
//! the text layer (the stages up to `repairs`), the whole pipeline, normalisation
//! alone and tokenisation alone, in MB/s
//! (`Throughput::Bytes`) and in tokens per second (`Throughput::Elements`).
//!
//! Run with `cargo bench -p marsad --bench text_layer`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use marsad::text::tokenize::scan;
use marsad::{Metadata, Pipeline};
use marsad_core::normalize::NormalizedView;

mod common;
use common::corpus;

fn configure<M: criterion::measurement::Measurement>(group: &mut BenchmarkGroup<'_, M>) {
    group.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
}

fn text_layer(c: &mut Criterion) {
    let text = corpus();
    let pipeline = Pipeline::new();
    let view = NormalizedView::new(&text);
    let tokens = scan(&view).len() as u64;
    eprintln!("text_layer: corpus of {} bytes, {} characters, {} tokens", text.len(), text.chars().count(), tokens);

    let mut bytes = c.benchmark_group("text_layer/bytes");
    configure(&mut bytes);
    bytes.throughput(Throughput::Bytes(text.len() as u64));
    bytes.bench_function("text_layer", |b| {
        b.iter(|| pipeline.analyze_through(black_box(text.as_str()), Metadata::default(), "repairs"))
    });
    bytes.bench_function("pipeline", |b| b.iter(|| pipeline.analyze(black_box(text.as_str()), Metadata::default())));
    bytes.bench_function("normalize", |b| b.iter(|| NormalizedView::new(black_box(&text))));
    bytes.bench_function("tokenize", |b| b.iter(|| scan(black_box(&view))));
    bytes.finish();

    let mut elements = c.benchmark_group("text_layer/tokens");
    configure(&mut elements);
    elements.throughput(Throughput::Elements(tokens));
    elements.bench_function("text_layer", |b| {
        b.iter(|| pipeline.analyze_through(black_box(text.as_str()), Metadata::default(), "repairs"))
    });
    elements.bench_function("pipeline", |b| b.iter(|| pipeline.analyze(black_box(text.as_str()), Metadata::default())));
    elements.bench_function("tokenize", |b| b.iter(|| scan(black_box(&view))));
    elements.finish();
}

criterion_group!(benches, text_layer);
criterion_main!(benches);
