#!/usr/bin/env python3
"""Events per article on news that should hold none: sport, weather and markets.

    tools/events_false_rate.py [--data ../shared/data] [--n 200] [--seed 4242] BIN [BIN …]

Draws --n articles of 300-1,400 characters (a fixed seed, half from each corpus when
it has enough) that `gold_pick_events.kind_of` calls sport, weather or markets and
that are in no file of gold/ (any layer, the events corpus included), analyses them
with each `marsad` binary given and prints, per binary, the events per article, the
share of articles with any event and the most frequent event types and triggers.
The sample is written to target/events_false/sample.jsonl (same arguments, same file).
"""
import argparse
import collections
import json
import random
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_pick_events import CORPORA, MAX_CHARS, MIN_CHARS, kind_of  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def all_gold_ids() -> set:
    ids = set()
    for f in (ROOT / "gold").rglob("*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line).get("doc")
                if doc:
                    ids.add(doc)
    for f in (ROOT / "gold").rglob("ids_*.txt"):
        ids.update(x.strip() for x in f.read_text(encoding="utf-8").split() if x.strip())
    return ids


def sample(data: Path, n: int, seed: int) -> list:
    excluded = all_gold_ids()
    pools = {}
    for corpus, rel in CORPORA.items():
        path = data / rel
        if not path.is_file():
            sys.exit(f"events_false_rate: {path}: no such corpus file")
        pool = []
        with path.open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                text = rec.get("text") or ""
                if rec.get("id") in excluded or not MIN_CHARS <= len(text) <= MAX_CHARS:
                    continue
                kind = kind_of(corpus, rec)
                if kind != "general":
                    pool.append({"id": rec["id"], "text": text, "kind": kind, "corpus": corpus})
        pool.sort(key=lambda r: r["id"])
        pools[corpus] = pool
    rng = random.Random(seed)
    out = []
    half = n // 2
    ant = rng.sample(pools["antcorpus"], min(half, len(pools["antcorpus"])))
    snn = rng.sample(pools["saudinewsnet"], n - len(ant))
    out = sorted(snn + ant, key=lambda r: r["id"])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("bins", nargs="+", help="marsad binaries to compare")
    args = ap.parse_args()
    recs = sample(args.data, args.n, args.seed)
    out_dir = ROOT / "target" / "events_false"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "sample.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
    kinds = collections.Counter(r["kind"] for r in recs)
    corpora = collections.Counter(r["corpus"] for r in recs)
    print(f"sample: {len(recs)} articles ({dict(sorted(kinds.items()))}; {dict(sorted(corpora.items()))}) -> {path}")
    for b in args.bins:
        res = subprocess.run([b, "analyze", "--jsonl", str(path), "--format", "json", "--layers", "events"],
                             capture_output=True, text=True)
        if res.returncode != 0:
            res = subprocess.run([b, "analyze", "--jsonl", str(path), "--format", "json"],
                                 capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"events_false_rate: {b} failed: {res.stderr.strip()[:500]}")
        docs = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
        types, triggers = collections.Counter(), collections.Counter()
        n_events, with_any = 0, 0
        for d in docs:
            evs = d.get("events") or []
            n_events += len(evs)
            with_any += bool(evs)
            for e in evs:
                types[e["event_type"]] += 1
                triggers[e["trigger"].get("text", "?")] += 1
        print(f"{b}: {len(docs)} articles, {n_events} events, {n_events / max(1, len(docs)):.2f} per article, "
              f"{100 * with_any / max(1, len(docs)):.0f}% of articles with any")
        print("  types:", ", ".join(f"{t} {c}" for t, c in types.most_common(6)))
        print("  triggers:", ", ".join(f"{t} {c}" for t, c in triggers.most_common(10)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
