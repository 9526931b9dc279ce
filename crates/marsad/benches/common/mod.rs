//! The benchmark corpus shared by the benches: the example articles, embedded so
//! the benchmarks run on a fresh clone, repeated to about [`TARGET_BYTES`].

/// The example articles.
pub const EXAMPLES: &[&str] = &[
    include_str!("../../../../examples/01_ziyara_rasmiya.txt"),
    include_str!("../../../../examples/02_tamrin_mushtarak.txt"),
    include_str!("../../../../examples/03_tasrih.txt"),
    include_str!("../../../../examples/04_nafy.txt"),
    include_str!("../../../../examples/05_mizaniya.txt"),
    include_str!("../../../../examples/06_barlaman.txt"),
    include_str!("../../../../examples/07_mutamar.txt"),
];

/// Target size of the benchmark text in bytes.
pub const TARGET_BYTES: usize = 100 * 1024;

/// The examples, separated by blank lines, repeated until about [`TARGET_BYTES`].
pub fn corpus() -> String {
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
