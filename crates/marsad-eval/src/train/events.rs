//! Training the event models (`marsad train events`) on the events corpus
//! (`gold/events/`, `docs/annotation/events_claims.md`).
//!
//! Each gold document is analysed through the stages the events stage reads. The
//! trigger model learns, for every candidate word ([`Context::trigger_candidate`]),
//! the PLOVER type of the gold trigger whose first candidate word it is, or none; the
//! other words of a several-word trigger (أطلق … سراح) are left out. Its `ANY` label
//! (a trigger of any type) learns from every word; its type labels from the triggers
//! only, so the few triggers of a type are not drowned by the words of none. The argument
//! model learns, for every gold event and every candidate name or noun of its sentence
//! ([`Context::ranked_candidates`]), whether it overlaps the gold actor, the gold
//! recipient, or neither. Both are logistic regressions (`marsad_core::learn::linear`)
//! visited in a fixed-seed order: the same data give the same files.
//!
//! The decision thresholds are chosen on the development split, through the stage's
//! own decoding and the evaluation's own scoring: the trigger threshold for trigger
//! F1, then the lexicon's bonus in the type decision for type accuracy, then the
//! higher threshold a conflict type needs where the lexicon does not give
//! the word that type, then each role's threshold for that role's F1 on the matched
//! events; of the thresholds within a point of the best, the highest (precision first).

use std::collections::HashMap;

use rayon::prelude::*;

use crate::eval::events_claims::{score_events, set_event_baselines, EventTally, GoldDoc, Scores};
use marsad::events::features::Context;
use marsad::events::lexicon::EventLexicon;
use marsad::events::model::{EventModels, ANY, BONUS_LINE, ROLES};
use marsad::Pipeline;
use marsad_core::document::{Document, Metadata};
use marsad_core::learn::linear::{self, Example, TrainOptions};
use marsad_core::span::CharIndex;

/// The last stage the events stage depends on.
pub const INPUT_STAGE: &str = "quotations";

/// The PLOVER types, the trigger model's labels.
pub use marsad::events::lexicon::PLOVER_TYPES as TYPES;

/// A gold document analysed.
pub struct Prepared {
    /// The gold.
    pub gold: GoldDoc,
    /// Its analysis through [`INPUT_STAGE`].
    pub doc: Document,
}

/// Analyses the gold documents (in parallel, order kept).
pub fn prepare(gold: Vec<GoldDoc>, texts: &HashMap<String, String>) -> Vec<Prepared> {
    let pipeline = Pipeline::new();
    gold.into_par_iter()
        .map(|g| {
            let doc = pipeline.analyze_through(texts[&g.doc].as_str(), Metadata::default(), INPUT_STAGE);
            Prepared { gold: g, doc }
        })
        .collect()
}

