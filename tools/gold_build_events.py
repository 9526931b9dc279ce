#!/usr/bin/env python3
"""Turn event and claim annotation drafts into a gold file (docs/annotation/events_claims.md).

    tools/gold_build_events.py --texts FILE [--id-field id --text-field text] --out GOLD.jsonl DRAFT.jsonl...

A draft line is one of
  {"layer": "doc", "doc": ID, "sentences": N}                  the document is fully annotated
  {"layer": "event", "doc": ID, "trigger": REF, "type": T, "mode": M, "actor": REF|null,
   "recipient": REF|null, "modality": MOD}
  {"layer": "claim", "doc": ID, "span": REF, "source_type": S, "speaker": REF|null}
where REF is {"surface": TEXT, "occurrence": N} — the text exactly as written and which
of its occurrences in the document is meant (default 1). Types and modes are checked
against resources/events/plover.tsv. The gold file keeps offsets, never text.
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_build import DraftError, locate, write_lines  # noqa: E402

PLOVER = Path(__file__).resolve().parent.parent / "resources" / "events" / "plover.tsv"
MODALITIES = {"asserted", "reported", "denied", "negated", "future", "demanded", "speculative", "conditional"}
SOURCE_TYPES = {"person", "office", "organization", "country", "vague", "outlet"}


def load_plover() -> dict:
    types = {}
    for line in PLOVER.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        types.setdefault(cols[0], set())
        if len(cols) > 1 and cols[1]:
            types[cols[0]].add(cols[1])
    return types


def load_texts(path: Path, id_field: str, text_field: str, wanted: set) -> dict:
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get(id_field) in wanted:
                out[rec[id_field]] = rec[text_field]
    return out


def span(text: str, ref, what: str, optional: bool = False):
    if ref is None:
        if optional:
            return None
        raise DraftError(f"{what} is required")
    surface = ref["surface"]
    if not surface or surface != surface.strip():
        raise DraftError(f"{what}: surface is empty or has outer spaces")
    start = locate(text, surface, int(ref.get("occurrence", 1)))
    return {"start": start, "end": start + len(surface)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", required=True, type=Path)
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("drafts", nargs="+", type=Path)
    args = ap.parse_args()

    records = []
    for draft in args.drafts:
        for n, line in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                records.append((f"{draft}:{n}", json.loads(line)))
    texts = load_texts(args.texts, args.id_field, args.text_field, {r.get("doc") for _, r in records})
    plover = load_plover()
    docs, errors = {}, 0
    for where, r in records:
        try:
            doc = r["doc"]
            if doc not in texts:
                raise DraftError(f"no record {doc!r} in {args.texts}")
            text = texts[doc]
            entry = docs.setdefault(doc, {"sentences": None, "events": [], "claims": []})
            if r["layer"] == "doc":
                entry["sentences"] = int(r["sentences"])
            elif r["layer"] == "event":
                if r["type"] not in plover:
                    raise DraftError(f"type {r['type']!r} is not a PLOVER type")
                if r.get("mode") and r["mode"] not in plover[r["type"]]:
                    raise DraftError(f"mode {r['mode']!r} is not a mode of {r['type']}")
                if r["modality"] not in MODALITIES:
                    raise DraftError(f"modality {r['modality']!r} is not one of {sorted(MODALITIES)}")
                entry["events"].append({
                    "trigger": span(text, r["trigger"], "trigger"), "type": r["type"], "mode": r.get("mode"),
                    "actor": span(text, r.get("actor"), "actor", True),
                    "recipient": span(text, r.get("recipient"), "recipient", True),
                    "modality": r["modality"],
                })
            elif r["layer"] == "claim":
                if r["source_type"] not in SOURCE_TYPES:
                    raise DraftError(f"source_type {r['source_type']!r} is not one of {sorted(SOURCE_TYPES)}")
                speaker = span(text, r.get("speaker"), "speaker", True)
                if (speaker is None) != (r["source_type"] == "outlet"):
                    raise DraftError("a speaker span is given exactly when the source is not the outlet")
                entry["claims"].append({"span": span(text, r["span"], "span"), "source_type": r["source_type"],
                                        "speaker": speaker})
            else:
                raise DraftError(f"unknown layer {r['layer']!r}")
        except (DraftError, KeyError, ValueError, TypeError) as e:
            errors += 1
            print(f"{where}: {e}", file=sys.stderr)
    for doc, entry in docs.items():
        if entry["sentences"] is None:
            errors += 1
            print(f"{doc}: no \"doc\" line declaring it complete", file=sys.stderr)
    if errors:
        print(f"gold_build_events: {errors} problem(s); nothing written", file=sys.stderr)
        return 1
    lines = []
    for doc, e in sorted(docs.items()):
        e["events"].sort(key=lambda x: x["trigger"]["start"])
        e["claims"].sort(key=lambda x: x["span"]["start"])
        lines.append(json.dumps({"doc": doc, **e}, ensure_ascii=False))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_lines(args.out, lines)
    n_sent = sum(e["sentences"] for e in docs.values())
    n_ev = sum(len(e["events"]) for e in docs.values())
    n_cl = sum(len(e["claims"]) for e in docs.values())
    print(f"{len(docs)} documents, {n_sent} sentences, {n_ev} events, {n_cl} claims")
    return 0


if __name__ == "__main__":
    sys.exit(main())
