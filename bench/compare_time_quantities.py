#!/usr/bin/env python3
"""Compare marsad's time and quantity extraction with Python tools on the gold sets.

    python bench/compare_time_quantities.py [--data DIR] [--gold DIR] [--marsad PATH] [--json]

Every tool reads the same documents (those listed in gold/test/time.jsonl and
gold/test/quantities.jsonl, texts taken from DIR/news/<corpus>/articles.jsonl) and is
scored by the same scorer, per layer:

  strict     a system expression matches a gold one with identical (start, end);
  relaxed    spans overlap; pairs are chosen one to one, greedily by largest overlap
             (ties: earliest gold expression, then earliest system expression);
  value      over relaxed pairs whose gold value is not null: times equal as
             strings, quantities equal within 1e-9 relative;
  value F1   F1 where a true positive is a relaxed pair with a correct value
             (a relaxed pair whose gold value is null counts as correct).

Precision, recall and F1 are micro-averaged over all documents. Offsets are Python
string indices (Unicode code points), as in the gold files and marsad's JSON.
See bench/README.md for what each tool is and how its output is mapped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = {"saudinewsnet": "news/saudinewsnet/articles.jsonl", "antcorpus": "news/antcorpus/articles.jsonl"}
LAYERS = {"time": ("time.jsonl", "times"), "quantity": ("quantities.jsonl", "quantities")}
REL_TOLERANCE = 1e-9


class BenchError(Exception):
    """A problem with the inputs: reported as one line, exit status 1."""


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Expr:
    """One expression: [start, end) in code points, and its normalized value (or None)."""

    start: int
    end: int
    value: str | float | None


@dataclass
class Doc:
    """A gold document: its text, publication date (YYYY-MM-DD) and gold expressions per layer."""

    corpus: str
    doc: str
    published: str
    text: str = ""
    gold: dict[str, list[Expr]] = field(default_factory=dict)


def load_gold(gold_dir: Path) -> dict[tuple[str, str], Doc]:
    """Read both gold files; a document missing from one layer's file is not scored on that layer."""
    docs: dict[tuple[str, str], Doc] = {}
    for layer, (name, key) in LAYERS.items():
        path = gold_dir / name
        if not path.is_file():
            raise BenchError(f"{path}: gold file not found (give the gold folder with --gold DIR)")
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                dt.date.fromisoformat(rec["published"])
                entry = docs.setdefault((rec["corpus"], rec["doc"]), Doc(rec["corpus"], rec["doc"], rec["published"]))
                entry.gold[layer] = [Expr(i["start"], i["end"], i.get("value")) for i in rec[key]]
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
                raise BenchError(
                    f"{path}:{lineno}: not a gold line as docs/annotation/time_quantities.md defines ({e})"
                )
    if not docs:
        raise BenchError(f"{gold_dir}: the gold files list no document")
    return docs


def load_texts(data_dir: Path, docs: dict[tuple[str, str], Doc]) -> None:
    """Fill in each document's text from the corpora under data_dir."""
    if not data_dir.is_dir():
        raise BenchError(f"{data_dir}: data folder not found (give it with --data DIR)")
    for corpus in sorted({c for c, _ in docs}):
        if corpus not in CORPORA:
            raise BenchError(f"gold cites unknown corpus {corpus!r} (known: {', '.join(CORPORA)})")
        path = data_dir / CORPORA[corpus]
        if not path.is_file():
            raise BenchError(f"{path}: corpus file not found")
        with path.open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if (corpus, rec["id"]) in docs:
                    docs[(corpus, rec["id"])].text = rec["text"]
    missing = [f"{c}/{d}" for (c, d), doc in docs.items() if not doc.text]
    if missing:
        raise BenchError(f"{len(missing)} gold document(s) not found in {data_dir}: {', '.join(missing[:5])}")


# --------------------------------------------------------------------------- scoring


