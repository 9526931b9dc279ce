//! The `marsad` command line.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use marsad::eval::expressions::Layer;
use marsad::input::{decode, Limits};
use marsad::{render, Metadata, Pipeline};

mod batch;

/// marsad: structured, checkable knowledge from Arabic news.
#[derive(Parser)]
#[command(name = "marsad", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse one article, or many: files, folders and JSON Lines (one article a
    /// line), analysed in parallel and written as JSON Lines in input order.
    Analyze(AnalyzeArgs),
    /// Train a model from gold data.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Score a layer of the pipeline against gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Subcommand)]
enum TrainCommand {
    /// The named-entity tagger (averaged perceptron) from CoNLL files; deterministic.
    Ner(TrainNerArgs),
    /// The persuasion-technique models (span and paragraph) from the shared tasks'
    /// gold files (ArMPro, ArAIEval 2023, WANLP 2022 formats); deterministic.
    Framing(TrainFramingArgs),
    /// The check-worthiness model from CheckThat! 2022 task 1 TSV files.
    Checkworthy(TrainCheckworthyArgs),
}

#[derive(clap::Args)]
struct TrainFramingArgs {
    /// Gold files, in any of the formats; a record whose text came in an earlier file is skipped.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Records whose text is also in these files are left out of training (to score on them fairly).
    #[arg(long)]
    exclude: Vec<PathBuf>,
    /// Instead of writing models: K-fold cross-validation over the first file's records
    /// (grouped by page), the other files added to every fold's training data.
    #[arg(long, value_name = "K")]
    cv: Option<usize>,
    /// Print the cross-validation scores as JSON.
    #[arg(long)]
    json: bool,
    /// Folder to write framing_spans.tsv and framing_paragraphs.tsv into.
    #[arg(long, default_value = "resources/models")]
    out: PathBuf,
}

#[derive(clap::Args)]
struct TrainCheckworthyArgs {
    /// Check-worthiness training files: TSV with `tweet_id`, `tweet_text` and
    /// `class_label` columns (CheckThat! 2022 task 1A).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Verifiable-claim training files in the same format (task 1B), joined by `tweet_id`.
    #[arg(long)]
    verifiable: Vec<PathBuf>,
    /// Development file (task 1A), to report F1 of the positive class after training.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long, default_value_t = marsad::claims::checkworthy::options().epochs)]
    epochs: usize,
    /// L2 decay per update.
    #[arg(long, default_value_t = marsad::claims::checkworthy::options().l2)]
    l2: f32,
    /// Where to write the model.
    #[arg(long, default_value = "resources/models/checkworthy.tsv")]
    out: PathBuf,
}

#[derive(clap::Args)]
struct TrainNerArgs {
    /// Training data: CoNLL, one `token TAG` per line (BIO tags).
    #[arg(long)]
    train: PathBuf,
    /// Development data, to choose the epoch.
    #[arg(long)]
    dev: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = marsad::entities::train::TrainOptions::default().epochs)]
    epochs: usize,
    /// Features seen fewer times in the training data are dropped.
    #[arg(long, default_value_t = marsad::entities::train::TrainOptions::default().min_count)]
    min_count: u32,
    /// Perceptrons trained on different example orders and averaged.
    #[arg(long, default_value_t = marsad::entities::train::TrainOptions::default().runs)]
    runs: usize,
    /// Where to write the model.
    #[arg(long, default_value = "resources/models/ner.bin")]
    out: PathBuf,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Named entities: precision, recall and F1 per type and micro-averaged, exact spans.
    Ner(EvalNerArgs),
    /// Time expressions: strict and relaxed P/R/F1 and value accuracy on an offset gold file.
    Time(EvalExpressionsArgs),
    /// Quantities: strict and relaxed P/R/F1 and value accuracy on an offset gold file.
    Quantities(EvalExpressionsArgs),
    /// Entity resolution: linking accuracy, grouping (B³) and metonymy on an offset gold
    /// file (default gold/test/entities.jsonl).
    Entities(EvalExpressionsArgs),
    /// Events: detection, type, actor, recipient and modality P/R/F1 on a gold file of
    /// docs/annotation/events_claims.md (default gold/dev/events_claims.jsonl).
    Events(EvalEventsArgs),
    /// Claims: detection, source type and speaker P/R/F1 on the same gold file.
    Claims(EvalEventsArgs),
    /// Persuasion techniques: span P/R/F1 (partial overlap, micro and macro), paragraph
    /// multi-label F1 and binary F1 on gold files of the shared tasks' formats.
    Framing(EvalFramingArgs),
    /// Check-worthiness: F1 of the positive class on CheckThat! 2022 task 1 TSV files.
    Checkworthy(EvalCheckworthyArgs),
}

