#!/usr/bin/env python3
"""Turn tone drafts into the offset files gold/tone/{dev,test}.jsonl, checking every span.

    tools/gold_build_tone.py [--data ../shared/data] [--drafts gold/tone/drafts] [--out gold/tone]
                             [--picks gold/tone/picks.tsv] [--glob 'a*.tsv'] [--check]

Drafts (docs/annotation/tone.md) are tab-separated lines naming spans by their text,
never committed (they hold article text):

    12	0	وزير الخارجية          a target of pick 12, neutral (p positive, n negative, 0 neutral)
    12	n	الحكومة#2              the second occurrence of the string in the sentence
    13	-                      pick 13 has no target
    14	skip                   pick 14 is not a sentence (a tag line, a byline): left out

A pick number refers to gold/tone/picks.tsv (tools/gold_pick_tone.py), which gives the
document, corpus, split and sentence offsets. Every target must occur in its sentence
as whole words (#k counts whole-word occurrences only), and not overlap another
target; a pick must not be annotated twice. Any error stops the build and nothing is
written. The output (--one FILE: a single file) has one line per sentence, sorted by document and offset; the
summary (sentences, targets per class and split) goes to stderr. --check only checks.
"""
import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"saudinewsnet": "news/saudinewsnet/articles.jsonl", "antcorpus": "news/antcorpus/articles.jsonl"}
POLARITY = {"p": "positive", "n": "negative", "0": "neutral"}
OCCURRENCE = re.compile(r"^(.*?)#(\d+)$")


def read_picks(path: Path) -> dict:
    if not path.is_file():
        sys.exit(f"gold_build_tone: {path}: no picks file")
    picks = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line:
            n, doc, corpus, stratum, split, s, e = line.split("\t")
            picks[int(n)] = {"doc": doc, "corpus": corpus, "stratum": stratum, "split": split,
                             "start": int(s), "end": int(e)}
    return picks


def read_drafts(files) -> tuple:
    """Returns ({pick: [(polarity, text, occurrence)] or 'skip'}, errors)."""
    ann, errors, seen_in = {}, [], {}
    for path in files:
        current = None
        for i, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            where = f"{path.name}:{i}"
            cols = raw.split("\t")
            try:
                n = int(cols[0])
            except ValueError:
                errors.append(f"{where}: no pick number in {raw!r}")
                continue
            if n in seen_in and seen_in[n] != (path, current if current == n else None):
                if not (seen_in[n][0] == path and current == n):
                    errors.append(f"{where}: pick {n} already annotated at {seen_in[n][0].name}")
                    continue
            seen_in[n] = (path, n)
            current = n
            if len(cols) == 2 and cols[1] in ("-", "skip"):
                if n in ann:
                    errors.append(f"{where}: pick {n} has targets and also {cols[1]!r}")
                ann[n] = [] if cols[1] == "-" else "skip"
                continue
            if len(cols) != 3 or cols[1] not in POLARITY or not cols[2].strip():
                errors.append(f"{where}: expected 'N<TAB>p|n|0<TAB>text', got {raw!r}")
                continue
            if ann.get(n) == "skip":
                errors.append(f"{where}: pick {n} is skipped and has targets")
                continue
            text, k = cols[2], 1
            m = OCCURRENCE.match(text)
            if m:
                text, k = m.group(1), int(m.group(2))
            ann.setdefault(n, []).append((POLARITY[cols[1]], text, k))
    return ann, errors


def is_word_char(c: str) -> bool:
    return c.isalnum() or "\u064B" <= c <= "\u065F" or c == "\u0640"


def on_boundaries(text: str, at: int, end: int) -> bool:
    return not ((at > 0 and is_word_char(text[at - 1]) and is_word_char(text[at]))
                or (end < len(text) and is_word_char(text[end]) and is_word_char(text[end - 1])))


def locate(text: str, s: int, e: int, target: str, k: int):
    """Offset of the k-th whole-word occurrence of target in text[s:e], or an error message."""
    if target != target.strip():
        return None, f"{target!r} has spaces at its ends"
    found, pos = 0, s
    while True:
        at = text.find(target, pos, e)
        if at < 0:
            return None, f"{target!r} (whole-word occurrence {k}) not in the sentence"
        pos = at + 1
        if on_boundaries(text, at, at + len(target)):
            found += 1
            if found == k:
                return at, None


