#!/usr/bin/env python3
"""Draw the documents of the events and claims corpus (gold/events/) with fixed seeds.

    tools/gold_pick_events.py [--data ../shared/data] [--out gold/events] [--seed 7007]

Draws from both news corpora (docs/annotation/events_claims.md, "The events corpus"):

- SaudiNewsNet: 240 general articles and 60 negative ones (25 sport, 15 weather,
  20 markets and economic figures);
- ANT corpus: 96 general articles and 24 negative ones (10 sport, 4 weather,
  10 economy);

all 300-1,400 characters, none already in a file of gold/ (any split, any layer), no
text drawn twice (exact duplicates, and near duplicates: agency stories rewritten by
several outlets, caught by shared word 5-grams), none a near duplicate of a document
already in gold/. Negative material (sport, weather, markets) is what the events layer
must leave alone; it is told apart by ANT's `category` field and, for SaudiNewsNet
(which has none), by the outlet, the URL's section and the title's words.

Splits by article, stratified by corpus and kind: 70 % train, 15 % dev, 15 % test.
The ids are dealt round-robin into batches of 30 so that every batch mixes the splits
and kinds (a corpus half annotated is still usable for all three splits).

Writes ids_{train,dev,test}.txt, batches/batch_NN.txt (one id a line) and manifest.tsv
(id, corpus, kind, split, batch, characters, publication date) under --out. Same
arguments, same files.
"""
import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"saudinewsnet": "news/saudinewsnet/articles.jsonl", "antcorpus": "news/antcorpus/articles.jsonl"}
QUOTA = {
    "saudinewsnet": {"general": 240, "sport": 25, "weather": 15, "markets": 20},
    "antcorpus": {"general": 96, "sport": 10, "weather": 4, "markets": 10},
}
MIN_CHARS, MAX_CHARS, BATCH = 300, 1400, 30
SPLITS = ("train", "dev", "test")

# Title words (after stripping the clitics و ف ب ل and the article) that mark negative material.
SPORT_WORDS = {
    "دوري", "مباراة", "مباراته", "مباريات", "منتخب", "لاعب", "لاعبين", "لاعبي", "لاعبا", "مدرب", "مدربا",
    "كأس", "بطولة", "ملعب", "ملاعب", "فيفا", "هدف", "هدفين", "بهدف", "أولمبي", "أولمبية",
    "هلال", "نصر", "أهلي", "ترجي", "صفاقسي", "برشلونة", "احتراف", "انتقالات", "ميركاتو", "مونديال", "سوبر", "كرة",
    "تنس", "رياضي", "رياضية", "الرياضة",
}
SPORT_EXCEPT = ("الهلال الأحمر", "الهلال الاحمر", "الاتحاد الأوروبي", "الاتحاد الاوروبي", "الاتحاد الأفريقي",
                "الاتحاد الإفريقي", "الاتحاد العام التونسي للشغل", "اتحاد الشغل", "الاتحاد الروسي",
                "نصر الله", "نصرالله", "كرة النار")
WEATHER_WORDS = {"طقس", "أرصاد", "ارصاد", "أمطار", "امطار", "حرارة", "غبار", "أتربة", "اتربة", "رياح", "سيول",
                 "ثلوج", "عواصف", "ضباب", "جوي"}
MARKET_WORDS = {"أسهم", "اسهم", "مؤشر", "مؤشرات", "بورصة", "تداول", "تداولات", "نفط", "برميل", "دولار", "ذهب",
                "يورو", "تضخم", "نقطة", "نقاط", "إسترليني", "استرليني", "خام", "برنت", "سندات", "صادرات",
                "واردات", "ناتج"}
CLITICS = re.compile(r"^(?:[وف]?(?:ب|ل|ك)?)(?:ال)?")


def title_words(title: str) -> set:
    out = set()
    for w in re.findall(r"[\u0621-\u064A]+", title or ""):
        out.add(w)
        out.add(CLITICS.sub("", w, count=1) if len(w) > 4 else w)
    return out


def kind_of(corpus: str, rec: dict) -> str:
    title = rec.get("title") or ""
    words = title_words(title)
    if corpus == "antcorpus":
        cat = rec.get("category")
        if cat == "sport":
            return "sport"
        if words & WEATHER_WORDS and not words & {"رياحي", "الرياحي"}:
            return "weather"
        if cat == "economy":
            return "markets"
        return "general"
    url = rec.get("url") or ""
    if rec.get("outlet") in ("arreyadi", "arriyadiyah") or re.search(r"/[Ss]ports?/", url):
        return "sport"
    if words & SPORT_WORDS and not any(e in title for e in SPORT_EXCEPT):
        return "sport"
    if words & WEATHER_WORDS and "الحزم" not in title:
        return "weather"
    if re.search(r"/finance/|/Economy/", url) or words & MARKET_WORDS:
        return "markets"
    return "general"


