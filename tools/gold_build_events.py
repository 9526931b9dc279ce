#!/usr/bin/env python3
"""Turn event and claim annotation drafts into a gold file (docs/annotation/events_claims.md).

    tools/gold_build_events.py --texts FILE [--texts FILE...] [--id-field id --text-field text]
        [--ids IDS.txt] [--strict] --out GOLD.jsonl DRAFT.jsonl...

A draft line is one of
  {"layer": "doc", "doc": ID, "sentences": N}                  the document is fully annotated
  {"layer": "event", "doc": ID, "trigger": REF, "type": T, "mode": M, "actor": REF|null,
   "recipient": REF|null, "modality": MOD,
   "joint": BOOL, "actor_country": ISO3|null, "recipient_country": ISO3|null}
  {"layer": "claim", "doc": ID, "span": REF, "source_type": S, "speaker": REF|null,
   "via": REF|null, "checkworthy": LEVEL}
where REF is {"surface": TEXT, "occurrence": N} — the text exactly as written and which
of its occurrences in the document is meant (default 1) — or {"surface": TEXT,
"sentence": S, "occurrence": N}: the N-th occurrence (default 1) inside candidate
sentence S as tools/gold_show.py numbers them. Types and modes are checked
against resources/events/plover.tsv, countries (ISO 3166 alpha-3) against
resources/gazetteer/countries.tsv; LEVEL is checkworthy, verifiable or not.

`joint` (default false), the countries, `via` and `checkworthy` came with the events
corpus (gold/events/); drafts written before them still build. --strict, for that
corpus, requires them: a country key for every participant given (null allowed) and a
`checkworthy` level for every claim. --texts may be given once per corpus (the gold line
then names the corpus: the name of the file's folder). --ids keeps only the documents
listed (to write one split). Warnings (not errors) flag a participant far from its
trigger, which is most often a wrong occurrence number.

The gold file keeps offsets, never text.
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_build import DraftError, locate, write_lines  # noqa: E402
from gold_show import sentences  # noqa: E402

PLOVER = Path(__file__).resolve().parent.parent / "resources" / "events" / "plover.tsv"
MODALITIES = {"asserted", "reported", "denied", "negated", "future", "demanded", "speculative", "conditional"}
SOURCE_TYPES = {"person", "office", "organization", "country", "vague", "outlet"}
# The fact-checker's four source types; the finer labels collapse onto them.
SOURCE_CLASS = {"person": "person", "office": "office", "organization": "office", "country": "office",
                "vague": "vague", "outlet": "outlet"}
CHECKWORTHY = {"checkworthy", "verifiable", "not"}
COUNTRIES = Path(__file__).resolve().parent.parent / "resources" / "gazetteer" / "countries.tsv"
FAR = 300  # characters between a trigger and its participant beyond which a warning is printed


def load_countries() -> set:
    return {line.split("\t")[0] for line in COUNTRIES.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


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


def load_texts(path: Path, id_field: str, text_field: str, wanted: set, out: dict = None) -> dict:
    """Texts of the wanted ids, as id -> (text, corpus name); corpus is the file's folder name."""
    out = {} if out is None else out
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            doc = rec.get(id_field)
            if doc in wanted:
                if doc in out and out[doc][0] != rec[text_field]:
                    raise DraftError(f"record {doc!r} occurs with two different texts")
                out[doc] = (rec[text_field], path.parent.name)
    return out


def span(text: str, ref, what: str, optional: bool = False):
    if ref is None:
        if optional:
            return None
        raise DraftError(f"{what} is required")
    surface = ref["surface"]
    if not surface or surface != surface.strip():
        raise DraftError(f"{what}: surface is empty or has outer spaces")
    if "sentence" in ref:
        sents = list(sentences(text))
        n = int(ref["sentence"])
        if not 1 <= n <= len(sents):
            raise DraftError(f"{what}: sentence {n} is not between 1 and {len(sents)}")
        _, lo, hi = sents[n - 1]
        start = lo - 1
        for _ in range(int(ref.get("occurrence", 1))):
            start = text.find(surface, start + 1)
            if start < 0 or start + len(surface) > hi:
                raise DraftError(f"{what}: {surface!r} occurs fewer than {ref.get('occurrence', 1)} "
                                 f"time(s) in sentence {n}")
        return {"start": start, "end": start + len(surface)}
    start = locate(text, surface, int(ref.get("occurrence", 1)))
    return {"start": start, "end": start + len(surface)}


def country(r: dict, key: str, participant, countries: set, strict: bool):
    """The participant's country code (None when null); raises on a bad code or a missing key."""
    if key not in r:
        if strict and participant is not None:
            raise DraftError(f"{key} is required with --strict (null when unknown)")
        return None
    code = r[key]
    if code is None:
        return None
    if participant is None:
        raise DraftError(f"{key} is given but the participant is null")
    if code not in countries:
        raise DraftError(f"{key} {code!r} is not an ISO 3166 alpha-3 code")
    return code


