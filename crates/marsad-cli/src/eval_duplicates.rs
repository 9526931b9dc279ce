//! `marsad eval duplicates`: the near-duplicate detector of the store scored on a
//! constructed set made from real articles.
//!
//! Every article of the corpus is signed and indexed by its band keys as the store
//! does it ([`marsad_store::near`]). Originals are drawn (seed-fixed) from the
//! articles long enough to alter; the first half of the draw is the development
//! part, the second the test part. Each original gets one altered copy — sentences
//! dropped, sentences reordered, a dateline or byline added, a few words changed,
//! or several of these — looked up in the index as a new article would be: it is
//! found when it is linked to its original, or to one of the original's own
//! near-duplicates in the corpus (the store links a copy to the first appearance of
//! its text, which may be an earlier wire copy of the original). Each original also gets a hard negative: another article of its outlet and
//! day, which must not be linked to it. Precision counts both kinds of wrong links.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use marsad_store::near::{Shingles, Signature, THRESHOLD};

use crate::args::EvalDuplicatesArgs;

/// A small seeded generator (SplitMix64): the constructed set is the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// An article of the corpus.
struct Article {
    outlet: String,
    day: String,
    text: String,
}

/// The ways a copy is altered.
const KINDS: [&str; 5] = ["dropped", "reordered", "dateline", "words", "combined"];

const DATELINES: [&str; 6] =
    ["الرياض - واس:", "جدة - «الحياة»:", "(رويترز) -", "القاهرة - أ ف ب:", "دبي - العربية.نت:", "متابعات:"];
const BYLINES: [&str; 3] = ["كتب: محمد العتيبي", "المصدر: وكالة الأنباء السعودية", "تحرير: قسم الأخبار"];

/// The sentences of a text: cut after . ! ? ؟ and at line breaks.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if matches!(c, '.' | '!' | '?' | '؟' | '\n') {
            let s = current.trim().to_owned();
            if !s.is_empty() {
                out.push(s);
            }
            current.clear();
        }
    }
    let s = current.trim().to_owned();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// Replaces `n` words of `text` by words of `vocabulary`.
fn change_words(text: &str, n: usize, vocabulary: &[&str], rng: &mut Rng) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_owned).collect();
    for _ in 0..n {
        let i = rng.below(words.len());
        words[i] = vocabulary[rng.below(vocabulary.len())].to_owned();
    }
    words.join(" ")
}

/// The altered copy of `text` of a kind.
fn alter(text: &str, kind: &str, vocabulary: &[&str], rng: &mut Rng) -> String {
    let mut s = sentences(text);
    let drop = |s: &mut Vec<String>, rng: &mut Rng| {
        // a quarter of the sentences at most, never the first: wire copies cut the tail and the middle
        let n = 1 + rng.below((s.len() / 4).max(1));
        for _ in 0..n {
            if s.len() > 3 {
                let i = 1 + rng.below(s.len() - 1);
                s.remove(i);
            }
        }
    };
    match kind {
        "dropped" => {
            drop(&mut s, rng);
            s.join(" ")
        }
        "reordered" => {
            let (i, j) = (rng.below(s.len()), rng.below(s.len()));
            s.swap(i, j);
            let k = rng.below(s.len());
            let moved = s.remove(k);
            s.push(moved);
            s.join(" ")
        }
        "dateline" => {
            if rng.below(2) == 0 {
                format!("{} {}", DATELINES[rng.below(DATELINES.len())], s.join(" "))
            } else {
                format!("{}\n{}", s.join(" "), BYLINES[rng.below(BYLINES.len())])
            }
        }
        "words" => change_words(&s.join(" "), 3 + rng.below(3), vocabulary, rng),
        _ => {
            drop(&mut s, rng);
            let k = rng.below(s.len());
            let moved = s.remove(k);
            s.insert(rng.below(s.len() + 1), moved);
            let text = format!("{} {}", DATELINES[rng.below(DATELINES.len())], s.join(" "));
            change_words(&text, 2 + rng.below(2), vocabulary, rng)
        }
    }
}

