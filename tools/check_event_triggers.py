#!/usr/bin/env python3
"""Check resources/events/{plover,contexts,triggers}.tsv.

Run from the repository root (or give the events folder as the only argument):

    python3 tools/check_event_triggers.py [resources/events]

Each file is read by its `# columns:` header line. The checks:
  - every row has as many fields as the header has columns, and no required field is empty;
  - plover.tsv: each event_type has its own row (empty mode), no (event_type, mode) twice, cameo codes 2-4
    digits and listed in cameo.tsv (which gives each code its quad class and Goldstein value);
  - contexts.tsv: no context twice, cue words Arabic;
  - triggers.tsv: event_type and (event_type, mode) exist in plover.tsv, form is verb/noun/phrase, cameo is 2-4
    digits, trigger is Arabic letters only (single spaces between words, no diacritics, no tatweel), a verb
    trigger is one word and a phrase several, example is Arabic, no (trigger, form, event_type) twice, comparing triggers by matching key (diacritics
    removed, alef variants unified, ta marbuta and alef maqsura folded);
  - at least MIN_PER_TYPE triggers for every event type in plover.tsv.
It prints the number of triggers per event type and exits 1 with file:line messages if anything is wrong.
Standard library only.
"""

import re
import sys
from collections import Counter
from pathlib import Path

MIN_PER_TYPE = 12
FORMS = {"verb", "noun", "phrase"}
CAMEO_RE = re.compile(r"^[0-9]{2,4}$")
CAMEO_CODES = set()  # filled from cameo.tsv
# Arabic letters proper (hamza forms, alef variants, ta marbuta, alef maqsura), no diacritics or tatweel.
ARABIC_WORD = "[\u0621-\u063a\u0641-\u064a]+"
ARABIC_TEXT_RE = re.compile(f"^{ARABIC_WORD}( {ARABIC_WORD})*$")
DIACRITICS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")
# Example phrases may hold Arabic words, digits and Arabic punctuation.
EXAMPLE_RE = re.compile("^[\u0600-\u06ff0-9 ]+$")

errors = []


def matching_key(text):
    """The folding marsad's lists are compared by: no diacritics, one alef, ta marbuta and alef maqsura folded."""
    text = DIACRITICS_RE.sub("", text)
    text = re.sub("[\u0622\u0623\u0625\u0671]", "\u0627", text)
    return text.replace("\u0629", "\u0647").replace("\u0649", "\u064a")


def err(path, line, msg):
    errors.append(f"{path}:{line}: {msg}")


def read_tsv(path):
    """Return (columns, [(line_number, {column: value})]) read by the file's `# columns:` header."""
    columns = None
    rows = []
    if not path.exists():
        err(path, 0, "file missing")
        return [], []
    for n, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if raw.startswith("#"):
            m = re.match(r"#\s*columns:\s*(.*)$", raw)
            if m:
                columns = [c.strip() for c in m.group(1).split(",")]
            continue
        if not raw.strip():
            continue
        if columns is None:
            err(path, n, "data before the '# columns:' header")
            return [], []
        fields = raw.split("\t")
        if len(fields) != len(columns):
            err(path, n, f"{len(fields)} fields, header has {len(columns)} columns")
            continue
        if any(f != f.strip() for f in fields):
            err(path, n, "field with leading or trailing spaces")
        rows.append((n, dict(zip(columns, fields))))
    if columns is None:
        err(path, 0, "no '# columns:' header")
    return columns or [], rows


def need(path, columns, wanted):
    missing = [c for c in wanted if c not in columns]
    if missing:
        err(path, 0, f"missing columns: {', '.join(missing)}")
        return False
    return True


def check_cameo(path, n, value, several):
    codes = value.split("|") if several else [value]
    for code in codes:
        if not CAMEO_RE.match(code):
            err(path, n, f"cameo code {code!r} is not 2-4 digits")
        elif CAMEO_CODES and code not in CAMEO_CODES:
            err(path, n, f"cameo code {code!r} is not in cameo.tsv")


