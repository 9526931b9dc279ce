//! `marsad train …`: the named-entity tagger, the persuasion-technique models and the
//! check-worthiness model, from gold data.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use crate::args::{TrainCheckworthyArgs, TrainEventsArgs, TrainFramingArgs, TrainNerArgs, TrainPosArgs};
use crate::io::write_output;

pub fn train_ner(args: TrainNerArgs) -> Result<()> {
    use marsad_eval::eval::conll;
    use marsad_eval::train::ner::{train, TrainOptions};
    let train_data = conll::read(&args.train)?;
    let dev_data = conll::read(&args.dev)?;
    let opts = TrainOptions {
        epochs: args.epochs.max(1),
        min_count: args.min_count,
        runs: args.runs.max(1),
        ..TrainOptions::default()
    };
    let res = marsad::Resources::embedded();
    if let Some(folds) = args.folds {
        if folds < 2 || folds > train_data.len() {
            bail!("--folds {folds}: needs 2 to {} folds (the sentences of {})", train_data.len(), args.train.display());
        }
        let (pooled, per_fold) =
            marsad_eval::train::ner::cross_validate(&train_data, &dev_data, res, &opts, folds, &mut |line| {
                eprintln!("{line}")
            });
        let f1s: Vec<f64> = per_fold.iter().map(|c| c.micro().f1()).collect();
        let mean = f1s.iter().sum::<f64>() / f1s.len() as f64;
        let sd = (f1s.iter().map(|f| (f - mean).powi(2)).sum::<f64>() / f1s.len() as f64).sqrt();
        println!("{folds}-fold cross-validation on {}: pooled over the held-out folds", args.train.display());
        print!("{}", pooled.report());
        println!("per-fold micro-F1: mean {mean:.2}, sd {sd:.2}");
        return Ok(());
    }
    let trained = train(&train_data, &dev_data, res, &opts, &mut |line| eprintln!("{line}"));
    print!("{}", trained.dev.report());
    write_output(Some(&args.out), &trained.model)?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), trained.model.len());
    Ok(())
}

pub(crate) fn read_framing_gold(files: &[PathBuf]) -> Result<Vec<marsad_eval::eval::framing_gold::Record>> {
    let taxonomy = &marsad::Resources::embedded().framing.taxonomy;
    let mut out = Vec::new();
    for f in files {
        out.extend(marsad_eval::eval::framing_gold::read(f, taxonomy)?);
    }
    Ok(out)
}

pub fn train_framing(args: TrainFramingArgs) -> Result<()> {
    use marsad_eval::train::framing::{cross_validate, deduplicate, prepare, text_key, train, Labels};
    let lex = &marsad::Resources::embedded().framing;
    let exclude: std::collections::HashSet<String> =
        read_framing_gold(&args.exclude)?.iter().map(|r| text_key(&r.text)).collect();
    let first = read_framing_gold(&args.files[..1])?.len();
    let mut records = read_framing_gold(&args.files)?;
    let mut names: Vec<String> =
        args.files.iter().map(|f| f.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned())).collect();
    if let Some(path) = &args.neutral {
        use marsad_eval::eval::framing_neutral;
        let list = framing_neutral::read_list(path)?;
        let texts = framing_neutral::texts(&list, path, &args.data)?;
        let negatives = framing_neutral::negatives(&list, &texts);
        eprintln!("framing: {} paragraphs of ordinary news as negatives", negatives.len());
        records.extend(negatives);
        names.push(format!("the calibration half of {}", path.display()));
    }
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

pub(crate) fn read_checkworthy(files: &[PathBuf]) -> Result<Vec<marsad_eval::train::checkworthy::Row>> {
    let mut rows = Vec::new();
    for f in files {
        rows.extend(marsad_eval::train::checkworthy::read(f)?);
    }
    Ok(rows)
}

