//! `marsad analyze`: one article to a report, or many to JSON Lines or GDELT rows.

use std::io::IsTerminal;

use anyhow::{bail, Context, Result};
use marsad::input::{decode, Limits};
use marsad::{Metadata, Pipeline};
use marsad_render as render;

use crate::args::{AnalyzeArgs, Format};
use crate::batch;
use crate::io::{read_input, write_output};

/// True when the inputs are more than one article.
fn is_batch(args: &AnalyzeArgs) -> bool {
    args.jsonl
        || args.inputs.len() > 1
        || args.inputs.iter().any(|i| {
            let p = std::path::Path::new(i);
            i != "-" && (p.is_dir() || p.extension().is_some_and(|e| e == "jsonl" || e == "ndjson"))
        })
}

/// Runs `marsad analyze`.
pub fn run(args: AnalyzeArgs) -> Result<()> {
    let limits = Limits { max_bytes: args.max_bytes, ..Limits::default() };
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
