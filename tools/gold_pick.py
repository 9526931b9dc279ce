#!/usr/bin/env python3
"""Draw documents for a gold set at random with a fixed seed.

    tools/gold_pick.py --data ../shared/data --corpus saudinewsnet --n 40 --seed 1 \
        [--min-chars 600 --max-chars 2500] [--exclude ids.txt]

Prints one record id a line. The same arguments always give the same ids, so a
gold set can say how its documents were chosen.
"""
import argparse
import json
import random
import sys
from pathlib import Path

CORPORA = {"saudinewsnet": "news/saudinewsnet/articles.jsonl", "antcorpus": "news/antcorpus/articles.jsonl"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="the shared data folder")
    ap.add_argument("--corpus", required=True, choices=sorted(CORPORA))
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--min-chars", type=int, default=400)
    ap.add_argument("--max-chars", type=int, default=2500)
    ap.add_argument("--exclude", type=Path, help="file of ids not to draw")
    args = ap.parse_args()
    path = args.data / CORPORA[args.corpus]
    if not path.is_file():
        print(f"gold_pick: {path}: no such corpus file", file=sys.stderr)
        return 2
    exclude = set(args.exclude.read_text().split()) if args.exclude else set()
    seen_texts = set()
    ids = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            text = rec["text"]
            # Agency stories run in several outlets: keep one copy so no text is drawn twice.
            if rec["id"] in exclude or text in seen_texts:
                continue
            seen_texts.add(text)
            if args.min_chars <= len(text) <= args.max_chars:
                ids.append(rec["id"])
    rng = random.Random(args.seed)
    for doc in rng.sample(ids, min(args.n, len(ids))):
        print(doc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
