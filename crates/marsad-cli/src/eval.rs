//! `marsad eval …`: a layer of the pipeline scored against gold data.

use std::path::PathBuf;

use anyhow::{bail, Result};
use marsad_eval::eval::expressions::Layer;

use crate::args::{
    EvalCheckworthyArgs, EvalEntitiesArgs, EvalEventsArgs, EvalExpressionsArgs, EvalFramingArgs, EvalNerArgs,
    EvalPosArgs, EvalToneArgs,
};
use crate::io::write_output;
use crate::train::{read_checkworthy, read_framing_gold};

pub fn eval_framing(args: EvalFramingArgs) -> Result<()> {
    use marsad_eval::eval::framing_neutral;
    let lex = &marsad::Resources::embedded().framing;
    let neutral = match &args.neutral {
        Some(path) => {
            let list = framing_neutral::read_list(path)?;
            let texts = framing_neutral::texts(&list, path, &args.data)?;
            Some(framing_neutral::evaluate(&list, &texts, lex))
        }
        None => None,
    };
    let gold = if args.files.is_empty() {
        None
    } else {
        Some(marsad_eval::eval::framing::evaluate(&read_framing_gold(&args.files)?, lex))
    };
    let out = if args.json {
        let j = match (gold, neutral) {
            (Some(g), None) => g.json(),
            (None, Some(n)) => serde_json::json!({ "neutral": n.json() }),
            (Some(g), Some(n)) => {
                let mut j = g.json();
                j["neutral"] = n.json();
                j
            }
            (None, None) => serde_json::json!({}),
        };
        serde_json::to_string_pretty(&j)? + "\n"
    } else {
        gold.map(|g| g.text()).unwrap_or_default() + &neutral.map(|n| n.text()).unwrap_or_default()
    };
    write_output(None, out.as_bytes())
}

pub fn eval_checkworthy(args: EvalCheckworthyArgs) -> Result<()> {
    use marsad_eval::train::checkworthy::{self, Task};
    let rows = read_checkworthy(&args.files)?;
    let task = if args.verifiable { Task::Verifiable } else { Task::Checkworthy };
    let report = checkworthy::evaluate(&rows, &marsad::Resources::embedded().claims.checkworthy, task);
    let out = if args.json { serde_json::to_string_pretty(&report.json())? + "\n" } else { report.text() };
    write_output(None, out.as_bytes())
}

pub fn eval_ner(args: EvalNerArgs) -> Result<()> {
    use marsad_eval::eval::{conll, ner};
    let res = marsad::Resources::embedded();
    let mut total = ner::Scores::default();
    for file in &args.files {
        let sentences = conll::read(file)?;
        total.merge(&ner::evaluate(&sentences, res));
    }
    let out = if args.json { serde_json::to_string_pretty(&total.to_json())? + "\n" } else { total.report() };
    write_output(None, out.as_bytes())
}

