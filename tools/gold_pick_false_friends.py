#!/usr/bin/env python3
"""Candidates and build of the false-friends set (gold/false_friends/).

A false friend is a common word with the form of a country, nationality adjective,
city or person name of the gazetteer (المالية "financial" and مالي, the country;
الخبر "the news" and the city of Khobar). The set holds sentences with such words,
both where the word is a name of that place and where it is not, each labelled with
the link a reader gives it (docs/annotation/false_friends.md).

    tools/gold_pick_false_friends.py pick --data ../shared/data --per-form 6 --seed 16 > candidates.tsv
    tools/gold_pick_false_friends.py build --data ../shared/data --labels gold/false_friends/labels.tsv

`pick` prints, for every form of FAMILIES, up to --per-form occurrences drawn at random
(fixed seed) from the documents of both corpora that no gold file holds, one a line:
candidate id, corpus, doc, start, end (code-point offsets into the record's text), family,
form, and the sentence around it (to read, never committed). `build` reads the labels
(candidate id, corpus, doc, start, end, family, link or -) and writes tune.jsonl and
test.jsonl: every family is in exactly one half (SPLIT), so a rule tuned on one half is
scored on words it was never tuned on.
"""
import argparse
import json
import random
import re
import sys
from pathlib import Path

CORPORA = {"saudinewsnet": "news/saudinewsnet/articles.jsonl", "antcorpus": "news/antcorpus/articles.jsonl"}

# family -> the forms searched (whole words, with an optional و/ف/ب/ل/ك before them).
# Each family gathers the forms that share a gazetteer entry's letters: the name itself and
# the common words that look like it.
FAMILIES = {
    "mali": ["المالية", "مالية", "المالي", "مالي"],
    "hungary": ["مجريات", "المجر", "المجري", "المجرية"],
    "yemen": ["اليمنى", "اليمين", "اليمن", "اليمني", "اليمنية"],
    "corona": ["كورونا"],
    "khobar": ["الخبر"],
    "jeddah": ["جدة"],
    "riyadh": ["الرياض", "رياض"],
    "wajh": ["الوجه"],
    "madinah": ["المدينة"],
    "hail": ["حائل"],
    "ula": ["العلا"],
    "jawf": ["الجوف"],
    "sharqiya": ["الشرقية"],
    "amman": ["عمان"],
    "maghrib": ["المغرب"],
    "emirates": ["الإمارات"],
    "qatar": ["قطر", "القطري"],
    "chad": ["تشاد"],
    "turki": ["تركي", "التركي"],
    "yanbu": ["ينبع"],
    "hadd": ["الحد"],
    "federal": ["الفيدرالي", "الفدرالي"],
    "jordan": ["الأردن", "الأردني"],
    "egypt": ["مصر", "المصري"],
    "algeria": ["الجزائر", "جزائري"],
    "sudan": ["السودان", "سوداوية"],
}

# Which half each family is in. Families were put in halves by hand so that each half has
# both kinds of words (mostly names, mostly not) and about as many sentences.
SPLIT = {
    "tune": ["mali", "hungary", "yemen", "corona", "khobar", "madinah", "jawf", "amman", "qatar", "turki", "hadd",
             "jordan", "sudan"],
    "test": ["jeddah", "riyadh", "wajh", "hail", "ula", "sharqiya", "maghrib", "emirates", "chad", "yanbu",
             "federal", "egypt", "algeria"],
}

SENTENCE_END = re.compile(r"[.!?؟\n]")


def used_docs(gold: Path) -> set:
    """Every document a gold file already holds (its sentences are not drawn again)."""
    out = set()
    for f in gold.rglob("*.jsonl"):
        if f.parent.name == "false_friends":
            continue
        for line in f.open(encoding="utf-8"):
            line = line.strip()
            if line:
                out.add(json.loads(line)["doc"])
    return out


