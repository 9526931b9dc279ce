//! `marsad analyze` over many articles: files, folders (recursively) and JSON Lines,
//! analysed in parallel and written as JSON Lines (or GDELT rows) in input order.
//!
//! A bad article (unreadable, binary, empty, over the size limit, a JSON line without
//! `text`) is reported on standard error with its name and skipped; the batch goes on
//! and ends with a summary. The exit status is non-zero for a skipped article only
//! with `--strict`. Output goes to a temporary file renamed into place at the end, so
//! a failed batch leaves nothing half-written.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use marsad::input::{decode, Limits};
use marsad::{Metadata, Pipeline};
use marsad_render as render;
use rayon::prelude::*;
use serde_json::Value;

/// Articles analysed together before their results are written.
const CHUNK: usize = 256;

/// What to write for each article.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BatchFormat {
    /// One JSON document a line.
    Json,
    /// GDELT rows.
    Gdelt,
}

/// The options of a batch run.
pub struct Batch {
    /// Files, folders, JSON Lines files, or `-` (standard input).
    pub inputs: Vec<String>,
    /// Read every input file (and standard input) as JSON Lines.
    pub jsonl: bool,
    /// Output format.
    pub format: BatchFormat,
    /// GDELT column names first.
    pub header: bool,
    /// Largest article accepted.
    pub limits: Limits,
    /// Where to write (standard output when absent).
    pub output: Option<PathBuf>,
    /// Fail (exit 1) when any article was skipped.
    pub strict: bool,
    /// Metadata given on the command line, for articles that do not carry their own.
    pub meta: Metadata,
}

/// One source of articles.
enum Source {
    /// A file holding one article (or `-`).
    File(String),
    /// A JSON Lines file (or `-`): one article a line.
    Lines(String),
}

/// An article to analyse, or why it cannot be.
struct Item {
    name: String,
    article: Result<(Vec<u8>, Metadata), Skip>,
    /// Problems with the record that do not stop its analysis.
    warnings: Vec<marsad::document::Warning>,
}

/// Why an article was skipped: a short kind for the summary and the full reason.
struct Skip {
    kind: &'static str,
    reason: String,
}

impl Skip {
    fn record(reason: impl Into<String>) -> Skip {
        Skip { kind: "bad record", reason: reason.into() }
    }

    /// From a reading or decoding error: its kind from the input error it holds.
    fn input(e: &anyhow::Error) -> Skip {
        use marsad::input::InputError;
        let kind = match e.downcast_ref::<InputError>() {
            Some(InputError::Empty) => "empty",
            Some(InputError::Blank { .. }) => "blank",
            Some(InputError::Binary { .. }) => "binary",
            Some(InputError::TooLarge { .. }) => "too large",
            Some(_) => "undecodable",
            None => "unreadable",
        };
        Skip { kind, reason: format!("{e:#}") }
    }
}

/// The JSON Lines extensions.
fn is_jsonl(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "jsonl" || e == "ndjson")
}

/// The sources named by the inputs: folders walked in name order (hidden entries
/// skipped), JSON Lines recognised by extension or `--jsonl`.
fn sources(inputs: &[String], jsonl: bool) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input != "-" && path.is_dir() {
            let walk = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
            for entry in walk {
                let entry = entry.with_context(|| format!("cannot read the folder {input}"))?;
                if entry.file_type().is_file() {
                    let p = entry.path().display().to_string();
                    out.push(if jsonl || is_jsonl(entry.path()) { Source::Lines(p) } else { Source::File(p) });
                }
            }
        } else if jsonl || is_jsonl(path) {
            out.push(Source::Lines(input.clone()));
        } else {
            out.push(Source::File(input.clone()));
        }
    }
    Ok(out)
}

/// The article of one line of a JSON Lines file.
fn line_item(name: String, line: &str, defaults: &Metadata) -> Item {
    let mut warnings = Vec::new();
    let article = (|| {
        let v: Value = serde_json::from_str(line).map_err(|e| Skip::record(format!("not JSON: {e}")))?;
        let text = v.get("text").and_then(Value::as_str).ok_or_else(|| Skip::record("no \"text\" string field"))?;
        let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        let mut meta = defaults.clone();
        meta.title = field("title").or(meta.title);
        meta.url = field("url").or(meta.url);
        meta.outlet = field("outlet").or(meta.outlet);
        if let Some(p) = field("published") {
            // dates as the corpora give them: 2015-07-21, or with a time after it
            match crate::args::parse_date(p.get(..10).unwrap_or(&p)) {
                Ok(day) => meta.published = Some(day),
                Err(e) => warnings.push(marsad::document::Warning {
                    code: "published_ignored".into(),
                    message: format!("\"published\" is {p:?}, not a date ({e}); analysed without it"),
                }),
            }
        }
        meta.source = Some(field("id").map_or_else(|| name.clone(), |id| format!("{name} (id {id})")));
        Ok((text.as_bytes().to_vec(), meta))
    })();
    Item { name, article, warnings }
}

