#!/usr/bin/env python3
"""marsad against a Python pipeline built from PyPI tools, on the same articles.

In one run, on the same corpus of real Arabic news articles (JSON Lines, key
`text`), this script times:

(a) marsad's whole pipeline: `marsad analyze --jsonl CORPUS --format json
    --jobs 1 -o OUT`, one process on one thread, timed as a whole (wall clock),
    so its rate includes process start-up, reading the input and writing the
    JSON. Peak RSS and CPU time come from `os.wait4` on that process. Its
    layers are counted from its JSON output: the length of every top-level
    array (tokens, sentences, entities, times, quantities, quotations, claims,
    events, ...), and for a top-level object (techniques, tone) the length of
    each array inside it (e.g. `techniques.spans`).

(b) the Python pipeline an Arabic NLP user would otherwise combine from PyPI,
    run in a child process of this script (`--python-worker`), in process, on
    one core, per article:
      - pyarabic: `araby.tokenize` (tokens) and `araby.sentence_tokenize`
        (sentences);
      - qalsadi: full morphological analysis, `Analex.check_text` (all the
        analyses of every word), then the lemmatiser on those analyses
        (`Lemmatizer.analyze` + `get_lemmas`, i.e. what
        `Lemmatizer.lemmatize_text` does, without analysing twice);
      - mishtar 0.1 chunkers on the pyarabic tokens, `detect_positions`:
        `mynamed.myNamed` (named-entity chunks), `mytemped.myTemped`
        (temporal chunks), `mynumber.myNumber` (number chunks). myNumber
        raises NameError (`nextword`, a bug of mishtar 0.1) on some texts
        (14 of the first 40 articles): such a call counts no chunk, and the
        failures are printed with their count. mishtar's place chunker
        (`myplace.myPlace`) is left out: it raises TypeError
        (`is_middle_tuple_tag() takes 3 positional arguments but 4 were
        given`, a bug in the package) whenever a place chunk starts, and
        found no place on the other articles (14 failures, 0 places on the
        first 40 articles);
      - dateparser: `search.search_dates(text, languages=['ar'])`, with the
        article's `published` date as RELATIVE_BASE when it has one.
    Imports, building the tools and one warm-up call of the whole pipeline on
    a short sentence are timed separately and reported as start-up; the
    per-article rate counts only the per-article calls (the articles are read
    before the clock starts). Peak RSS and CPU time come from `os.wait4` on the
    child process, so this script's own memory is not mixed in.

The Python side runs at a few articles/s at most, so it runs on the first N
articles (`--python-articles`, default 40). marsad runs on the same N articles
and on the whole corpus; the ratio (marsad articles/s per core / Python
articles/s per core) is printed for both. On few articles marsad's process
start-up weighs in, so the whole-corpus figure is the headline one.

MB/s is the UTF-8 size of the articles' `text` fields divided by the time. Each
side's layers are printed with their counts over the articles it analysed: the
two sides do not produce the same layers, and the counts are not a measure of
quality.

Run:

    python3 -m venv /tmp/sbsvenv && /tmp/sbsvenv/bin/pip install -r bench/requirements-side-by-side.txt
    cargo build --release
    /tmp/sbsvenv/bin/python bench/side_by_side.py

Options: --corpus PATH (default target/bench/corpus.jsonl, made by
bench/pipeline.sh), --marsad PATH (default target/release/marsad),
--python-articles N (default 40), --json (print the results as one JSON
object). A missing corpus, binary or Python package stops the script with
exit status 1.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time

PACKAGES = ("pyarabic", "qalsadi", "mishtar", "dateparser")
# Distribution names, for the versions printed (import name -> PyPI name).
DISTRIBUTIONS = {
    "pyarabic": "PyArabic",
    "qalsadi": "qalsadi",
    "mishtar": "mishtar",
    "dateparser": "dateparser",
}
WARM_UP_TEXT = "قال وزير الخارجية يوم الاثنين 5 يوليو 2015 إن الوفد سيصل غدا."


def fail(message: str) -> None:
    print(f"side_by_side: {message}", file=sys.stderr)
    sys.exit(1)


def read_articles(path: str, limit: int | None = None) -> list[dict]:
    articles = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            articles.append(json.loads(line))
            if limit is not None and len(articles) >= limit:
                break
    return articles


def text_bytes(articles: list[dict]) -> int:
    return sum(len(article.get("text", "").encode("utf-8")) for article in articles)


# --------------------------------------------------------------------------
# Python side (runs in the child process started with --python-worker)
# --------------------------------------------------------------------------


def python_worker(corpus: str, count: int) -> None:
    """Run the Python pipeline on the first `count` articles; print JSON."""
    started = time.perf_counter()
    import datetime

    import dateparser.search
    import mishtar.mynamed
    import mishtar.mynumber
    import mishtar.mytemped
    import pyarabic.araby as araby
    import qalsadi.lemmatizer

    imported = time.perf_counter()

    lemmatizer = qalsadi.lemmatizer.Lemmatizer()
    analex = lemmatizer.analexer
    named = mishtar.mynamed.myNamed()
    temporal = mishtar.mytemped.myTemped()
    numbers = mishtar.mynumber.myNumber()
    built = time.perf_counter()

    layer_names = (
        "tokens",
        "sentences",
        "words analysed (qalsadi)",
        "morphological analyses",
        "lemmas (one per word)",
        "named-entity chunks",
        "temporal chunks",
        "number chunks",
        "dates found",
    )
    stage_names = ("pyarabic", "qalsadi", "mishtar", "dateparser")

    def chunk(chunker, tokens: list, errors: dict) -> list:
        # mishtar 0.1 has bugs that raise on some texts (myNumber: NameError
        # `nextword`): such a call counts as no chunk, and the failures are
        # reported.
        try:
            return chunker.detect_positions(tokens)
        except Exception as error:
            key = f"mishtar {type(chunker).__name__}: {type(error).__name__}: {error}"
            errors[key] = errors.get(key, 0) + 1
            return []

    def analyse(text: str, published: str | None, counts: dict, stages: dict, errors: dict) -> None:
        t0 = time.perf_counter()
        tokens = araby.tokenize(text)
        sentences = araby.sentence_tokenize(text)
        t1 = time.perf_counter()
        analyses = analex.check_text(text)
        stemnodes = lemmatizer.analyze(analyses)
        lemmas = lemmatizer.get_lemmas(stemnodes)
        t2 = time.perf_counter()
        named_chunks = chunk(named, tokens, errors)
        temporal_chunks = chunk(temporal, tokens, errors)
        number_chunks = chunk(numbers, tokens, errors)
        t3 = time.perf_counter()
        settings = {}
        if published:
            try:
                settings["RELATIVE_BASE"] = datetime.datetime.fromisoformat(published[:10])
            except ValueError:
                pass
        dates = dateparser.search.search_dates(text, languages=["ar"], settings=settings or None)
        t4 = time.perf_counter()

        for name, value in (
            ("tokens", len(tokens)),
            ("sentences", len(sentences)),
            ("words analysed (qalsadi)", len(analyses)),
            ("morphological analyses", sum(len(word) for word in analyses)),
            ("lemmas (one per word)", sum(1 for lemma in lemmas if lemma)),
            ("named-entity chunks", len(named_chunks)),
            ("temporal chunks", len(temporal_chunks)),
            ("number chunks", len(number_chunks)),
            ("dates found", len(dates or [])),
        ):
            counts[name] += value
        for name, seconds in zip(stage_names, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            stages[name] += seconds

    # Warm-up: the whole pipeline once on a short sentence (loads the
    # dictionaries, language data, compiles the patterns). Counted as start-up.
    analyse(
        WARM_UP_TEXT,
        "2015-07-21",
        dict.fromkeys(layer_names, 0),
        dict.fromkeys(stage_names, 0.0),
        {},
    )
    warmed = time.perf_counter()

    articles = read_articles(corpus, count)
    counts = dict.fromkeys(layer_names, 0)
    stages = dict.fromkeys(stage_names, 0.0)
    errors: dict[str, int] = {}
    clock = time.perf_counter()
    for article in articles:
        analyse(article.get("text", ""), article.get("published"), counts, stages, errors)
    seconds = time.perf_counter() - clock

    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(DISTRIBUTIONS[name])
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "?"
    json.dump(
        {
            "articles": len(articles),
            "text_bytes": text_bytes(articles),
            "seconds": seconds,
            "startup": {
                "imports": imported - started,
                "build": built - imported,
                "warm_up": warmed - built,
            },
            "stages": stages,
            "layers": counts,
            "errors": errors,
            "versions": versions,
            "python": sys.version.split()[0],
        },
        sys.stdout,
        ensure_ascii=False,
    )


# --------------------------------------------------------------------------
# Parent: run both sides, measure processes
# --------------------------------------------------------------------------


def run_measured(command: list[str], stdout, stderr) -> dict:
    """Run a command; wall seconds, CPU seconds and peak RSS of that process."""
    clock = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - clock
    process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "returncode": process.returncode,
        "seconds": wall,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        # Linux reports ru_maxrss in KiB.
        "peak_rss_mb": usage.ru_maxrss / 1024,
    }


def count_marsad_layers(path: str) -> tuple[int, dict]:
    """Documents in marsad's JSON Lines output and the lengths of its layers."""
    layers: dict[str, int] = {}
    documents = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            document = json.loads(line)
            documents += 1
            for key, value in document.items():
                if isinstance(value, list):
                    layers[key] = layers.get(key, 0) + len(value)
                elif isinstance(value, dict) and key != "meta":
                    for inner, inner_value in value.items():
                        if isinstance(inner_value, list):
                            name = f"{key}.{inner}"
                            layers[name] = layers.get(name, 0) + len(inner_value)
    return documents, layers


