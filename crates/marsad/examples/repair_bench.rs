//! Benchmark of the repairs stage on real Arabic news text.
//!
//! ```text
//! cargo run --release -p marsad --example repair_bench -- [--sentences N] [--seed S] [--show K] FILE.jsonl...
//! ```
//!
//! Each file is JSON Lines with a `text` field (and an `id`, used for the
//! sampling). For each file, separately:
//!
//! 1. a fixed sample of sentences is drawn: articles are ranked by a seeded hash
//!    of their id, and up to three sentences (of at least five words) are taken
//!    from each, again by hash, until N sentences (default 2000) are drawn;
//! 2. **false-repair rate**: the repairs flagged on the untouched sentences, per
//!    token and per rule. Published text has genuine faults too, so not every
//!    flag is false: `--show K` prints K flags for a manual check;
//! 3. **run-on precision and recall**: in each sentence one random pair of
//!    adjacent Arabic words (two letters or more, separated by spaces only) is
//!    glued by deleting the spaces, and the sentence is analysed again. A pair is
//!    found when a run-on repair spans the glued word and suggests exactly the
//!    original two words. Precision counts every run-on flag on the glued
//!    sentences, wherever it falls.
//!
//! The data is read, never copied. Everything is deterministic for a given seed.

use std::collections::BTreeMap;
use std::time::Instant;

use marsad::document::{Repair, RepairKind, TokenKind};
use marsad::{Document, Metadata, Pipeline};

const PER_ARTICLE: usize = 3;
const MIN_WORDS: usize = 5;

/// FNV-1a, then the splitmix64 finaliser: a stable, seeded hash.
fn hash(seed: u64, parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for p in parts {
        for &b in *p {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    splitmix(h)
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

struct Args {
    sentences: usize,
    seed: u64,
    show: usize,
    files: Vec<String>,
}

fn args() -> Args {
    let mut a = Args { sentences: 2000, seed: 1, show: 0, files: Vec::new() };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut num = |name: &str| -> u64 {
            it.next().and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("{name} needs a number"))
        };
        match x.as_str() {
            "--sentences" => a.sentences = num("--sentences") as usize,
            "--seed" => a.seed = num("--seed"),
            "--show" => a.show = num("--show") as usize,
            _ => a.files.push(x),
        }
    }
    if a.files.is_empty() {
        eprintln!("usage: repair_bench [--sentences N] [--seed S] [--show K] FILE.jsonl...");
        std::process::exit(2);
    }
    a
}

/// One drawn sentence: its text, and the analysed article it comes from.
struct Sample {
    text: String,
    /// Hash for the choice of the pair to glue.
    h: u64,
}

/// Draws the sentences of one file, and counts the repairs of the untouched text.
struct Untouched {
    tokens: usize,
    words: usize,
    articles: usize,
    flags: BTreeMap<String, usize>,
    shown: Vec<(u64, String)>,
    /// Tokens of the analysed articles, and the time the repairs stage took on them.
    stage_tokens: usize,
    stage_time: std::time::Duration,
}

fn draw(path: &str, args: &Args, pipe: &Pipeline) -> (Vec<Sample>, Untouched) {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut records: Vec<(u64, &str)> = data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            let id = serde_json::from_str::<serde_json::Value>(l)
                .ok()
                .and_then(|v| v.get("id").and_then(|i| i.as_str().map(str::to_owned)))
                .unwrap_or_else(|| n.to_string());
            (hash(args.seed, &[id.as_bytes()]), l)
        })
        .collect();
    records.sort_unstable();
    let mut samples = Vec::new();
    let mut u = Untouched {
        tokens: 0,
        words: 0,
        articles: 0,
        flags: BTreeMap::new(),
        shown: Vec::new(),
        stage_tokens: 0,
        stage_time: Default::default(),
    };
    for (h, line) in records {
        if samples.len() >= args.sentences {
            break;
        }
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
        let mut doc = pipe.analyze(text, Metadata::default());
        // time the repairs stage alone, run again over the finished document
        let t = Instant::now();
        marsad::text::repairs::find(&mut doc, &pipe.resources().text());
        u.stage_time += t.elapsed();
        u.stage_tokens += doc.tokens.len();
        let mut picks: Vec<(u64, usize)> = doc
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                doc.sentence_tokens(s).iter().filter(|t| matches!(t.kind, TokenKind::Arabic)).count() >= MIN_WORDS
            })
            .map(|(i, _)| (hash(h, &[&i.to_le_bytes()]), i))
            .collect();
        picks.sort_unstable();
        picks.truncate(PER_ARTICLE.min(args.sentences - samples.len()));
        if picks.is_empty() {
            continue;
        }
        u.articles += 1;
        for (sh, i) in picks {
            let s = &doc.sentences[i];
            let toks = doc.sentence_tokens(s);
            u.tokens += toks.len();
            u.words += toks.iter().filter(|t| t.kind == TokenKind::Arabic).count();
            for r in doc.repairs.iter().filter(|r| s.span.contains(r.span)) {
                *u.flags.entry(r.origin.rule.to_string()).or_default() += 1;
                u.shown.push((hash(sh, &[&r.span.start.to_le_bytes()]), describe(&doc, r, s.span)));
            }
            samples.push(Sample { text: doc.slice(s.span).to_owned(), h: sh });
        }
    }
    u.shown.sort();
    (samples, u)
}

