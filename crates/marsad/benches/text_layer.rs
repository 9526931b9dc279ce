//! Throughput of the text layer on the example articles, repeated to about 100 KB:
//! the whole pipeline, normalisation alone and tokenisation alone, in MB/s
//! (`Throughput::Bytes`) and in tokens per second (`Throughput::Elements`).
//!
//! Run with `cargo bench -p marsad --bench text_layer`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use marsad::text::normalize::NormalizedView;
use marsad::text::tokenize::scan;
use marsad::{Metadata, Pipeline};

/// The example articles, embedded so the benchmark runs on a fresh clone.
const EXAMPLES: &[&str] = &[
    include_str!("../../../examples/01_ziyara_rasmiya.txt"),
    include_str!("../../../examples/02_tamrin_mushtarak.txt"),
    include_str!("../../../examples/03_tasrih.txt"),
    include_str!("../../../examples/04_nafy.txt"),
    include_str!("../../../examples/05_mizaniya.txt"),
    include_str!("../../../examples/06_barlaman.txt"),
    include_str!("../../../examples/07_mutamar.txt"),
];

/// Target size of the benchmark text in bytes.
const TARGET_BYTES: usize = 100 * 1024;

/// The examples, separated by blank lines, repeated until about [`TARGET_BYTES`].
fn corpus() -> String {
    let mut text = String::with_capacity(TARGET_BYTES + 4096);
    'fill: loop {
        for article in EXAMPLES {
            text.push_str(article.trim_end());
            text.push_str("\n\n");
            if text.len() >= TARGET_BYTES {
                break 'fill;
            }
        }
    }
    text
}

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
