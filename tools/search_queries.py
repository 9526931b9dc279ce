#!/usr/bin/env python3
"""Make the search benchmark's queries from the titles of the news corpus.

    tools/search_queries.py [--input ../shared/data/news/saudinewsnet/articles.jsonl]
                            [--articles 5000] [--count 200] [--seed 1]
                            [--out bench/search_queries.jsonl]

Reads the first ARTICLES records of the input (the ones `bench/search.sh` ingests)
and draws COUNT queries from their titles, one JSON object a line (`query` and
optional `outlet`, `from`, `to`, the flags of `marsad search`):

- 40 % single words, 20 % two words from one title (both must occur),
- 25 % quoted phrases of two or three consecutive title words,
- 15 % a word with a filter: its article's outlet, a date range of three days
  around its article's date, or both.

Words are the title's Arabic words of three letters or more, punctuation
stripped, a few function words left out. Deterministic for a seed.
"""
import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet" / "articles.jsonl"

# function words that carry no topic (a query of them alone measures little)
STOP = set("""في من على إلى الى عن مع أن ان إن هذا هذه التي الذي الذين بعد قبل حتى خلال بين
كان كانت لم لن قد ثم أو او كل عند منذ غير أي اي ما لا هل بين ضد وفي ومن وعلى""".split())
WORD = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u0670-\u06D3]+$")
PUNCT = "«»\"'()[]{}:;،؛.,!?؟-–—/\\|…"


def words(title: str) -> list:
    out = []
    for w in title.split():
        w = w.strip(PUNCT)
        if WORD.match(w) and len(w) >= 3 and w not in STOP:
            out.append(w)
        else:
            out.append(None)  # keeps phrases to consecutive words
    return out


def date_of(record: dict):
    d = str(record.get("published") or record.get("date") or record.get("date_iso") or "")[:10]
    return d if re.match(r"^\d{4}-\d{2}-\d{2}$", d) else None


def shift(day: str, by: int) -> str:
    import datetime
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=by)).isoformat()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    p.add_argument("--articles", type=int, default=5000)
    p.add_argument("--count", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "search_queries.jsonl")
    a = p.parse_args()
    records = []
    with a.input.open(encoding="utf-8") as f:
        for line in f:
            if len(records) >= a.articles:
                break
            r = json.loads(line)
            ws = words(r.get("title") or "")
            if sum(w is not None for w in ws) >= 2:
                records.append((r, ws))
    rng = random.Random(a.seed)
    kinds = ["word"] * 40 + ["two"] * 20 + ["phrase"] * 25 + ["filter"] * 15
    queries, seen = [], set()
    while len(queries) < a.count:
        kind = kinds[len(queries) * len(kinds) // a.count]
        r, ws = rng.choice(records)
        present = [w for w in ws if w]
        q = {}
        if kind == "word" or kind == "filter":
            q["query"] = rng.choice(present)
        elif kind == "two":
            pair = rng.sample(present, 2)
            q["query"] = " ".join(pair)
        else:
            n = rng.choice([2, 3])
            starts = [i for i in range(len(ws) - n + 1) if all(ws[i:i + n])]
            if not starts:
                continue
            i = rng.choice(starts)
            q["query"] = '"' + " ".join(ws[i:i + n]) + '"'
        if kind == "filter":
            which = rng.choice(["outlet", "dates", "both"])
            day = date_of(r)
            if which in ("outlet", "both") and r.get("outlet"):
                q["outlet"] = r["outlet"]
            if which in ("dates", "both") and day:
                q["from"], q["to"] = shift(day, -1), shift(day, 1)
            if len(q) == 1:
                continue
        key = json.dumps(q, sort_keys=True, ensure_ascii=False)
        if key in seen:
            continue
        seen.add(key)
        queries.append(q)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with a.out.open("w", encoding="utf-8") as f:
        for q in queries:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"{len(queries)} queries from the titles of {len(records)} articles of {a.input} -> {a.out}")


if __name__ == "__main__":
    main()