#[derive(clap::Args)]
struct EvalCheckworthyArgs {
    /// Gold files (TSV, `tweet_text` and `class_label` columns).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The files hold verifiable-claim labels (task 1B) rather than check-worthiness (1A).
    #[arg(long)]
    verifiable: bool,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct EvalFramingArgs {
    /// Gold files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct EvalEventsArgs {
    /// Gold file (JSON lines).
    gold: Option<PathBuf>,
    /// JSON Lines file holding the texts the gold file cites.
    #[arg(long, default_value = "../shared/data/news/saudinewsnet/articles.jsonl")]
    texts: PathBuf,
    /// The field of a record holding its id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// The field of a record holding its text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct EvalExpressionsArgs {
    /// Gold file (JSON lines; see docs/annotation/time_quantities.md). Default:
    /// gold/test/time.jsonl or gold/test/quantities.jsonl.
    gold: Option<PathBuf>,
    /// The data folder holding the corpora the gold file cites (news/saudinewsnet, news/antcorpus).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
    /// Also list every miss, spurious find and wrong value (to standard error).
    #[arg(long)]
    errors: bool,
}

#[derive(clap::Args)]
struct EvalNerArgs {
    /// Gold CoNLL files (`token TAG` per line, BIO tags).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// A readable report (colour on a terminal).
    Text,
    /// JSON in the documented schema (character offsets).
    Json,
    /// One self-contained right-to-left HTML page.
    Html,
    /// GDELT 2.0 Events table rows, tab-separated, one per asserted or reported event
    /// (columns and mapping in docs/gdelt.md).
    Gdelt,
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// The article: a file path, or `-` for standard input. Several inputs, a folder
    /// (read recursively) or a JSON Lines file (`.jsonl`: `text` and optional `title`,
    /// `url`, `outlet`, `published`, `id` a line) make a batch.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Read the inputs (standard input too) as JSON Lines, whatever their names.
    #[arg(long)]
    jsonl: bool,
    /// In a batch, exit with status 1 when any article was skipped.
    #[arg(long)]
    strict: bool,
    /// Threads for a batch (default: one per core).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    format: Format,
    /// With `--format gdelt`, write the column names as the first line.
    #[arg(long)]
    header: bool,
    /// Publication date of the article (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    published: Option<String>,
    /// Title of the article.
    #[arg(long)]
    title: Option<String>,
    /// Outlet that published the article.
    #[arg(long)]
    outlet: Option<String>,
    /// Address the article was published at.
    #[arg(long)]
    url: Option<String>,
    /// Largest input accepted, in bytes.
    #[arg(long, default_value_t = Limits::default().max_bytes)]
    max_bytes: usize,
    /// Write the output to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// Accepts a calendar date written YYYY-MM-DD.
pub(crate) fn parse_date(s: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|e| format!("expected a date as YYYY-MM-DD, e.g. 2022-11-20 ({e})"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze(args),
        Command::Train(TrainCommand::Ner(args)) => train_ner(args),
        Command::Train(TrainCommand::Framing(args)) => train_framing(args),
        Command::Train(TrainCommand::Checkworthy(args)) => train_checkworthy(args),
        Command::Eval(EvalCommand::Framing(args)) => eval_framing(args),
        Command::Eval(EvalCommand::Checkworthy(args)) => eval_checkworthy(args),
        Command::Eval(EvalCommand::Ner(args)) => eval_ner(args),
        Command::Eval(EvalCommand::Time(args)) => eval_expressions(args, Layer::Time),
        Command::Eval(EvalCommand::Quantities(args)) => eval_expressions(args, Layer::Quantities),
        Command::Eval(EvalCommand::Entities(args)) => eval_entities(args),
        Command::Eval(EvalCommand::Events(args)) => eval_events_claims(args, "events"),
        Command::Eval(EvalCommand::Claims(args)) => eval_events_claims(args, "claims"),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("marsad: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// True when the inputs are more than one article.
fn is_batch(args: &AnalyzeArgs) -> bool {
    args.jsonl
        || args.inputs.len() > 1
        || args.inputs.iter().any(|i| {
            let p = std::path::Path::new(i);
            i != "-" && (p.is_dir() || p.extension().is_some_and(|e| e == "jsonl" || e == "ndjson"))
        })
}

fn analyze(args: AnalyzeArgs) -> Result<()> {
    let limits = Limits { max_bytes: args.max_bytes };
    if is_batch(&args) {
        let format = match args.format {
            Format::Json => batch::BatchFormat::Json,
            Format::Gdelt => batch::BatchFormat::Gdelt,
            Format::Text | Format::Html => {
                bail!("several articles are written as JSON Lines or GDELT rows: add --format json or --format gdelt")
            }
        };
        if let Some(jobs) = args.jobs {
            rayon::ThreadPoolBuilder::new().num_threads(jobs.max(1)).build_global().context("cannot start threads")?;
        }
        return batch::run(batch::Batch {
            inputs: args.inputs,
            jsonl: args.jsonl,
            format,
            header: args.header,
            limits,
            output: args.output,
            strict: args.strict,
            meta: Metadata {
                title: args.title,
                outlet: args.outlet,
                url: args.url,
                published: args.published,
                ..Metadata::default()
            },
        });
    }
    let input = args.inputs[0].clone();
    let name = if input == "-" { "<stdin>".to_owned() } else { input.clone() };
    let bytes = read_input(&input, &limits).with_context(|| format!("cannot read {name}"))?;
    let decoded = decode(&bytes, &limits).with_context(|| format!("cannot read {name}"))?;
    let meta = Metadata {
        title: args.title,
        outlet: args.outlet,
        url: args.url,
        published: args.published,
        source: Some(input.clone()),
        encoding: Some(decoded.encoding.to_owned()),
        ..Metadata::default()
    };
    let mut doc = Pipeline::new().analyze(decoded.text, meta);
    doc.warnings.splice(0..0, decoded.warnings);
    for w in &doc.warnings {
        eprintln!("marsad: warning: {name}: {}", w.message);
    }
    let out = match args.format {
        Format::Text => {
            let colour = args.output.is_none() && std::io::stdout().is_terminal();
            render::text::render(&doc, colour)
        }
        Format::Json => render::json::to_string_pretty(&doc) + "\n",
        Format::Html => render::html::render(&doc),
        Format::Gdelt => render::gdelt::render(&doc, args.header),
    };
    write_output(args.output.as_deref(), out.as_bytes())
}

fn train_ner(args: TrainNerArgs) -> Result<()> {
    use marsad::entities::train::{train, TrainOptions};
    use marsad::eval::conll;
    let train_data = conll::read(&args.train)?;
    let dev_data = conll::read(&args.dev)?;
    let opts = TrainOptions {
        epochs: args.epochs.max(1),
        min_count: args.min_count,
        runs: args.runs.max(1),
        ..TrainOptions::default()
    };
    let res = marsad::Resources::embedded();
    let trained = train(&train_data, &dev_data, res, &opts, &mut |line| eprintln!("{line}"));
    print!("{}", trained.dev.report());
    write_output(Some(&args.out), &trained.model)?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), trained.model.len());
    Ok(())
}

fn read_framing_gold(files: &[PathBuf]) -> Result<Vec<marsad::framing::gold::Record>> {
    let taxonomy = &marsad::Resources::embedded().framing.taxonomy;
    let mut out = Vec::new();
    for f in files {
        out.extend(marsad::framing::gold::read(f, taxonomy)?);
    }
    Ok(out)
}

fn train_framing(args: TrainFramingArgs) -> Result<()> {
    use marsad::framing::train::{cross_validate, deduplicate, prepare, text_key, train, Labels};
    let lex = &marsad::Resources::embedded().framing;
    let exclude: std::collections::HashSet<String> =
        read_framing_gold(&args.exclude)?.iter().map(|r| text_key(&r.text)).collect();
    let first = read_framing_gold(&args.files[..1])?.len();
    let records = read_framing_gold(&args.files)?;
    let total = records.len();
    let kept = deduplicate(records, &exclude);
    let n_first = kept.iter().filter(|(i, _)| *i < first).count();
    let records: Vec<_> = kept.into_iter().map(|(_, r)| r).collect();
    let labels = Labels::of(lex);
    eprintln!(
        "framing: {} records ({} left out as duplicates or excluded); analysing…",
        records.len(),
        total - records.len()
    );
    let data = prepare(records, lex, &labels);
    if let Some(k) = args.cv {
        if k < 2 {
            bail!("--cv needs at least 2 folds, got {k}");
        }
        eprintln!("cross-validating over {n_first} records of {} in {k} folds…", args.files[0].display());
        let report = cross_validate(&data, n_first, k, &labels);
        let out = if args.json { serde_json::to_string_pretty(&report.json())? + "\n" } else { report.text() };
        return write_output(None, out.as_bytes());
    }
    let names: Vec<String> =
        args.files.iter().map(|f| f.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned())).collect();
    let header = vec![
        format!("trained by `marsad train framing` on {} ({} records)", names.join(", "), data.len()),
        "a multi-label logistic regression: crates/marsad/src/learn/linear.rs; features: crates/marsad/src/framing/features.rs".into(),
    ];
    let refs: Vec<&_> = data.iter().collect();
    let trained = train(&refs, &labels, &header);
    std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    for (name, model) in [("framing_spans.tsv", &trained.spans), ("framing_paragraphs.tsv", &trained.paragraphs)] {
        let path = args.out.join(name);
        write_output(Some(&path), model.as_bytes())?;
        eprintln!("wrote {} ({} bytes)", path.display(), model.len());
    }
    Ok(())
}

fn eval_framing(args: EvalFramingArgs) -> Result<()> {
    let gold = read_framing_gold(&args.files)?;
    let report = marsad::eval::framing::evaluate(&gold, &marsad::Resources::embedded().framing);
    let out = if args.json { serde_json::to_string_pretty(&report.json())? + "\n" } else { report.text() };
    write_output(None, out.as_bytes())
}

fn read_checkworthy(files: &[PathBuf]) -> Result<Vec<marsad::claims::checkworthy::Row>> {
    let mut rows = Vec::new();
    for f in files {
        rows.extend(marsad::claims::checkworthy::read(f)?);
    }
    Ok(rows)
}

fn train_checkworthy(args: TrainCheckworthyArgs) -> Result<()> {
    use marsad::claims::checkworthy::{self, Task};
    let rows = read_checkworthy(&args.files)?;
    let verifiable = read_checkworthy(&args.verifiable)?;
    let names: Vec<String> = args
        .files
        .iter()
        .chain(&args.verifiable)
        .map(|f| f.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned()))
        .collect();
    let opts = marsad::learn::TrainOptions { epochs: args.epochs.max(1), l2: args.l2, ..checkworthy::options() };
    let header = [format!(
        "trained by `marsad train checkworthy` on {} ({} + {} texts)",
        names.join(", "),
        rows.len(),
        verifiable.len()
    )];
    let model = checkworthy::train(&rows, &verifiable, &opts, &header).map_err(anyhow::Error::msg)?;
    write_output(Some(&args.out), model.as_bytes())?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), model.len());
    if let Some(dev) = &args.dev {
        let model = marsad::learn::LinearModel::parse(&model).map_err(anyhow::Error::msg)?;
        print!("{}", checkworthy::evaluate(&checkworthy::read(dev)?, &model, Task::Checkworthy).text());
    }
    Ok(())
}

