#!/usr/bin/env python3
"""Write resources/framing/reference.tsv: how much persuasion ordinary news holds.

    tools/framing_reference.py [--marsad target/release/marsad] [--data ../shared/data]
        [--every 4] [--neutral gold/framing/neutral_news.tsv] [--target 5]
        [--out resources/framing/reference.tsv]

1. The reference distribution: every `--every`-th article of both news corpora
   (SaudiNewsNet and the ANT corpus, in file order; exact duplicate texts once; the
   articles of the neutral-news list and texts under 100 characters left out) is analysed by `marsad analyze --layers
   techniques`; from each article's summary come its overall persuasion density
   (`persuasion_density`) and each technique's density (0 when the technique is absent).
   The 101 quantiles (0th-100th percentile) of each are written, a row a measure (`all`,
   then each technique found in at least one article). A sample keeps the run to a few minutes on two
   cores (the 9,833 articles of `--every 4` took about four); the whole corpus has not
   been run.
2. The decision threshold: the calibration half of the neutral-news list (weather,
   markets, sport, short agency reports) is analysed the same way, and the threshold is
   the smallest overall density that marks at most `--target` percent of it (ties: an
   article is marked at or above the threshold).

The densities come from the models embedded in the binary: rerun after retraining
(`marsad train framing`), then rebuild, since the binary embeds this file. Run from the
repository root.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"saudinewsnet": "news/saudinewsnet/articles.jsonl", "antcorpus": "news/antcorpus/articles.jsonl"}


def analyse(marsad: str, records: list) -> list:
    """The techniques summary of each record, in order."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        dst = Path(tmp) / "out.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
        subprocess.run([marsad, "analyze", "--jsonl", str(src), "--layers", "techniques", "--format", "json",
                        "--compact", "-o", str(dst)], check=True, stderr=subprocess.DEVNULL)
        out = []
        with dst.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    if "techniques" not in d:
                        sys.exit(f"framing_reference: no techniques layer in {line[:300]}")
                    out.append(d["techniques"]["summary"])
    if len(out) != len(records):
        sys.exit(f"framing_reference: {len(records)} articles sent, {len(out)} analysed")
    return out


def quantiles(values: list) -> list:
    v = sorted(values)
    n = len(v)
    return [v[round(i / 100 * (n - 1))] for i in range(101)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--marsad", default=str(ROOT / "target" / "release" / "marsad"))
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--every", type=int, default=4)
    ap.add_argument("--neutral", type=Path, default=ROOT / "gold" / "framing" / "neutral_news.tsv")
    ap.add_argument("--target", type=float, default=5.0, help="percent of the calibration half marked, at most")
    ap.add_argument("--out", type=Path, default=ROOT / "resources" / "framing" / "reference.tsv")
    args = ap.parse_args()
    neutral = {}
    for line in args.neutral.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            doc, corpus, kind, half = line.split("\t")[:4]
            neutral[(corpus, doc)] = half
    sample, calibration = [], []
    for corpus, rel in CORPORA.items():
        path = args.data / rel
        if not path.is_file():
            print(f"framing_reference: {path}: no such corpus file", file=sys.stderr)
            return 2
        seen = set()
        with path.open(encoding="utf-8") as f:
            for i, line in enumerate(f):
                rec = json.loads(line)
                half = neutral.get((corpus, rec["id"]))
                if half == "calibration":
                    calibration.append(rec)
                if half or rec["text"] in seen or len(rec["text"].strip()) < 100:
                    continue
                seen.add(rec["text"])
                if i % args.every == 0:
                    sample.append(rec)
    print(f"framing_reference: {len(sample)} reference articles, {len(calibration)} calibration articles",
          file=sys.stderr)
    summaries = analyse(args.marsad, sample)
    overall = [s.get("persuasion_density", 0.0) for s in summaries]
    techniques = sorted({t["technique"] for s in summaries for t in s["techniques"]})
    per = {t: [] for t in techniques}
    for s in summaries:
        have = {t["technique"]: t.get("density", 0.0) for t in s["techniques"]}
        for t in techniques:
            per[t].append(have.get(t, 0.0))
    cal = sorted(s.get("persuasion_density", 0.0) for s in analyse(args.marsad, calibration))
    threshold = None
    for t in sorted(set(cal)) + [cal[-1] + 0.01]:
        if t > 0 and 100 * sum(1 for x in cal if x >= t) / len(cal) <= args.target:
            threshold = t
            break
    marked = 100 * sum(1 for x in overall if x >= threshold) / len(overall)
    rows = [
        "# Persuasion in ordinary news: written by tools/framing_reference.py (read by",
        "# crates/marsad/src/framing/reference.rs). Quantiles 0..100 of pieces of evidence per 100 words",
        f"# over every {args.every}th article of SaudiNewsNet and the ANT corpus ({len(sample)} articles, exact",
        "# duplicates once, the neutral-news list and texts under 100 characters left out), from the models in resources/models/.",
        f"# threshold: the smallest overall density marking at most {args.target:g} % of the calibration half of",
        f"# gold/framing/neutral_news.tsv ({len(cal)} articles); it marks {marked:.1f} % of the reference sample.",
        "# Derived from SaudiNewsNet (CC BY-NC-SA 4.0) and ANT (Apache-2.0) through models trained on",
        "# CC BY-NC-SA 4.0 data: non-commercial use only.",
        f"articles\t{len(sample)}",
        f"threshold\t{threshold:.2f}",
        "all\t" + "\t".join(f"{q:g}" for q in quantiles(overall)),
    ]
    rows += [f"{t}\t" + "\t".join(f"{q:g}" for q in quantiles(per[t])) for t in techniques]
    args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"framing_reference: threshold {threshold:.2f}; marks {marked:.1f} % of the reference sample; "
          f"median overall density {quantiles(overall)[50]:g}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
