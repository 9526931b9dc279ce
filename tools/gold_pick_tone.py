#!/usr/bin/env python3
"""Draw the sentences of the tone gold set (gold/tone/) with a fixed seed.

    tools/gold_pick_tone.py [--data ../shared/data] [--seed 9009] [--out gold/tone/picks.tsv]
    tools/gold_pick_tone.py --show [--from N] [--to M]     # print the picks to annotate

One sentence per article, from both news corpora (2/3 SaudiNewsNet, 1/3 ANT corpus),
none from an article already in gold/ (the `doc` of every gold/**/*.jsonl line and the
ids in gold/events/ids_*.txt), none whose text repeats an earlier pick (agency stories
printed by several outlets). Three strata, so that all three polarity classes occur:

- `polar` (a third): the sentence has a verb or noun of praise, support, success,
  accusation, condemnation or failure (POLAR_CUES) and an actor cue;
- `actor` (about half): the sentence has an actor cue (ACTOR_CUES: titles, institutions,
  parties, country names and demonyms) but no polar cue;
- `plain` (the rest): any sentence, not filtered on content.

These are picks 1-380. A supplementary draw (picks 381-500) from further articles adds
sentences with a cue of blame or failure (`negcue`, 85: NEGATIVE_CUES and
MORE_NEGATIVE_CUES) or of praise or success without one (`poscue`, 35), so that the
two polar classes are not swamped by neutral targets.

Sentences are the candidate sentences of tools/gold_show.py, 40-320 characters, from
articles of 200-4,000 characters. The split is by article, 50/50, dealt alternately
within each corpus and stratum (dev first), so both files mix corpora and strata.

Writes a TSV: pick number, doc, corpus, stratum, split, sentence start, end. Same
arguments, same file. --show prints each pick (number, doc, offset, sentence) to read,
never to be copied into the project.
"""
import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_show import sentences  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"saudinewsnet": "news/saudinewsnet/articles.jsonl", "antcorpus": "news/antcorpus/articles.jsonl"}
QUOTA = {"saudinewsnet": {"polar": 85, "actor": 125, "plain": 45},
         "antcorpus": {"polar": 45, "actor": 60, "plain": 20}}
# The supplementary draw (picks 381-500): negative and positive cue sentences only.
EXTRA_QUOTA = {"saudinewsnet": {"negcue": 60, "poscue": 25}, "antcorpus": {"negcue": 25, "poscue": 10}}
MIN_SENT, MAX_SENT, MIN_DOC, MAX_DOC = 40, 320, 200, 4000

# Stems (matched as substrings of words) of praise, support and success, and of
# accusation, condemnation and failure.
POSITIVE_CUES = [
    "أشاد", "يشيد", "إشادة", "اشادة", "ثمن", "يثمن", "تثمين", "هنأ", "يهنئ", "تهنئة", "أثنى", "يثني",
    "نوه", "ينوه", "شكر", "يشكر", "رحب", "يرحب", "ترحيب", "نجح", "نجاح", "إنجاز", "انجاز", "فاز",
    "فوز", "تتويج", "توج", "تكريم", "كرم",
]
NEGATIVE_CUES = [
    "أدان", "يدين", "إدانة", "ادانة", "ندد", "يندد", "تنديد", "استنكر", "يستنكر", "استنكار", "شجب",
    "انتقد", "ينتقد", "انتقاد", "اتهم", "يتهم", "اتهام", "حمل مسؤولية", "فشل", "إخفاق", "اخفاق",
    "هاجم", "يهاجم", "فساد", "تجاوزات", "خسر", "هزيمة", "انهزم", "إرهاب", "ارهاب", "جرائم", "تورط",
]
POLAR_CUES = POSITIVE_CUES + NEGATIVE_CUES
# Further stems of blame and failure, used only by the supplementary draw.
MORE_NEGATIVE_CUES = ["بتهمة", "متهم", "مخالفات", "تقصير", "عقوبات", "اعتداء", "سخر", "جريمة", "احتجاج",
                      "انتهاك", "تهديد", "هدد", "رفض", "غضب", "إهمال", "اهمال", "تراجع"]
# Words that usually name an actor: titles, institutions, parties, countries, demonyms.
ACTOR_CUES = [
    "الرئيس", "رئيس", "وزير", "وزارة", "الحكومة", "حكومة", "حزب", "الملك", "الأمير", "ولي العهد",
    "خادم الحرمين", "الأمم المتحدة", "مجلس", "البرلمان", "النواب", "الجيش", "قوات", "الشرطة", "هيئة",
    "جمعية", "اتحاد", "الاتحاد", "نقابة", "منظمة", "تنظيم", "جماعة", "حركة", "شركة", "بنك", "نادي",
    "النادي", "المنتخب", "الفريق", "أمين عام", "سفير", "محافظ", "والي", "أمير منطقة", "الداخلية",
    "المملكة", "السعودية", "تونس", "مصر", "إيران", "العراق", "سوريا", "سورية", "اليمن", "ليبيا",
    "الجزائر", "المغرب", "قطر", "الإمارات", "الكويت", "البحرين", "عمان", "الأردن", "لبنان", "تركيا",
    "روسيا", "فرنسا", "أمريكا", "الأمريكي", "واشنطن", "إسرائيل", "الاحتلال", "فلسطين", "حماس", "داعش",
    "الحوثي", "القاعدة", "المعارضة", "التحالف", "الصين", "بريطانيا", "ألمانيا", "أوروبا", "الأوروبي",
    "التونسي", "السعودي", "المصري", "الإيراني", "النهضة", "نداء تونس", "الترجي", "الهلال", "النصر",
]


