#!/usr/bin/env python3
"""Builds the whole-pipeline benchmark corpus: real Arabic news articles of about
600 words (500–700) from SaudiNewsNet, as JSON Lines (`id`, `text`, `title`,
`outlet`, `published`) for `marsad analyze --jsonl`.

    python3 tools/bench_corpus.py [../shared/data/news/saudinewsnet/articles.jsonl] [OUT]

OUT defaults to target/bench/corpus.jsonl. The corpus is not part of the
repository (SaudiNewsNet: CC BY-NC-SA 4.0, the articles belong to their
newspapers); this script rebuilds it the same way every time: articles in file
order, exact duplicates dropped.
"""
import json
import os
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/news/saudinewsnet/articles.jsonl"
OUT = sys.argv[2] if len(sys.argv) > 2 else "target/bench/corpus.jsonl"
MIN_WORDS, MAX_WORDS = 500, 700


def main() -> int:
    if not os.path.isfile(SOURCE):
        print(f"bench_corpus: {SOURCE}: no such file (SaudiNewsNet lives in ../shared/data/news/)", file=sys.stderr)
        return 1
    seen = set()
    rows = []
    with open(SOURCE, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"bench_corpus: {SOURCE}:{n}: not JSON ({e})", file=sys.stderr)
                return 1
            text = r.get("text") or ""
            words = len(text.split())
            if not MIN_WORDS <= words <= MAX_WORDS or text in seen:
                continue
            seen.add(text)
            rows.append({"id": r.get("id"), "text": text, "title": r.get("title"), "outlet": r.get("outlet"),
                         "published": (r.get("date") or "")[:10] or None})
    os.makedirs(os.path.dirname(OUT) or ".", exist_ok=True)
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps({k: v for k, v in row.items() if v is not None}, ensure_ascii=False) + "\n")
    os.replace(tmp, OUT)
    size = os.path.getsize(OUT)
    print(f"bench_corpus: {len(rows)} articles of {MIN_WORDS}–{MAX_WORDS} words, {size / 1e6:.1f} MB → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
