#!/usr/bin/env python3
"""Kill `marsad ingest` with SIGKILL at random moments, resume it, and check that every
article ends up in the store exactly once and that the store is sound.

    bench/ingest_kill.py [--marsad target/release/marsad] [--input FILE.jsonl]
                         [--articles 400] [--kills 20] [--seed 1] [--keep DIR]

Takes the first N records of the input (default: ../shared/data/news/saudinewsnet/
articles.jsonl), ingests them into a fresh store, killing the process KILLS times: every other kill at a random
moment of a run (0.05 s to the length of an uninterrupted run), the others a random
0-20 ms after the run's first new article is in (while it writes), then lets a last run finish. Then checks: the number of
articles, revisions and copy links equal those of an uninterrupted ingest of the same
records into another store; no record id is stored twice; `PRAGMA integrity_check`
and `PRAGMA foreign_key_check` are clean; every article has its current revision
and every revision its layers. Exits 1 on any failure.
"""
import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ingest(marsad, store, data):
    return subprocess.Popen([marsad, "ingest", "--store", str(store), str(data)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def problems(store):
    conn = sqlite3.connect(store)
    out = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    out += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check")]
    checks = {
        "articles without their current revision":
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.id = a.current_revision)",
        "revisions without layers":
            "SELECT count(*) FROM revisions r WHERE NOT EXISTS (SELECT 1 FROM layers l WHERE l.revision_id = r.id)",
        "record ids stored twice":
            "SELECT count(*) FROM (SELECT external_id FROM articles GROUP BY outlet, external_id HAVING count(*) > 1)",
        "articles without their near-duplicate signature":
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM signatures s"
            " WHERE s.article_id = a.id AND s.revision_id = a.current_revision)",
        "articles in more than one story":
            "SELECT count(*) FROM (SELECT article_id FROM story_articles GROUP BY article_id HAVING count(*) > 1)",
    }
    for what, sql in checks.items():
        n = conn.execute(sql).fetchone()[0]
        if n:
            out.append(f"{n} {what}")
    return out


def count(store):
    return sqlite3.connect(store).execute("SELECT count(*) FROM articles").fetchone()[0]


def count_or_zero(store):
    try:
        return count(store)
    except sqlite3.Error:
        return 0


def counts(store):
    """Articles, revisions and copy and near-duplicate links."""
    conn = sqlite3.connect(store)
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "revisions", "duplicates"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--marsad", default=str(ROOT / "target/release/marsad"))
    ap.add_argument("--input", default=str(ROOT.parent / "shared/data/news/saudinewsnet/articles.jsonl"))
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", help="folder to keep the stores in")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="marsad-kill-"))
    work.mkdir(parents=True, exist_ok=True)
    data = work / "articles.jsonl"
    with open(a.input, encoding="utf-8") as src, open(data, "w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i >= a.articles:
                break
            out.write(line)
    killed_store, clean_store = work / "killed.sqlite", work / "clean.sqlite"
    for p in work.glob("*.sqlite*"):
        p.unlink()
    # an uninterrupted ingest first: what the killed one must end with, and how long a run takes
    started = time.time()
    clean = ingest(a.marsad, clean_store, data)
    clean.communicate()
    whole = time.time() - started
    print(f"  uninterrupted ingest: {whole:.1f} s")
    kills = 0
    while kills < a.kills:
        before = count_or_zero(killed_store)
        proc = ingest(a.marsad, killed_store, data)
        if kills % 2 == 0:
            # a random moment: start-up, migration, reading, analysis or writing
            time.sleep(rng.uniform(0.05, whole))
        else:
            # while it writes: a random 0-20 ms after its first new article is in
            waited = time.time()
            while proc.poll() is None and count_or_zero(killed_store) <= before and time.time() - waited < 10 * whole:
                time.sleep(0.002)
            time.sleep(rng.uniform(0, 0.02))
        if proc.poll() is not None:
            err = proc.stderr.read().decode()
            if proc.returncode != 0:
                print(f"ingest failed before it was killed:\n{err}", file=sys.stderr)
                return 1
            # it finished: start again on a fresh copy of the records so later kills still land mid-ingest
            print(f"  run finished before the kill ({count(killed_store)} articles); clearing the store")
            for p in work.glob("killed.sqlite*"):
                p.unlink()
            continue
        proc.kill()
        proc.wait()
        kills += 1
        print(f"  kill {kills}: {count_or_zero(killed_store)} articles in")
    final = ingest(a.marsad, killed_store, data)
    _, err = final.communicate()
    if final.returncode != 0:
        print(f"the resumed ingest failed:\n{err.decode()}", file=sys.stderr)
        return 1
    print("  resumed: " + err.decode().strip().splitlines()[-1])
    found = problems(killed_store)
    expected, got = counts(clean_store), counts(killed_store)
    if expected != got:
        found.append(f"(articles, revisions, copies) {got} after {kills} kills, {expected} in an uninterrupted ingest")
    print(f"{kills} kills, (articles, revisions, copies) {got} (uninterrupted: {expected}), {time.time() - started:.0f} s")
    if found:
        print("FAILED:\n  " + "\n  ".join(found), file=sys.stderr)
        return 1
    print("every article is in exactly once and the store is sound")
    return 0


if __name__ == "__main__":
    sys.exit(main())