def sentence(text: str, start: int, end: int) -> str:
    """The sentence around start..end, the word in brackets."""
    a = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    b = SENTENCE_END.search(text, end)
    b = b.start() + 1 if b else len(text)
    a, b = max(a, start - 160), min(b, end + 160)
    return (text[a:start] + "[" + text[start:end] + "]" + text[end:b]).replace("\t", " ").replace("\n", " ")


def pick(args) -> int:
    exclude = used_docs(Path(args.gold))
    family_of = {form: fam for fam, forms in FAMILIES.items() for form in forms}
    # one pattern for every form, longest first, so a corpus is read once
    forms = sorted(family_of, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])[وفبلك]?(" + "|".join(map(re.escape, forms)) + r")(?![\w])")
    hits = {(fam, form): [] for form, fam in family_of.items()}
    seen = set()
    for corpus, rel in CORPORA.items():
        path = Path(args.data) / rel
        if not path.is_file():
            print(f"gold_pick_false_friends: {path}: no such corpus file", file=sys.stderr)
            return 2
        with path.open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                text = rec["text"]
                # agency stories printed by several outlets: one copy
                if rec["id"] in exclude or text in seen:
                    continue
                seen.add(text)
                for m in pattern.finditer(text):
                    form = m.group(1)
                    hits[(family_of[form], form)].append((corpus, rec["id"], m.start(1), m.end(1)))
    rng = random.Random(args.seed)
    n = 0
    for (fam, form), found in hits.items():
        # at most one occurrence per document, so one article does not fill a form
        by_doc = {}
        for h in found:
            by_doc.setdefault(h[1], h)
        chosen = rng.sample(sorted(by_doc.values()), min(args.per_form, len(by_doc)))
        for corpus, doc, s, e in chosen:
            n += 1
            text = texts_cache(args.data, corpus)[doc]
            print("\t".join([f"c{n}", corpus, doc, str(s), str(e), fam, form, sentence(text, s, e)]))
    return 0


_CACHE = {}


def texts_cache(data, corpus):
    if corpus not in _CACHE:
        path = Path(data) / CORPORA[corpus]
        _CACHE[corpus] = {json.loads(l)["id"]: json.loads(l)["text"] for l in path.open(encoding="utf-8")}
    return _CACHE[corpus]


def build(args) -> int:
    half_of = {fam: half for half, fams in SPLIT.items() for fam in fams}
    missing = set(FAMILIES) - set(half_of)
    if missing:
        print(f"gold_pick_false_friends: families in no half: {sorted(missing)}", file=sys.stderr)
        return 2
    out = {"tune": [], "test": []}
    for lineno, line in enumerate(Path(args.labels).open(encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 7:
            print(f"{args.labels}:{lineno}: expected 7 columns, found {len(cols)}", file=sys.stderr)
            return 2
        cid, corpus, doc, s, e, fam, link = cols
        text = texts_cache(args.data, corpus)[doc]
        s, e = int(s), int(e)
        word = text[s:e]
        if fam not in half_of or word not in FAMILIES[fam]:
            print(f"{args.labels}:{lineno}: {word!r} is not a form of family {fam!r}", file=sys.stderr)
            return 2
        rec = {"corpus": corpus, "doc": doc, "start": s, "end": e, "family": fam,
               "link": None if link == "-" else link}
        out[half_of[fam]].append(rec)
    for half, recs in out.items():
        path = Path(args.labels).with_name(f"{half}.jsonl")
        with path.open("w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        pos = sum(r["link"] is not None for r in recs)
        print(f"{path}: {len(recs)} sentences, {pos} names, {len(recs) - pos} not names", file=sys.stderr)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pick")
    p.add_argument("--data", required=True)
    p.add_argument("--gold", default="gold")
    p.add_argument("--per-form", type=int, default=6)
    p.add_argument("--seed", type=int, default=16)
    b = sub.add_parser("build")
    b.add_argument("--data", required=True)
    b.add_argument("--labels", required=True)
    args = ap.parse_args()
    return pick(args) if args.cmd == "pick" else build(args)


if __name__ == "__main__":
    sys.exit(main())
