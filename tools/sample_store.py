#!/usr/bin/env python3
"""Count the copies, near-duplicates and stories of a store and draw samples to read.

    python3 tools/sample_store.py --store news.sqlite [--pairs 20] [--stories 10] [--seed 1]

Prints the counts (articles, exact copies, near-duplicates by similarity, stories by
size and outlets), then a seed-fixed sample of near-duplicate pairs (each with both
articles' outlet, day, title and first words) and of stories (each member's outlet,
day, score and title), for a person to judge. The store is opened read-only.
"""
import argparse
import random
import sqlite3


def words(text, n):
    return " ".join((text or "").split()[:n])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True)
    ap.add_argument("--pairs", type=int, default=20)
    ap.add_argument("--stories", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--words", type=int, default=45, help="words of each text to show")
    a = ap.parse_args()
    db = sqlite3.connect(f"file:{a.store}?mode=ro", uri=True)
    one = lambda sql, *args: db.execute(sql, args).fetchone()[0]
    articles = one("SELECT count(*) FROM articles")
    copies = one("SELECT count(*) FROM duplicates WHERE kind = 'copy'")
    near = one("SELECT count(*) FROM duplicates WHERE kind = 'near'")
    same_outlet = one("""SELECT count(*) FROM duplicates d JOIN articles a ON a.id = d.article_id
                         JOIN articles o ON o.id = d.of_article_id WHERE d.kind = 'near' AND a.outlet = o.outlet""")
    print(f"articles {articles}; exact copies {copies} ({100 * copies / max(articles, 1):.2f} %); "
          f"near-duplicates {near} ({100 * near / max(articles, 1):.2f} %), {same_outlet} of them from the same outlet")
    for lo, hi in [(0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]:
        n = one("SELECT count(*) FROM duplicates WHERE kind = 'near' AND similarity >= ? AND similarity < ?", lo, hi)
        print(f"  similarity {lo:.1f}-{min(hi, 1.0):.1f}: {n}")
    stories = one("SELECT count(*) FROM stories")
    members = one("SELECT count(*) FROM story_articles")
    print(f"stories {stories} of {members} articles ({100 * members / max(articles, 1):.1f} % of the articles)")
    for label, sql in [("2 articles", "articles = 2"), ("3-5", "articles BETWEEN 3 AND 5"),
                       ("6-10", "articles BETWEEN 6 AND 10"), ("over 10", "articles > 10")]:
        print(f"  {label}: {one(f'SELECT count(*) FROM stories WHERE {sql}')}")
    print(f"  from one outlet only: {one('SELECT count(*) FROM stories WHERE outlets = 1')}")
    rng = random.Random(a.seed)
    pairs = db.execute("SELECT article_id, of_article_id, similarity FROM duplicates WHERE kind = 'near' ORDER BY article_id").fetchall()
    show = """SELECT a.outlet, a.published, coalesce(a.title, ''), r.text FROM articles a
              JOIN revisions r ON r.id = a.current_revision WHERE a.id = ?"""
    print(f"\n== {min(a.pairs, len(pairs))} near-duplicate pairs (seed {a.seed})")
    for n, (art, of, sim) in enumerate(sorted(rng.sample(pairs, min(a.pairs, len(pairs)))), 1):
        print(f"\n[{n}] article {art} near {of}, similarity {sim:.3f}")
        for i in (of, art):
            outlet, day, title, text = db.execute(show, (i,)).fetchone()
            print(f"  {i} {outlet} {day} | {title}\n     {words(text, a.words)}")
    ids = [r[0] for r in db.execute("SELECT id FROM stories ORDER BY id")]
    print(f"\n== {min(a.stories, len(ids))} stories (seed {a.seed})")
    for n, sid in enumerate(sorted(rng.sample(ids, min(a.stories, len(ids)))), 1):
        first, last, count, outlets = db.execute(
            "SELECT first_published, last_published, articles, outlets FROM stories WHERE id = ?", (sid,)).fetchone()
        print(f"\n[{n}] story {sid}: {count} articles, {outlets} outlets, {first} - {last}")
        for art, score, outlet, day, title, text in db.execute(
                """SELECT a.id, sa.score, a.outlet, a.published, coalesce(a.title, ''), r.text FROM story_articles sa
                   JOIN articles a ON a.id = sa.article_id JOIN revisions r ON r.id = a.current_revision
                   WHERE sa.story_id = ? ORDER BY a.published, a.id LIMIT 8""", (sid,)):
            print(f"  {art} {outlet} {day} {score:.2f} | {title} | {words(text, 20)}")


if __name__ == "__main__":
    main()
