//! The whole pipeline under damaged input: the example articles with random byte
//! flips (decoded as the input layer would), truncations at any byte, inserted
//! control and direction characters, long repeated lines and mixed scripts. No
//! stage may panic, every span of every layer must lie on character boundaries
//! inside the text, and the time must grow about linearly with the input.
//!
//! `MARSAD_MUTATIONS` sets the number of damaged articles (default 300, quick in a
//! debug build); `MARSAD_MUTATIONS=10000 cargo test --release -p marsad --test mutation`
//! runs the full set (about 90 s on one core).

use std::time::{Duration, Instant};

use marsad::input::{decode, Limits};
use marsad::{Metadata, Pipeline};
use marsad_eval::robustness::check;

const EXAMPLES: &[&str] = &[
    include_str!("../../../examples/01_ziyara_rasmiya.txt"),
    include_str!("../../../examples/02_tamrin_mushtarak.txt"),
    include_str!("../../../examples/03_tasrih.txt"),
    include_str!("../../../examples/04_nafy.txt"),
    include_str!("../../../examples/05_mizaniya.txt"),
    include_str!("../../../examples/06_barlaman.txt"),
    include_str!("../../../examples/07_mutamar.txt"),
];

/// Characters that break naive text handling: controls, direction marks and
/// isolates, joiners, BOM, replacement, combining marks, tatweel, other scripts.
const INSERTS: &[&str] = &[
    "\0",
    "\u{1}",
    "\u{7}",
    "\u{1b}[31m",
    "\r",
    "\r\n",
    "\t",
    "\u{85}",
    "\u{2028}",
    "\u{200e}",
    "\u{200f}",
    "\u{202a}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{fffd}",
    "\u{64b}\u{64b}\u{651}",
    "ـــــ",
    "«",
    "»",
    "\"",
    "((",
    "]]",
    "http://x.y/?a=1&b=<2>",
    "#وسم",
    "@ح",
    "١٢٣٫٤٥٪",
    "12,345.6",
    "Ω≈ç√",
    "中文",
    "עברית",
    "русский",
    "🇸🇦😀",
    "ﷺ",
    "ﻻ",
    "\u{fe70}",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One damaged article, as bytes.
fn mutate(rng: &mut Rng) -> Vec<u8> {
    let mut bytes = EXAMPLES[rng.below(EXAMPLES.len())].as_bytes().to_vec();
    for _ in 0..1 + rng.below(6) {
        match rng.below(6) {
            0 => {
                // byte flips
                for _ in 0..if bytes.is_empty() { 0 } else { 1 + rng.below(8) } {
                    let i = rng.below(bytes.len());
                    bytes[i] ^= 1 << rng.below(8);
                }
            }
            1 => {
                let at = rng.below(bytes.len() + 1);
                bytes.truncate(at);
            }
            2 => {
                let s = INSERTS[rng.below(INSERTS.len())];
                let at = rng.below(bytes.len() + 1);
                bytes.splice(at..at, s.bytes());
            }
            3 => {
                // a long line of one repeated piece
                let piece = INSERTS[rng.below(INSERTS.len())].repeat(1 + rng.below(3000));
                let at = rng.below(bytes.len() + 1);
                bytes.splice(at..at, piece.bytes());
            }
            4 => {
                // another article's tail glued on
                let other = EXAMPLES[rng.below(EXAMPLES.len())].as_bytes();
                bytes.extend_from_slice(&other[rng.below(other.len())..]);
            }
            _ => {
                // a slice of the article repeated
                if !bytes.is_empty() {
                    let a = rng.below(bytes.len());
                    let b = (a + 1 + rng.below(200)).min(bytes.len());
                    let piece = bytes[a..b].repeat(1 + rng.below(20));
                    bytes.splice(b..b, piece);
                }
            }
        }
    }
    bytes
}

#[test]
fn damaged_articles_never_panic_and_keep_every_span_valid() {
    let n: usize = std::env::var("MARSAD_MUTATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(300);
    let pipeline = Pipeline::new();
    // damaged bytes are read as U+FFFD (`--lossy`), so that they reach the stages
    let limits = Limits { lossy: true, ..Limits::default() };
    let mut rng = Rng(0x6d61_7273_6164_5eed);
    let (mut analysed, mut refused) = (0, 0);
    let mut slowest = (Duration::ZERO, 0usize);
    for i in 0..n {
        let bytes = mutate(&mut rng);
        let Ok(decoded) = decode(&bytes, &limits) else {
            refused += 1; // binary, empty or undecodable: the input layer's clear refusal
            continue;
        };
        let started = Instant::now();
        let doc = std::panic::catch_unwind(|| pipeline.analyze(decoded.text.clone(), Metadata::default()))
            .unwrap_or_else(|_| panic!("mutation {i} panicked; its text: {:?}", decoded.text));
        let took = started.elapsed();
        if took > slowest.0 {
            slowest = (took, bytes.len());
        }
        if let Err(e) = check(&doc) {
            panic!("mutation {i}: {e}; its text: {:?}", doc.text);
        }
        analysed += 1;
    }
    eprintln!(
        "{analysed} damaged articles analysed, {refused} refused by the input layer; slowest {slowest:?} for {} bytes",
        slowest.1
    );
    assert!(analysed > n / 2, "most damaged articles still decode");
}

#[test]
fn time_grows_about_linearly_with_the_input() {
    let pipeline = Pipeline::new();
    let base: String = EXAMPLES.join("\n\n");
    // CPU time of this thread, not wall-clock time: other processes and the
    // other tests running beside this one do not count
    let once = |text: &str| {
        let started = cpu_time::ThreadTime::now();
        std::hint::black_box(pipeline.analyze(text, Metadata::default()));
        started.elapsed()
    };
    // the best of three runs of each, the short and the long text taking turns
    let best = |short: &str, long: &str| {
        (0..3).fold((Duration::MAX, Duration::MAX), |(s, l), _| (s.min(once(short)), l.min(once(long))))
    };
    let (one, ten) = best(&base, &[base.as_str(); 10].join("\n\n"));
    let ratio = ten.as_secs_f64() / one.as_secs_f64();
    eprintln!("1× {one:?}, 10× {ten:?}: ratio {ratio:.1}");
    assert!(ratio < 16.0, "ten times the text took {ratio:.1} times as long");
    // one long line without any break
    let (short, long) = best(&"كلمة عربية طويلة ".repeat(2_000), &"كلمة عربية طويلة ".repeat(20_000));
    let ratio = long.as_secs_f64() / short.as_secs_f64();
    eprintln!("a line of 20,000 words {long:?}, of 2,000 {short:?}: ratio {ratio:.1}");
    assert!(ratio < 16.0, "a ten times longer line took {ratio:.1} times as long");
}