/// The in-memory twin of the store's `near_bands` lookup.
struct Index {
    bands: HashMap<i64, Vec<usize>>,
}

impl Index {
    fn candidates(&self, signature: &Signature, limit: usize) -> Vec<usize> {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for key in signature.band_keys() {
            for &i in self.bands.get(&key).map(Vec::as_slice).unwrap_or_default() {
                *shared.entry(i).or_default() += 1;
            }
        }
        let mut list: Vec<(usize, usize)> = shared.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        list.into_iter().take(limit).map(|(i, _)| i).collect()
    }
}

/// A query's outcome: the similarity of the article it is linked to at each
/// threshold is what the sweep needs, so every verified candidate is kept.
struct Outcome {
    kind: &'static str,
    /// (similarity, is it right) of each candidate, by (day, position).
    found: Vec<(f64, bool)>,
}

impl Outcome {
    /// What the store would link at `threshold`: the earliest candidate reaching it.
    fn linked(&self, threshold: f64) -> Option<bool> {
        self.found.iter().find(|(s, _)| *s >= threshold).map(|(_, right)| *right)
    }
}

pub fn eval_duplicates(args: EvalDuplicatesArgs) -> Result<()> {
    let corpus = read_corpus(&args.corpus)?;
    let started = Instant::now();
    let shingles: Vec<Shingles> = {
        use rayon::prelude::*;
        corpus.par_iter().map(|a| Shingles::of(&a.text)).collect()
    };
    let signatures: Vec<Option<Signature>> = shingles.iter().map(Shingles::signature).collect();
    let mut index = Index { bands: HashMap::new() };
    for (i, s) in signatures.iter().enumerate() {
        if let Some(s) = s {
            for key in s.band_keys() {
                index.bands.entry(key).or_default().push(i);
            }
        }
    }
    let signing = started.elapsed().as_secs_f64();
    let vocabulary: Vec<&str> = corpus
        .iter()
        .step_by(50)
        .flat_map(|a| a.text.split_whitespace().take(40))
        .filter(|w| w.chars().count() > 2)
        .collect();
    let mut by_outlet_day: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, a) in corpus.iter().enumerate() {
        by_outlet_day.entry((a.outlet.as_str(), a.day.as_str())).or_default().push(i);
    }
    // originals: long enough to alter, drawn with the seed, first half dev and second half test
    let mut eligible: Vec<usize> =
        (0..corpus.len()).filter(|&i| sentences(&corpus[i].text).len() >= 5 && signatures[i].is_some()).collect();
    let mut rng = Rng(args.seed);
    for i in (1..eligible.len()).rev() {
        let j = rng.below(i + 1);
        eligible.swap(i, j);
    }
    let n = args.originals.min(eligible.len() / 2);
    let part = match args.split.as_str() {
        "dev" => &eligible[..n],
        "test" => &eligible[n..2 * n],
        other => bail!("--split {other}: give dev or test"),
    };
    let queried = Instant::now();
    let mut altered: Vec<Outcome> = Vec::new();
    let mut negatives: Vec<(f64, bool)> = Vec::new();
    for (k, &o) in part.iter().enumerate() {
        let kind = KINDS[k % KINDS.len()];
        let mut local = Rng(args.seed ^ (o as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        let copy = alter(&corpus[o].text, kind, &vocabulary, &mut local);
        let q = Shingles::of(&copy);
        let mut found: Vec<(usize, f64, bool)> = Vec::new();
        if let Some(sig) = q.signature() {
            for c in index.candidates(&sig, 64) {
                let s = q.jaccard(&shingles[c]);
                // right: the original, or one of its own near-duplicates in the corpus (the
                // store links to the first appearance, which may be an earlier wire copy)
                let right = c == o || shingles[c].jaccard(&shingles[o]) >= THRESHOLD;
                found.push((c, s, right));
            }
        }
        found.sort_by(|a, b| (&corpus[a.0].day, a.0).cmp(&(&corpus[b.0].day, b.0)));
        altered.push(Outcome { kind, found: found.into_iter().map(|(_, s, r)| (s, r)).collect() });
        // the hard negative: another article of the outlet and day, with another text
        let same_day = &by_outlet_day[&(corpus[o].outlet.as_str(), corpus[o].day.as_str())];
        let others: Vec<usize> =
            same_day.iter().copied().filter(|&x| x != o && shingles[x].jaccard(&shingles[o]) < 0.9).collect();
        if !others.is_empty() {
            let x = others[local.below(others.len())];
            let linked = match (&signatures[x], &signatures[o]) {
                (Some(sx), Some(so)) => sx.band_keys().iter().zip(so.band_keys().iter()).any(|(a, b)| a == b),
                _ => false,
            };
            negatives.push((shingles[x].jaccard(&shingles[o]), linked));
        }
    }
    let querying = queried.elapsed().as_secs_f64();
    let report = |t: f64| -> (usize, usize, usize, usize) {
        let right = altered.iter().filter(|a| a.linked(t) == Some(true)).count();
        let wrong = altered.iter().filter(|a| a.linked(t) == Some(false)).count();
        let neg = negatives.iter().filter(|(s, candidate)| *candidate && *s >= t).count();
        (right, wrong, neg, altered.len())
    };
    let pr = |(right, wrong, neg, total): (usize, usize, usize, usize)| {
        let p = if right + wrong + neg == 0 { 0.0 } else { right as f64 / (right + wrong + neg) as f64 };
        let r = right as f64 / total.max(1) as f64;
        (p, r)
    };
    let mut out = String::new();
    out += &format!(
        "near-duplicates, {} part: {} altered copies and {} hard negatives (same outlet and day) from {} articles \
         (seed {})\n",
        args.split,
        altered.len(),
        negatives.len(),
        corpus.len(),
        args.seed
    );
    let (p, r) = pr(report(THRESHOLD));
    let (right, wrong, neg, total) = report(THRESHOLD);
    out += &format!(
        "threshold {THRESHOLD:.2}: precision {:.3} recall {:.3} F1 {:.3} ({right} of {total} copies linked to their \
         original, {wrong} to another article, {neg} hard negatives linked)\n",
        p,
        r,
        if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
    );
    out += "recall by alteration:";
    for kind in KINDS {
        let of: Vec<&Outcome> = altered.iter().filter(|a| a.kind == kind).collect();
        let right = of.iter().filter(|a| a.linked(THRESHOLD) == Some(true)).count();
        out += &format!(" {kind} {:.3}", right as f64 / of.len().max(1) as f64);
    }
    out += "\n";
    if args.sweep {
        out += "threshold  precision  recall\n";
        for step in 0..=12 {
            let t = 0.2 + 0.05 * f64::from(step);
            let (p, r) = pr(report(t));
            out += &format!("{t:9.2}  {p:9.3}  {r:6.3}\n");
        }
    }
    out += &format!(
        "time: {} articles signed and indexed in {signing:.2} s ({:.0} articles/s); {} look-ups in {querying:.2} s\n",
        corpus.len(),
        corpus.len() as f64 / signing.max(1e-9),
        altered.len() + negatives.len()
    );
    print!("{out}");
    Ok(())
}

fn read_corpus(paths: &[PathBuf]) -> Result<Vec<Article>> {
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value =
                serde_json::from_str(line).with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
            let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or_default().to_owned();
            let a =
                Article { outlet: field("outlet"), day: field("date").chars().take(10).collect(), text: field("text") };
            if !a.text.trim().is_empty() {
                out.push(a);
            }
        }
    }
    if out.is_empty() {
        bail!("no articles in {}", paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "));
    }
    Ok(out)
}