/// The character span of each token.
fn char_spans(doc: &Document) -> Vec<(usize, usize)> {
    let index = CharIndex::new(&doc.text);
    doc.tokens.iter().map(|t| (index.char_of(t.span.start), index.char_of(t.span.end))).collect()
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The training examples of one document: trigger examples and argument examples.
pub fn examples(p: &Prepared, lex: &EventLexicon) -> (Vec<Example>, Vec<Example>) {
    let doc = &p.doc;
    let ctx = Context::new(doc);
    let chars = char_spans(doc);
    let (mut triggers, mut arguments) = (Vec::new(), Vec::new());
    for s in &doc.sentences {
        // each gold event of the sentence, with its first candidate word
        let mut heads: Vec<(usize, usize)> = Vec::new(); // (token, gold event)
        let mut inside = vec![false; s.end_token - s.first_token];
        for (gi, ge) in p.gold.events.iter().enumerate() {
            let words: Vec<usize> = (s.first_token..s.end_token)
                .filter(|&k| overlaps(chars[k], ge.trigger) && ctx.trigger_candidate(k))
                .collect();
            if let Some(&first) = words.first() {
                if !heads.iter().any(|h| h.0 == first) {
                    heads.push((first, gi));
                }
                for &k in &words[1..] {
                    inside[k - s.first_token] = true;
                }
            }
        }
        for i in s.first_token..s.end_token {
            if !ctx.trigger_candidate(i) {
                continue;
            }
            let mut features = Vec::new();
            ctx.trigger(lex, i, s.first_token, s.end_token, &mut features);
            let head = heads.iter().find(|h| h.0 == i);
            let labels: Vec<u16> = head
                .and_then(|h| TYPES.iter().position(|t| *t == p.gold.events[h.1].event_type))
                .map(|l| vec![l as u16, TYPES.len() as u16])
                .unwrap_or_default();
            // the types are learnt on triggers only (which type, given a trigger); `ANY`
            // on every word
            let unknown: Vec<u16> = if head.is_none() && inside[i - s.first_token] {
                (0..=TYPES.len() as u16).collect()
            } else if head.is_none() {
                (0..TYPES.len() as u16).collect()
            } else {
                vec![]
            };
            triggers.push(Example { features, labels, unknown });
        }
        for &(t, gi) in &heads {
            let ge = &p.gold.events[gi];
            for (c, rank) in ctx.ranked_candidates(t, s.first_token, s.end_token) {
                let span = (chars[c.0].0, chars[c.1 - 1].1);
                let mut labels = Vec::new();
                if ge.actor.is_some_and(|a| overlaps(a, span)) {
                    labels.push(0);
                }
                if ge.recipient.is_some_and(|r| overlaps(r, span)) {
                    labels.push(1);
                }
                let mut features = Vec::new();
                ctx.argument(lex, &ge.event_type, t, c, rank, s.first_token, &mut features);
                arguments.push(Example { features, labels, unknown: Vec::new() });
            }
        }
    }
    (triggers, arguments)
}

/// Options of the two models.
pub fn options() -> (TrainOptions, TrainOptions) {
    // chosen on the development split (docs/events.md)
    let triggers = TrainOptions {
        epochs: 8,
        learning_rate: 0.05,
        positive_weight: 3.0,
        min_count: 3,
        prune: 0.1,
        ..TrainOptions::default()
    };
    let arguments =
        TrainOptions { epochs: 8, learning_rate: 0.05, positive_weight: 3.0, min_count: 2, ..TrainOptions::default() };
    (triggers, arguments)
}

/// The two model files and the development scores of the tuned models.
pub struct Trained {
    /// The trigger model (TSV).
    pub triggers: String,
    /// The argument model (TSV).
    pub arguments: String,
    /// The events scores on the development split.
    pub dev: Scores,
    /// The chosen thresholds: trigger, unlisted conflict type, actor, recipient.
    pub thresholds: (f32, f32, f32, f32),
}

/// Scores models on analysed documents as `marsad eval events` does.
pub fn score(data: &[Prepared], models: &EventModels) -> Scores {
    let pipeline = Pipeline::new();
    let res = pipeline.resources();
    let base = res.events();
    let data_ref = marsad::events::EventData { models, ..base };
    let mut ev = Scores::default();
    let mut tally = EventTally::default();
    for p in data {
        let events = marsad::events::find(&p.doc, &data_ref);
        score_events(&mut ev, &mut tally, &p.gold, &p.doc, &events, &res.events);
    }
    set_event_baselines(&mut ev, &tally);
    ev
}

fn show(scored: &[(f32, f64)]) -> String {
    scored.iter().map(|(t, f)| format!("{t:.2}:{f:.1}")).collect::<Vec<_>>().join(" ")
}

/// The highest grid point whose score is within a point of the best.
fn pick(scored: &[(f32, f64)]) -> f32 {
    let best = scored.iter().map(|s| s.1).fold(f64::MIN, f64::max);
    scored.iter().filter(|s| s.1 >= best - 1.0).map(|s| s.0).fold(0.0, f32::max)
}

/// Trains both models on `train` and chooses their thresholds on `dev`; `log` gets
/// progress lines.
pub fn train(
    train: &[Prepared],
    dev: &[Prepared],
    (to, ao): (TrainOptions, TrainOptions),
    header: &[String],
    log: &mut dyn FnMut(String),
) -> Trained {
    let lex = &Pipeline::new().resources().events;
    let (mut trig_ex, mut arg_ex) = (Vec::new(), Vec::new());
    for (t, a) in train.par_iter().map(|p| examples(p, lex)).collect::<Vec<_>>() {
        trig_ex.extend(t);
        arg_ex.extend(a);
    }
    log(format!(
        "events: {} trigger examples ({} triggers), {} argument examples",
        trig_ex.len(),
        trig_ex.iter().filter(|e| !e.labels.is_empty()).count(),
        arg_ex.len()
    ));
    let types: Vec<String> = TYPES.iter().chain(&[ANY]).map(|t| (*t).to_owned()).collect();
    let roles: Vec<String> = ROLES.iter().map(|t| (*t).to_owned()).collect();
    let (triggers, arguments) =
        rayon::join(|| linear::train(&types, &trig_ex, &to, header), || linear::train(&roles, &arg_ex, &ao, header));
    // the conflict types (GDELT quad classes 3 and 4 by their CAMEO code): the ones an
    // unlisted word must show more evidence for
    let conflict: Vec<bool> = TYPES
        .iter()
        .map(|ty| lex.type_cameo.get(ty).and_then(|c| lex.scale(c)).is_some_and(|s| s.quad_class >= 3))
        .collect();
    let with_all = |t: f32, b: f32, u: f32, a: f32, r: f32| {
        let mut ts: Vec<f32> = conflict.iter().map(|&c| if c && u > t { u } else { 0.0 }).collect();
        ts.push(t);
        let trig = format!("{BONUS_LINE}{b:.2}\n{}", linear::with_thresholds(&triggers, &ts));
        let args = linear::with_thresholds(&arguments, &[a, r]);
        (trig, args)
    };
    let models_all = |t: f32, b: f32, u: f32, a: f32, r: f32| {
        let (trig, args) = with_all(t, b, u, a, r);
        EventModels::parse(&trig, &args).expect("trained event models read back")
    };
    let grid: Vec<f32> = (1..=18).map(|k| k as f32 * 0.05).collect();
    let by_trigger: Vec<(f32, f64)> =
        grid.par_iter().map(|&t| (t, score(dev, &models_all(t, 0.0, 0.0, 0.5, 0.5)).detection.f1())).collect();
    let t = pick(&by_trigger);
    log(format!("events: trigger threshold {t:.2} (dev trigger F1 by threshold: {})", show(&by_trigger)));
    // the lexicon's weight in the type decision, for type accuracy on the matched events
    let bonuses: Vec<f32> = vec![0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0];
    let by_bonus: Vec<(f32, f64)> = bonuses
        .par_iter()
        .map(|&b| (b, score(dev, &models_all(t, b, 0.0, 0.5, 0.5)).fields.get("type").map_or(0.0, |c| c.f1())))
        .collect();
    let b = pick(&by_bonus);
    log(format!("events: lexicon type bonus {b:.2} (dev type accuracy by bonus: {})", show(&by_bonus)));
    let models_unlisted = |t: f32, u: f32, a: f32, r: f32| models_all(t, b, u, a, r);
    let with_unlisted = |t: f32, u: f32, a: f32, r: f32| with_all(t, b, u, a, r);
    // then the threshold of a conflict type the lexicon does not give the word (1.0:
    // never), over the trigger threshold and above
    let higher: Vec<f32> = grid.iter().copied().filter(|&u| u > t).chain([1.0]).collect();
    let by_unlisted: Vec<(f32, f64)> = std::iter::once(t)
        .chain(higher)
        .collect::<Vec<_>>()
        .par_iter()
        .map(|&u| (u, score(dev, &models_unlisted(t, u, 0.5, 0.5)).detection.f1()))
        .collect();
    let u = pick(&by_unlisted);
    log(format!(
        "events: unlisted conflict-type threshold {u:.2} (dev trigger F1 by threshold: {})",
        show(&by_unlisted)
    ));
    let with = |t: f32, a: f32, r: f32| with_unlisted(t, u, a, r);
    let models_of = |t: f32, a: f32, r: f32| {
        let (trig, args) = with(t, a, r);
        EventModels::parse(&trig, &args).expect("trained event models read back")
    };
    // each role's threshold for its own F1 on the matched events
    let by_role: Vec<(f32, f64, f64)> = grid
        .par_iter()
        .map(|&x| {
            let s = score(dev, &models_of(t, x, x));
            (x, s.fields.get("actor").map_or(0.0, |c| c.f1()), s.fields.get("recipient").map_or(0.0, |c| c.f1()))
        })
        .collect();
    let actor: Vec<(f32, f64)> = by_role.iter().map(|r| (r.0, r.1)).collect();
    let recipient: Vec<(f32, f64)> = by_role.iter().map(|r| (r.0, r.2)).collect();
    let (a, r) = (pick(&actor), pick(&recipient));
    log(format!("events: actor threshold {a:.2} (dev actor F1 by threshold: {})", show(&actor)));
    log(format!("events: recipient threshold {r:.2} (dev recipient F1 by threshold: {})", show(&recipient)));
    let (triggers, arguments) = with(t, a, r);
    let dev_scores = score(dev, &EventModels::parse(&triggers, &arguments).expect("trained event models read back"));
    Trained { triggers, arguments, dev: dev_scores, thresholds: (t, u, a, r) }
}
