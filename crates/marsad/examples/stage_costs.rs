//! Time spent in each pipeline stage over real articles.
//!
//! `cargo run --release -p marsad --example stage_costs -- FILE.jsonl [N]`
//! reads the `text` field of the first N (default 2,000) records of a JSON Lines
//! file and prints, per stage, the total time, its share, and the throughput.

use std::io::BufRead;
use std::time::{Duration, Instant};

use marsad::{Document, Metadata, Resources, STAGES};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: stage_costs FILE.jsonl [N]");
    let limit: usize = args.next().map_or(2000, |n| n.parse().expect("N is a number"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let texts: Vec<String> = std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .take(limit)
        .collect();
    let t_load = Instant::now();
    let res = Resources::embedded();
    let load = t_load.elapsed();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut costs = vec![Duration::ZERO; STAGES.len()];
    let mut tokens = 0usize;
    for text in &texts {
        let mut doc = Document::new(text.clone(), Metadata::default());
        for (k, stage) in STAGES.iter().enumerate() {
            let t = Instant::now();
            (stage.run)(&mut doc, res);
            costs[k] += t.elapsed();
        }
        tokens += doc.tokens.len();
    }
    let total: Duration = costs.iter().sum();
    println!(
        "{} articles, {:.1} MB, {} tokens; resources loaded in {:.1} ms",
        texts.len(),
        bytes as f64 / 1e6,
        tokens,
        load.as_secs_f64() * 1e3
    );
    for (stage, cost) in STAGES.iter().zip(&costs) {
        println!(
            "{:<12} {:>9.1} ms {:>5.1} % {:>9.1} MB/s {:>7.3} µs/token",
            stage.name,
            cost.as_secs_f64() * 1e3,
            100.0 * cost.as_secs_f64() / total.as_secs_f64(),
            bytes as f64 / 1e6 / cost.as_secs_f64(),
            cost.as_secs_f64() * 1e6 / tokens as f64
        );
    }
    println!(
        "{:<12} {:>9.1} ms {:>5.1} % {:>9.1} MB/s {:>7.3} µs/token, {:.0} articles/s",
        "all",
        total.as_secs_f64() * 1e3,
        100.0,
        bytes as f64 / 1e6 / total.as_secs_f64(),
        total.as_secs_f64() * 1e6 / tokens as f64,
        texts.len() as f64 / total.as_secs_f64()
    );
}
