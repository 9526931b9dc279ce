#!/bin/sh
# Ingest speed, index size and search latency on a store of the news corpus.
#
#   bench/search.sh [ARTICLES] [WORK_DIR]
#
# Ingests the first ARTICLES (default 5000) records of
# ../shared/data/news/saudinewsnet/articles.jsonl with the release binary into a
# fresh store in WORK_DIR (default /tmp/marsad-search-bench), indexing as it goes,
# prints ingest's own summary (articles/s), then the sizes of the store and the
# index, the time of `marsad index` (a rebuild from the store), and the in-process
# latency of the 200 queries of bench/search_queries.jsonl
# (made by tools/search_queries.py from the titles of the same articles).
set -eu
cd "$(dirname "$0")/.."
N=${1:-5000}
WORK=${2:-/tmp/marsad-search-bench}
DATA=../shared/data/news/saudinewsnet/articles.jsonl
TARGET=${CARGO_TARGET_DIR:-target}
cargo build --release -p marsad-cli >&2
cargo build --release -p marsad-store --example search_bench >&2
rm -rf "$WORK" && mkdir -p "$WORK"
head -n "$N" "$DATA" > "$WORK/articles.jsonl"
echo "== ingest of $N articles (2 threads)"
"$TARGET/release/marsad" ingest --jobs 2 --store "$WORK/news.sqlite" "$WORK/articles.jsonl" 2>&1 | tail -n 1
sqlite3 "$WORK/news.sqlite" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null 2>&1 || true
echo "store: $(du -sh "$WORK/news.sqlite" | cut -f1)  index: $(du -sh "$WORK/news.sqlite.index" | cut -f1)"
echo "== rebuild of the index from the store"
"$TARGET/release/marsad" index --store "$WORK/news.sqlite" 2>&1 | tail -n 1
echo "index after the rebuild: $(du -sh "$WORK/news.sqlite.index" | cut -f1)"
echo "== search latency"
"$TARGET/release/examples/search_bench" "$WORK/news.sqlite" --queries bench/search_queries.jsonl --rounds 3
