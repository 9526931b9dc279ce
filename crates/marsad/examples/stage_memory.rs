//! Memory of one article through the pipeline, stage by stage (Linux: reads
//! `/proc/self/status`).
//!
//! `cargo run --release -p marsad --example stage_memory -- ARTICLE.txt`
//! loads the resources, reads the article (UTF-8), runs every stage, and prints
//! after each the resident memory, the peak so far, and both per input byte
//! beyond the memory after loading the resources: the budget of
//! `docs/performance.md` is 50 bytes per input byte.

use marsad::{Document, Metadata, Resources, STAGES};

/// `VmRSS` and `VmHWM` (peak) of this process in bytes.
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or(0, |kb| kb * 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// User plus system CPU seconds of this process so far (`/proc/self/stat`, in
/// clock ticks of 1/100 s): a stage's cost that other work on the machine does
/// not inflate, unlike wall-clock time.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // fields after the command name, which is in parentheses and may hold spaces
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: stage_memory ARTICLE.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let res = Resources::embedded();
    // the resources every stage reads, loaded before the article
    let mut warm = Document::new("قال الوزير إن المحادثات ستستأنف غدا في القاهرة.", Metadata::default());
    if std::env::var_os("NOWARM").is_none() {
        for stage in STAGES {
            (stage.run)(&mut warm, res);
        }
    }
    drop(warm);
    let (base, _) = memory();
    let n = text.len() as f64;
    println!("{:.1} MB of text; {:.1} MB resident after loading the resources", n / 1e6, base as f64 / 1e6);
    println!(
        "{:<12} {:>10} {:>10} {:>12} {:>12} {:>8}",
        "after", "RSS MB", "peak MB", "RSS B/byte", "peak B/byte", "CPU s"
    );
    let mut doc = Document::new(text, Metadata::default());
    for stage in STAGES {
        let cpu = cpu_seconds();
        (stage.run)(&mut doc, res);
        let cpu = cpu_seconds() - cpu;
        let (rss, peak) = memory();
        println!(
            "{:<12} {:>10.1} {:>10.1} {:>12.1} {:>12.1} {:>8.2}",
            stage.name,
            rss as f64 / 1e6,
            peak as f64 / 1e6,
            rss.saturating_sub(base) as f64 / n,
            peak.saturating_sub(base) as f64 / n,
            cpu
        );
    }
}
