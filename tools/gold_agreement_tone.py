#!/usr/bin/env python3
"""Agreement between two annotations of the same tone sentences (gold/tone/).

    tools/gold_agreement_tone.py gold/tone/agreement/second_pass.jsonl gold/tone/dev.jsonl gold/tone/test.jsonl

The first file is the second pass; the sentences it holds are looked up in the others
(the first pass) by document and sentence offsets. Reports:

- targets: how many each pass marked, how many match exactly (same offsets) and by
  overlap (one to one, the largest overlap first), with span F1 for both;
- polarity on the targets both passes marked (overlap match): percent agreement,
  Cohen's kappa (three classes), the confusion table and the counts per class;
- the same with every target either pass marked, a target the other left out counting
  as the class `none` (kappa over four classes): what a reader of one pass would miss
  or add.

Both passes must cover the same sentences: a sentence of the second pass missing
from the first is an error.
"""
import json
import sys
from collections import Counter
from pathlib import Path

CLASSES = ("positive", "negative", "neutral")


def load(paths):
    out = {}
    for p in paths:
        path = Path(p)
        if not path.is_file():
            sys.exit(f"gold_agreement_tone: {path}: no such file")
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                key = (r["doc"], r["sentence"]["start"], r["sentence"]["end"])
            except (ValueError, KeyError) as e:
                sys.exit(f"gold_agreement_tone: {path}:{i}: not a tone record ({e})")
            out[key] = r["targets"]
    return out


def match(a, b):
    """One-to-one overlap matching: pairs (i, j), largest overlap first."""
    cands = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            ov = min(x["end"], y["end"]) - max(x["start"], y["start"])
            if ov > 0:
                cands.append((-ov, i, j))
    used_a, used_b, pairs = set(), set(), []
    for _, i, j in sorted(cands):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return pairs


def kappa(pairs, labels):
    n = len(pairs)
    if n == 0:
        return float("nan"), float("nan")
    po = sum(1 for x, y in pairs if x == y) / n
    ca, cb = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    pe = sum(ca[c] * cb[c] for c in labels) / (n * n)
    return po, (po - pe) / (1 - pe) if pe < 1 else float("nan")


def f1(m, n1, n2):
    return 2 * m / (n1 + n2) if n1 + n2 else float("nan")


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    second = load(sys.argv[1:2])
    first = load(sys.argv[2:])
    missing = [k for k in second if k not in first]
    if missing:
        for k in missing:
            print(f"gold_agreement_tone: sentence {k} of the second pass is not in the first", file=sys.stderr)
        return 1
    n1 = n2 = exact = 0
    matched, with_none = [], []
    for key, b in second.items():
        a = first[key]
        n1 += len(a)
        n2 += len(b)
        exact += len({(t["start"], t["end"]) for t in a} & {(t["start"], t["end"]) for t in b})
        pairs = match(a, b)
        for i, j in pairs:
            matched.append((a[i]["polarity"], b[j]["polarity"]))
        with_none += [(a[i]["polarity"], b[j]["polarity"]) for i, j in pairs]
        with_none += [(a[i]["polarity"], "none") for i in range(len(a)) if i not in {p[0] for p in pairs}]
        with_none += [("none", b[j]["polarity"]) for j in range(len(b)) if j not in {p[1] for p in pairs}]
    po, k = kappa(matched, CLASSES)
    po4, k4 = kappa(with_none, CLASSES + ("none",))
    print(f"sentences: {len(second)}")
    print(f"targets: first pass {n1}, second pass {n2}; exact span matches {exact} (F1 {100 * f1(exact, n1, n2):.1f} %), "
          f"overlap matches {len(matched)} (F1 {100 * f1(len(matched), n1, n2):.1f} %)")
    print(f"polarity on matched targets: agreement {100 * po:.1f} %, Cohen's kappa {k:.3f} ({len(matched)} targets)")
    print(f"polarity with unmatched targets as 'none': agreement {100 * po4:.1f} %, Cohen's kappa {k4:.3f} "
          f"({len(with_none)} targets)")
    print("confusion (rows first pass, columns second pass):")
    cols = CLASSES + ("none",)
    print("           " + "".join(f"{c:>10}" for c in cols))
    conf = Counter(with_none)
    for r in cols:
        print(f"{r:>10} " + "".join(f"{conf[(r, c)]:>10}" for c in cols))
    c1, c2 = Counter(x for x, _ in matched), Counter(y for _, y in matched)
    print("per class on matched targets (first / second): " +
          ", ".join(f"{c} {c1[c]} / {c2[c]}" for c in CLASSES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