def participant(text: str, r: dict, role: str, countries: set, strict: bool):
    p = span(text, r.get(role), role, True)
    code = country(r, f"{role}_country", p, countries, strict)
    if p is not None and (strict or f"{role}_country" in r):
        p["country"] = code
    return p


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", required=True, type=Path, action="append")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--ids", type=Path, help="write only the documents listed in this file")
    ap.add_argument("--strict", action="store_true", help="require the fields of the events corpus")
    ap.add_argument("drafts", nargs="+", type=Path)
    args = ap.parse_args()

    records = []
    for draft in args.drafts:
        for n, line in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                records.append((f"{draft}:{n}", json.loads(line)))
    wanted = {r.get("doc") for _, r in records}
    texts = {}
    try:
        for path in args.texts:
            load_texts(path, args.id_field, args.text_field, wanted, texts)
    except DraftError as e:
        print(f"gold_build_events: {e}", file=sys.stderr)
        return 1
    plover = load_plover()
    countries = load_countries()
    docs, errors, warnings = {}, 0, 0
    corpus_of = {}
    for where, r in records:
        try:
            doc = r["doc"]
            if doc not in texts:
                raise DraftError(f"no record {doc!r} in {', '.join(map(str, args.texts))}")
            text, corpus_of[doc] = texts[doc]
            entry = docs.setdefault(doc, {"sentences": None, "events": [], "claims": []})
            if r["layer"] == "doc":
                if entry["sentences"] is not None:
                    raise DraftError(f"a second \"doc\" line for {doc}")
                entry["sentences"] = int(r["sentences"])
            elif r["layer"] == "event":
                if r["type"] not in plover:
                    raise DraftError(f"type {r['type']!r} is not a PLOVER type")
                if r.get("mode") and r["mode"] not in plover[r["type"]]:
                    raise DraftError(f"mode {r['mode']!r} is not a mode of {r['type']}")
                if r["modality"] not in MODALITIES:
                    raise DraftError(f"modality {r['modality']!r} is not one of {sorted(MODALITIES)}")
                joint = r.get("joint", False)
                if not isinstance(joint, bool):
                    raise DraftError(f"joint {joint!r} is not true or false")
                trigger = span(text, r["trigger"], "trigger")
                actor = participant(text, r, "actor", countries, args.strict)
                recipient = participant(text, r, "recipient", countries, args.strict)
                if joint and (actor is None or recipient is None):
                    raise DraftError("a joint event names both sides")
                event = {"trigger": trigger, "type": r["type"], "mode": r.get("mode"), "actor": actor,
                         "recipient": recipient, "modality": r["modality"], "joint": joint}
                key = lambda x: x and (x["start"], x["end"])  # noqa: E731
                if any(key(e["trigger"]) == key(trigger) and key(e["actor"]) == key(actor)
                       and key(e["recipient"]) == key(recipient) for e in entry["events"]):
                    raise DraftError("the same event (trigger, actor, recipient) twice")
                for role, p in (("actor", actor), ("recipient", recipient)):
                    if p and min(abs(p["start"] - trigger["end"]), abs(trigger["start"] - p["end"])) > FAR:
                        warnings += 1
                        print(f"{where}: warning: {role} is more than {FAR} characters from the trigger "
                              f"(occurrence?)", file=sys.stderr)
                entry["events"].append(event)
            elif r["layer"] == "claim":
                if r["source_type"] not in SOURCE_TYPES:
                    raise DraftError(f"source_type {r['source_type']!r} is not one of {sorted(SOURCE_TYPES)}")
                speaker = span(text, r.get("speaker"), "speaker", True)
                if (speaker is None) != (r["source_type"] == "outlet"):
                    raise DraftError("a speaker span is given exactly when the source is not the outlet")
                via = span(text, r.get("via"), "via", True)
                if via is not None and speaker is None:
                    raise DraftError("a via span needs a speaker (the source it passes on)")
                level = r.get("checkworthy")
                if level is None and args.strict:
                    raise DraftError("checkworthy is required with --strict")
                if level is not None and level not in CHECKWORTHY:
                    raise DraftError(f"checkworthy {level!r} is not one of {sorted(CHECKWORTHY)}")
                entry["claims"].append({"span": span(text, r["span"], "span"), "source_type": r["source_type"],
                                        "speaker": speaker, "via": via, "checkworthy": level})
            else:
                raise DraftError(f"unknown layer {r['layer']!r}")
        except (DraftError, KeyError, ValueError, TypeError) as e:
            errors += 1
            print(f"{where}: {e!r}" if isinstance(e, KeyError) else f"{where}: {e}", file=sys.stderr)
    for doc, entry in docs.items():
        if entry["sentences"] is None:
            errors += 1
            print(f"{doc}: no \"doc\" line declaring it complete", file=sys.stderr)
    if errors:
        print(f"gold_build_events: {errors} problem(s); nothing written", file=sys.stderr)
        return 1
    if args.ids:
        keep = set(args.ids.read_text(encoding="utf-8").split())
        docs = {d: e for d, e in docs.items() if d in keep}
    lines = []
    for doc, e in sorted(docs.items()):
        e["events"].sort(key=lambda x: x["trigger"]["start"])
        e["claims"].sort(key=lambda x: x["span"]["start"])
        head = {"doc": doc}
        if len(args.texts) > 1:
            head["corpus"] = corpus_of[doc]
        lines.append(json.dumps({**head, **e}, ensure_ascii=False))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_lines(args.out, lines)
    n_sent = sum(e["sentences"] for e in docs.values())
    n_ev = sum(len(e["events"]) for e in docs.values())
    n_cl = sum(len(e["claims"]) for e in docs.values())
    classes = {}
    for e in docs.values():
        for c in e["claims"]:
            classes[SOURCE_CLASS[c["source_type"]]] = classes.get(SOURCE_CLASS[c["source_type"]], 0) + 1
    levels = {}
    for e in docs.values():
        for c in e["claims"]:
            levels[c["checkworthy"]] = levels.get(c["checkworthy"], 0) + 1
    print(f"{len(docs)} documents, {n_sent} sentences, {n_ev} events, {n_cl} claims"
          + (f"; {warnings} warning(s)" if warnings else ""))
    print("  sources: " + ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))
    if any(k is not None for k in levels):
        print("  check-worthiness: " + ", ".join(f"{k} {v}" for k, v in sorted(levels.items(), key=str)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
