//! `marsad analyze` over many articles: files, folders (recursively), JSON Lines and
//! the web's formats (saved pages, feeds, WARC files: [`web`]), analysed in parallel
//! and written as JSON Lines (or GDELT rows) in input order.
//!
//! A bad article (unreadable, binary, empty, over the size limit, a JSON line without
//! `text`, a blank line) is reported on standard error with its name and skipped; in
//! JSON Lines it leaves an error record in its place (`{"source": …, "kind": …,
//! "error": …}`), so that line N of the output answers article N of the input. The
//! batch goes on and ends with a summary. The exit status is non-zero when nothing
//! was analysed, and for any skipped article with `--strict`. Output goes to a
//! temporary file renamed into place at the end, so a failed batch leaves nothing
//! half-written.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use marsad::document::Warning;
use marsad::input::record::{read_record, Dates};
use marsad::input::web::WebFormat;
use marsad::input::{decode_owned, Limits};
use marsad::{Document, Metadata, Pipeline};
use marsad_render as render;
use rayon::prelude::*;

use crate::io::Output;

mod web;
pub use web::Form;

/// Articles analysed together before their results are written.
pub(crate) const CHUNK: usize = 256;

/// What to write for each article.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BatchFormat {
    /// One JSON document a line.
    Json,
    /// GDELT rows.
    Gdelt,
}

/// How articles are read and analysed, for one article as for a batch.
pub struct Reading {
    /// Largest article accepted, and whether invalid bytes are replaced.
    pub limits: Limits,
    /// Metadata given on the command line, for articles that do not carry their own.
    pub meta: Metadata,
    /// Where the publication date of a JSON Lines record is read from.
    pub dates: Dates,
    /// Only these layers (and the stages they need); all when `None`.
    pub layers: Option<Vec<String>>,
}

/// An article decoded to text, not yet analysed.
pub struct Decoded {
    /// Its text.
    pub text: String,
    /// Its metadata, with the encoding it was read in.
    pub meta: Metadata,
    /// Problems met in reading it.
    pub warnings: Vec<Warning>,
    /// The record's `id` and `author` (a page's author), for the corpus store.
    pub record: RecordFields,
}

impl Reading {
    /// Decodes and analyses one article.
    pub fn analyse(&self, pipeline: &Pipeline, article: Article) -> Result<Document, Skip> {
        Ok(self.analyse_decoded(pipeline, self.decode(article)?))
    }

    /// Decodes one article to text.
    pub fn decode(&self, article: Article) -> Result<Decoded, Skip> {
        if let Form::Page { charset, url } = &article.form {
            let (charset, url) = (charset.clone(), url.clone());
            return web::decode_page(self, article, charset.as_deref(), url);
        }
        let decoded = decode_owned(article.bytes, &self.limits).map_err(|e| Skip::input(&e.into()))?;
        let mut meta = article.meta;
        meta.encoding = Some(decoded.encoding.to_owned());
        let warnings = decoded.warnings.into_iter().chain(article.warnings).collect();
        Ok(Decoded { text: decoded.text, meta, warnings, record: article.record })
    }

    /// Analyses a decoded article.
    pub fn analyse_decoded(&self, pipeline: &Pipeline, decoded: Decoded) -> Document {
        let mut doc = match &self.layers {
            Some(layers) => {
                let names: Vec<&str> = layers.iter().map(String::as_str).collect();
                pipeline.analyze_layers(decoded.text, decoded.meta, &names)
            }
            None => pipeline.analyze(decoded.text, decoded.meta),
        };
        doc.warnings.splice(0..0, decoded.warnings);
        doc
    }
}

/// The options of a batch run.
pub struct Batch {
    /// The sources of articles, as [`sources`] found them.
    pub sources: Vec<Source>,
    /// The inputs as given, for messages.
    pub inputs: Vec<String>,
    /// How articles are read and analysed.
    pub reading: Reading,
    /// Output format.
    pub format: BatchFormat,
    /// JSON output options.
    pub json: render::json::Options,
    /// GDELT column names first.
    pub header: bool,
    /// Where to write (standard output when absent).
    pub output: Option<PathBuf>,
    /// Fail (exit 1) when any article was skipped.
    pub strict: bool,
}

