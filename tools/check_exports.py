#!/usr/bin/env python3
"""Read a `marsad export --format parquet` folder as researchers do, and check it against its store.

    python3 tools/check_exports.py --store marsad.sqlite --parquet export/ [--from DATE] [--to DATE] [--json]

Each table (articles, events, entities, claims) is read three times — with DuckDB
(`read_parquet` with Hive partitioning), pyarrow (`pyarrow.dataset`, Hive partitioning)
and pandas (`read_parquet`) — and the three must give the same number of rows, which
must be the store's (read with sqlite3) for the same range of publication dates:

- articles: the articles published in the range (all of them without a range);
- entities, claims: the rows of those articles' current revisions;
- events: the same, without the events of an article stored as a copy of another
  article of the export (docs/store.md).

Then the column types: publication and event dates are Date32 (DuckDB DATE), confidences
and tone figures Float32 (FLOAT), offsets and counts Int32 (INTEGER), ids Int64, flags
Boolean; and every row sits in the partition of its month, with spans in order and
confidences in [0, 1].

Prints the counts; exits 1 when a check fails, 2 when the folder or the store cannot be read.
"""
import argparse
import json
import sqlite3
import sys
from pathlib import Path

TABLES = ["articles", "events", "entities", "claims"]

# Arrow types of the columns every check relies on (the rest are strings).
ARROW_TYPES = {
    "articles": {"article_id": "int64", "published": "date32[day]", "revision_id": "int64", "copy_of": "int64",
                 "chars": "int32", "events": "int32", "tone": "float", "positive": "float", "tone_words": "int32",
                 "propagandistic": "bool", "outlet": "string"},
    "events": {"article_id": "int64", "published": "date32[day]", "quad_class": "int32", "goldstein": "float",
               "trigger_start": "int32", "trigger_end": "int32", "actor_start": "int32", "sentence": "int32",
               "event_date": "date32[day]", "confidence": "float", "cameo": "string"},
    "entities": {"article_id": "int64", "published": "date32[day]", "lat": "double", "lon": "double",
                 "mentions": "int32", "first_start": "int32", "first_end": "int32", "confidence": "float"},
    "claims": {"article_id": "int64", "published": "date32[day]", "start": "int32", "end": "int32",
               "hedged": "bool", "vague": "bool", "checkworthiness": "float", "rank": "int32", "confidence": "float"},
}
DUCKDB_TYPES = {"int64": "BIGINT", "int32": "INTEGER", "float": "FLOAT", "double": "DOUBLE",
                "date32[day]": "DATE", "bool": "BOOLEAN", "string": "VARCHAR"}
SPANS = {"events": [("trigger_start", "trigger_end"), ("actor_start", "actor_end"),
                    ("recipient_start", "recipient_end")],
         "entities": [("first_start", "first_end")], "claims": [("start", "end")], "articles": []}
CONFIDENCES = {"events": ["confidence"], "entities": ["confidence"],
               "claims": ["confidence", "checkworthiness"], "articles": []}


def store_counts(store, date_from, date_to):
    """Rows of each table for the articles of the range, as the store holds them."""
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    if date_from is None and date_to is None:
        where, args = "1 = 1", []
    else:
        where = "a.published IS NOT NULL AND a.published >= ? AND a.published <= ?"
        args = [date_from or "0000-00-00", date_to or "9999-99-99"]
    db.execute(f"CREATE TEMP TABLE chosen AS SELECT a.id, a.current_revision FROM articles a WHERE {where}", args)
    counts = {"articles": db.execute("SELECT count(*) FROM chosen").fetchone()[0]}
    for table in ["entities", "claims"]:
        counts[table] = db.execute(
            f"SELECT count(*) FROM {table} t JOIN chosen c ON c.current_revision = t.revision_id").fetchone()[0]
    counts["events"] = db.execute(
        """SELECT count(*) FROM events t JOIN chosen c ON c.current_revision = t.revision_id
           WHERE NOT EXISTS (SELECT 1 FROM duplicates d JOIN chosen o ON o.id = d.of_article_id
                             WHERE d.article_id = c.id AND d.kind IN ('copy', 'near'))""").fetchone()[0]
    counts["copies_left_out"] = db.execute(
        """SELECT count(*) FROM chosen c WHERE EXISTS (SELECT 1 FROM duplicates d JOIN chosen o
           ON o.id = d.of_article_id WHERE d.article_id = c.id AND d.kind IN ('copy', 'near'))""").fetchone()[0]
    return counts


