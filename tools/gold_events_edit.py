#!/usr/bin/env python3
"""Apply a list of corrections to event and claim drafts, and count them per rule.

    tools/gold_events_edit.py --edits EDITS.jsonl [--dry-run] DRAFT.jsonl...

An edit is one JSON object a line; `rule` names the guideline rule it applies (counted in
the summary), `doc` the document, and `op` what to do:

  {"rule": R, "doc": ID, "op": "set", "match": M, "set": {field: value, ...}}
  {"rule": R, "doc": ID, "op": "unset", "match": M, "keys": [field, ...]}
  {"rule": R, "doc": ID, "op": "delete", "match": M}
  {"rule": R, "doc": ID, "op": "add", "line": {a whole draft line}}

M selects exactly one draft line of the document: every key of M must equal the line's
value; for a span reference ({"surface", "sentence", "occurrence"}) only the keys given in
M are compared. "set" on a "doc" line changes the sentence count ({"layer": "doc"} as M).
A line added goes after the last line of its document. An edit that matches no line or
more than one stops the run before anything is written, so that a file of edits is
applied once, to the drafts it was written for.

Drafts hold the surface text of spans and stay out of git (gold/events/.gitignore); so
does a file of edits. Rebuild the gold with tools/gold_build_events.py --strict afterwards.
"""
import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def matches(line: dict, match: dict) -> bool:
    for key, want in match.items():
        have = line.get(key)
        if isinstance(want, dict) and isinstance(have, dict):
            if any(have.get(k) != v for k, v in want.items()):
                return False
        elif have != want:
            return False
    return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--edits", required=True, type=Path)
    ap.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    ap.add_argument("drafts", nargs="+", type=Path)
    args = ap.parse_args()
    files = {p: [json.loads(l) for l in p.read_text(encoding="utf-8").splitlines() if l.strip()] for p in args.drafts}
    doc_file = {}
    for p, lines in files.items():
        for r in lines:
            doc_file.setdefault(r["doc"], p)
    edits = [json.loads(l) for l in args.edits.read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.lstrip().startswith("//")]
    counts, errors = Counter(), 0
    for n, e in enumerate(edits, 1):
        where = f"{args.edits}:{n}"
        doc = e.get("doc") or e.get("line", {}).get("doc")
        p = doc_file.get(doc)
        if p is None:
            if e.get("optional"):
                continue
            print(f"{where}: document {doc!r} is in none of the drafts", file=sys.stderr)
            errors += 1
            continue
        lines = files[p]
        op = e["op"]
        if op == "add":
            last = max(i for i, r in enumerate(lines) if r["doc"] == doc)
            lines.insert(last + 1, e["line"])
        else:
            hits = [i for i, r in enumerate(lines) if r["doc"] == doc and matches(r, e["match"])]
            if len(hits) != 1:
                print(f"{where}: {len(hits)} lines match {json.dumps(e['match'], ensure_ascii=False)} in {doc}",
                      file=sys.stderr)
                errors += 1
                continue
            i = hits[0]
            if op == "delete":
                del lines[i]
            elif op == "set":
                lines[i].update(e["set"])
            elif op == "unset":
                for k in e["keys"]:
                    lines[i].pop(k, None)
            else:
                print(f"{where}: unknown op {op!r}", file=sys.stderr)
                errors += 1
                continue
        counts[e["rule"]] += 1
    if errors:
        print(f"gold_events_edit: {errors} edit(s) failed; nothing written", file=sys.stderr)
        return 1
    if not args.dry_run:
        for p, lines in files.items():
            p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    for rule, k in sorted(counts.items()):
        print(f"{rule}\t{k}")
    print(f"total\t{sum(counts.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
