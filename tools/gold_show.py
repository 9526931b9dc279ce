#!/usr/bin/env python3
"""Print documents for annotators: id, corpus, publishing outlet, publication date and numbered sentences.

    tools/gold_show.py --ids gold/events/batches/batch_00.txt [--data ../shared/data] [--doc ID] [--offsets]

Each document is printed as

    ==== snn-2015-07-21-00001  saudinewsnet  outlet: aawsat  2015-07-21  (812 characters, 6 candidate sentences)
    ¶1
    [1] first sentence ...
    [2] second sentence ...
    ¶2
    [3] ...

The outlet is the record's `outlet` field, the publisher of the article (every ANT corpus
record is Jawhara FM's): statements made to it, its correspondents and its programmes take
no `via` (docs/annotation/events_claims.md, Decision 26).

Paragraphs (¶) are runs of text between blank lines or line breaks. Candidate sentences
end at . ! ? ؟ followed by a space or a line break, or at a line break; the annotator's
`sentences` count leaves out datelines, bylines, tag lines and fragments
(docs/annotation/events_claims.md). --offsets adds each sentence's start offset (Python
string index into the record's text), as the builder counts them.

The text is printed to read, never to be copied into the project.
"""
import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"saudinewsnet": "news/saudinewsnet/articles.jsonl", "antcorpus": "news/antcorpus/articles.jsonl"}
SENTENCE_END = re.compile(r"[.!?؟](?=\s)|[.!?؟]$")


def sentences(text: str):
    """Yields (paragraph number, start, end) of each candidate sentence."""
    para = 0
    for m in re.finditer(r"[^\n]+", text):
        line, base = m.group(), m.start()
        if not line.strip():
            continue
        para += 1
        start = 0
        for e in SENTENCE_END.finditer(line):
            seg = line[start:e.end()]
            if seg.strip():
                lead = len(seg) - len(seg.lstrip())
                yield para, base + start + lead, base + e.end()
            start = e.end()
        seg = line[start:]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            yield para, base + start + lead, base + start + len(seg.rstrip())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ids", type=Path, help="file of record ids, one a line")
    ap.add_argument("--doc", action="append", default=[], help="a record id (repeatable)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--offsets", action="store_true", help="print each sentence's start offset")
    args = ap.parse_args()
    wanted = list(args.doc)
    if args.ids:
        wanted += [w for w in args.ids.read_text(encoding="utf-8").split() if w]
    if not wanted:
        ap.error("give --ids FILE or --doc ID")
    found = {}
    for corpus, rel in CORPORA.items():
        path = args.data / rel
        if not path.is_file():
            print(f"gold_show: {path}: no such corpus file", file=sys.stderr)
            return 2
        with path.open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec["id"] in wanted and rec["id"] not in found:
                    found[rec["id"]] = (corpus, rec)
    missing = [w for w in wanted if w not in found]
    for w in missing:
        print(f"gold_show: no record {w!r}", file=sys.stderr)
    out = sys.stdout
    for doc in wanted:
        if doc not in found:
            continue
        corpus, rec = found[doc]
        text = rec["text"]
        published = rec.get("date_iso") or (rec.get("date") or "")[:10]
        outlet = rec.get("outlet") or "-"
        sents = list(sentences(text))
        out.write(f"==== {doc}  {corpus}  outlet: {outlet}  {published}  "
                  f"({len(text)} characters, {len(sents)} candidate sentences)\n")
        para = 0
        for n, (p, s, e) in enumerate(sents, 1):
            if p != para:
                out.write(f"¶{p}\n")
                para = p
            at = f" @{s}" if args.offsets else ""
            out.write(f"[{n}{at}] {text[s:e]}\n")
        out.write("\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
