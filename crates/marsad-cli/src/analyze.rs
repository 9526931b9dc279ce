//! `marsad analyze`: one article to a report, or many to JSON Lines or GDELT rows.
//!
//! One article is one article whatever holds it: a file, standard input, or a JSON
//! Lines file (or folder) with a single record gives the same report.

use std::io::{IsTerminal, Write};

use anyhow::{bail, Context, Result};
use marsad::input::record::Dates;
use marsad::input::web::WebFormat;
use marsad::input::Limits;
use marsad::{Metadata, Pipeline};
use marsad_render as render;

use crate::args::{AnalyzeArgs, Format};
use crate::batch::{self, Articles, Reading, Source};
use crate::io::{refuse_overwriting_an_input, Output};

/// True when the inputs may be more than one article (a feed and a WARC file may).
fn is_batch(args: &AnalyzeArgs) -> bool {
    args.jsonl
        || args.inputs.len() > 1
        || args.inputs.iter().any(|i| {
            let p = std::path::Path::new(i);
            let many = WebFormat::of(p).is_some_and(|f| f != WebFormat::Html);
            i != "-" && (p.is_dir() || batch::is_jsonl(p) || many)
        })
}

/// Runs `marsad analyze`.
pub fn run(args: AnalyzeArgs) -> Result<()> {
    if args.compact && !matches!(args.format, Format::Json) {
        bail!("--compact is a profile of the JSON output: add --format json");
    }
    if args.layers.is_some() && matches!(args.format, Format::Html | Format::Gdelt) {
        bail!("--layers chooses what the JSON output and the text report show, not the HTML page or GDELT rows");
    }
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new().num_threads(jobs).build_global().context("cannot start threads")?;
    }
    let sources = batch::sources(&args.inputs, args.jsonl)?;
    if sources.is_empty() {
        bail!("no articles in {}", args.inputs.join(", "));
    }
    if let Some(output) = &args.output {
        refuse_overwriting_an_input(output, sources.iter().filter_map(Source::path))?;
    }
    let reading = Reading {
        limits: Limits { max_bytes: args.max_bytes, lossy: args.lossy },
        meta: Metadata {
            title: args.title.clone(),
            outlet: args.outlet.clone(),
            url: args.url.clone(),
            published: args.published.clone(),
            ..Metadata::default()
        },
        dates: Dates { field: args.date_field.clone() },
        layers: args.layers.clone(),
    };
    let json = render::json::Options { pretty: false, compact: args.compact, layers: args.layers.clone() };
    let batch_format = match args.format {
        Format::Json => Some(batch::BatchFormat::Json),
        Format::Gdelt => Some(batch::BatchFormat::Gdelt),
        Format::Text | Format::Html => None,
    };
    if let (true, Some(format)) = (is_batch(&args), batch_format) {
        return batch::run(batch::Batch {
            sources,
            inputs: args.inputs,
            reading,
            format,
            json,
            header: args.header,
            output: args.output,
            strict: args.strict,
        });
    }

    // one article: a report of it, whatever holds it
    let mut articles = Articles::new(&sources, &reading);
    let first = articles.next().transpose()?;
    if articles.next().transpose()?.is_some() {
        bail!(
            "{} hold more than one article: several articles are written as JSON Lines or GDELT rows, one a line: \
             add --format json or --format gdelt",
            args.inputs.join(", ")
        );
    }
    let Some(item) = first else {
        bail!("no articles in {}", args.inputs.join(", "));
    };
    let name = item.name;
    let article = item.article.map_err(|skip| anyhow::anyhow!("cannot read {name}: {}", skip.reason))?;
    let doc = reading
        .analyse(&Pipeline::new(), article)
        .map_err(|skip| anyhow::anyhow!("cannot read {name}: {}", skip.reason))?;
    for w in &doc.warnings {
        eprintln!("marsad: warning: {name}: {}", w.message);
    }
    let mut out = Output::create(args.output.as_deref())?;
    match args.format {
        Format::Text => {
            let colour = args.output.is_none() && std::io::stdout().is_terminal();
            let layers: Option<Vec<&str>> = args.layers.as_ref().map(|l| l.iter().map(String::as_str).collect());
            render::text::write_layers(&doc, colour, layers.as_deref(), &mut out)
        }
        Format::Json => {
            let json = render::json::Options { pretty: !args.compact, ..json };
            render::json::write(&doc, &mut out, &json).and_then(|()| out.write_all(b"\n"))
        }
        Format::Html => render::html::write(&doc, &mut out),
        Format::Gdelt => out.write_all(render::gdelt::render(&doc, args.header).as_bytes()),
    }
    .context("cannot write the output")?;
    out.finish()
}