/// One source of articles.
pub enum Source {
    /// A file holding one article (or `-`).
    File(String),
    /// A JSON Lines file (or `-`): one article a line.
    Lines(String),
    /// A saved page, a feed or a WARC file.
    Web(String, WebFormat),
    /// An entry of a folder that cannot be read (a broken symbolic link, a folder
    /// without permission, a loop of links), and why.
    Bad { name: String, reason: String },
}

impl Source {
    /// The path it names, if any.
    pub fn path(&self) -> Option<&str> {
        match self {
            Source::File(p) | Source::Lines(p) | Source::Web(p, _) => Some(p),
            Source::Bad { .. } => None,
        }
    }
}

/// An article to analyse, or why it cannot be.
pub struct Item {
    /// How messages name it: a path, `<stdin>`, or `path:line`.
    pub name: String,
    /// Its bytes and metadata, or why it was skipped.
    pub article: Result<Article, Skip>,
    /// For a JSON Lines record: whether it gave a publication date.
    pub dated: Option<bool>,
}

/// The bytes of an article and what is known of it.
pub struct Article {
    /// The article's bytes, in any encoding [`marsad::input::decode`] reads.
    pub bytes: Vec<u8>,
    /// Its metadata.
    pub meta: Metadata,
    /// Problems with the record that do not stop its analysis.
    pub warnings: Vec<Warning>,
    /// A JSON Lines record's `id` and `author`, for the corpus store.
    pub record: RecordFields,
    /// Plain text or a page.
    pub form: Form,
}

/// What a JSON Lines record gives besides its text and metadata.
#[derive(Clone, Default)]
pub struct RecordFields {
    /// Its `id`.
    pub id: Option<String>,
    /// Its `author`.
    pub author: Option<String>,
}

/// Why an article was skipped: a short kind for the summary and the full reason.
pub struct Skip {
    /// `empty`, `binary`, `bad record`…
    pub kind: &'static str,
    /// The full reason, for a person.
    pub reason: String,
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

/// A kind of skipped article counted `n` times, for the summary: `1 bad record`,
/// `5 bad records`, `2 empty`.
pub(crate) fn counted(kind: &str, n: usize) -> String {
    let noun = matches!(kind, "bad record" | "blank line");
    format!("{n} {kind}{}", if noun && n != 1 { "s" } else { "" })
}

/// The JSON Lines extensions.
pub fn is_jsonl(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "jsonl" || e == "ndjson")
}

/// The source a file is: JSON Lines (`jsonl` forces it), a web format, or text.
fn source_of(path: String, jsonl: bool) -> Source {
    let p = Path::new(&path);
    if jsonl || is_jsonl(p) {
        Source::Lines(path)
    } else if let Some(format) = WebFormat::of(p).filter(|_| path != "-") {
        Source::Web(path, format)
    } else {
        Source::File(path)
    }
}

/// The sources named by the inputs: folders walked in name order (hidden entries
/// skipped, symbolic links followed), JSON Lines recognised by extension or
/// `--jsonl`. An entry of a folder that cannot be read is a [`Source::Bad`].
pub fn sources(inputs: &[String], jsonl: bool) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input != "-" && path.is_dir() {
            let walk = walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
            for entry in walk {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(e) => {
                        let Some(bad) = e.path().map(Path::to_path_buf) else {
                            return Err(e).with_context(|| format!("cannot read the folder {input}"));
                        };
                        let ancestor = e.loop_ancestor().map(Path::to_path_buf);
                        let reason = match (ancestor, e.into_io_error()) {
                            (Some(a), _) => format!("a loop of symbolic links back to {}", a.display()),
                            (None, Some(io)) => format!("{:#}", crate::io::reason(&bad, io)),
                            (None, None) => "cannot be read".to_owned(),
                        };
                        out.push(Source::Bad { name: bad.display().to_string(), reason });
                        continue;
                    }
                };
                if entry.file_type().is_file() {
                    let p = entry.path().display().to_string();
                    out.push(source_of(p, jsonl));
                }
            }
        } else {
            out.push(source_of(input.clone(), jsonl));
        }
    }
    Ok(out)
}

