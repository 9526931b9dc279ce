#!/usr/bin/env python3
"""Turn an events and claims gold file back into a draft, to correct it.

    tools/gold_events_draft.py --gold gold/events/train.jsonl [--gold ...] [--ids BATCH.txt] \
        [--data ../shared/data] > gold/events/drafts/batch_NN.jsonl

Drafts hold the surface text of the spans and are never committed (gold/events/.gitignore);
the gold files, which hold offsets only, are the record. This recreates a batch's draft
from them and the corpora: every span as {"surface", "occurrence"}, every field the
builder (tools/gold_build_events.py) reads, one "doc" line per document. Building the
draft again gives the same gold lines.
"""
import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("news/saudinewsnet/articles.jsonl", "news/antcorpus/articles.jsonl")


def ref(text: str, sp):
    if sp is None:
        return None
    surface = text[sp["start"]:sp["end"]]
    n, i = 1, text.find(surface)
    while i != sp["start"]:
        i = text.find(surface, i + 1)
        n += 1
    return {"surface": surface, "occurrence": n} if n > 1 else {"surface": surface}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, action="append", required=True)
    ap.add_argument("--ids", type=Path, help="only these documents, in this order")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    gold = {}
    for path in args.gold:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                gold[g["doc"]] = g
    order = args.ids.read_text(encoding="utf-8").split() if args.ids else sorted(gold)
    texts = {}
    for rel in CORPORA:
        with (args.data / rel).open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec["id"] in gold:
                    texts[rec["id"]] = rec["text"]
    out = sys.stdout
    for doc in order:
        if doc not in gold:
            continue
        g, text = gold[doc], texts[doc]
        lines = [{"layer": "doc", "doc": doc, "sentences": g["sentences"]}]
        for e in g["events"]:
            r = {"layer": "event", "doc": doc, "trigger": ref(text, e["trigger"]), "type": e["type"],
                 "mode": e["mode"], "actor": ref(text, e["actor"]), "recipient": ref(text, e["recipient"]),
                 "modality": e["modality"]}
            if e.get("joint"):
                r["joint"] = True
            for role in ("actor", "recipient"):
                if e[role] is not None and "country" in e[role]:
                    r[f"{role}_country"] = e[role]["country"]
            lines.append(r)
        for c in g["claims"]:
            r = {"layer": "claim", "doc": doc, "span": ref(text, c["span"]), "source_type": c["source_type"],
                 "speaker": ref(text, c["speaker"])}
            if c.get("via"):
                r["via"] = ref(text, c["via"])
            if c.get("checkworthy"):
                r["checkworthy"] = c["checkworthy"]
            lines.append(r)
        for r in lines:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
