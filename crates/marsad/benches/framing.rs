//! Speed of the tone and techniques stages (on a document that already has the
//! layers before them) on the example articles repeated to about 100 KB, in words
//! per second on one core; and of the whole pipeline on each example article, in
//! articles per second, to see the framing layer's share of it.
//!
//! Run with `cargo bench -p marsad --bench framing`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad::document::TokenKind;
use marsad::{Document, Metadata, Pipeline, STAGES};

mod common;
use common::corpus;

fn framing(c: &mut Criterion) {
    let pipeline = Pipeline::new();
    let res = pipeline.resources();
    let meta = Metadata { published: Some("2025-01-16".into()), ..Metadata::default() };
    let mut doc = Document::new(corpus(), meta.clone());
    for stage in STAGES.iter().take_while(|s| s.name != "tone") {
        (stage.run)(&mut doc, res);
    }
    let words = doc.tokens.iter().filter(|t| t.kind == TokenKind::Arabic).count() as u64;
    eprintln!("framing: {words} Arabic words, {} paragraphs", doc.paragraphs.len());
    let mut g = c.benchmark_group("framing/words");
    g.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    g.throughput(Throughput::Elements(words));
    g.bench_function("tone", |b| b.iter(|| marsad::tone::measure(black_box(&doc), &res.tone)));
    g.bench_function("techniques", |b| {
        b.iter(|| marsad::framing::detect::techniques(black_box(&doc), &res.framing, &res.tone, &res.lexicon))
    });
    g.finish();

    let articles: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"))
        .expect("the examples folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("an example"))
        .collect();
    let mut g = c.benchmark_group("pipeline/articles");
    g.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    g.throughput(Throughput::Elements(articles.len() as u64));
    g.bench_function("all stages", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(pipeline.analyze(a.as_str(), meta.clone()));
            }
        })
    });
    g.bench_function("all stages but tone and techniques", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(pipeline.analyze_through(a.as_str(), meta.clone(), "events"));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, framing);
criterion_main!(benches);
