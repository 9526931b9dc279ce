#!/usr/bin/env python3
"""Inter-annotator agreement between two events and claims gold files.

    tools/gold_agreement_events.py --first A.jsonl [--first ...] --second B.jsonl [--second ...]
        [--ids IDS.txt] [--json]

Each side is one or more gold files of docs/annotation/events_claims.md (as written by
tools/gold_build_events.py: offsets and labels, never text); the files of one side are
read together, so a batch can be taken from the three split files with --ids (its id
list). Only documents present on both sides are compared; documents on one side only
are named on stderr.

Items are paired as `marsad eval events` / `marsad eval claims` pair them
(crates/marsad/src/eval/events_claims.rs): by overlapping spans (the trigger for events,
the asserted text for claims), one to one, largest overlap first, ties to the earlier
item of the first side, then of the second. The first side stands where the evaluation
has the gold: precision is over the second side's items, recall over the first's.

Figures printed:
- events: trigger F1; type agreement on the matched triggers; trigger+type F1 (a matched
  pair counts only when the types are equal); mode agreement among pairs of equal type;
  actor and recipient agreement on the matched pairs (both null, or both given and their
  spans overlap or they have the same ISO 3166 alpha-3 country); modality agreement;
  joint agreement; all five of type, actor, recipient, modality and joint together;
- claims: span F1; source-type agreement on the matched claims, on the fine labels and
  on the fact-checker's four classes (person / office = office+organization+country /
  vague / outlet); speaker agreement (both null, or both given with overlapping spans);
  check-worthiness agreement (checkworthy / verifiable / not) and Cohen's kappa on it;
- the documents and sentences compared (each side's `sentences` count, and the documents
  whose counts differ).
"""
import argparse
import json
import sys
from collections import Counter
from pathlib import Path

SOURCE_CLASS = {"person": "person", "office": "office", "organization": "office", "country": "office",
                "vague": "vague", "outlet": "outlet"}
LEVELS = ("checkworthy", "verifiable", "not")


def read_side(paths, keep):
    docs = {}
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            g = json.loads(line)
            if keep is not None and g["doc"] not in keep:
                continue
            if g["doc"] in docs:
                sys.exit(f"gold_agreement_events: {path}:{n}: document {g['doc']} given twice on one side")
            docs[g["doc"]] = g
    return docs


def overlap(a, b):
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def pairs(first, second):
    """(i, j) index pairs: overlapping spans, one to one, largest overlap first."""
    cands = sorted((-overlap(a, b), i, j) for i, a in enumerate(first) for j, b in enumerate(second)
                   if overlap(a, b) > 0)
    used_a, used_b, out = set(), set(), []
    for _, i, j in cands:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    return sorted(out)


def same_participant(a, b):
    if a is None or b is None:
        return a is None and b is None
    if overlap(a, b) > 0:
        return True
    return a.get("country") is not None and a.get("country") == b.get("country")


def same_speaker(a, b):
    if a is None or b is None:
        return a is None and b is None
    return overlap(a, b) > 0


def f1(matched, n_first, n_second):
    p = matched / n_second if n_second else 0.0
    r = matched / n_first if n_first else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def kappa(labels):
    """Cohen's kappa over (first, second) label pairs; None when undefined."""
    n = len(labels)
    if not n:
        return None
    po = sum(a == b for a, b in labels) / n
    ca, cb = Counter(a for a, _ in labels), Counter(b for _, b in labels)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return None if pe == 1 else (po - pe) / (1 - pe)


class Tally:
    def __init__(self):
        self.right, self.total = Counter(), Counter()

    def add(self, field, ok):
        self.total[field] += 1
        self.right[field] += bool(ok)

    def rate(self, field):
        return self.right[field] / self.total[field] if self.total[field] else None