def run_marsad(binary: str, corpus: str, articles: int, size: int, workdir: str, label: str) -> dict:
    output = os.path.join(workdir, f"marsad-{label}.jsonl")
    log = os.path.join(workdir, f"marsad-{label}.log")
    command = [binary, "analyze", "--jsonl", corpus, "--format", "json", "--jobs", "1", "-o", output]
    with open(log, "w", encoding="utf-8") as errors:
        result = run_measured(command, subprocess.DEVNULL, errors)
    with open(log, encoding="utf-8") as handle:
        message = handle.read().strip()
    if result["returncode"] != 0:
        fail(f"marsad exited with status {result['returncode']} on {corpus}: {message}")
    documents, layers = count_marsad_layers(output)
    os.remove(output)
    result.update(
        {
            "articles": articles,
            "documents_out": documents,
            "text_bytes": size,
            "articles_per_s": articles / result["seconds"],
            "mb_per_s": size / 1e6 / result["seconds"],
            "layers": layers,
            "stderr": message,
        }
    )
    return result


def run_python(corpus: str, count: int) -> dict:
    command = [
        sys.executable,
        os.path.abspath(__file__),
        "--python-worker",
        "--corpus",
        corpus,
        "--python-articles",
        str(count),
    ]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as out, tempfile.TemporaryFile(
        mode="w+", encoding="utf-8"
    ) as err:
        result = run_measured(command, out, err)
        out.seek(0)
        err.seek(0)
        output, errors = out.read(), err.read()
    if result["returncode"] != 0:
        fail(f"the Python pipeline failed (status {result['returncode']}):\n{errors.strip()}")
    worker = json.loads(output)
    startup = sum(worker["startup"].values())
    worker.update(
        {
            "process_seconds": result["seconds"],
            "cpu_seconds": result["cpu_seconds"],
            "peak_rss_mb": result["peak_rss_mb"],
            "startup_seconds": startup,
            "articles_per_s": worker["articles"] / worker["seconds"],
            "mb_per_s": worker["text_bytes"] / 1e6 / worker["seconds"],
            "articles_per_s_with_startup": worker["articles"] / (worker["seconds"] + startup),
            "warnings": errors.strip(),
        }
    )
    return worker


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

