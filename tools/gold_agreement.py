#!/usr/bin/env python3
"""Agreement between two annotations of the same documents, for one gold layer.

    tools/gold_agreement.py A.jsonl B.jsonl [--docs ids.txt] [--data ../shared/data] [--json]

A and B are gold files of the same layer (`times` or `quantities`, as written by
tools/gold_build.py). Only documents present in both are compared (or those listed
in --docs). Reported:

- span agreement: precision, recall and F1 of B against A, exact (same start and
  end) and overlapping (one-to-one pairs of spans that share a character); F1 is
  symmetric, so which file is A does not matter for it;
- value agreement on the exactly matched spans: the share of pairs whose labels are
  equal, all of them together and each attribute alone (`type`, `value` for time;
  `kind`, `value`, `unit`, `qualifier` for quantities; numbers compared to 1e-9).

With --data the disagreements are listed with their surface text, for adjudication
(printed only, never written anywhere).
"""
import argparse
import json
import sys
from pathlib import Path

LAYERS = {
    "times": ("type", "value"),
    "quantities": ("kind", "value", "unit", "qualifier"),
}
CORPORA = {"saudinewsnet": "news/saudinewsnet/articles.jsonl", "antcorpus": "news/antcorpus/articles.jsonl"}


def load(path: Path) -> tuple:
    docs, layer = {}, None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        keys = [k for k in LAYERS if k in rec]
        if len(keys) != 1:
            sys.exit(f"{path}:{lineno}: expected exactly one of {sorted(LAYERS)}")
        if layer is None:
            layer = keys[0]
        elif keys[0] != layer:
            sys.exit(f"{path}:{lineno}: mixes layers {layer!r} and {keys[0]!r}")
        docs[(rec["corpus"], rec["doc"])] = rec[layer]
    return layer, docs


def same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return a == b


def prf(matched: int, n_a: int, n_b: int) -> dict:
    p = matched / n_b if n_b else 1.0
    r = matched / n_a if n_a else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def overlap_pairs(items_a: list, items_b: list) -> int:
    """Greedy one-to-one pairing of overlapping spans, largest overlap first."""
    cands = []
    for i, a in enumerate(items_a):
        for j, b in enumerate(items_b):
            ov = min(a["end"], b["end"]) - max(a["start"], b["start"])
            if ov > 0:
                cands.append((-ov, i, j))
    used_a, used_b, n = set(), set(), 0
    for _, i, j in sorted(cands):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            n += 1
    return n


def load_texts(data: Path, keys: set) -> dict:
    texts = {}
    for corpus in {c for c, _ in keys}:
        with (data / CORPORA[corpus]).open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if (corpus, rec["id"]) in keys:
                    texts[(corpus, rec["id"])] = rec["text"]
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--docs", type=Path, help="file of document ids to compare (default: all shared)")
    ap.add_argument("--data", type=Path, help="shared data folder: list disagreements with their text")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    layer_a, docs_a = load(args.a)
    layer_b, docs_b = load(args.b)
    if layer_a != layer_b:
        sys.exit(f"gold_agreement: {args.a} is {layer_a!r} but {args.b} is {layer_b!r}")
    attrs = LAYERS[layer_a]
    keys = set(docs_a) & set(docs_b)
    if args.docs:
        wanted = set(args.docs.read_text().split())
        keys = {k for k in keys if k[1] in wanted}
    if not keys:
        sys.exit("gold_agreement: no document in common")

    n_a = n_b = exact = overlapping = 0
    agree_all = 0
    agree_attr = {k: 0 for k in attrs}
    disagreements = []
    for key in sorted(keys):
        items_a, items_b = docs_a[key], docs_b[key]
        n_a += len(items_a)
        n_b += len(items_b)
        overlapping += overlap_pairs(items_a, items_b)
        by_span_b = {(i["start"], i["end"]): i for i in items_b}
        spans_a = {(i["start"], i["end"]) for i in items_a}
        for ia in items_a:
            ib = by_span_b.get((ia["start"], ia["end"]))
            if ib is None:
                disagreements.append((key, ia["start"], ia["end"], "only A", ia, None))
                continue
            exact += 1
            ok = [k for k in attrs if same(ia.get(k), ib.get(k))]
            for k in ok:
                agree_attr[k] += 1
            if len(ok) == len(attrs):
                agree_all += 1
            else:
                disagreements.append((key, ia["start"], ia["end"], "labels", ia, ib))
        for ib in items_b:
            if (ib["start"], ib["end"]) not in spans_a:
                disagreements.append((key, ib["start"], ib["end"], "only B", None, ib))

    result = {
        "layer": layer_a,
        "documents": len(keys),
        "expressions_a": n_a,
        "expressions_b": n_b,
        "exact_span": prf(exact, n_a, n_b),
        "overlap_span": prf(overlapping, n_a, n_b),
        "matched_spans": exact,
        "value_agreement": agree_all / exact if exact else 1.0,
        "attribute_agreement": {k: (v / exact if exact else 1.0) for k, v in agree_attr.items()},
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        e, o = result["exact_span"], result["overlap_span"]
        print(f"{layer_a}: {len(keys)} documents, A {n_a} / B {n_b} expressions")
        print(f"  exact spans    P {e['precision']:.1%}  R {e['recall']:.1%}  F1 {e['f1']:.1%}")
        print(f"  overlap spans  P {o['precision']:.1%}  R {o['recall']:.1%}  F1 {o['f1']:.1%}")
        attrs_txt = "  ".join(f"{k} {v:.1%}" for k, v in result["attribute_agreement"].items())
        print(f"  on {exact} exact matches: all labels {result['value_agreement']:.1%}  ({attrs_txt})")
    if args.data and disagreements:
        texts = load_texts(args.data, {d[0] for d in disagreements})
        print(f"\n{len(disagreements)} disagreement(s):")
        for key, s, e, what, ia, ib in sorted(disagreements, key=lambda d: (d[0], d[1])):
            surface = texts.get(key, "")[s:e]
            lab = lambda i: None if i is None else {k: i.get(k) for k in attrs}
            print(f"  {key[1]} [{s}:{e}] {surface!r} {what}: A={lab(ia)} B={lab(ib)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
