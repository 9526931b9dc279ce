#!/usr/bin/env python3
"""Turn annotation drafts into the gold files of `gold/`.

    tools/gold_build.py --data ../shared/data --out gold DRAFT.jsonl...

A draft line is one of
  {"layer": "doc", "corpus": C, "doc": ID}                       the document is fully annotated
  {"layer": "time", "corpus": C, "doc": ID, "surface": S, "occurrence": N,
   "type": T, "value": V}
  {"layer": "quantity", "corpus": C, "doc": ID, "surface": S, "occurrence": N,
   "kind": K, "value": X, "unit": U, "qualifier": Q}
where S is the expression exactly as written and N (default 1) says which occurrence
of S in the text is meant. The gold files keep offsets, never the surface text:
`gold/time.jsonl` and `gold/quantities.jsonl`, one line per document (see
docs/annotation/time_quantities.md).
"""
import argparse
import json
import re
import sys
from pathlib import Path

CORPORA = {"saudinewsnet": "news/saudinewsnet/articles.jsonl", "antcorpus": "news/antcorpus/articles.jsonl"}
TIME_TYPES = {"date", "time", "interval", "duration", "set"}
QUANTITY_KINDS = {"money", "percent", "count", "measure", "ordinal", "number"}
QUALIFIERS = {None, "approximate", "more_than", "less_than", "at_least", "at_most", "vague"}
DATE = r"(?:\d{4}|\d{3}X|\d{2}XX|XXXX)(?:-(?:\d{2}|XX)(?:-\d{2})?|-W(?:\d{2}|XX)(?:-\d)?)?(?:T\d{2}:\d{2})?"
TIME_VALUE = re.compile(
    rf"^(?:{DATE}|T\d{{2}}:\d{{2}}|(?:{DATE}|\.\.)/(?:{DATE}|\.\.)|P(?:\d+(?:\.\d+)?[YMWD])+|PT\d+(?:\.\d+)?[HMS])$"
)


class DraftError(Exception):
    pass


def load_corpus(data: Path, corpus: str) -> dict:
    path = data / CORPORA[corpus]
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            published = rec.get("date_iso") or (rec.get("date") or "")[:10]
            out[rec["id"]] = (rec["text"], published)
    return out


def locate(text: str, surface: str, occurrence: int) -> int:
    if occurrence < 1:
        raise DraftError(f"occurrence {occurrence} must be at least 1")
    start = -1
    for _ in range(occurrence):
        start = text.find(surface, start + 1)
        if start < 0:
            raise DraftError(f"surface {surface!r} occurs fewer than {occurrence} times")
    return start


def check_item(rec: dict) -> dict:
    if rec["layer"] == "time":
        if rec.get("type") not in TIME_TYPES:
            raise DraftError(f"type {rec.get('type')!r} is not one of {sorted(TIME_TYPES)}")
        value = rec.get("value")
        if value is not None and not TIME_VALUE.match(value):
            raise DraftError(f"time value {value!r} is not ISO 8601 as the guideline writes it")
        return {"type": rec["type"], "value": value}
    if rec.get("kind") not in QUANTITY_KINDS:
        raise DraftError(f"kind {rec.get('kind')!r} is not one of {sorted(QUANTITY_KINDS)}")
    value = rec.get("value")
    if value is not None and not isinstance(value, (int, float)):
        raise DraftError(f"quantity value {value!r} is not a number")
    if rec.get("qualifier") not in QUALIFIERS:
        raise DraftError(f"qualifier {rec.get('qualifier')!r} is unknown")
    return {"kind": rec["kind"], "value": value, "unit": rec.get("unit"), "qualifier": rec.get("qualifier")}


def write_lines(path: Path, lines: list) -> None:
    """Writes `lines` to `path` whole or not at all (a temporary file renamed into place)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("drafts", nargs="+", type=Path)
    args = ap.parse_args()

    corpora = {}
    docs = {}  # (corpus, doc) -> {"time": [], "quantity": []}
    errors = 0
    for draft in args.drafts:
        for lineno, line in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{draft}:{lineno}"
            try:
                rec = json.loads(line)
                corpus, doc, layer = rec["corpus"], rec["doc"], rec["layer"]
                if corpus not in CORPORA:
                    raise DraftError(f"unknown corpus {corpus!r}")
                if corpus not in corpora:
                    corpora[corpus] = load_corpus(args.data, corpus)
                if doc not in corpora[corpus]:
                    raise DraftError(f"no record {doc!r} in {corpus}")
                entry = docs.setdefault((corpus, doc), {"declared": False, "time": [], "quantity": []})
                if layer == "doc":
                    entry["declared"] = True
                    continue
                if layer not in ("time", "quantity"):
                    raise DraftError(f"unknown layer {layer!r}")
                text = corpora[corpus][doc][0]
                surface = rec["surface"]
                if not surface or surface != surface.strip():
                    raise DraftError("surface is empty or has outer spaces")
                start = locate(text, surface, int(rec.get("occurrence", 1)))
                item = {"start": start, "end": start + len(surface), **check_item(rec)}
                entry[layer].append(item)
            except (DraftError, KeyError, ValueError) as e:
                errors += 1
                print(f"{where}: {e}", file=sys.stderr)
    for (corpus, doc), entry in docs.items():
        if not entry["declared"]:
            errors += 1
            print(f"{corpus}/{doc}: has annotations but no \"doc\" line declaring it complete", file=sys.stderr)
        for layer in ("time", "quantity"):
            spans = sorted((i["start"], i["end"]) for i in entry[layer])
            for a, b in zip(spans, spans[1:]):
                if b[0] < a[1]:
                    errors += 1
                    print(f"{corpus}/{doc}: {layer} spans {a} and {b} overlap", file=sys.stderr)
    if errors:
        print(f"gold_build: {errors} problem(s); nothing written", file=sys.stderr)
        return 1

    args.out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for layer, name, key in (("time", "time.jsonl", "times"), ("quantity", "quantities.jsonl", "quantities")):
        lines = []
        for (corpus, doc), entry in sorted(docs.items()):
            items = sorted(entry[layer], key=lambda i: i["start"])
            counts[layer] = counts.get(layer, 0) + len(items)
            published = corpora[corpus][doc][1]
            lines.append(json.dumps({"corpus": corpus, "doc": doc, "published": published, key: items}, ensure_ascii=False))
        write_lines(args.out / name, lines)
    print(f"{len(docs)} documents, {counts.get('time', 0)} time and {counts.get('quantity', 0)} quantity expressions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