/// The articles of the sources, in order, read lazily: a file is one article, a
/// JSON Lines file one a line. An error is a failure to go on reading at all.
pub struct Articles<'a> {
    sources: std::slice::Iter<'a, Source>,
    reading: &'a Reading,
    /// The JSON Lines file being read: its path, reader and last line number.
    lines: Option<(String, Box<dyn BufRead>, usize)>,
    /// The articles of the web file being read.
    web: Option<Box<dyn Iterator<Item = Item> + 'a>>,
    /// What a person should know about a file as a whole (a WARC file's records
    /// that are not pages), to be shown between chunks: see [`Articles::take_notes`].
    notes: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
}

impl<'a> Articles<'a> {
    /// The articles of `sources`, read as `reading` says.
    pub fn new(sources: &'a [Source], reading: &'a Reading) -> Self {
        Articles { sources: sources.iter(), reading, lines: None, web: None, notes: Default::default() }
    }

    /// The notes about whole files met since the last call.
    pub fn take_notes(&self) -> Vec<String> {
        std::mem::take(&mut *self.notes.borrow_mut())
    }

    /// The next line of the open JSON Lines file as an article; `None` at its end.
    fn next_line(&mut self) -> Option<Result<Item>> {
        let (path, reader, n) = self.lines.as_mut()?;
        let mut buf = Vec::new();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => {
                self.lines = None;
                return None;
            }
            Ok(_) => {}
            Err(e) => return Some(Err(e).with_context(|| format!("cannot read {path}:{}", *n + 1))),
        }
        *n += 1;
        let name = format!("{path}:{n}");
        if *n == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
            buf.drain(..3); // a byte order mark before the first record
        }
        if buf.ends_with(b"\n") {
            buf.pop();
            if buf.ends_with(b"\r") {
                buf.pop();
            }
        }
        Some(Ok(line_item(name, buf, self.reading)))
    }
}

impl Iterator for Articles<'_> {
    type Item = Result<Item>;

    fn next(&mut self) -> Option<Result<Item>> {
        loop {
            if let Some(item) = self.next_line() {
                return Some(item);
            }
            if let Some(web) = self.web.as_mut() {
                match web.next() {
                    Some(item) => return Some(Ok(item)),
                    None => self.web = None,
                }
            }
            let reading = self.reading;
            match self.sources.next()? {
                Source::File(path) => {
                    let name = if path == "-" { "<stdin>".to_owned() } else { path.clone() };
                    let article =
                        crate::io::read_input(path, &reading.limits).map_err(|e| Skip::input(&e)).map(|bytes| {
                            Article {
                                bytes,
                                meta: Metadata { source: Some(path.clone()), ..reading.meta.clone() },
                                warnings: Vec::new(),
                                record: RecordFields::default(),
                                form: Form::Text,
                            }
                        });
                    return Some(Ok(Item { name, article, dated: None }));
                }
                Source::Web(path, format) => {
                    self.web = Some(web::items(path, *format, reading, self.notes.clone()));
                }
                Source::Bad { name, reason } => {
                    let article = Err(Skip { kind: "unreadable", reason: reason.clone() });
                    return Some(Ok(Item { name: name.clone(), article, dated: None }));
                }
                Source::Lines(path) => {
                    let reader: Box<dyn BufRead> = if path == "-" {
                        Box::new(BufReader::new(std::io::stdin()))
                    } else {
                        match std::fs::File::open(path) {
                            Ok(file) => Box::new(BufReader::new(file)),
                            Err(e) => {
                                let reason = format!("{:#}", crate::io::reason(Path::new(path), e));
                                let article = Err(Skip { kind: "unreadable", reason });
                                return Some(Ok(Item { name: path.clone(), article, dated: None }));
                            }
                        }
                    };
                    self.lines = Some((path.clone(), reader, 0));
                }
            }
        }
    }
}

