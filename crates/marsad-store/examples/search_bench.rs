//! Search latency in process: every query of a file run against a store and its
//! index, after one warm-up pass; prints p50, p95, p99 and the slowest, the hits,
//! and the index's size on disk.
//!
//!     cargo run --release -p marsad-store --example search_bench -- \
//!         STORE.sqlite [--index DIR] [--queries bench/search_queries.jsonl] [--rounds 3]
//!
//! Each query is one line of JSON: `query` and optional `outlet`, `entity`,
//! `event`, `technique`, `from`, `to`. A search here is what `marsad search` does
//! after opening: parse, search, top 10 read back from the store with snippets.

use std::path::{Path, PathBuf};
use std::time::Instant;

use marsad_store::search::{SearchIndex, SearchRequest};
use marsad_store::SqliteStore;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut store = None;
    let mut index = None;
    let mut queries = PathBuf::from("bench/search_queries.jsonl");
    let mut rounds = 3usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--index" => index = args.next().map(PathBuf::from),
            "--queries" => queries = args.next().map(PathBuf::from).ok_or("--queries takes a file")?,
            "--rounds" => rounds = args.next().ok_or("--rounds takes a number")?.parse()?,
            _ if store.is_none() => store = Some(PathBuf::from(a)),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let store_path = store.ok_or("give the store: search_bench STORE.sqlite")?;
    let dir = index.unwrap_or_else(|| SearchIndex::default_dir(&store_path));
    let store = SqliteStore::open_read_only(&store_path)?;
    let opened = Instant::now();
    let index = SearchIndex::open(&dir, false)?;
    index.reconcile(&store, |_, _| {})?;
    let open_ms = opened.elapsed().as_secs_f64() * 1e3;
    let field = |v: &serde_json::Value, k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_owned);
    let requests: Vec<SearchRequest> = std::fs::read_to_string(&queries)?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l)?;
            Ok(SearchRequest {
                query: field(&v, "query").unwrap_or_default(),
                from: field(&v, "from"),
                to: field(&v, "to"),
                outlet: field(&v, "outlet"),
                entity: field(&v, "entity"),
                event: field(&v, "event"),
                technique: field(&v, "technique"),
                limit: 10,
            })
        })
        .collect::<Result<_, serde_json::Error>>()?;
    // warm-up: the analyzer's resources, the page cache, SQLite's statements
    let mut with_hits = 0;
    let mut total_hits = 0usize;
    for r in &requests {
        let found = index.search(&store, r)?;
        with_hits += usize::from(!found.hits.is_empty());
        total_hits += found.total;
    }
    let mut ms = Vec::with_capacity(requests.len() * rounds);
    for _ in 0..rounds {
        for r in &requests {
            let t = Instant::now();
            let found = index.search(&store, r)?;
            std::hint::black_box(found);
            ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    ms.sort_by(f64::total_cmp);
    let pct = |p: f64| ms[((ms.len() as f64 * p).ceil() as usize).saturating_sub(1).min(ms.len() - 1)];
    println!("store: {} ({} articles in the index)", store_path.display(), index.len());
    println!("index: {} ({:.1} MB)", dir.display(), dir_size(&dir) as f64 / 1e6);
    println!("opening and levelling the index: {open_ms:.1} ms");
    println!(
        "{} queries x {rounds} rounds: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms, mean {:.2} ms",
        requests.len(),
        pct(0.50),
        pct(0.95),
        pct(0.99),
        ms[ms.len() - 1],
        ms.iter().sum::<f64>() / ms.len() as f64
    );
    println!(
        "queries with hits: {with_hits} of {}; matching articles per query: {:.1} on average",
        requests.len(),
        total_hits as f64 / requests.len() as f64
    );
    Ok(())
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}