/// Reads the articles of every source, calling `each` on chunks of at most [`CHUNK`].
fn for_each_chunk(
    sources: &[Source],
    limits: &Limits,
    defaults: &Metadata,
    mut each: impl FnMut(Vec<Item>) -> Result<()>,
) -> Result<()> {
    let mut chunk = Vec::with_capacity(CHUNK);
    for source in sources {
        match source {
            Source::File(path) => {
                let name = if path == "-" { "<stdin>".to_owned() } else { path.clone() };
                let article = crate::io::read_input(path, limits)
                    .map_err(|e| Skip::input(&e))
                    .map(|bytes| (bytes, Metadata { source: Some(path.clone()), ..defaults.clone() }));
                chunk.push(Item { name, article, warnings: Vec::new() });
            }
            Source::Lines(path) => {
                let reader: Box<dyn BufRead> = if path == "-" {
                    Box::new(BufReader::new(std::io::stdin()))
                } else {
                    let file = std::fs::File::open(path).with_context(|| format!("cannot read {path}"))?;
                    Box::new(BufReader::new(file))
                };
                for (n, line) in reader.lines().enumerate() {
                    let line = line.with_context(|| format!("cannot read {path}:{}", n + 1))?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    chunk.push(line_item(format!("{path}:{}", n + 1), &line, defaults));
                    if chunk.len() == CHUNK {
                        each(std::mem::take(&mut chunk))?;
                    }
                }
            }
        }
        if chunk.len() >= CHUNK {
            each(std::mem::take(&mut chunk))?;
        }
    }
    if !chunk.is_empty() {
        each(chunk)?;
    }
    Ok(())
}

/// How many articles the sources hold (files, and lines of JSON Lines files), for
/// the progress bar; `None` when standard input is among them.
fn count(sources: &[Source]) -> Option<u64> {
    let mut n = 0;
    for s in sources {
        match s {
            Source::File(p) if p == "-" => return None,
            Source::Lines(p) if p == "-" => return None,
            Source::File(_) => n += 1,
            Source::Lines(p) => {
                let file = std::fs::File::open(p).ok()?;
                n += BufReader::new(file).lines().map_while(|l| l.ok()).filter(|l| !l.trim().is_empty()).count() as u64;
            }
        }
    }
    Some(n)
}

/// Runs the batch; the summary goes to standard error.
pub fn run(batch: Batch) -> Result<()> {
    let started = Instant::now();
    let sources = sources(&batch.inputs, batch.jsonl)?;
    if sources.is_empty() {
        bail!("no articles in {}", batch.inputs.join(", "));
    }
    let bar = if std::io::stderr().is_terminal() {
        let bar = match count(&sources) {
            Some(n) => ProgressBar::new(n).with_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} articles · {per_sec} · eta {eta}")
                    .expect("a valid template"),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{spinner} {pos} articles · {per_sec}").expect("a valid template"),
            ),
        };
        Some(bar)
    } else {
        None
    };

    // a regular file is written through a temporary one renamed at the end; a
    // device or pipe (/dev/null, a FIFO) directly, as renaming over it would replace it
    let tmp = batch.output.as_ref().filter(|p| crate::io::replaceable(p)).map(|p| p.with_extension("marsad-tmp"));
    let mut out: Box<dyn Write> = match (&tmp, &batch.output) {
        (Some(t), _) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(t).with_context(|| format!("cannot write {}", t.display()))?,
        )),
        (None, Some(p)) => Box::new(std::io::BufWriter::new(
            std::fs::OpenOptions::new().write(true).open(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        (None, None) => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let pipeline = Pipeline::new();
    let mut analysed = 0usize;
    let mut skipped: BTreeMap<&str, usize> = BTreeMap::new();
    let mut header = batch.header && batch.format == BatchFormat::Gdelt;
    let result = for_each_chunk(&sources, &batch.limits, &batch.meta, |items| {
        let results: Vec<(String, Result<String, Skip>)> = items
            .into_par_iter()
            .map(|item| {
                let rendered = item.article.and_then(|(bytes, meta)| {
                    let decoded = decode(&bytes, &batch.limits).map_err(|e| Skip::input(&e.into()))?;
                    let mut meta = meta;
                    meta.encoding = Some(decoded.encoding.to_owned());
                    let mut doc = pipeline.analyze(decoded.text, meta);
                    doc.warnings.splice(0..0, decoded.warnings.into_iter().chain(item.warnings));
                    Ok(match batch.format {
                        BatchFormat::Json => render::json::to_string(&doc) + "\n",
                        BatchFormat::Gdelt => render::gdelt::render(&doc, false),
                    })
                });
                (item.name, rendered)
            })
            .collect();
        if header {
            out.write_all(render::gdelt::render(&marsad::Document::default(), true).as_bytes())?;
            header = false;
        }
        for (name, r) in results {
            match r {
                Ok(text) => {
                    out.write_all(text.as_bytes()).context("cannot write the output")?;
                    analysed += 1;
                }
                Err(skip) => {
                    let msg = format!("marsad: skipped {name}: {}", skip.reason);
                    match &bar {
                        Some(b) => b.println(msg),
                        None => eprintln!("{msg}"),
                    }
                    *skipped.entry(skip.kind).or_default() += 1;
                }
            }
            if let Some(b) = &bar {
                b.inc(1);
            }
        }
        Ok(())
    })
    .and_then(|()| out.flush().context("cannot write the output"));
    drop(out);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if let Err(e) = result {
        if let Some(t) = &tmp {
            let _ = std::fs::remove_file(t);
        }
        return Err(e);
    }
    if let (Some(t), Some(path)) = (&tmp, &batch.output) {
        std::fs::rename(t, path).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let seconds = started.elapsed().as_secs_f64();
    let total_skipped: usize = skipped.values().sum();
    let why: Vec<String> = skipped.iter().map(|(k, n)| format!("{n} {k}")).collect();
    eprintln!(
        "marsad: analysed {analysed} article{}, skipped {total_skipped}{} in {seconds:.1} s ({:.0} articles/s)",
        if analysed == 1 { "" } else { "s" },
        if why.is_empty() { String::new() } else { format!(" ({})", why.join(", ")) },
        analysed as f64 / seconds.max(1e-9)
    );
    if batch.strict && total_skipped > 0 {
        bail!("{total_skipped} article{} skipped (--strict)", if total_skipped == 1 { "" } else { "s" });
    }
    Ok(())
}
