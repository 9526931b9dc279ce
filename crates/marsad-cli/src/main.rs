//! The `marsad` command line.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use marsad::input::{decode, Limits};
use marsad::{render, Metadata, Pipeline};

/// marsad: structured, checkable knowledge from Arabic news.
#[derive(Parser)]
#[command(name = "marsad", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse one article: tokens, clitics, sentences, paragraphs, repairs.
    Analyze(AnalyzeArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// A readable report (colour on a terminal).
    Text,
    /// JSON in the documented schema (character offsets).
    Json,
    /// One self-contained right-to-left HTML page.
    Html,
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// The article: a file path, or `-` for standard input.
    input: String,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    format: Format,
    /// Publication date of the article (YYYY-MM-DD).
    #[arg(long)]
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("marsad: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn analyze(args: AnalyzeArgs) -> Result<()> {
    let limits = Limits {
        max_bytes: args.max_bytes,
    };
    let name = if args.input == "-" {
        "<stdin>".to_owned()
    } else {
        args.input.clone()
    };
    let bytes = read_input(&args.input, &limits).with_context(|| format!("cannot read {name}"))?;
    let decoded = decode(&bytes, &limits).with_context(|| format!("cannot read {name}"))?;
    let meta = Metadata {
        title: args.title,
        outlet: args.outlet,
        url: args.url,
        published: args.published,
        source: Some(args.input.clone()),
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
    };
    write_output(args.output.as_deref(), out.as_bytes())
}

/// Reads a path or standard input, refusing more than the size limit.
///
/// A file larger than the limit is refused from its metadata, before reading it;
/// standard input (and files that do not report a size) is read up to one byte
/// past the limit. Errors say why, in words: the caller adds `cannot read PATH`.
fn read_input(input: &str, limits: &Limits) -> Result<Vec<u8>> {
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
fn write_output(path: Option<&std::path::Path>, bytes: &[u8]) -> Result<()> {
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
        }
        Some(path) => {
            let tmp = path.with_extension("marsad-tmp");
            std::fs::write(&tmp, bytes)
                .with_context(|| format!("cannot write {}", tmp.display()))?;
            std::fs::rename(&tmp, path)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    Ok(())
}
