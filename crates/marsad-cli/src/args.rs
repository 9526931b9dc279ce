//! The command line's arguments: the commands and their flags, as clap reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use marsad::input::Limits;

/// marsad: structured, checkable knowledge from Arabic news.
#[derive(Parser)]
#[command(name = "marsad", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Analyse one article, or many: files, folders and JSON Lines (one article a
    /// line), analysed in parallel and written as JSON Lines in input order.
    Analyze(AnalyzeArgs),
    /// Train a model from gold data.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Score a layer of the pipeline against gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Analyse articles into a corpus store (docs/store.md): files, folders and JSON
    /// Lines, each article stored with all its layers in one transaction. A re-run
    /// skips what is in; a changed text at a known address is stored as a revision.
    Ingest(IngestArgs),
    /// Export the articles of a store (docs/store.md): GDELT 2.0 event rows, JSON
    /// Lines of the documents, Parquet tables by month, or GKG-like rows; all of
    /// them or those of a range of publication dates.
    Export(ExportArgs),
    /// Search the articles of a store (docs/search.md): words in any of their forms
    /// (with clitics, hamza or diacritics), quoted phrases, and filters by date,
    /// outlet, entity, event type and technique; hits ranked, with a snippet.
    Search(SearchArgs),
    /// Rebuild the search index of a store from the store.
    Index(IndexArgs),
    /// Group the articles of a store into stories again, from nothing (an ingest
    /// groups its new articles itself; docs/store.md), and list the largest.
    Stories(StoriesArgs),
    /// Serve a store on the web (docs/serve.md): a read-only JSON API (search with
    /// facets, articles, events, timeline, network, stories, outlets) and the pages
    /// that browse it, on the loopback interface unless --bind says otherwise.
    Serve(ServeArgs),
}

/// What `marsad stories` reads.
#[derive(clap::Args)]
pub struct StoriesArgs {
    /// The store: a SQLite file made by `marsad ingest`, or a PostgreSQL database
    /// (`postgres://user@host:port/db`).
    #[arg(long, default_value = "marsad.sqlite")]
    pub store: String,
    /// How many of the largest stories to list.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
}

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The store: a SQLite file made by `marsad ingest`.
    #[arg(long, default_value = "marsad.sqlite")]
    pub store: String,
    /// The search index (default: the store's file name with `.index`, beside it).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Address and port to listen on; another than the loopback interface lets
    /// other machines in, and is warned about.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub bind: std::net::SocketAddr,
    /// Accept POST /api/ingest: one JSON record a request, analysed and stored.
    #[arg(long)]
    pub allow_ingest: bool,
    /// Largest body of POST /api/ingest, in bytes.
    #[arg(long, default_value_t = 4 * 1024 * 1024, value_name = "BYTES")]
    pub max_ingest_bytes: usize,
    /// Longest time a request may take, in seconds.
    #[arg(long, default_value_t = 15, value_parser = clap::value_parser!(u64).range(1..=600), value_name = "SECONDS")]
    pub timeout: u64,
    /// Requests handled at once; more wait their turn.
    #[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u64).range(1..=1024), value_name = "N")]
    pub concurrency: u64,
}

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files, folders (read recursively), JSON Lines files (`.jsonl`: `text` and
    /// optional `title`, `url`, `outlet`, `author`, `id` and a date in `published`,
    /// `date` or `date_iso` a line), saved pages (`.html`, `.htm`), feeds (`.rss`,
    /// `.atom`, `.xml`) and WARC files (`.warc`, `.warc.gz`); docs/ingest.md.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// The store: a SQLite file, created when absent, or a PostgreSQL database
    /// (`postgres://user@host/db`), its tables created when its schema has none.
    #[arg(long, default_value = "marsad.sqlite")]
    pub store: String,
    /// Read the inputs as JSON Lines, whatever their names.
    #[arg(long)]
    pub jsonl: bool,
    /// Exit with status 1 when any input was bad (without it, only when nothing could be read).
    #[arg(long)]
    pub strict: bool,
    /// Threads for the analysis (default: one per core).
    #[arg(long, short, value_parser = parse_jobs)]
    pub jobs: Option<usize>,
    /// Outlet of the articles that do not name their own.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Publication date (YYYY-MM-DD) of the articles that do not give their own.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<String>,
    /// The field of a JSON Lines record holding its publication date.
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,
    /// Largest article accepted, in bytes.
    #[arg(long, default_value_t = Limits::default().max_bytes)]
    pub max_bytes: usize,
    /// Read a few invalid byte sequences as U+FFFD, with a warning.
    #[arg(long)]
    pub lossy: bool,
    /// The store's search index, filled as articles are stored (default: the
    /// store's file name with `.index`, beside it; required with PostgreSQL).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct SearchArgs {
    /// Words (all must occur), "quoted phrases", OR, -word to exclude, (…) to group.
    pub query: String,
    /// The store: a SQLite file made by `marsad ingest`, or a PostgreSQL database
    /// (`postgres://user@host/db`).
    #[arg(long, default_value = "marsad.sqlite")]
    pub store: String,
    /// The search index (default: the store's file name with `.index`, beside it;
    /// required with PostgreSQL).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub from: Option<String>,
    /// Articles published on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub to: Option<String>,
    /// Articles of this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Articles naming this entity (its name as the entities layer gives it, in
    /// Arabic or English, or its link).
    #[arg(long)]
    pub entity: Option<String>,
    /// Articles with an event of this PLOVER type (CONSULT, ACCUSE, ASSAULT…).
    #[arg(long, value_name = "TYPE")]
    pub event: Option<String>,
    /// Articles with this persuasion technique (loaded_language, doubt…).
    #[arg(long)]
    pub technique: Option<String>,
    /// Most hits shown.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Write the hits as one JSON object.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct IndexArgs {
    /// The store: a SQLite file made by `marsad ingest`, or a PostgreSQL database
    /// (`postgres://user@host/db`).
    #[arg(long, default_value = "marsad.sqlite")]
    pub store: String,
    /// The search index (default: the store's file name with `.index`, beside it;
    /// required with PostgreSQL).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
}

