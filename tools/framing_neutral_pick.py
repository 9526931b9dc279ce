#!/usr/bin/env python3
"""Draw the neutral-news set of the framing layer (gold/framing/neutral_news.tsv) with a fixed seed.

    tools/framing_neutral_pick.py [--data ../shared/data] [--out gold/framing/neutral_news.tsv] [--seed 1717]

Ordinary news that uses no persuasion technique as a rule: weather forecasts, market
reports, sport results and short agency reports. The persuasion-technique layer must
leave it alone; `marsad eval framing --neutral` reports the share of it marked
propagandistic (the false-alarm rate), and the calibration half tunes the article
decision and gives the span model examples of words that must not fire.

Kinds are told apart by `kind_of()` of tools/gold_pick_events.py (ANT's category; for
SaudiNewsNet the outlet, the URL's section and the title's words); a short agency report
is a SaudiNewsNet article of another kind of 250-600 characters. Quotas:

- SaudiNewsNet: 80 weather, 80 markets, 80 sport, 40 short agency reports;
- ANT corpus: 40 weather, 60 markets (economy), 60 sport;

articles of 250-3,000 characters, none whose id is in any file of gold/, no text drawn
twice (exact and near duplicates by shared word 5-grams). The list is sorted by
(corpus, kind) and dealt alternately into two halves, `calibration` and `reported`, so
each half has every kind. A third part, `training`, as large as a half and drawn from
what is left, gives the span and paragraph models their negatives, so that the calibration
half, which chooses the article threshold, is news the models never saw (a threshold
chosen on the models' own negatives is too low). When the list exists, its two halves
are kept as they are and only the training part is drawn again.
"""
import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_pick_events import CORPORA, kind_of, near, shingles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUOTA = {
    "saudinewsnet": {"weather": 80, "markets": 80, "sport": 80, "agency": 40},
    "antcorpus": {"weather": 40, "markets": 60, "sport": 60},
}
MIN_CHARS, MAX_CHARS = 250, 3000
AGENCY_MAX_CHARS = 600


def gold_ids(gold: Path) -> set:
    """Every document id cited anywhere under gold/ (JSON lines `doc`, id lists, manifests)."""
    ids = set()
    for f in gold.rglob("*"):
        if f.is_file() and f.suffix in (".jsonl", ".txt", ".tsv"):
            ids |= id_like(f)
    return ids


def kept_halves(path: Path) -> list:
    """The (id, corpus, kind) of the `calibration` and `reported` rows of an existing list, in order."""
    if not path.is_file():
        return []
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line]
    return [(r[0], r[1], r[2]) for r in rows if r[3] in ("calibration", "reported")]


def id_like(path: Path) -> set:
    """Every run of ASCII letters, digits, `-` and `_` in a file: a superset of the ids it cites."""
    return set(re.findall(r"[A-Za-z0-9_-]+", path.read_text(encoding="utf-8")))


def draw(pools: dict, texts: dict, rng: random.Random, divisor: int, taken: set, picked_shingles: list,
         what: str = ""):
    """(id, corpus, kind) of each kind's quota divided by `divisor`, drawn at random from the
    pool less `taken`, no near duplicate of a text in `picked_shingles` (which grows with
    each pick); None, with a message, when a kind has too few."""
    out = []
    for corpus in CORPORA:
        for kind, n in QUOTA[corpus].items():
            n //= divisor
            pool = sorted(d for d in pools[corpus][kind] if d not in taken)
            rng.shuffle(pool)
            got = 0
            for doc in pool:
                if got == n:
                    break
                sh = shingles(texts[doc])
                if any(near(sh, o) for o in picked_shingles):
                    continue
                picked_shingles.append(sh)
                out.append((doc, corpus, kind))
                got += 1
            if got < n:
                print(f"framing_neutral_pick: only {got} of {n} {corpus}/{kind}{what}", file=sys.stderr)
                return None
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "gold" / "framing" / "neutral_news.tsv")
    ap.add_argument("--seed", type=int, default=1717)
    args = ap.parse_args()
    out_resolved = args.out.resolve()
    # ids cited in gold/ (the earlier version of this list aside, which must not exclude itself)
    excluded = gold_ids(ROOT / "gold") - (id_like(out_resolved) if out_resolved.is_file() else set())
    pools = {c: {k: [] for k in QUOTA[c]} for c in CORPORA}
    texts = {}
    for corpus, rel in CORPORA.items():
        path = args.data / rel
        if not path.is_file():
            print(f"framing_neutral_pick: {path}: no such corpus file", file=sys.stderr)
            return 2
        seen = set()
        with path.open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                text = rec["text"]
                if rec["id"] in excluded or text in seen or not MIN_CHARS <= len(text) <= MAX_CHARS:
                    continue
                seen.add(text)
                kind = kind_of(corpus, rec)
                if kind == "general":
                    if corpus != "saudinewsnet" or len(text) > AGENCY_MAX_CHARS:
                        continue
                    kind = "agency"
                texts[rec["id"]] = text
                pools[corpus][kind].append(rec["id"])
    rng = random.Random(args.seed)
    picked = []
    picked_shingles = []
    kept = kept_halves(args.out)
    if kept:
        # the halves already drawn stay as they are: later files of gold/ change the pool,
        # and a half that moved would make earlier figures incomparable
        for doc, corpus, kind in kept:
            if doc not in texts:
                print(f"framing_neutral_pick: {doc} of {args.out} is no longer in the pool", file=sys.stderr)
                return 1
            picked_shingles.append(shingles(texts[doc]))
        picked = list(kept)
    if not kept:
        picked = draw(pools, texts, rng, 1, set(), picked_shingles)
        if picked is None:
            return 1
    picked.sort(key=lambda p: (p[1], p[2], p[0]))
    # the training part: as large as a half, drawn after the halves from what is left (a
    # second generator), near duplicates of any pick out
    training = draw(pools, texts, random.Random(args.seed + 1), 2, {p[0] for p in picked}, picked_shingles,
                     " for training")
    if training is None:
        return 1
    training.sort(key=lambda p: (p[1], p[2], p[0]))
    rows = ["id\tcorpus\tkind\thalf\tchars"]
    for i, (doc, corpus, kind) in enumerate(picked):
        half = "calibration" if i % 2 == 0 else "reported"
        rows.append(f"{doc}\t{corpus}\t{kind}\t{half}\t{len(texts[doc])}")
    for doc, corpus, kind in training:
        rows.append(f"{doc}\t{corpus}\t{kind}\ttraining\t{len(texts[doc])}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(picked) + len(training)} articles: {len(picked) - len(picked) // 2} calibration, "
          f"{len(picked) // 2} reported, {len(training)} training")
    return 0


if __name__ == "__main__":
    sys.exit(main())