def check_plover(path):
    columns, rows = read_tsv(path)
    if not need(path, columns, ["event_type", "mode", "definition", "cameo"]):
        return {}
    types = {}
    seen = set()
    for n, r in rows:
        t, m = r["event_type"], r["mode"]
        if not re.match(r"^[A-Z]+$", t):
            err(path, n, f"event_type {t!r} is not an upper-case PLOVER name")
        if m and not re.match(r"^[a-zA-Z-]+$", m):
            err(path, n, f"mode {m!r} has unexpected characters")
        if (t, m) in seen:
            err(path, n, f"duplicate row for {t} {m or '(type)'}")
        seen.add((t, m))
        types.setdefault(t, set())
        if m:
            types[t].add(m)
        for c in ("definition", "cameo"):
            if not r[c]:
                err(path, n, f"empty {c}")
        if r["cameo"]:
            check_cameo(path, n, r["cameo"], several=True)
    own = {t for (t, m) in seen if not m}
    for t in types:
        if t not in own:
            err(path, 0, f"event type {t} has modes but no row of its own")
    return types


def check_contexts(path):
    columns, rows = read_tsv(path)
    if not need(path, columns, ["context", "definition", "cue_words_ar"]):
        return
    seen = set()
    for n, r in rows:
        c = r["context"]
        if not re.match(r"^[a-z_]+$", c):
            err(path, n, f"context {c!r} is not a lower-case name")
        if c in seen:
            err(path, n, f"duplicate context {c}")
        seen.add(c)
        if not r["definition"]:
            err(path, n, "empty definition")
        cues = r["cue_words_ar"].split("|") if r["cue_words_ar"] else []
        if not cues:
            err(path, n, "no cue words")
        for cue in cues:
            if not ARABIC_TEXT_RE.match(cue):
                err(path, n, f"cue word {cue!r} is not plain Arabic")


def check_triggers(path, types):
    columns, rows = read_tsv(path)
    if not need(path, columns, ["trigger", "form", "event_type", "mode", "cameo", "example", "note"]):
        return Counter()
    counts = Counter()
    seen = {}
    for n, r in rows:
        trig, form, t, m = r["trigger"], r["form"], r["event_type"], r["mode"]
        if DIACRITICS_RE.search(trig):
            err(path, n, f"trigger {trig!r} has diacritics or tatweel")
        elif not ARABIC_TEXT_RE.match(trig):
            err(path, n, f"trigger {trig!r} is not Arabic letters and single spaces")
        if form not in FORMS:
            err(path, n, f"form {form!r} is not one of {', '.join(sorted(FORMS))}")
        elif form == "verb" and " " in trig:
            err(path, n, f"verb trigger {trig!r} has several words (use form phrase)")
        elif form == "phrase" and " " not in trig:
            err(path, n, f"phrase trigger {trig!r} is a single word")
        if t not in types:
            err(path, n, f"event_type {t!r} not in plover.tsv")
        elif m and m not in types[t]:
            err(path, n, f"mode {m!r} is not a mode of {t} in plover.tsv")
        if not r["cameo"]:
            err(path, n, "empty cameo")
        else:
            check_cameo(path, n, r["cameo"], several=False)
        ex = r["example"]
        if not ex:
            err(path, n, "empty example")
        elif not EXAMPLE_RE.match(ex) or not re.search(ARABIC_WORD, ex):
            err(path, n, f"example {ex!r} is not Arabic")
        key = (matching_key(trig), form, t)
        if key in seen:
            err(path, n, f"duplicate ({trig}, {form}, {t}) by matching key; first at line {seen[key]}")
        else:
            seen[key] = n
        counts[t] += 1
    for t in sorted(types):
        if counts[t] < MIN_PER_TYPE:
            err(path, 0, f"{t} has {counts[t]} triggers, fewer than {MIN_PER_TYPE}")
    return counts


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("resources/events")
    columns, rows = read_tsv(folder / "cameo.tsv")
    CAMEO_CODES.update(r["code"] for _, r in rows)
    types = check_plover(folder / "plover.tsv")
    check_contexts(folder / "contexts.tsv")
    counts = check_triggers(folder / "triggers.tsv", types)
    for t in types:
        print(f"{t:10} {counts[t]:4} triggers, {len(types[t])} modes")
    print(f"{'total':10} {sum(counts.values()):4} triggers")
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