fn eval_checkworthy(args: EvalCheckworthyArgs) -> Result<()> {
    use marsad::claims::checkworthy::{self, Task};
    let rows = read_checkworthy(&args.files)?;
    let task = if args.verifiable { Task::Verifiable } else { Task::Checkworthy };
    let report = checkworthy::evaluate(&rows, &marsad::Resources::embedded().claims.checkworthy, task);
    let out = if args.json { serde_json::to_string_pretty(&report.json())? + "\n" } else { report.text() };
    write_output(None, out.as_bytes())
}

fn eval_ner(args: EvalNerArgs) -> Result<()> {
    use marsad::eval::{conll, ner};
    let res = marsad::Resources::embedded();
    let mut total = ner::Counts::default();
    for file in &args.files {
        let sentences = conll::read(file)?;
        total.merge(&ner::evaluate(&sentences, res));
    }
    let out = if args.json { serde_json::to_string_pretty(&total.to_json())? + "\n" } else { total.report() };
    write_output(None, out.as_bytes())
}

fn eval_expressions(args: EvalExpressionsArgs, layer: Layer) -> Result<()> {
    use marsad::eval::expressions::{evaluate, read_gold, Corpora};
    let default = match layer {
        Layer::Time => "gold/test/time.jsonl",
        Layer::Quantities => "gold/test/quantities.jsonl",
    };
    let gold_path = args.gold.unwrap_or_else(|| PathBuf::from(default));
    let gold = read_gold(&gold_path, layer)?;
    if !args.data.is_dir() {
        bail!("{}: the data folder is missing (give it with --data DIR)", args.data.display());
    }
    let texts = Corpora::new(&args.data).texts(&gold, &gold_path)?;
    let scores = evaluate(&gold, &texts, layer);
    if args.errors {
        for (corpus, doc, g, p) in &scores.errors {
            let text = &texts[&(corpus.clone(), doc.clone())];
            let show = |i: &Option<marsad::eval::expressions::Item>| match i {
                None => "-".to_owned(),
                Some(i) => {
                    let s: String = text.chars().skip(i.start).take(i.end - i.start).collect();
                    format!("{s} [{}:{} {} {:?}]", i.start, i.end, i.label, i.value)
                }
            };
            eprintln!("{doc}\tgold: {}\tfound: {}", show(g), show(p));
        }
    }
    let out =
        if args.json { serde_json::to_string_pretty(&scores.to_json(layer))? + "\n" } else { scores.report(layer) };
    write_output(None, out.as_bytes())
}