/// What `marsad export` reads.
#[derive(clap::Args)]
pub struct ExportArgs {
    /// The store: a SQLite file written by `marsad ingest`, or a PostgreSQL
    /// database (`postgres://user@host/db`).
    #[arg(long, default_value = "marsad.sqlite")]
    pub store: String,
    /// What to write: GDELT 2.0 event rows, JSON Lines of the documents, a folder of
    /// Parquet tables, or GKG-like rows (one per article).
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Only the articles published on this day (YYYY-MM-DD) or later.
    #[arg(long, value_parser = parse_date)]
    pub from: Option<String>,
    /// Only the articles published on this day (YYYY-MM-DD) or earlier.
    #[arg(long, value_parser = parse_date)]
    pub to: Option<String>,
    /// Where to write: a file (a folder for parquet).
    #[arg(long, short)]
    pub output: PathBuf,
    /// Replace the output when it exists.
    #[arg(long)]
    pub force: bool,
    /// Write the column names as the first line (gdelt and gkg).
    #[arg(long)]
    pub header: bool,
}

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// GDELT 2.0 Events rows (TSV, 61 columns; docs/gdelt.md).
    Gdelt,
    /// One document a line, as `marsad analyze` writes it.
    Jsonl,
    /// A folder of Parquet tables (articles, events, entities, claims) by month.
    Parquet,
    /// One GKG-like row per article (TSV; docs/store.md).
    Gkg,
}

#[derive(Subcommand)]
pub enum TrainCommand {
    /// The named-entity tagger (averaged perceptron) from CoNLL files; deterministic.
    Ner(TrainNerArgs),
    /// The persuasion-technique models (span and paragraph) from the shared tasks'
    /// gold files (ArMPro, ArAIEval 2023, WANLP 2022 formats); deterministic.
    Framing(TrainFramingArgs),
    /// The check-worthiness model from CheckThat! 2022 task 1 TSV files.
    Checkworthy(TrainCheckworthyArgs),
    /// The part-of-speech tagger (averaged perceptron) from UD Arabic-PADT lines; deterministic.
    Pos(TrainPosArgs),
    /// The event models (trigger and argument classifiers) from the events corpus;
    /// deterministic, thresholds chosen on the development split.
    Events(TrainEventsArgs),
}

#[derive(clap::Args)]
pub struct TrainEventsArgs {
    /// Training split of the events corpus (JSON lines; whatever documents it holds).
    #[arg(default_value = "gold/events/train.jsonl")]
    pub train: PathBuf,
    /// Development split, to choose the decision thresholds.
    #[arg(long, default_value = "gold/events/dev.jsonl")]
    pub dev: PathBuf,
    /// JSON Lines files holding the texts the splits cite (repeat the option for
    /// several; default: both news corpora).
    #[arg(long, num_args = 1, default_values = NEWS_CORPORA)]
    pub texts: Vec<PathBuf>,
    /// Passes over the training data (default: the tuned options of
    /// `marsad_eval::train::events::options`).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// AdaGrad's base learning rate (default: as `--epochs`).
    #[arg(long)]
    pub learning_rate: Option<f32>,
    /// Weight of a positive example against a negative one (default: as `--epochs`).
    #[arg(long)]
    pub positive_weight: Option<f32>,
    /// Folder to write `events_triggers.tsv` and `events_arguments.tsv` to.
    #[arg(long, short, default_value = "resources/models")]
    pub out: PathBuf,
}