def values_equal(gold: str | float, found: str | float | None) -> bool:
    """Time values compare as strings, quantity values as numbers within 1e-9 relative."""
    if found is None:
        return False
    if isinstance(gold, str) or isinstance(found, str):
        return str(gold) == str(found)
    return abs(gold - found) <= REL_TOLERANCE * max(abs(gold), abs(found))


def relaxed_pairs(gold: list[Expr], found: list[Expr]) -> list[tuple[Expr, Expr]]:
    """One-to-one pairs of overlapping spans, greedily by largest overlap, ties to the earliest gold."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(found):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                candidates.append((-overlap, gi, si))
    candidates.sort()
    used_gold, used_found, pairs = set(), set(), []
    for _, gi, si in candidates:
        if gi not in used_gold and si not in used_found:
            used_gold.add(gi)
            used_found.add(si)
            pairs.append((gold[gi], found[si]))
    return pairs


@dataclass
class Counts:
    """Micro-averaged counts of one tool on one layer."""

    gold: int = 0
    found: int = 0
    strict: int = 0
    relaxed: int = 0
    value_scored: int = 0
    value_correct: int = 0
    value_tp: int = 0

    def add(self, gold: list[Expr], found: list[Expr]) -> None:
        self.gold += len(gold)
        self.found += len(found)
        remaining = [(g.start, g.end) for g in gold]
        for s in found:
            if (s.start, s.end) in remaining:
                remaining.remove((s.start, s.end))
                self.strict += 1
        for g, s in relaxed_pairs(gold, found):
            self.relaxed += 1
            if g.value is None:
                self.value_tp += 1
                continue
            self.value_scored += 1
            if values_equal(g.value, s.value):
                self.value_correct += 1
                self.value_tp += 1

    def prf(self, tp: int) -> dict:
        p = tp / self.found if self.found else 0.0
        r = tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f, "tp": tp}

    def to_json(self) -> dict:
        return {
            "gold": self.gold,
            "found": self.found,
            "strict": self.prf(self.strict),
            "relaxed": self.prf(self.relaxed),
            "value": {
                "scored": self.value_scored,
                "correct": self.value_correct,
                "accuracy": self.value_correct / self.value_scored if self.value_scored else None,
            },
            "value_f1": self.prf(self.value_tp),
        }


# --------------------------------------------------------------------------- value formatting


def iso_time(moment: dt.datetime, grain: str, published: str) -> str:
    """Format a date-time at a granularity the way the gold writes it (year, month, week, day, minute).

    The tools resolve a time of day without a date to the publication date; the gold
    writes such a time `T15:30`, so a time on the publication date is written so too.
    """
    if grain == "year":
        return f"{moment.year:04d}"
    if grain == "quarter":
        return f"{moment.year:04d}-Q{(moment.month - 1) // 3 + 1}"
    if grain == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if grain == "week":
        year, week, _ = moment.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if grain == "day":
        return moment.strftime("%Y-%m-%d")
    if moment.date().isoformat() == published:
        return moment.strftime("T%H:%M")
    return moment.strftime("%Y-%m-%dT%H:%M")


def locate_in_order(text: str, surfaces: list[str]) -> list[tuple[int, int] | None]:
    """Offsets of the substrings a tool returned, searched in text order; None where one is not in the text."""
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for surface in surfaces:
        start = text.find(surface, cursor)
        if start < 0:
            start = text.find(surface)
        if start < 0 or not surface:
            spans.append(None)
            continue
        spans.append((start, start + len(surface)))
        cursor = start + len(surface)
    return spans


ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫٬", "0123456789.,")
DIGIT_NUMBER = re.compile(r"[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*")
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def digits_value(s: str) -> float | None:
    """Value of a digit number: `1,200` → 1200 (comma before groups of three), `5,5` → 5.5."""
    s = s.translate(ARABIC_DIGITS)
    s = s.replace(",", "") if THOUSANDS.fullmatch(s) else s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def digit_numbers(text: str) -> list[Expr]:
    """The regex baseline: every run of digits, with `,` `.` `٫` `٬` between digits."""
    return [Expr(m.start(), m.end(), digits_value(m.group())) for m in DIGIT_NUMBER.finditer(text)]


def leading_number(s: str) -> float | None:
    """The number at the start of a string such as `150 SAR`, or None."""
    m = re.match(r"-?\d+(?:\.\d+)?", s)
    return float(m.group()) if m else None


# --------------------------------------------------------------------------- tools


WARM_UP = Doc(
    "warm-up",
    "warm-up",
    "2015-07-21",
    text="قتل 25 شخصا يوم الاثنين 20 يوليو 2015 الساعة 10:30 وخسر ثلاثة ملايين دولار",
)


class Tool:
    """A system under comparison: `run` returns the expressions it finds, per layer.

    `lost` counts substrings the tool returned that could not be found in the text.
    """

    name: str
    layers: tuple[str, ...]
    note: str = ""
    lost: int = 0

    def warm_up(self) -> None:
        """One untimed call, so that loading data and compiling rules is not counted as analysis."""
        self.run(WARM_UP)
        self.lost = 0

    def run(self, doc: Doc) -> dict[str, list[Expr]]:
        raise NotImplementedError

    def timed(self, doc: Doc) -> tuple[dict[str, list[Expr]], float]:
        """Run on one document; the seconds cover the analysis call only."""
        t0 = time.perf_counter()
        out = self.run(doc)
        return out, time.perf_counter() - t0


class RegexBaseline(Tool):
    """The regex a user would write for numbers: digit_numbers."""

    name = "regex baseline"
    layers = ("quantity",)

    def run(self, doc: Doc) -> dict[str, list[Expr]]:
        return {"quantity": digit_numbers(doc.text)}


class PyArabic(Tool):
    """pyarabic.number for numbers in words, the regex baseline for digits.

    pyarabic's detect_number_phrases_position also returns digit tokens, which its
    text2number reads as 0, so its phrases that contain a digit are left to the regex.
    """

    name = "pyarabic+regex"
    layers = ("quantity",)
    WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")

    def __init__(self) -> None:
        from pyarabic import number

        self.number = number

    def run(self, doc: Doc) -> dict[str, list[Expr]]:
        words = list(self.WORD.finditer(doc.text))
        found = digit_numbers(doc.text)
        for first, last in self.number.detect_number_phrases_position([w.group() for w in words]):
            start, end = words[first].start(), words[last].end()
            if DIGIT_NUMBER.search(doc.text[start:end]):
                continue
            found.append(Expr(start, end, float(self.number.text2number(doc.text[start:end]))))
        return {"quantity": sorted(found, key=lambda e: e.start)}


class DateParser(Tool):
    """dateparser.search.search_dates, Arabic, relative to the publication date."""

    name = "dateparser"
    layers = ("time",)

    def __init__(self) -> None:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates

        self.search_dates, self.parser_class = search_dates, DateDataParser

    def run(self, doc: Doc) -> dict[str, list[Expr]]:
        settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(doc.published), "RETURN_AS_TIMEZONE_AWARE": False}
        matches = self.search_dates(doc.text, languages=["ar"], settings=settings) or []
        parser = self.parser_class(languages=["ar"], settings=settings)
        found = []
        for span, (surface, moment) in zip(locate_in_order(doc.text, [m[0] for m in matches]), matches):
            if span is None:
                self.lost += 1
                continue
            period = parser.get_date_data(surface).period or "day"
            grain = "minute" if period == "time" or (moment.hour, moment.minute) != (0, 0) else period
            found.append(Expr(*span, iso_time(moment, grain, doc.published)))
        return {"time": found}


class Puckling(Tool):
    """puckling (a Python port of Duckling), Arabic rules.

    Its time and duration entities go to the time layer, the other numeric dimensions
    to the quantity layer.
    """

    name = "puckling"
    layers = ("time", "quantity")
    note = "one parse call serves both layers; its seconds are shown in both tables"
    TIME_DIMS = ("time", "duration")
    QUANTITY_DIMS = ("numeral", "ordinal", "amount_of_money", "distance", "quantity", "temperature", "volume")

    def __init__(self) -> None:
        import puckling

        self.puckling = puckling

    def time_value(self, value, published: str) -> str | None:
        """ISO value of a TimeValue or DurationValue (Duckling intervals are day-inclusive here)."""
        p = self.puckling
        if isinstance(value, p.DurationValue):
            grain = value.grain.value
            if grain == "quarter":
                return f"P{3 * value.value}M"
            if grain in ("hour", "minute", "second"):
                return f"PT{value.value}{grain[0].upper()}"
            return f"P{value.value}{grain[0].upper()}"
        primary = value.primary
        if isinstance(primary, p.InstantValue):
            return iso_time(primary.value, primary.grain.value, published)
        if isinstance(primary, p.IntervalValue):
            start, end = primary.start, primary.end
            first = iso_time(start.value, start.grain.value, published)
            return f"{first}/{iso_time(end.value, end.grain.value, published)}"
        if isinstance(primary, p.OpenIntervalValue):
            bound = iso_time(primary.instant.value, primary.instant.grain.value, published)
            return f"{bound}/.." if primary.direction == p.IntervalDirection.AFTER else f"../{bound}"
        return None

    def run(self, doc: Doc) -> dict[str, list[Expr]]:
        p = self.puckling
        context = p.Context(reference_time=dt.datetime.fromisoformat(doc.published), locale=p.Locale(p.Lang.AR, None))
        entities = p.parse(
            doc.text, context, p.Options(parse_timeout_ms=None), dims=self.TIME_DIMS + self.QUANTITY_DIMS
        )
        out = {"time": [], "quantity": []}
        for e in entities:
            if e.dim in self.TIME_DIMS:
                out["time"].append(Expr(e.start, e.end, self.time_value(e.value, doc.published)))
            else:
                value = getattr(e.value, "value", None)
                out["quantity"].append(Expr(e.start, e.end, float(value) if isinstance(value, (int, float)) else None))
        return out


class ArabicItn(Tool):
    """arabic-itn, inverse text normalization of Arabic ASR transcripts.

    Its date and time spans go to the time layer, its number and money spans to the
    quantity layer.
    """

    name = "arabic-itn"
    layers = ("time", "quantity")
    note = "one normalize call serves both layers; its seconds are shown in both tables"

    def __init__(self) -> None:
        import arabic_itn

        self.normalize = arabic_itn.normalize

    def run(self, doc: Doc) -> dict[str, list[Expr]]:
        found = self.normalize(doc.text)["spans"]
        out = {"time": [], "quantity": []}
        for span, s in zip(locate_in_order(doc.text, [s["raw"] for s in found]), found):
            if span is None:
                self.lost += 1
                continue
            start, end = span
            if s["type"] == "date":
                out["time"].append(Expr(start, end, s["value"]))
            elif s["type"] == "time":
                out["time"].append(Expr(start, end, "T" + s["value"]))
            elif s["type"] in ("number", "money"):
                out["quantity"].append(Expr(start, end, leading_number(s["value"])))
        return out


class Marsad(Tool):
    """marsad analyze FILE --format json --published DATE, one process per document."""

    name = "marsad"
    layers = ("time", "quantity")
    note = "one process per document serves both layers; seconds include process start and JSON output"

    def __init__(self, binary: Path, workdir: Path) -> None:
        self.binary, self.workdir = binary, workdir

    def warm_up(self) -> None:
        """Nothing to warm: every document starts a new process."""

    def timed(self, doc: Doc) -> tuple[dict[str, list[Expr]], float]:
        """Write the text to a file (not timed), then time the whole marsad process."""
        path = self.workdir / "article.txt"
        path.write_text(doc.text, encoding="utf-8")
        cmd = [str(self.binary), "analyze", str(path), "--format", "json", "--published", doc.published]
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        except OSError as e:
            raise BenchError(f"{self.binary}: cannot run marsad ({e.strerror})")
        seconds = time.perf_counter() - t0
        if proc.returncode != 0:
            raise BenchError(f"marsad failed on {doc.corpus}/{doc.doc}: {proc.stderr.strip()}")
        try:
            analysis = json.loads(proc.stdout)
        except json.JSONDecodeError as e:
            raise BenchError(f"marsad gave no JSON on {doc.corpus}/{doc.doc} ({e})")

        def exprs(key: str) -> list[Expr]:
            return [Expr(i["span"]["start"], i["span"]["end"], i.get("value")) for i in analysis.get(key, [])]

        return {"time": exprs("times"), "quantity": exprs("quantities")}, seconds


def marsad_in_process(binary: Path, gold_dir: Path, data_dir: Path) -> dict[str, dict | str]:
    """Seconds of in-process analysis from `marsad eval time|quantities GOLD --data DIR --json`.

    Per layer: a dict, or a string saying why there is no figure (an older binary).
    """
    commands = subprocess.run([str(binary), "eval", "--help"], capture_output=True, text=True, check=False).stdout
    out: dict[str, dict | str] = {}
    for layer, sub in (("time", "time"), ("quantity", "quantities")):
        if not re.search(rf"^\s+{sub}\s", commands, re.MULTILINE):
            out[layer] = f"this marsad has no `eval {sub}`"
            continue
        proc = subprocess.run(
            [str(binary), "eval", sub, str(gold_dir / LAYERS[layer][0]), "--data", str(data_dir), "--json"],
            capture_output=True,
            text=True,
            check=False,
        )
        try:
            out[layer] = {"seconds": float(json.loads(proc.stdout)["seconds"]), "command": f"marsad eval {sub}"}
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            out[layer] = f"`marsad eval {sub}` gave no seconds: {proc.stderr.strip()[:200]}"
    return out


# --------------------------------------------------------------------------- report


PYTHON_TOOLS = {"dateparser": "DateParser", "puckling": "Puckling", "arabic-itn": "ArabicItn", "pyarabic": "PyArabic"}
TOOL_NAMES = ("marsad", *PYTHON_TOOLS, "regex")


def make_tools(binary: Path, workdir: Path, names: tuple[str, ...] = TOOL_NAMES) -> list[Tool]:
    """The tools compared (those named, marsad first); a missing Python package is an input error."""
    tools: list[Tool] = [Marsad(binary, workdir)] if "marsad" in names else []
    for name, cls_name in PYTHON_TOOLS.items():
        if name not in names:
            continue
        cls = globals()[cls_name]
        try:
            tools.append(cls())
        except ImportError as e:
            raise BenchError(f"{cls.name}: {e} (install the tools with `pip install -r bench/requirements.txt`)")
    if "regex" in names:
        tools.append(RegexBaseline())
    return tools


def tool_names(arg: str) -> tuple[str, ...]:
    """The --tools list: known names only, at least one."""
    names = tuple(n.strip() for n in arg.split(",") if n.strip())
    unknown = [n for n in names if n not in TOOL_NAMES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown tool {', '.join(unknown) or '(none given)'}: choose from {', '.join(TOOL_NAMES)}")
    return names


def benchmark(docs: list[Doc], tools: list[Tool]) -> dict:
    """Run every tool on every document and score it on each layer it covers."""
    text_kb = sum(len(d.text.encode("utf-8")) for d in docs) / 1024
    results = {
        layer: {
            "documents": sum(1 for d in docs if layer in d.gold),
            "text_kb": sum(len(d.text.encode("utf-8")) for d in docs if layer in d.gold) / 1024,
            "tools": [],
        }
        for layer in LAYERS
    }
    for tool in tools:
        counts = {layer: Counts() for layer in tool.layers}
        tool.warm_up()
        seconds = 0.0
        for doc in docs:
            found, spent = tool.timed(doc)
            seconds += spent
            for layer in tool.layers:
                if layer in doc.gold:
                    counts[layer].add(doc.gold[layer], sorted(found[layer], key=lambda e: (e.start, e.end)))
        for layer in tool.layers:
            entry = {
                "tool": tool.name,
                **counts[layer].to_json(),
                "seconds": seconds,
                "kb_per_s": text_kb / seconds if seconds else None,
                "docs_per_s": len(docs) / seconds if seconds else None,
            }
            if tool.note:
                entry["note"] = tool.note
            if tool.lost:
                entry["unlocated"] = tool.lost
            results[layer]["tools"].append(entry)
    return {"documents": len(docs), "text_kb": text_kb, "layers": results}


def fmt(x: float | None, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def print_report(report: dict, in_process: dict) -> None:
    """One table per layer, then notes."""
    print(f"{report['documents']} documents, {report['text_kb']:.1f} KB of text\n")
    header = ("tool", "strict P", "R", "F1", "relaxed P", "R", "F1", "value acc", "(n)", "value F1", "seconds", "KB/s")
    notes: dict[str, str] = {}
    for layer, res in report["layers"].items():
        gold = res["tools"][0]["gold"] if res["tools"] else 0
        print(f"== {layer}: {res['documents']} documents, {gold} gold expressions")
        rows = [header]
        for t in res["tools"]:
            mark = ""
            if "note" in t:
                notes.setdefault(t["tool"], t["note"])
                mark = "*"
            rows.append(
                (
                    t["tool"] + mark,
                    fmt(t["strict"]["precision"]),
                    fmt(t["strict"]["recall"]),
                    fmt(t["strict"]["f1"]),
                    fmt(t["relaxed"]["precision"]),
                    fmt(t["relaxed"]["recall"]),
                    fmt(t["relaxed"]["f1"]),
                    fmt(t["value"]["accuracy"]),
                    str(t["value"]["scored"]),
                    fmt(t["value_f1"]["f1"]),
                    fmt(t["seconds"], 2),
                    fmt(t["kb_per_s"], 1),
                )
            )
        widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
        for r in rows:
            print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
        for t in res["tools"]:
            if t.get("unlocated"):
                print(f"  {t['tool']}: {t['unlocated']} returned substring(s) not found in the text, dropped")
        marsad = in_process.get(layer)
        if isinstance(marsad, dict):
            s = marsad["seconds"]
            print(f"  marsad in-process (marsad eval): {s:.3f} s, {fmt(res['text_kb'] / s if s else None, 1)} KB/s")
        elif marsad:
            print(f"  marsad in-process: not measured ({marsad})")
        print()
    for name, note in notes.items():
        print(f"* {name}: {note}")
    marsad_rows = [t for t in report["layers"]["time"]["tools"] if t["tool"] == "marsad"]
    if marsad_rows and marsad_rows[0]["docs_per_s"]:
        print(f"marsad: {marsad_rows[0]['docs_per_s']:.1f} documents/s including one process start per document")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--data", type=Path, default=REPO.parent / "shared" / "data", help="data folder (default: ../shared/data)"
    )
    ap.add_argument(
        "--gold", type=Path, default=REPO / "gold" / "test",
        help="folder of time.jsonl and quantities.jsonl (default: gold/test/)",
    )
    ap.add_argument("--marsad", type=Path, default=REPO / "target" / "release" / "marsad", help="marsad binary")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument(
        "--tools", type=tool_names, default=TOOL_NAMES,
        help=f"comma-separated tools to run (default: all of {','.join(TOOL_NAMES)})",
    )
    args = ap.parse_args()
    try:
        if not args.marsad.is_file():
            raise BenchError(
                f"{args.marsad}: marsad binary not found (build it with `cargo build --release` or give --marsad PATH)"
            )
        docs = load_gold(args.gold)
        load_texts(args.data, docs)
        ordered = [docs[k] for k in sorted(docs)]
        with tempfile.TemporaryDirectory(prefix="marsad-bench-") as workdir:
            tools = make_tools(args.marsad.resolve(), Path(workdir), args.tools)
            report = benchmark(ordered, tools)
        in_process = marsad_in_process(args.marsad.resolve(), args.gold, args.data)
    except BenchError as e:
        print(f"compare_time_quantities: {e}", file=sys.stderr)
        return 1
    if args.json:
        report["marsad_in_process"] = in_process
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_report(report, in_process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