/// A repair with some context, for the manual check.
fn describe(doc: &Document, r: &Repair, within: marsad::Span) -> String {
    let text = &doc.text;
    let mut a = r.span.start.saturating_sub(40).max(within.start);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (r.span.end + 40).min(within.end);
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    format!(
        "{:<22} {} → «{}»   …{}[{}]{}…",
        r.origin.rule,
        doc.slice(r.span),
        r.suggestion,
        &text[a..r.span.start],
        doc.slice(r.span),
        &text[r.span.end..b]
    )
    .replace('\n', " ")
}

#[derive(Default)]
struct Glued {
    pairs: usize,
    found: usize,
    flagged_glued: usize,
    flags_all: usize,
    lexical: usize,
    found_lexical: usize,
    /// pairs and found pairs whose left word ends in a letter that does not join the next
    gap_pairs: usize,
    gap_found: usize,
    missed: Vec<(u64, String)>,
}

fn glue(samples: &[Sample], pipe: &Pipeline) -> Glued {
    let lex = &pipe.resources().lexicon;
    let mut g = Glued::default();
    for s in samples {
        let doc = pipe.analyze(s.text.clone(), Metadata::default());
        let toks = &doc.tokens;
        let pairs: Vec<usize> = (0..toks.len().saturating_sub(1))
            .filter(|&i| {
                let (a, b) = (&toks[i], &toks[i + 1]);
                let gap = &doc.text[a.span.end..b.span.start];
                a.kind == TokenKind::Arabic
                    && b.kind == TokenKind::Arabic
                    && a.norm.chars().count() >= 2
                    && b.norm.chars().count() >= 2
                    && !gap.is_empty()
                    && gap.chars().all(|c| c == ' ' || c == '\u{00A0}')
            })
            .collect();
        if pairs.is_empty() {
            continue;
        }
        let i = pairs[(s.h % pairs.len() as u64) as usize];
        let (a, b) = (&toks[i], &toks[i + 1]);
        let left = doc.slice(a.span).to_owned();
        let right = doc.slice(b.span).to_owned();
        let glued_text = format!("{}{}", &doc.text[..a.span.end], &doc.text[b.span.start..]);
        let at = a.span.end;
        let gdoc = pipe.analyze(glued_text, Metadata::default());
        let Some(gt) = gdoc.tokens.iter().find(|t| t.span.start < at && at < t.span.end) else { continue };
        g.pairs += 1;
        let lexical = lex.zipf(&gt.key) >= 3.0;
        g.lexical += usize::from(lexical);
        let expected = format!("{left} {right}");
        let last = a.norm.chars().last().unwrap_or(' ');
        let gap = matches!(last, 'ا' | 'د' | 'ذ' | 'ر' | 'ز' | 'و' | 'ؤ' | 'ة' | 'ى' | 'ء');
        g.gap_pairs += usize::from(gap);
        let runons: Vec<&Repair> = gdoc.repairs.iter().filter(|r| r.kind == RepairKind::RunOn).collect();
        g.flags_all += runons.len();
        let on_glued: Vec<&&Repair> = runons.iter().filter(|r| r.span.contains(gt.span)).collect();
        g.flagged_glued += on_glued.len();
        if on_glued.iter().any(|r| r.suggestion == expected) {
            g.found += 1;
            g.found_lexical += usize::from(lexical);
            g.gap_found += usize::from(gap);
        } else {
            let got = on_glued.first().map_or(String::from("-"), |r| r.suggestion.clone());
            g.missed.push((s.h, format!("{} (expected «{expected}», got «{got}»)", gdoc.slice(gt.span))));
        }
    }
    g.missed.sort();
    g
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn main() {
    let args = args();
    let pipe = Pipeline::new();
    for path in &args.files {
        let t0 = Instant::now();
        let (samples, u) = draw(path, &args, &pipe);
        let g = glue(&samples, &pipe);
        let name = path.rsplit('/').take(2).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("/");
        println!("## {name}");
        println!(
            "{} sentences from {} articles, {} tokens, {} Arabic words (seed {}, {:.1} s)",
            samples.len(),
            u.articles,
            u.tokens,
            u.words,
            args.seed,
            t0.elapsed().as_secs_f64()
        );
        println!(
            "repairs stage: {:.1} ms over {} tokens of the drawn articles ({:.2} µs per token)",
            u.stage_time.as_secs_f64() * 1e3,
            u.stage_tokens,
            u.stage_time.as_secs_f64() * 1e6 / u.stage_tokens.max(1) as f64
        );
        println!();
        println!("untouched text          flags   per token   per Arabic word");
        let total: usize = u.flags.values().sum();
        let rules =
            ["repairs.run_on", "repairs.glued_number", "repairs.stray_letter", "repairs.hamza", "repairs.edit1"];
        for rule in
            rules.iter().map(|r| r.to_string()).chain(u.flags.keys().filter(|k| !rules.contains(&k.as_str())).cloned())
        {
            let n = u.flags.get(&rule).copied().unwrap_or(0);
            println!("  {rule:<22}{n:>6}   {:>7.3} %   {:>7.3} %", pct(n, u.tokens), pct(n, u.words));
        }
        println!("  {:<22}{total:>6}   {:>7.3} %   {:>7.3} %", "all", pct(total, u.tokens), pct(total, u.words));
        println!();
        println!("run-on, glued pairs     count");
        println!("  pairs glued         {:>7}", g.pairs);
        println!("  found (exact split) {:>7}   recall    {:>5.1} %", g.found, pct(g.found, g.pairs));
        println!("  flags on glued word {:>7}   precision {:>5.1} %", g.flagged_glued, pct(g.found, g.flagged_glued));
        println!(
            "  run-on flags, all   {:>7}   precision {:>5.1} %  (every run-on flag in the glued sentences)",
            g.flags_all,
            pct(g.found, g.flags_all)
        );
        println!(
            "  glued form is itself a word (zipf >= 3): {} pairs, {} found; recall without them {:.1} %",
            g.lexical,
            g.found_lexical,
            pct(g.found - g.found_lexical, g.pairs - g.lexical)
        );
        println!(
            "  left word ends in a non-joining letter (ا د ذ ر ز و ة ى ء): {} pairs, recall {:.1} %; other letters: {} pairs, recall {:.1} %",
            g.gap_pairs,
            pct(g.gap_found, g.gap_pairs),
            g.pairs - g.gap_pairs,
            pct(g.found - g.gap_found, g.pairs - g.gap_pairs)
        );
        if args.show > 0 {
            println!();
            println!("flags on the untouched text (first {} by hash):", args.show);
            for (_, d) in u.shown.iter().take(args.show) {
                println!("  {d}");
            }
            println!();
            println!("missed glued pairs (first {} by hash):", args.show);
            for (_, d) in g.missed.iter().take(args.show) {
                println!("  {d}");
            }
        }
        println!();
    }
}