/// The article of one line of a JSON Lines file.
fn line_item(name: String, line: Vec<u8>, reading: &Reading) -> Item {
    let mut warnings = Vec::new();
    let line = match String::from_utf8(line) {
        Ok(line) => line,
        Err(e) if reading.limits.lossy => {
            let offset = e.utf8_error().valid_up_to();
            warnings.push(Warning {
                code: "replaced_bytes".to_owned(),
                message: format!(
                    "invalid UTF-8 in the line (the first at byte offset {offset} of the line) was replaced by \
                     U+FFFD; the text around it may be damaged"
                ),
            });
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let reason = format!(
                "the line is not valid UTF-8: an invalid byte sequence at byte offset {offset} of the line; \
                 repair it, or give --lossy to read invalid bytes as U+FFFD"
            );
            return Item { name, article: Err(Skip { kind: "undecodable", reason }), dated: None };
        }
    };
    if line.trim().is_empty() {
        let article = Err(Skip { kind: "blank line", reason: "a blank line, not a record".to_owned() });
        return Item { name, article, dated: None };
    }
    match read_record(&line, &reading.meta, &reading.dates) {
        Ok(record) => {
            let mut meta = record.meta;
            meta.source = Some(record.id.as_ref().map_or_else(|| name.clone(), |id| format!("{name} (id {id})")));
            warnings.extend(record.warnings);
            let fields = RecordFields { id: record.id, author: record.author };
            let article = Article { bytes: record.text.into_bytes(), meta, warnings, record: fields, form: Form::Text };
            Item { name, article: Ok(article), dated: Some(record.dated) }
        }
        Err(reason) => Item { name, article: Err(Skip::record(reason)), dated: None },
    }
}

/// How many articles the sources hold (files, and lines of JSON Lines files), for
/// the progress bar; `None` when standard input is among them.
fn count(sources: &[Source]) -> Option<u64> {
    let mut n = 0;
    for s in sources {
        match s {
            Source::File(p) | Source::Lines(p) if p == "-" => return None,
            // a feed or a WARC file counts as one until it is read
            Source::File(_) | Source::Bad { .. } | Source::Web(..) => n += 1,
            Source::Lines(p) => {
                let Ok(file) = std::fs::File::open(p) else {
                    n += 1;
                    continue;
                };
                let mut reader = BufReader::new(file);
                let mut buf = Vec::new();
                while reader.read_until(b'\n', &mut buf).is_ok_and(|read| read > 0) {
                    n += 1;
                    buf.clear();
                }
            }
        }
    }
    Some(n)
}

/// A rate for the progress bar, rounded to what a person reads: `199/s`, `12.3/s`, `0.45/s`.
pub(crate) fn rate(per_second: f64) -> String {
    if !per_second.is_finite() || per_second <= 0.0 {
        "0/s".to_owned()
    } else if per_second >= 100.0 {
        format!("{per_second:.0}/s")
    } else if per_second >= 10.0 {
        format!("{per_second:.1}/s")
    } else {
        format!("{per_second:.2}/s")
    }
}

pub(crate) fn progress_bar(sources: &[Source]) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let with_rate = |template: &str| {
        // the average since the start: articles arrive a chunk at a time, which
        // throws indicatif's own short-term estimate far off
        ProgressStyle::with_template(template).expect("a valid template").with_key(
            "rate",
            |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&rate(s.pos() as f64 / s.elapsed().as_secs_f64().max(1e-3)));
            },
        )
    };
    Some(match count(sources) {
        Some(n) => ProgressBar::new(n).with_style(with_rate("{bar:40} {pos}/{len} articles · {rate} · eta {eta}")),
        None => ProgressBar::new_spinner().with_style(with_rate("{spinner} {pos} articles · {rate}")),
    })
}

/// An error record: what JSON Lines output holds in place of an article that was skipped.
fn error_record(name: &str, skip: &Skip) -> String {
    #[derive(serde::Serialize)]
    struct ErrorRecord<'a> {
        source: &'a str,
        kind: &'a str,
        error: &'a str,
    }
    let record = ErrorRecord { source: name, kind: skip.kind, error: &skip.reason };
    serde_json::to_string(&record).expect("a record serialises") + "\n"
}