fn eval_entities(args: EvalExpressionsArgs) -> Result<()> {
    use marsad::eval::entities::{evaluate, read_gold};
    use marsad::eval::expressions::Corpora;
    let gold_path = args.gold.unwrap_or_else(|| PathBuf::from("gold/test/entities.jsonl"));
    let gold = read_gold(&gold_path)?;
    if !args.data.is_dir() {
        bail!("{}: the data folder is missing (give it with --data DIR)", args.data.display());
    }
    let docs: Vec<_> = gold.iter().map(|g| g.doc.clone()).collect();
    let texts = Corpora::new(&args.data).texts(&docs, &gold_path)?;
    let scores = evaluate(&gold, &texts);
    if args.errors {
        for e in &scores.errors {
            let text = texts.iter().find(|((_, d), _)| *d == e.doc).map_or("", |(_, t)| t.as_str());
            let s: String = text.chars().skip(e.start).take(e.end - e.start).collect();
            let (g, f) = (e.gold.as_deref().unwrap_or("-"), e.found.as_deref().unwrap_or("-"));
            eprintln!("{}\t{s} [{}:{}]\tgold: {g}\tfound: {f}", e.doc, e.start, e.end);
        }
    }
    let out = if args.json { serde_json::to_string_pretty(&scores.to_json())? + "\n" } else { scores.report() };
    write_output(None, out.as_bytes())
}