def load_texts(data: Path, wanted: dict) -> dict:
    texts = {}
    for corpus, rel in CORPORA.items():
        path = data / rel
        if not path.is_file():
            sys.exit(f"gold_build_tone: {path}: no such corpus file")
        ids = {d for d, c in wanted.items() if c == corpus}
        with path.open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec["id"] in ids:
                    texts[rec["id"]] = rec["text"]
    return texts


def build(picks: dict, ann: dict, data: Path):
    errors = []
    for n in ann:
        if n not in picks:
            errors.append(f"pick {n}: not in the picks file")
    texts = load_texts(data, {picks[n]["doc"]: picks[n]["corpus"] for n in ann if n in picks})
    records = []
    for n, targets in sorted(ann.items()):
        if n not in picks or targets == "skip":
            continue
        p = picks[n]
        text = texts.get(p["doc"])
        if text is None:
            errors.append(f"pick {n}: document {p['doc']} not found")
            continue
        if p["end"] > len(text):
            errors.append(f"pick {n}: sentence ends past the text of {p['doc']}")
            continue
        spans = []
        for polarity, target, k in targets:
            at, err = locate(text, p["start"], p["end"], target, k)
            if err:
                errors.append(f"pick {n} ({p['doc']}): {err}")
                continue
            spans.append({"start": at, "end": at + len(target), "polarity": polarity})
        spans.sort(key=lambda t: t["start"])
        for a, b in zip(spans, spans[1:]):
            if b["start"] < a["end"]:
                errors.append(f"pick {n} ({p['doc']}): targets {text[a['start']:a['end']]!r} and "
                              f"{text[b['start']:b['end']]!r} overlap")
        records.append((p["split"], {"doc": p["doc"], "corpus": p["corpus"],
                                     "sentence": {"start": p["start"], "end": p["end"]}, "targets": spans}))
    return records, errors


def summary(records, skipped: int, missing: int) -> str:
    lines = []
    for split in ("dev", "test"):
        recs = [r for s, r in records if s == split]
        c = Counter(t["polarity"] for r in recs for t in r["targets"])
        corp = Counter(r["corpus"] for r in recs)
        lines.append(f"{split}: {len(recs)} sentences ({corp['saudinewsnet']} SaudiNewsNet, {corp['antcorpus']} ANT), "
                     f"{sum(1 for r in recs if r['targets'])} with targets, {sum(c.values())} targets: "
                     f"{c['positive']} positive, {c['negative']} negative, {c['neutral']} neutral")
    lines.append(f"skipped (not sentences): {skipped}; picks not yet annotated: {missing}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--drafts", type=Path, default=ROOT / "gold" / "tone" / "drafts")
    ap.add_argument("--glob", default="a*.tsv", help="draft files to read (default a*.tsv)")
    ap.add_argument("--picks", type=Path, default=ROOT / "gold" / "tone" / "picks.tsv")
    ap.add_argument("--out", type=Path, default=ROOT / "gold" / "tone")
    ap.add_argument("--check", action="store_true", help="check the drafts, write nothing")
    ap.add_argument("--one", type=Path, help="write every sentence to this one file instead of dev/test "
                                             "(a second annotation pass for agreement)")
    args = ap.parse_args()
    files = sorted(args.drafts.glob(args.glob))
    if not files:
        print(f"gold_build_tone: no drafts {args.glob} in {args.drafts}", file=sys.stderr)
        return 2
    picks = read_picks(args.picks)
    ann, errors = read_drafts(files)
    records, more = build(picks, ann, args.data)
    errors += more
    if errors:
        for e in errors:
            print(f"gold_build_tone: {e}", file=sys.stderr)
        print(f"gold_build_tone: {len(errors)} errors; nothing written", file=sys.stderr)
        return 1
    skipped = sum(1 for v in ann.values() if v == "skip")
    print(summary(records, skipped, len(picks) - len(ann)), file=sys.stderr)
    if args.check:
        return 0
    if args.one:
        targets = {args.one: [r for _, r in records]}
    else:
        targets = {args.out / f"{split}.jsonl": [r for s, r in records if s == split] for split in ("dev", "test")}
    for path, recs in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        recs = sorted(recs, key=lambda r: (r["doc"], r["sentence"]["start"]))
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        tmp.replace(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