MARSAD_ORDER = (
    "tokens",
    "sentences",
    "paragraphs",
    "clitics",
    "mentions",
    "entities",
    "times",
    "quantities",
    "quotations",
    "claims",
    "events",
    "techniques.spans",
    "techniques.paragraphs",
    "tone.actors",
    "tone.words",
    "repairs",
    "warnings",
)


def ordered_layers(layers: dict) -> list[tuple[str, int]]:
    known = [(name, layers[name]) for name in MARSAD_ORDER if name in layers]
    rest = sorted((name, value) for name, value in layers.items() if name not in MARSAD_ORDER)
    return known + rest


def print_report(results: dict) -> None:
    python = results["python"]
    same = results["marsad_same"]
    whole = results["marsad_corpus"]
    rows = [
        ("", f"Python ({python['articles']} art.)", f"marsad ({same['articles']} art.)", f"marsad ({whole['articles']} art.)"),
        (
            "articles/s per core",
            f"{python['articles_per_s']:.3f}",
            f"{same['articles_per_s']:.1f}",
            f"{whole['articles_per_s']:.1f}",
        ),
        ("MB/s", f"{python['mb_per_s']:.4f}", f"{same['mb_per_s']:.3f}", f"{whole['mb_per_s']:.3f}"),
        (
            "timed seconds",
            f"{python['seconds']:.1f}",
            f"{same['seconds']:.2f}",
            f"{whole['seconds']:.1f}",
        ),
        ("start-up seconds", f"{python['startup_seconds']:.2f} (apart)", "included", "included"),
        (
            "process CPU seconds",
            f"{python['cpu_seconds']:.1f}",
            f"{same['cpu_seconds']:.2f}",
            f"{whole['cpu_seconds']:.1f}",
        ),
        (
            "peak RSS (MB)",
            f"{python['peak_rss_mb']:.0f}",
            f"{same['peak_rss_mb']:.0f}",
            f"{whole['peak_rss_mb']:.0f}",
        ),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    print(f"corpus: {results['corpus']} ({results['corpus_articles']} articles, "
          f"{results['corpus_text_bytes'] / 1e6:.1f} MB of text)")
    print(f"marsad: {results['marsad']} (analyze --format json --jobs 1, whole process timed)")
    versions = ", ".join(f"{name} {version}" for name, version in python["versions"].items())
    print(f"Python {python['python']}: {versions} (one process, per-article calls timed)")
    print()
    for row in rows:
        print("  ".join([row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:])]))
    print()
    startup = python["startup"]
    print(
        f"Python start-up (not in its rate): imports {startup['imports']:.2f} s, "
        f"building the tools {startup['build']:.2f} s, warm-up call {startup['warm_up']:.2f} s; "
        f"with it: {python['articles_per_s_with_startup']:.3f} articles/s"
    )
    stages = ", ".join(
        f"{name} {seconds:.1f} s ({100 * seconds / python['seconds']:.0f} %)"
        for name, seconds in python["stages"].items()
    )
    print(f"Python time by tool: {stages}")
    print("marsad's rate includes its process start-up, input reading and JSON output.")
    for run in (same, whole):
        if run["documents_out"] != run["articles"]:
            print(f"marsad wrote {run['documents_out']} documents for {run['articles']} articles: {run['stderr']}")
    for name, count in python["errors"].items():
        print(f"Python failures: {name}: on {count} of {python['articles']} articles (counted as no chunk)")
    print()

    print(f"Python layers, over {python['articles']} articles:")
    width = max(len(name) for name in python["layers"])
    for name, count in python["layers"].items():
        print(f"  {name.ljust(width)}  {count:>10,}")
    print()
    print(f"marsad layers (array lengths in its JSON), over {same['articles']} and {whole['articles']} articles:")
    layers_whole = dict(ordered_layers(whole["layers"]))
    width = max(len(name) for name in layers_whole)
    for name, count in layers_whole.items():
        print(f"  {name.ljust(width)}  {same['layers'].get(name, 0):>10,}  {count:>12,}")
    print()
    ratio = results["ratio"]
    print(
        f"same {same['articles']} articles: marsad {same['articles_per_s']:.1f} / Python "
        f"{python['articles_per_s']:.3f} articles/s per core = {ratio['same_articles']:.0f}×"
    )
    print(f"ratio: marsad is {ratio['corpus']:.0f}× faster per core "
          f"(marsad on the whole corpus, {whole['articles_per_s']:.1f} articles/s, "
          f"against Python on {python['articles']} articles, {python['articles_per_s']:.3f} articles/s)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Time marsad and a PyPI Python pipeline (pyarabic, qalsadi, mishtar, "
        "dateparser) on the same Arabic news articles."
    )
    parser.add_argument("--corpus", default="target/bench/corpus.jsonl", help="JSON Lines corpus (key `text`)")
    parser.add_argument("--marsad", default="target/release/marsad", help="marsad binary")
    parser.add_argument(
        "--python-articles", type=int, default=40, help="articles for the Python side (the first N; default 40)"
    )
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    parser.add_argument("--python-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.python_worker:
        python_worker(args.corpus, args.python_articles)
        return

    if args.python_articles < 1:
        fail("--python-articles must be at least 1")
    if not os.path.isfile(args.corpus):
        fail(f"corpus not found: {args.corpus} (build it with `bash bench/pipeline.sh` or pass --corpus)")
    if not (os.path.isfile(args.marsad) and os.access(args.marsad, os.X_OK)):
        fail(f"marsad binary not found or not executable: {args.marsad} (run `cargo build --release` or pass --marsad)")
    missing = [name for name in PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        fail(
            f"Python package(s) not installed for {sys.executable}: {', '.join(missing)} "
            "(pip install -r bench/requirements-side-by-side.txt, then run with that environment's python)"
        )

    corpus = os.path.abspath(args.corpus)
    articles = read_articles(corpus)
    if not articles:
        fail(f"corpus has no article: {args.corpus}")
    count = min(args.python_articles, len(articles))
    first = articles[:count]

    with tempfile.TemporaryDirectory(prefix="side-by-side-") as workdir:
        subset = os.path.join(workdir, f"first-{count}.jsonl")
        with open(subset, "w", encoding="utf-8") as handle:
            for article in first:
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")

        python = run_python(corpus, count)
        marsad_same = run_marsad(args.marsad, subset, count, text_bytes(first), workdir, "same")
        marsad_corpus = run_marsad(
            args.marsad, corpus, len(articles), text_bytes(articles), workdir, "corpus"
        )

    results = {
        "corpus": args.corpus,
        "corpus_articles": len(articles),
        "corpus_text_bytes": text_bytes(articles),
        "marsad": args.marsad,
        "python": python,
        "marsad_same": marsad_same,
        "marsad_corpus": marsad_corpus,
        "ratio": {
            "corpus": marsad_corpus["articles_per_s"] / python["articles_per_s"],
            "same_articles": marsad_same["articles_per_s"] / python["articles_per_s"],
        },
    }
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_report(results)


if __name__ == "__main__":
    main()