#[derive(clap::Args)]
pub struct TrainPosArgs {
    /// Training data: one sentence a line, the words, a tab, the UPOS tags (docs/pos.md).
    pub train: PathBuf,
    /// Development data in the same format, to choose the epoch.
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long, default_value_t = marsad_eval::train::pos::TrainOptions::default().epochs)]
    pub epochs: usize,
    /// Weights under this share of the largest are left out of the model.
    #[arg(long, default_value_t = marsad_eval::train::pos::TrainOptions::default().prune)]
    pub prune: f32,
    /// Where to write the model.
    #[arg(long, short, default_value = "resources/models/pos.bin")]
    pub out: PathBuf,
}

#[derive(clap::Args)]
pub struct TrainFramingArgs {
    /// Gold files, in any of the formats; a record whose text came in an earlier file is skipped.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Records whose text is also in these files are left out of training (to score on them fairly).
    #[arg(long)]
    pub exclude: Vec<PathBuf>,
    /// Instead of writing models: K-fold cross-validation over the first file's records
    /// (grouped by page), the other files added to every fold's training data.
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
    /// Print the cross-validation scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// A neutral-news list (gold/framing/neutral_news.tsv): the paragraphs of its calibration
    /// half join the training data as examples of no technique.
    #[arg(long, value_name = "FILE")]
    pub neutral: Option<PathBuf>,
    /// The data folder holding the corpora the neutral list cites.
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Folder to write framing_spans.tsv and framing_paragraphs.tsv into.
    #[arg(long, default_value = "resources/models")]
    pub out: PathBuf,
}

#[derive(clap::Args)]
pub struct TrainCheckworthyArgs {
    /// Check-worthiness training files: TSV with `tweet_id`, `tweet_text` and
    /// `class_label` columns (CheckThat! 2022 task 1A).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Verifiable-claim training files in the same format (task 1B), joined by `tweet_id`.
    #[arg(long)]
    pub verifiable: Vec<PathBuf>,
    /// Development file (task 1A), to report F1 of the positive class after training.
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long, default_value_t = marsad_eval::train::checkworthy::options().epochs)]
    pub epochs: usize,
    /// L2 decay per update.
    #[arg(long, default_value_t = marsad_eval::train::checkworthy::options().l2)]
    pub l2: f32,
    /// Where to write the model.
    #[arg(long, default_value = "resources/models/checkworthy.tsv")]
    pub out: PathBuf,
}

#[derive(clap::Args)]
pub struct TrainNerArgs {
    /// Training data: CoNLL, one `token TAG` per line (BIO tags).
    #[arg(long)]
    pub train: PathBuf,
    /// Development data, to choose the epoch.
    #[arg(long)]
    pub dev: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = marsad_eval::train::ner::TrainOptions::default().epochs)]
    pub epochs: usize,
    /// Features seen fewer times in the training data are dropped.
    #[arg(long, default_value_t = marsad_eval::train::ner::TrainOptions::default().min_count)]
    pub min_count: u32,
    /// Perceptrons trained on different example orders and averaged.
    #[arg(long, default_value_t = marsad_eval::train::ner::TrainOptions::default().runs)]
    pub runs: usize,
    /// Cross-validate instead of training: cut the training data into this many
    /// contiguous folds, score each with a model trained on the others (epoch chosen on
    /// `--dev`), print the pooled and per-fold scores, and write no model.
    #[arg(long)]
    pub folds: Option<usize>,
    /// Where to write the model.
    #[arg(long, default_value = "resources/models/ner.bin")]
    pub out: PathBuf,
}

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Named entities: precision, recall and F1 per type and micro-averaged, exact spans.
    Ner(EvalNerArgs),
    /// Time expressions: strict and relaxed P/R/F1 and value accuracy on an offset gold file.
    Time(EvalExpressionsArgs),
    /// Quantities: strict and relaxed P/R/F1 and value accuracy on an offset gold file.
    Quantities(EvalExpressionsArgs),
    /// Entity resolution: linking accuracy, grouping (B³) and metonymy on an offset gold
    /// file (default gold/test/entities.jsonl).
    Entities(EvalEntitiesArgs),
    /// Linking on words that look like names (المالية "financial" and مالي, the country):
    /// precision and recall per family of forms on a false-friends file
    /// (gold/false_friends/tune.jsonl or test.jsonl).
    Links(EvalEntitiesArgs),
    /// Events: detection, type, actor, recipient and modality P/R/F1 on a gold file of
    /// docs/annotation/events_claims.md (default gold/events/dev.jsonl).
    Events(EvalEventsArgs),
    /// Claims: detection, source type and speaker P/R/F1 on the same gold file.
    Claims(EvalEventsArgs),
    /// Persuasion techniques: span P/R/F1 (partial overlap, micro and macro), paragraph
    /// multi-label F1 and binary F1 on gold files of the shared tasks' formats.
    Framing(EvalFramingArgs),
    /// Check-worthiness: F1 of the positive class on CheckThat! 2022 task 1 TSV files.
    Checkworthy(EvalCheckworthyArgs),
    /// Parts of speech: UPOS accuracy on a file's own pieces and through marsad's
    /// segmentation, and the clitic split points, on UD Arabic-PADT lines.
    Pos(EvalPosArgs),
    /// Tone toward named actors: three-class accuracy and macro-F1 on gold sentences of
    /// docs/annotation/tone.md (default gold/tone/dev.jsonl).
    Tone(EvalToneArgs),
    /// Near-duplicates: precision and recall of the store's detector on altered copies
    /// of real articles and hard negatives (same outlet and day), a seed-fixed
    /// constructed set with a development and a test part.
    Duplicates(EvalDuplicatesArgs),
}