def compare(a_docs, b_docs):
    common = sorted(set(a_docs) & set(b_docs))
    r = {"documents": len(common), "sentences_first": 0, "sentences_second": 0, "sentence_count_differs": 0,
         "events_first": 0, "events_second": 0, "events_matched": 0, "events_type_equal": 0,
         "claims_first": 0, "claims_second": 0, "claims_matched": 0}
    ev, cl = Tally(), Tally()
    levels = []
    types, sources = Counter(), Counter()
    for doc in common:
        a, b = a_docs[doc], b_docs[doc]
        r["sentences_first"] += a.get("sentences", 0)
        r["sentences_second"] += b.get("sentences", 0)
        r["sentence_count_differs"] += a.get("sentences") != b.get("sentences")
        ea, eb = a["events"], b["events"]
        r["events_first"] += len(ea)
        r["events_second"] += len(eb)
        for i, j in pairs([e["trigger"] for e in ea], [e["trigger"] for e in eb]):
            x, y = ea[i], eb[j]
            r["events_matched"] += 1
            same_type = x["type"] == y["type"]
            r["events_type_equal"] += same_type
            if not same_type:
                types[(x["type"], y["type"])] += 1
            ev.add("type", same_type)
            if same_type:
                ev.add("mode", x.get("mode") == y.get("mode"))
            ok_actor = same_participant(x["actor"], y["actor"])
            ok_recipient = same_participant(x["recipient"], y["recipient"])
            ok_modality = x["modality"] == y["modality"]
            ok_joint = bool(x.get("joint")) == bool(y.get("joint"))
            ev.add("actor", ok_actor)
            ev.add("recipient", ok_recipient)
            ev.add("modality", ok_modality)
            ev.add("joint", ok_joint)
            ev.add("all", same_type and ok_actor and ok_recipient and ok_modality and ok_joint)
        ca, cb = a["claims"], b["claims"]
        r["claims_first"] += len(ca)
        r["claims_second"] += len(cb)
        for i, j in pairs([c["span"] for c in ca], [c["span"] for c in cb]):
            x, y = ca[i], cb[j]
            r["claims_matched"] += 1
            cl.add("source_type", x["source_type"] == y["source_type"])
            cl.add("source_class", SOURCE_CLASS.get(x["source_type"]) == SOURCE_CLASS.get(y["source_type"]))
            if x["source_type"] != y["source_type"]:
                sources[(x["source_type"], y["source_type"])] += 1
            cl.add("speaker", same_speaker(x.get("speaker"), y.get("speaker")))
            if x.get("checkworthy") in LEVELS and y.get("checkworthy") in LEVELS:
                cl.add("checkworthy", x["checkworthy"] == y["checkworthy"])
                levels.append((x["checkworthy"], y["checkworthy"]))
    r["trigger"] = f1(r["events_matched"], r["events_first"], r["events_second"])
    r["trigger_type"] = f1(r["events_type_equal"], r["events_first"], r["events_second"])
    r["claim_span"] = f1(r["claims_matched"], r["claims_first"], r["claims_second"])
    r["events"] = {k: (ev.right[k], ev.total[k]) for k in ev.total}
    r["claims"] = {k: (cl.right[k], cl.total[k]) for k in cl.total}
    r["checkworthy_kappa"] = kappa(levels)
    r["checkworthy_matrix"] = {f"{x}|{y}": n for (x, y), n in sorted(Counter(levels).items())}
    r["type_confusions"] = {f"{x}|{y}": n for (x, y), n in types.most_common()}
    r["source_confusions"] = {f"{x}|{y}": n for (x, y), n in sources.most_common()}
    return r


def report(r) -> str:
    def prf(name, t, a, b, m):
        p, rc, f = t["precision"], t["recall"], t["f1"]
        return f"{name:<36} P {p:.2f}  R {rc:.2f}  F1 {f:.2f}   ({m} matched; first {a}, second {b})"

    def agree(name, rt):
        right, total = rt
        return f"{name:<36} {right / total:.2f}   ({right}/{total})" if total else f"{name:<36} -"

    out = [f"documents {r['documents']}; sentences: first {r['sentences_first']}, second {r['sentences_second']}"
           f" ({r['sentence_count_differs']} documents counted differently)", "", "events"]
    out.append(prf("  trigger (overlap)", r["trigger"], r["events_first"], r["events_second"], r["events_matched"]))
    out.append(prf("  trigger + type", r["trigger_type"], r["events_first"], r["events_second"],
                   r["events_type_equal"]))
    for k, name in (("type", "type | matched"), ("mode", "mode | same type"), ("actor", "actor | matched"),
                    ("recipient", "recipient | matched"), ("modality", "modality | matched"),
                    ("joint", "joint | matched"), ("all", "all five | matched")):
        out.append(agree("  " + name, r["events"].get(k, (0, 0))))
    if r["type_confusions"]:
        out.append("  type disagreements (first|second): "
                   + ", ".join(f"{k} {v}" for k, v in r["type_confusions"].items()))
    out += ["", "claims"]
    out.append(prf("  span (overlap)", r["claim_span"], r["claims_first"], r["claims_second"], r["claims_matched"]))
    for k, name in (("source_type", "source type (fine)"), ("source_class", "source type (4 classes)"),
                    ("speaker", "speaker"), ("checkworthy", "check-worthiness")):
        out.append(agree("  " + name + " | matched", r["claims"].get(k, (0, 0))))
    kp = r["checkworthy_kappa"]
    out.append(f"  {'check-worthiness kappa | matched':<34} " + ("-" if kp is None else f"{kp:.2f}"))
    if r["source_confusions"]:
        out.append("  source disagreements (first|second): "
                   + ", ".join(f"{k} {v}" for k, v in r["source_confusions"].items()))
    if r["checkworthy_matrix"]:
        out.append("  check-worthiness pairs (first|second): "
                   + ", ".join(f"{k} {v}" for k, v in r["checkworthy_matrix"].items()))
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--first", type=Path, action="append", required=True, help="first annotator's gold file(s)")
    ap.add_argument("--second", type=Path, action="append", required=True, help="second annotator's gold file(s)")
    ap.add_argument("--ids", type=Path, help="compare only the documents listed in this file")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    keep = set(args.ids.read_text(encoding="utf-8").split()) if args.ids else None
    a, b = read_side(args.first, keep), read_side(args.second, keep)
    for doc in sorted(set(a) ^ set(b)):
        print(f"gold_agreement_events: {doc} is only on the {'first' if doc in a else 'second'} side; left out",
              file=sys.stderr)
    if keep is not None:
        for doc in sorted(keep - set(a) - set(b)):
            print(f"gold_agreement_events: {doc} (listed) is on neither side", file=sys.stderr)
    if not set(a) & set(b):
        print("gold_agreement_events: no document on both sides", file=sys.stderr)
        return 1
    r = compare(a, b)
    print(json.dumps(r, ensure_ascii=False, indent=1) if args.json else report(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