def normal(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def has_any(text: str, cues) -> bool:
    return any(c in text for c in cues)


def used_ids() -> set:
    ids = set()
    for p in (ROOT / "gold").rglob("*.jsonl"):
        if "tone" in p.relative_to(ROOT / "gold").parts:
            continue
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(json.loads(line)["doc"])
    for p in (ROOT / "gold" / "events").glob("ids_*.txt"):
        ids.update(w for w in p.read_text(encoding="utf-8").split() if w)
    return ids


def load(data: Path, corpus: str):
    path = data / CORPORA[corpus]
    if not path.is_file():
        sys.exit(f"gold_pick_tone: {path}: no such corpus file")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def stratum_pool(text: str, cands, stratum: str):
    """The candidate sentences that fit a stratum."""
    def has(c, cues):
        return has_any(text[c[0]:c[1]], cues)
    if stratum == "polar":
        return [c for c in cands if has(c, POLAR_CUES) and has(c, ACTOR_CUES)]
    if stratum == "actor":
        return [c for c in cands if has(c, ACTOR_CUES) and not has(c, POLAR_CUES)]
    if stratum == "negcue":
        return [c for c in cands if has(c, NEGATIVE_CUES + MORE_NEGATIVE_CUES) and has(c, ACTOR_CUES)]
    if stratum == "poscue":
        return [c for c in cands if has(c, POSITIVE_CUES) and has(c, ACTOR_CUES)
                and not has(c, NEGATIVE_CUES + MORE_NEGATIVE_CUES)]
    return list(cands)


def draw(data: Path, quota: dict, label: str, exclude: set, seen_sentences: set):
    """One sentence per article for each corpus and stratum of quota; rows dealt dev/test."""
    rows = []
    for corpus in CORPORA:
        rng = random.Random(f"{label}:{corpus}")
        recs = [r for r in load(data, corpus)
                if r["id"] not in exclude and MIN_DOC <= len(r.get("text") or "") <= MAX_DOC]
        rng.shuffle(recs)
        want = dict(quota[corpus])
        got = {k: [] for k in want}
        for rec in recs:
            if all(len(got[k]) >= want[k] for k in want):
                break
            text = rec["text"]
            cands = [(s, e) for _, s, e in sentences(text) if MIN_SENT <= e - s <= MAX_SENT]
            if not cands:
                continue
            # the stratum still most short of its quota decides which sentence this article gives
            need = max(want, key=lambda k: (want[k] - len(got[k])) / want[k])
            pool = stratum_pool(text, cands, need)
            if not pool:
                continue
            s, e = rng.choice(pool)
            key = normal(text[s:e])
            if key in seen_sentences:
                continue
            seen_sentences.add(key)
            got[need].append((rec["id"], corpus, need, s, e))
        for stratum, items in got.items():
            if len(items) < want[stratum]:
                sys.exit(f"gold_pick_tone: {corpus}: only {len(items)} {stratum} sentences")
            for i, (doc, corp, st, s, e) in enumerate(items):
                rows.append((doc, corp, st, "dev" if i % 2 == 0 else "test", s, e))
    return rows


def pick(data: Path, seed: int):
    used = used_ids()
    seen_sentences = set()
    rows = draw(data, QUOTA, str(seed), used, seen_sentences)
    # interleave so that any prefix of the list mixes corpora, strata and splits
    random.Random(seed).shuffle(rows)
    # the supplementary draw: other articles, sentences with cues of blame or praise
    extra = draw(data, EXTRA_QUOTA, f"{seed}:extra", used | {r[0] for r in rows}, seen_sentences)
    random.Random(f"{seed}:extra").shuffle(extra)
    return rows + extra


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--seed", type=int, default=9009)
    ap.add_argument("--out", type=Path, default=ROOT / "gold" / "tone" / "picks.tsv")
    ap.add_argument("--show", action="store_true", help="print the picks of --out instead of drawing")
    ap.add_argument("--from", dest="first", type=int, default=1)
    ap.add_argument("--to", dest="last", type=int, default=10**9)
    args = ap.parse_args()
    if args.show:
        if not args.out.is_file():
            sys.exit(f"gold_pick_tone: {args.out}: no picks file; draw first")
        picks = [l.split("\t") for l in args.out.read_text(encoding="utf-8").splitlines()[1:] if l]
        texts = {}
        for corpus in CORPORA:
            wanted = {p[1] for p in picks if p[2] == corpus}
            for rec in load(args.data, corpus):
                if rec["id"] in wanted:
                    texts[rec["id"]] = rec["text"]
        for n, doc, corpus, stratum, split, s, e in picks:
            if args.first <= int(n) <= args.last:
                print(f"[{n}] {doc} @{s} {stratum}\n    {texts[doc][int(s):int(e)]}")
        return 0
    rows = pick(args.data, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write("n\tdoc\tcorpus\tstratum\tsplit\tstart\tend\n")
        for n, (doc, corpus, stratum, split, s, e) in enumerate(rows, 1):
            f.write(f"{n}\t{doc}\t{corpus}\t{stratum}\t{split}\t{s}\t{e}\n")
    tmp.replace(args.out)
    print(f"gold_pick_tone: {len(rows)} sentences -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