pub fn eval_expressions(args: EvalExpressionsArgs, layer: Layer) -> Result<()> {
    use marsad_eval::eval::expressions::{evaluate, read_gold, Corpora};
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
            let show = |i: &Option<marsad_eval::eval::expressions::Item>| match i {
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

pub fn eval_entities(args: EvalEntitiesArgs) -> Result<()> {
    use marsad_eval::eval::entities::{evaluate, read_gold};
    use marsad_eval::eval::expressions::Corpora;
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

pub fn eval_links(args: EvalEntitiesArgs) -> Result<()> {
    use marsad_eval::eval::expressions::Corpora;
    use marsad_eval::eval::links::{documents, evaluate, read_gold};
    let Some(gold_path) = args.gold else {
        bail!("give the false-friends file to score (gold/false_friends/tune.jsonl or test.jsonl)");
    };
    let gold = read_gold(&gold_path)?;
    if !args.data.is_dir() {
        bail!("{}: the data folder is missing (give it with --data DIR)", args.data.display());
    }
    let texts = Corpora::new(&args.data).texts(&documents(&gold), &gold_path)?;
    let scores = evaluate(&gold, &texts);
    if args.errors {
        for e in &scores.errors {
            let w = &e.word;
            let text = &texts[&(w.corpus.clone(), w.doc.clone())];
            let word: String = text.chars().skip(w.start).take(w.end - w.start).collect();
            let from = w.start.saturating_sub(40);
            let context: String =
                text.chars().skip(from).take(w.end + 40 - from).collect::<String>().replace('\n', " ");
            let (g, f) = (w.link.as_deref().unwrap_or("-"), e.found.as_deref().unwrap_or("-"));
            eprintln!("{}\t{word} [{}:{}]\tgold: {g}\tfound: {f}\t{context}", w.doc, w.start, w.end);
        }
    }
    let out = if args.json { serde_json::to_string_pretty(&scores.to_json())? + "\n" } else { scores.report() };
    write_output(None, out.as_bytes())
}

pub fn eval_events_claims(args: EvalEventsArgs, layer: &str) -> Result<()> {
    use marsad_eval::eval::events_claims::{evaluate, read_gold, read_texts};
    let gold_path = args.gold.unwrap_or_else(|| PathBuf::from("gold/events/dev.jsonl"));
    let gold = read_gold(&gold_path)?;
    let ids: std::collections::HashSet<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let texts = read_texts(&args.texts, &args.id_field, &args.text_field, &ids)?;
    if let Some(g) = gold.iter().find(|g| !texts.contains_key(&g.doc)) {
        let files: Vec<String> = args.texts.iter().map(|p| p.display().to_string()).collect();
        bail!("{}:{}: record {:?} is in none of {}", gold_path.display(), g.line, g.doc, files.join(", "));
    }
    let (events, claims) = evaluate(&gold, &texts);
    let scores = if layer == "events" { events } else { claims };
    let out =
        if args.json { serde_json::to_string_pretty(&scores.to_json(layer))? + "\n" } else { scores.report(layer) };
    write_output(None, out.as_bytes())
}

pub fn eval_pos(args: EvalPosArgs) -> Result<()> {
    use marsad_eval::eval::pos::{evaluate, read};
    let gold = read(&args.file)?;
    let beside = args.file.with_file_name("train.txt");
    let train_path = args.train.or_else(|| (beside.is_file() && beside != args.file).then_some(beside));
    let train = match &train_path {
        Some(p) => Some(read(p)?),
        None => None,
    };
    let scores = evaluate(&gold, train.as_deref(), &marsad::Pipeline::new());
    let out = if args.json { serde_json::to_string_pretty(&scores.to_json())? + "\n" } else { scores.report() };
    write_output(None, out.as_bytes())
}

pub fn eval_tone(args: EvalToneArgs) -> Result<()> {
    use marsad_eval::eval::tone;
    let gold_path = args.gold.unwrap_or_else(|| "gold/tone/dev.jsonl".into());
    let gold = tone::read_gold(&gold_path)?;
    let texts_files = if args.texts.is_empty() {
        vec![
            PathBuf::from("../shared/data/news/saudinewsnet/articles.jsonl"),
            PathBuf::from("../shared/data/news/antcorpus/articles.jsonl"),
        ]
    } else {
        args.texts
    };
    let ids = tone::doc_ids(&gold);
    let texts = marsad_eval::eval::events_claims::read_texts(&texts_files, "id", "text", &ids)?;
    let scores = tone::evaluate(&gold, &texts, &marsad::Pipeline::new());
    if scores.missing > 0 && scores.sentences == 0 {
        bail!(
            "{}: none of its documents is in {}",
            gold_path.display(),
            texts_files.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
    }
    let out = if args.json { serde_json::to_string_pretty(&scores.to_json())? + "\n" } else { scores.report() };
    write_output(None, out.as_bytes())
}