pub fn train_checkworthy(args: TrainCheckworthyArgs) -> Result<()> {
    use marsad_eval::train::checkworthy::{self, Task};
    let rows = read_checkworthy(&args.files)?;
    let verifiable = read_checkworthy(&args.verifiable)?;
    let names: Vec<String> = args
        .files
        .iter()
        .chain(&args.verifiable)
        .map(|f| f.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned()))
        .collect();
    let opts = marsad_core::learn::TrainOptions { epochs: args.epochs.max(1), l2: args.l2, ..checkworthy::options() };
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
        let model = marsad_core::learn::LinearModel::parse(&model).map_err(anyhow::Error::msg)?;
        print!("{}", checkworthy::evaluate(&checkworthy::read(dev)?, &model, Task::Checkworthy).text());
    }
    Ok(())
}

pub fn train_pos(args: TrainPosArgs) -> Result<()> {
    use marsad_eval::eval::pos::read;
    use marsad_eval::train::pos::{train, TrainOptions};
    let train_data = read(&args.train)?;
    let dev_data = match &args.dev {
        Some(dev) => read(dev)?,
        None => Vec::new(),
    };
    let opts = TrainOptions { epochs: args.epochs.max(1), prune: args.prune, ..TrainOptions::default() };
    let lexicon = &marsad::Resources::embedded().lexicon;
    let trained = train(&train_data, &dev_data, lexicon, &opts, &mut |line| eprintln!("{line}"));
    write_output(Some(&args.out), &trained.model)?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), trained.model.len());
    Ok(())
}

pub fn train_events(args: TrainEventsArgs) -> Result<()> {
    use marsad_eval::eval::events_claims::{read_gold, read_texts};
    use marsad_eval::train::events::{options, prepare, train};
    let train_gold = read_gold(&args.train)?;
    let dev_gold = read_gold(&args.dev)?;
    let ids: std::collections::HashSet<&str> = train_gold.iter().chain(&dev_gold).map(|g| g.doc.as_str()).collect();
    let texts = read_texts(&args.texts, "id", "text", &ids)?;
    for (path, gold) in [(&args.train, &train_gold), (&args.dev, &dev_gold)] {
        if let Some(g) = gold.iter().find(|g| !texts.contains_key(&g.doc)) {
            let files: Vec<String> = args.texts.iter().map(|p| p.display().to_string()).collect();
            bail!("{}:{}: record {:?} is in none of {}", path.display(), g.line, g.doc, files.join(", "));
        }
    }
    if let Some(g) = train_gold.iter().find(|g| dev_gold.iter().any(|d| d.doc == g.doc)) {
        bail!("{}:{}: record {:?} is also in {}", args.train.display(), g.line, g.doc, args.dev.display());
    }
    let name = |p: &PathBuf| p.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
    eprintln!("events: analysing {} training and {} development documents…", train_gold.len(), dev_gold.len());
    let (n_train, n_events) = (train_gold.len(), train_gold.iter().map(|g| g.events.len()).sum::<usize>());
    let train_data = prepare(train_gold, &texts);
    let dev_data = prepare(dev_gold, &texts);
    let header = vec![
        format!(
            "trained by `marsad train events` on gold/events/{} ({n_train} documents, {n_events} events); thresholds chosen on {}",
            name(&args.train),
            name(&args.dev)
        ),
        "derived from SaudiNewsNet (CC BY-NC-SA 4.0, non-commercial) and ANT corpus (Apache-2.0) texts".into(),
        "logistic regression: crates/marsad-core/src/learn/linear.rs; features: crates/marsad/src/events/features.rs".into(),
    ];
    let (mut to, mut ao) = options();
    if let Some(e) = args.epochs {
        (to.epochs, ao.epochs) = (e.max(1), e.max(1));
    }
    if let Some(lr) = args.learning_rate {
        (to.learning_rate, ao.learning_rate) = (lr, lr);
    }
    if let Some(w) = args.positive_weight {
        (to.positive_weight, ao.positive_weight) = (w, w);
    }
    let trained = train(&train_data, &dev_data, (to, ao), &header, &mut |line| eprintln!("{line}"));
    print!("{}", trained.dev.report("events (development split)"));
    std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    for (file, model) in [("events_triggers.tsv", &trained.triggers), ("events_arguments.tsv", &trained.arguments)] {
        let path = args.out.join(file);
        write_output(Some(&path), model.as_bytes())?;
        eprintln!("wrote {} ({} bytes)", path.display(), model.len());
    }
    Ok(())
}