def check_table(folder, table, expected, problems):
    import duckdb
    import pandas as pd
    import pyarrow.dataset as ds

    path = folder / table
    files = sorted(path.glob("month=*/part-*.parquet"))
    if not files:
        problems.append(f"{table}: no month=*/part-*.parquet files in {path}")
        return 0
    con = duckdb.connect()
    glob = str(path / "*" / "*.parquet")
    ddb = con.execute("SELECT count(*) FROM read_parquet(?, hive_partitioning = true)", [glob]).fetchone()[0]
    dataset = ds.dataset(str(path), format="parquet", partitioning="hive")
    arrow = dataset.to_table()
    frame = pd.read_parquet(path)
    for name, n in [("DuckDB", ddb), ("pyarrow", arrow.num_rows), ("pandas", len(frame))]:
        if n != expected:
            problems.append(f"{table}: {name} reads {n} rows, the store has {expected}")
    # types, as pyarrow and DuckDB see them
    schema = dataset.schema
    described = {row[0]: row[1] for row in con.execute(
        "DESCRIBE SELECT * FROM read_parquet(?, hive_partitioning = true)", [glob]).fetchall()}
    for column, want in ARROW_TYPES[table].items():
        if column not in schema.names:
            problems.append(f"{table}: no column {column}")
            continue
        got = str(schema.field(column).type)
        if got != want:
            problems.append(f"{table}.{column}: Arrow type {got}, expected {want}")
        if described.get(column) != DUCKDB_TYPES[want]:
            problems.append(f"{table}.{column}: DuckDB type {described.get(column)}, expected {DUCKDB_TYPES[want]}")
    if "month" not in described:
        problems.append(f"{table}: DuckDB sees no month partition column")
    # pandas: Float32 stays float32, a non-null Int32 stays int32
    for column in CONFIDENCES[table]:
        if str(frame[column].dtype) != "float32":
            problems.append(f"{table}.{column}: pandas dtype {frame[column].dtype}, expected float32")
    if table != "articles" and str(frame["article_id"].dtype) != "int64":
        problems.append(f"{table}.article_id: pandas dtype {frame['article_id'].dtype}, expected int64")
    # every row in its month, spans in order, confidences in [0, 1]
    q = lambda sql: con.execute(sql.replace("@T", f"read_parquet('{glob}', hive_partitioning = true)")).fetchone()[0]
    misplaced = q("SELECT count(*) FROM @T WHERE published IS NOT NULL AND strftime(published, '%Y-%m') <> month")
    undated = q("SELECT count(*) FROM @T WHERE (published IS NULL) <> (month = 'undated')")
    if misplaced or undated:
        problems.append(f"{table}: {misplaced + undated} rows outside the partition of their month")
    for start, end in SPANS[table]:
        bad = q(f'SELECT count(*) FROM @T WHERE "{start}" IS NOT NULL AND ("{start}" < 0 OR "{end}" < "{start}")')
        if bad:
            problems.append(f"{table}: {bad} rows with {start} > {end} or negative")
    for column in CONFIDENCES[table]:
        bad = q(f'SELECT count(*) FROM @T WHERE "{column}" < 0 OR "{column}" > 1 OR "{column}" IS NULL')
        if bad:
            problems.append(f"{table}: {bad} rows with {column} outside [0, 1]")
    return ddb


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--store", required=True, type=Path)
    p.add_argument("--parquet", required=True, type=Path, help="the folder `marsad export --format parquet` wrote")
    p.add_argument("--from", dest="date_from")
    p.add_argument("--to", dest="date_to")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    a = p.parse_args()
    for path in [a.store, a.parquet]:
        if not path.exists():
            print(f"check_exports: {path}: no such file or folder", file=sys.stderr)
            return 2
    try:
        expected = store_counts(a.store, a.date_from, a.date_to)
    except sqlite3.Error as e:
        print(f"check_exports: {a.store}: cannot read the store: {e}", file=sys.stderr)
        return 2
    problems = []
    read = {}
    for table in TABLES:
        try:
            read[table] = check_table(a.parquet, table, expected[table], problems)
        except Exception as e:  # a file the readers refuse is a failed check, with their words
            problems.append(f"{table}: cannot be read: {type(e).__name__}: {e}")
    totals = {"store": expected, "parquet": read, "files": len(list(a.parquet.glob("*/month=*/*.parquet")))}
    print(json.dumps(totals) if a.json else "\n".join(f"{t}: {read.get(t)} rows (store: {expected[t]})" for t in TABLES))
    for problem in problems:
        print(f"check_exports: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