def shingles(text: str) -> set:
    w = re.findall(r"\w+", text)
    return {" ".join(w[i:i + 5]) for i in range(max(1, len(w) - 4))}


def near(a: set, b: set) -> bool:
    return len(a & b) / max(1, min(len(a), len(b))) > 0.5


def gold_ids(gold: Path) -> set:
    ids = set()
    for f in gold.rglob("*.jsonl"):
        if "events" in f.relative_to(gold).parts:  # this corpus's own files
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(json.loads(line)["doc"])
    return ids


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "gold" / "events")
    ap.add_argument("--seed", type=int, default=7007)
    args = ap.parse_args()
    excluded = gold_ids(ROOT / "gold")
    excluded_texts, excluded_shingles = set(), []
    pools = {c: {k: [] for k in QUOTA[c]} for c in CORPORA}
    records = {}
    for corpus, rel in CORPORA.items():
        path = args.data / rel
        if not path.is_file():
            print(f"gold_pick_events: {path}: no such corpus file", file=sys.stderr)
            return 2
        seen = set()
        with path.open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                text = rec["text"]
                if rec["id"] in excluded:
                    excluded_texts.add(text)
                    excluded_shingles.append(shingles(text))
                    continue
                if text in seen or not MIN_CHARS <= len(text) <= MAX_CHARS:
                    continue
                seen.add(text)
                published = rec.get("date_iso") or (rec.get("date") or "")[:10]
                records[rec["id"]] = (corpus, text, published)
                pools[corpus][kind_of(corpus, rec)].append(rec["id"])
    rng = random.Random(args.seed)
    picked = []  # (id, corpus, kind)
    picked_shingles = list(excluded_shingles)
    for corpus in CORPORA:
        for kind, n in QUOTA[corpus].items():
            pool = sorted(pools[corpus][kind])
            rng.shuffle(pool)
            got = 0
            for doc in pool:
                if got == n:
                    break
                text = records[doc][1]
                if text in excluded_texts:
                    continue
                sh = shingles(text)
                if any(near(sh, o) for o in picked_shingles):
                    continue
                picked_shingles.append(sh)
                picked.append((doc, corpus, kind))
                got += 1
            if got < n:
                print(f"gold_pick_events: only {got} of {n} {corpus}/{kind}", file=sys.stderr)
                return 1
    # Splits, stratified: the documents in (corpus, kind) order, dealt by a pattern of 20 with
    # 14 train, 3 dev and 3 test places spread out (420 documents: 294 / 63 / 63).
    pattern = "TTDTTXTTTDTTXTTTDTTX"
    names = {"T": "train", "D": "dev", "X": "test"}
    split_of = {d: names[pattern[i % len(pattern)]] for i, (d, _, _) in enumerate(picked)}
    order = {name: i for i, name in enumerate(SPLITS)}
    kinds = ["general", "sport", "weather", "markets"]
    dealt = sorted(picked, key=lambda p: (order[split_of[p[0]]], list(CORPORA).index(p[1]), kinds.index(p[2])))
    n_batches = -(-len(dealt) // BATCH)
    batches = [[] for _ in range(n_batches)]
    for i, (doc, _, _) in enumerate(dealt):
        batches[i % n_batches].append(doc)
    for b in batches:
        rng.shuffle(b)
    out = args.out
    (out / "batches").mkdir(parents=True, exist_ok=True)
    for name in SPLITS:
        ids = sorted(d for d, _, _ in picked if split_of[d] == name)
        (out / f"ids_{name}.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")
    batch_of = {}
    for i, b in enumerate(batches):
        (out / "batches" / f"batch_{i:02d}.txt").write_text("\n".join(b) + "\n", encoding="utf-8")
        for d in b:
            batch_of[d] = i
    rows = ["id\tcorpus\tkind\tsplit\tbatch\tchars\tpublished"]
    for doc, corpus, kind in sorted(picked, key=lambda p: (batch_of[p[0]], batches[batch_of[p[0]]].index(p[0]))):
        c, text, published = records[doc]
        rows.append(f"{doc}\t{corpus}\t{kind}\t{split_of[doc]}\t{batch_of[doc]:02d}\t{len(text)}\t{published}")
    (out / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    counts = {name: sum(1 for d in split_of if split_of[d] == name) for name in SPLITS}
    print(f"{len(picked)} documents: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + f"; {n_batches} batches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