fn eval_events_claims(args: EvalEventsArgs, layer: &str) -> Result<()> {
    use marsad::eval::events_claims::{evaluate, read_gold, read_texts};
    let gold_path = args.gold.unwrap_or_else(|| PathBuf::from("gold/dev/events_claims.jsonl"));
    let gold = read_gold(&gold_path)?;
    let ids: std::collections::HashSet<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let texts = read_texts(&args.texts, &args.id_field, &args.text_field, &ids)?;
    if let Some(g) = gold.iter().find(|g| !texts.contains_key(&g.doc)) {
        bail!("{}:{}: record {:?} is not in {}", gold_path.display(), g.line, g.doc, args.texts.display());
    }
    let (events, claims) = evaluate(&gold, &texts);
    let scores = if layer == "events" { events } else { claims };
    let out =
        if args.json { serde_json::to_string_pretty(&scores.to_json(layer))? + "\n" } else { scores.report(layer) };
    write_output(None, out.as_bytes())
}

/// Reads a path or standard input, refusing more than the size limit.
///
/// A file larger than the limit is refused from its metadata, before reading it;
/// standard input (and files that do not report a size) is read up to one byte
/// past the limit. Errors say why, in words: the caller adds `cannot read PATH`.
pub(crate) fn read_input(input: &str, limits: &Limits) -> Result<Vec<u8>> {
    use marsad::input::InputError;

    /// The reason an I/O operation failed, for a message after `cannot read PATH: `.
    fn reason(e: std::io::Error) -> anyhow::Error {
        match e.kind() {
            std::io::ErrorKind::NotFound => anyhow::anyhow!("no such file or directory"),
            std::io::ErrorKind::PermissionDenied => anyhow::anyhow!("permission denied"),
            std::io::ErrorKind::IsADirectory => anyhow::anyhow!("it is a directory, not a file"),
            _ => anyhow::Error::new(e),
        }
    }

    let limit = limits.max_bytes;
    let cap = (limit as u64).saturating_add(1);
    let mut buf = Vec::new();
    if input == "-" {
        std::io::stdin().lock().take(cap).read_to_end(&mut buf).map_err(reason)?;
    } else {
        let file = std::fs::File::open(input).map_err(reason)?;
        let meta = file.metadata().map_err(reason)?;
        if meta.is_dir() {
            bail!("it is a directory, not a file");
        }
        if meta.is_file() && meta.len() > limit as u64 {
            return Err(InputError::TooLarge { size: Some(meta.len()), limit }.into());
        }
        if meta.is_file() {
            buf.reserve_exact(meta.len() as usize);
        }
        file.take(cap).read_to_end(&mut buf).map_err(reason)?;
    }
    if buf.len() > limit {
        return Err(InputError::TooLarge { size: None, limit }.into());
    }
    Ok(buf)
}

/// Writes the whole output, to a file atomically (a temporary file renamed into place).
/// True when `path` is a regular file or does not exist yet: output may go to a
/// temporary file renamed over it, so that a failed run leaves nothing half-written.
pub(crate) fn replaceable(path: &std::path::Path) -> bool {
    std::fs::metadata(path).map_or(true, |m| m.is_file())
}

fn write_output(path: Option<&std::path::Path>, bytes: &[u8]) -> Result<()> {
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
        }
        // a device or pipe (/dev/null, /dev/stdout, a FIFO) is written as it is:
        // renaming a file over it would replace it
        Some(path) if !replaceable(path) => {
            std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        }
        Some(path) => {
            let tmp = path.with_extension("marsad-tmp");
            std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
            std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    Ok(())
}
