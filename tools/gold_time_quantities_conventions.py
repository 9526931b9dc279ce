#!/usr/bin/env python3
"""Rewrite the time and quantity gold files to Decisions 1-3 of docs/annotation/time_quantities.md.

    tools/gold_time_quantities_conventions.py [--data ../shared/data] [--dry-run]

Three edits, each mechanical or by the listed reading, and counted per file:

1. a leading conjunction "و" or preposition "من" opening a span is moved out of it
   (the span starts at the next word; "و" that is a root letter, as in "وقت" and
   "واحد", stays);
2. a day word (اليوم، أمس، غدا... possibly with a part of the day) followed by its
   weekday, alone, after a comma or in brackets, becomes one item spanning both, with
   the day word's type and value;
3. "now" words read as "at present" get `value: null` (type kept): every "الآن" and
   "حاليا" item, and the "اليوم" items listed in PRESENT_TODAY, each with its reading.

The texts are read from the corpora (never copied); the script is idempotent.
"""
import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"saudinewsnet": "news/saudinewsnet/articles.jsonl", "antcorpus": "news/antcorpus/articles.jsonl"}
ROOT_WAW = ("وقت", "واحد", "وسط")
WEEKDAY = re.compile(r"^(يوم )?(ال)?(أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت)\b")
DAY_WORD = re.compile(r"(اليوم|أمس|امس|غدا|غد|البارحة)$")
NOW_WORD = re.compile(r"^(الآن|حاليا|حالياً)$")
# "اليوم" meaning "nowadays / up to now", not the day of publication (doc, start, reading).
PRESENT_TODAY = {
    ("snn-2015-08-03-01045", 1219): "الهيئة تعد اليوم مساهماً: a standing fact, 'nowadays'",
    ("snn-2015-08-08-01171", 472): "هي حالي اليوم (a poem): 'now'",
    ("snn-2015-08-08-01171", 758): "واليوم انا خاطري (a poem): 'now'",
    ("JA-localNews-2262-20140313", 642): "محاولات تفعيله اليوم: 'these days'",
    ("snn-2015-08-02-00238", 629): "وثقت حتى اليوم: 'up to now', as حتى الآن",
    ("snn-2015-08-06-00290", 811): "يهدر حتى اليوم (a memoir): 'to this day'",
}


def load_texts(data: Path, ids: set) -> dict:
    texts = {}
    for rel in CORPORA.values():
        with open(data / rel, encoding="utf-8") as f:
            for line in f:
                head = line[:120]
                if not any(i in head for i in ids):
                    continue
                rec = json.loads(line)
                if rec["id"] in ids:
                    texts[rec["id"]] = rec["text"]
    return texts


def strip_opening(text: str, it: dict) -> bool:
    """Decision 1: moves the start past a leading و or من; True when it moved."""
    span = text[it["start"]:it["end"]]
    if span.startswith("من ") and len(span) > 3:
        skip = 3
    elif span.startswith("و") and len(span) > 1 and not span.startswith(ROOT_WAW):
        skip = 1
    else:
        return False
    while it["start"] + skip < it["end"] and text[it["start"] + skip].isspace():
        skip += 1
    it["start"] += skip
    return True


def merge_day_weekday(text: str, items: list) -> tuple:
    """Decision 2: merges a day word and the weekday after it; returns the items and the merges made."""
    out, merged, i = [], 0, 0
    while i < len(items):
        it = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        if nxt and DAY_WORD.search(text[it["start"]:it["end"]]) \
                and re.fullmatch(r"\s*[،,]?\s*\(?", text[it["end"]:nxt["start"]]) \
                and WEEKDAY.match(text[nxt["start"]:nxt["end"]]):
            end = nxt["end"]
            if "(" in text[it["end"]:nxt["start"]] and text[end:end + 1] == ")":
                end += 1
            out.append(dict(it, end=end))
            merged += 1
            i += 2
            continue
        out.append(it)
        i += 1
    return out, merged


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    files = [(ROOT / "gold" / s / f"{layer}.jsonl", key) for s in ("dev", "test")
             for layer, key in (("time", "times"), ("quantities", "quantities"))]
    ids = {json.loads(l)["doc"] for p, _ in files for l in open(p, encoding="utf-8")}
    texts = load_texts(Path(args.data), ids)
    missing = ids - texts.keys()
    if missing:
        raise SystemExit(f"{len(missing)} gold documents not found under {args.data}: {sorted(missing)[:3]}")
    for path, key in files:
        counts = {"1 opening و/من": 0, "2 day word + weekday": 0, "3 now → present": 0}
        lines = []
        for line in open(path, encoding="utf-8"):
            rec = json.loads(line)
            text = texts[rec["doc"]]
            for it in rec[key]:
                counts["1 opening و/من"] += strip_opening(text, it)
            if key == "times":
                rec[key], n = merge_day_weekday(text, rec[key])
                counts["2 day word + weekday"] += n
                for it in rec[key]:
                    span = text[it["start"]:it["end"]]
                    present = NOW_WORD.match(span) or (rec["doc"], it["start"]) in PRESENT_TODAY \
                        or (rec["doc"], it["start"] - 1) in PRESENT_TODAY
                    if present and it["value"] is not None:
                        it["value"] = None
                        counts["3 now → present"] += 1
            lines.append(json.dumps(rec, ensure_ascii=False))
        print(path.relative_to(ROOT), counts)
        if not args.dry_run:
            tmp = path.with_suffix(".tmp")
            tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
            tmp.replace(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