/// Runs the batch; the summary goes to standard error.
pub fn run(batch: Batch) -> Result<()> {
    let started = Instant::now();
    if batch.sources.is_empty() {
        bail!("no articles in {}", batch.inputs.join(", "));
    }
    let bar = progress_bar(&batch.sources);
    let mut out = Output::create(batch.output.as_deref())?;
    let pipeline = Pipeline::new();
    let mut analysed = 0usize;
    let mut skipped: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut records, mut dated) = (0usize, 0usize);
    if batch.header && batch.format == BatchFormat::Gdelt {
        out.write_all(render::gdelt::render(&Document::default(), true).as_bytes())
            .context("cannot write the output")?;
    }
    let mut articles = Articles::new(&batch.sources, &batch.reading);
    loop {
        let chunk: Vec<Item> = articles.by_ref().take(CHUNK).collect::<Result<_>>()?;
        for note in articles.take_notes() {
            match &bar {
                Some(b) => b.println(note),
                None => eprintln!("{note}"),
            }
        }
        if chunk.is_empty() {
            break;
        }
        for item in &chunk {
            if let Some(d) = item.dated {
                records += 1;
                dated += usize::from(d);
            }
        }
        let results: Vec<(String, Result<Vec<u8>, Skip>)> = chunk
            .into_par_iter()
            .map(|item| {
                let rendered = item.article.and_then(|article| {
                    let doc = batch.reading.analyse(&pipeline, article)?;
                    Ok(match batch.format {
                        BatchFormat::Json => {
                            let mut line = Vec::new();
                            render::json::write(&doc, &mut line, &batch.json).expect("writing to memory");
                            line.push(b'\n');
                            line
                        }
                        BatchFormat::Gdelt => render::gdelt::render(&doc, false).into_bytes(),
                    })
                });
                (item.name, rendered)
            })
            .collect();
        for (name, r) in results {
            match r {
                Ok(bytes) => {
                    out.write_all(&bytes).context("cannot write the output")?;
                    analysed += 1;
                }
                Err(skip) => {
                    let msg = format!("marsad: skipped {name}: {}", skip.reason);
                    match &bar {
                        Some(b) => b.println(msg),
                        None => eprintln!("{msg}"),
                    }
                    if batch.format == BatchFormat::Json {
                        out.write_all(error_record(&name, &skip).as_bytes()).context("cannot write the output")?;
                    }
                    *skipped.entry(skip.kind).or_default() += 1;
                }
            }
            if let Some(b) = &bar {
                b.inc(1);
            }
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    out.finish()?;
    let seconds = started.elapsed().as_secs_f64();
    let total_skipped: usize = skipped.values().sum();
    let why: Vec<String> = skipped.iter().map(|(k, n)| counted(k, *n)).collect();
    let why = if why.is_empty() { String::new() } else { format!(" ({})", why.join(", ")) };
    eprintln!(
        "marsad: analysed {analysed} article{}, skipped {total_skipped}{why} in {seconds:.1} s ({:.0} articles/s)",
        if analysed == 1 { "" } else { "s" },
        analysed as f64 / seconds.max(1e-9)
    );
    if records > 0 && dated == 0 && batch.reading.meta.published.is_none() {
        let fields: Vec<String> = batch.reading.dates.fields().iter().map(|f| format!("{f:?}")).collect();
        eprintln!(
            "marsad: warning: no record of the batch has a publication date (looked for {}; name the field with \
             --date-field NAME, or give --published): relative dates are placed by a year inferred from the text",
            fields.join(", ")
        );
    }
    if analysed == 0 {
        bail!("nothing was analysed: every article of {} was skipped{why}", batch.inputs.join(", "));
    }
    if batch.strict && total_skipped > 0 {
        bail!("{total_skipped} article{} skipped (--strict)", if total_skipped == 1 { "" } else { "s" });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_as_people_write_them() {
        assert_eq!(rate(199.4626), "199/s");
        assert_eq!(rate(12.345), "12.3/s");
        assert_eq!(rate(0.4567), "0.46/s");
        assert_eq!(rate(0.0), "0/s");
        assert_eq!(rate(f64::NAN), "0/s");
    }

    #[test]
    fn kinds_of_skipped_articles_are_counted_in_words() {
        assert_eq!(counted("bad record", 1), "1 bad record");
        assert_eq!(counted("bad record", 5), "5 bad records");
        assert_eq!(counted("blank line", 2), "2 blank lines");
        assert_eq!(counted("empty", 2), "2 empty");
        assert_eq!(counted("too large", 3), "3 too large");
    }
}
