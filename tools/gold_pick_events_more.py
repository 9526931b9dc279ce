#!/usr/bin/env python3
"""Draw more documents for the training split of the events and claims corpus (gold/events/).

    tools/gold_pick_events_more.py --batches 3 [--data ../shared/data] [--seed 7008]

The first 420 documents (tools/gold_pick_events.py) were split 70 / 15 / 15 % by article.
A learned model wants more training material than that, while the development and test
splits must stay as they were (a test split is scored, never grown while models are tuned).
So this script draws only training documents: --batches batches of 30, in the proportions
of the first draw (corpus and kind, a fifth negative material: sport, weather, markets),
by the same rules (300-1,400 characters, no exact or near duplicate of each other or of any
document already in gold/, this corpus included). They become the next batches
(batches/batch_NN.txt), are added to ids_train.txt, and to manifest.tsv with split train.
Same arguments on the same gold/, same files.
"""
import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_pick_events import BATCH, CORPORA, MAX_CHARS, MIN_CHARS, QUOTA, kind_of, near, shingles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def all_gold_ids(gold: Path) -> set:
    ids = set()
    for f in gold.rglob("*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(json.loads(line)["doc"])
    for f in (gold / "events").glob("ids_*.txt"):
        ids.update(x for x in f.read_text(encoding="utf-8").split() if x)
    return ids


def quota(n: int) -> dict:
    """The first draw's proportions scaled to n documents (largest remainders)."""
    total = sum(sum(k.values()) for k in QUOTA.values())
    cells = [(c, k, v * n / total) for c, kinds in QUOTA.items() for k, v in kinds.items()]
    got = {(c, k): int(x) for c, k, x in cells}
    rest = n - sum(got.values())
    for c, k, x in sorted(cells, key=lambda t: -(t[2] - int(t[2])))[:rest]:
        got[(c, k)] += 1
    return got


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "gold" / "events")
    ap.add_argument("--batches", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7008)
    args = ap.parse_args()
    out = args.out
    excluded = all_gold_ids(ROOT / "gold")
    excluded_texts, excluded_shingles = set(), []
    pools, records = {}, {}
    for corpus, rel in CORPORA.items():
        path = args.data / rel
        if not path.is_file():
            print(f"gold_pick_events_more: {path}: no such corpus file", file=sys.stderr)
            return 2
        seen = set()
        with path.open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                text = rec["text"]
                if rec["id"] in excluded:
                    excluded_texts.add(text)
                    excluded_shingles.append(shingles(text))
                    continue
                if text in seen or not MIN_CHARS <= len(text) <= MAX_CHARS:
                    continue
                seen.add(text)
                published = rec.get("date_iso") or (rec.get("date") or "")[:10]
                records[rec["id"]] = (corpus, text, published)
                pools.setdefault((corpus, kind_of(corpus, rec)), []).append(rec["id"])
    rng = random.Random(args.seed)
    picked, picked_shingles = [], list(excluded_shingles)
    for (corpus, kind), n in quota(args.batches * BATCH).items():
        pool = sorted(pools.get((corpus, kind), []))
        rng.shuffle(pool)
        got = 0
        for doc in pool:
            if got == n:
                break
            text = records[doc][1]
            if text in excluded_texts:
                continue
            sh = shingles(text)
            if any(near(sh, o) for o in picked_shingles):
                continue
            picked_shingles.append(sh)
            picked.append((doc, corpus, kind))
            got += 1
        if got < n:
            print(f"gold_pick_events_more: only {got} of {n} {corpus}/{kind}", file=sys.stderr)
            return 1
    first = len(list((out / "batches").glob("batch_[0-9][0-9].txt")))
    batches = [[] for _ in range(args.batches)]
    for i, (doc, _, _) in enumerate(picked):
        batches[i % args.batches].append(doc)
    rows = []
    for i, b in enumerate(batches):
        rng.shuffle(b)
        (out / "batches" / f"batch_{first + i:02d}.txt").write_text("\n".join(b) + "\n", encoding="utf-8")
        kinds = {d: (c, k) for d, c, k in picked}
        for doc in b:
            c, text, published = records[doc]
            rows.append(f"{doc}\t{c}\t{kinds[doc][1]}\ttrain\t{first + i:02d}\t{len(text)}\t{published}")
    train = set((out / "ids_train.txt").read_text(encoding="utf-8").split()) | {d for d, _, _ in picked}
    (out / "ids_train.txt").write_text("\n".join(sorted(train)) + "\n", encoding="utf-8")
    with (out / "manifest.tsv").open("a", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    print(f"{len(picked)} training documents in batches {first:02d}-{first + args.batches - 1:02d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