#[derive(clap::Args)]
pub struct EvalDuplicatesArgs {
    /// JSON Lines files of articles (`text`, `outlet`, `date`).
    #[arg(long, default_value = "../shared/data/news/saudinewsnet/articles.jsonl")]
    pub corpus: Vec<PathBuf>,
    /// Which part to score: dev (to tune on) or test (scored once).
    #[arg(long, default_value = "dev")]
    pub split: String,
    /// Originals per part.
    #[arg(long, default_value_t = 1000)]
    pub originals: usize,
    /// The seed of the draw and of the alterations.
    #[arg(long, default_value_t = 2015)]
    pub seed: u64,
    /// Also print precision and recall at thresholds from 0.2 to 0.8.
    #[arg(long)]
    pub sweep: bool,
}

#[derive(clap::Args)]
pub struct EvalToneArgs {
    /// Gold file (JSON Lines of sentences with their targets, as character offsets into
    /// the news corpora). Default: gold/tone/dev.jsonl.
    pub gold: Option<PathBuf>,
    /// JSON Lines files holding the texts the gold file cites (`id` and `text` fields);
    /// repeat for several [default: the SaudiNewsNet and ANT corpus files of ../shared/data/news].
    #[arg(long)]
    pub texts: Vec<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct EvalPosArgs {
    /// Gold file: one sentence a line, the words, a tab, the UPOS tags.
    pub file: PathBuf,
    /// Training file, for the most-frequent-tag baseline (default: train.txt beside FILE).
    #[arg(long)]
    pub train: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct EvalCheckworthyArgs {
    /// Gold files (TSV, `tweet_text` and `class_label` columns).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The files hold verifiable-claim labels (task 1B) rather than check-worthiness (1A).
    #[arg(long)]
    pub verifiable: bool,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct EvalFramingArgs {
    /// Gold files.
    #[arg(required_unless_present = "neutral")]
    pub files: Vec<PathBuf>,
    /// A list of ordinary news articles (gold/framing/neutral_news.tsv): reports the share
    /// marked propagandistic (false alarms) and spans per 100 words, by half and kind.
    #[arg(long, value_name = "FILE")]
    pub neutral: Option<PathBuf>,
    /// The data folder holding the corpora the neutral list cites (news/saudinewsnet, news/antcorpus).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The news corpora the events corpus cites (`gold/events/README.md`).
pub const NEWS_CORPORA: [&str; 2] =
    ["../shared/data/news/saudinewsnet/articles.jsonl", "../shared/data/news/antcorpus/articles.jsonl"];

#[derive(clap::Args)]
pub struct EvalEventsArgs {
    /// Gold file (JSON lines; default: gold/events/dev.jsonl).
    pub gold: Option<PathBuf>,
    /// JSON Lines files holding the texts the gold file cites (repeat the option for
    /// several; default: both news corpora).
    #[arg(long, num_args = 1, default_values = NEWS_CORPORA)]
    pub texts: Vec<PathBuf>,
    /// The field of a record holding its id.
    #[arg(long, default_value = "id")]
    pub id_field: String,
    /// The field of a record holding its text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct EvalExpressionsArgs {
    /// Gold file (JSON lines; see docs/annotation/time_quantities.md). Default:
    /// gold/test/time.jsonl or gold/test/quantities.jsonl.
    pub gold: Option<PathBuf>,
    /// The data folder holding the corpora the gold file cites (news/saudinewsnet, news/antcorpus).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also list every miss, spurious find and wrong value (to standard error).
    #[arg(long)]
    pub errors: bool,
}

#[derive(clap::Args)]
pub struct EvalEntitiesArgs {
    /// Gold file (JSON lines of mentions with their entities, as character offsets into
    /// the corpora; see docs/annotation/entities.md). Default: gold/test/entities.jsonl.
    pub gold: Option<PathBuf>,
    /// The data folder holding the corpora the gold file cites (news/saudinewsnet, news/antcorpus).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also list every mention linked to the wrong entry, with the gold and the found link
    /// (to standard error).
    #[arg(long)]
    pub errors: bool,
}

#[derive(clap::Args)]
pub struct EvalNerArgs {
    /// Gold CoNLL files (`token TAG` per line, BIO tags).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
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
pub struct AnalyzeArgs {
    /// The article: a file path, or `-` for standard input. Several inputs, a folder
    /// (read recursively) or a JSON Lines file (`.jsonl`: `text` and optional `title`,
    /// `url`, `outlet`, `id` and a date in `published`, `date` or `date_iso` a line)
    /// make a batch, and so do feeds (`.rss`, `.atom`, `.xml`) and WARC files
    /// (`.warc`, `.warc.gz`); a saved page (`.html`) is one article (docs/ingest.md);
    /// one article in any of them gives a report like one file.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Read the inputs (standard input too) as JSON Lines, whatever their names.
    #[arg(long)]
    pub jsonl: bool,
    /// In a batch, exit with status 1 when any article was skipped (without it, only
    /// when nothing was analysed).
    #[arg(long)]
    pub strict: bool,
    /// Threads for a batch (default: one per core).
    #[arg(long, short, value_parser = parse_jobs)]
    pub jobs: Option<usize>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: Format,
    /// With `--format gdelt`, write the column names as the first line.
    #[arg(long)]
    pub header: bool,
    /// Publication date of the article (YYYY-MM-DD); in a batch, of the articles that
    /// do not give their own.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<String>,
    /// Title of the article.
    #[arg(long)]
    pub title: Option<String>,
    /// Outlet that published the article.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Address the article was published at.
    #[arg(long)]
    pub url: Option<String>,
    /// Largest input accepted, in bytes.
    #[arg(long, default_value_t = Limits::default().max_bytes)]
    pub max_bytes: usize,
    /// Read a few invalid byte sequences (at most 1 % of the characters) as U+FFFD,
    /// with a warning, instead of stopping at the first one.
    #[arg(long)]
    pub lossy: bool,
    /// The field of a JSON Lines record holding its publication date (default: the
    /// first of `published`, `date`, `date_iso`).
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,
    /// Only these layers, comma-separated (e.g. `tokens,sentences,times`): the JSON
    /// output has only them (and `text`, `meta`, `warnings`), the text report only their sections,
    /// and only the stages they need run. Names as in the JSON output.
    #[arg(long, value_delimiter = ',', value_parser = parse_layer, value_name = "LAYERS")]
    pub layers: Option<Vec<String>>,
    /// JSON without per-token objects and without the `text` of every span: the
    /// compact profile (docs/schema/README.md), for large inputs and corpora.
    #[arg(long)]
    pub compact: bool,
    /// Write the output to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// Accepts a number of threads: 1 or more.
fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("--jobs takes a number of threads, 1 or more (leave it out for one per core)".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("--jobs takes a number of threads, 1 or more, not {s:?}")),
    }
}

/// Accepts the name of a layer of the document.
fn parse_layer(s: &str) -> Result<String, String> {
    let name = s.trim();
    if marsad::Document::LAYERS.contains(&name) {
        Ok(name.to_owned())
    } else {
        Err(format!("no layer called {name:?}; the layers are {}", marsad::Document::LAYERS.join(", ")))
    }
}

/// Accepts a calendar date written YYYY-MM-DD.
pub(crate) fn parse_date(s: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|e| format!("expected a date as YYYY-MM-DD, e.g. 2022-11-20 ({e})"))
}
