#!/bin/sh
# Load test of `marsad serve`: 100 clients, each sending its next request when the
# last is answered, for DURATION seconds (default 60), against GET /api/search
# (the 200 queries of bench/search_queries.jsonl) and GET /api/articles/{id} (every
# article of the store), with wrk (Debian: apt-get install wrk) on the same machine.
#
#   bench/serve_load.sh STORE [DURATION] [PORT]
#
# The store is copied to /tmp first (with its index, built there when absent), so
# that a store being written is not touched. Three runs: search and article
# requests in turn, then each alone; each prints its throughput, p50/p95/p99
# latency and errors (any non-200 answer counts as one). Needs a release build
# (cargo build --release -p marsad-cli), or another binary named by MARSAD=PATH.
set -eu
cd "$(dirname "$0")/.."
STORE=${1:?"give the store: bench/serve_load.sh STORE [DURATION] [PORT]"}
DURATION=${2:-60}
PORT=${3:-8088}
TARGET=${CARGO_TARGET_DIR:-target}
MARSAD=${MARSAD:-$TARGET/release/marsad}
WORK=/tmp/marsad-serve-load
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -x "$MARSAD" ] || { echo "$MARSAD is missing: cargo build --release -p marsad-cli" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"
# a consistent copy of a store in WAL mode, even while it is written
sqlite3 "$STORE" ".backup '$WORK/news.sqlite'"
if [ -d "$STORE.index" ]; then cp -r "$STORE.index" "$WORK/news.sqlite.index"; fi
sqlite3 "$WORK/news.sqlite" "SELECT id FROM articles WHERE current_revision IS NOT NULL ORDER BY id" > "$WORK/ids.txt"
echo "store: $(wc -l < "$WORK/ids.txt") articles"
"$MARSAD" serve --store "$WORK/news.sqlite" --bind "127.0.0.1:$PORT" 2> "$WORK/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT INT TERM
# the server levels the index with the store before it listens
i=0
until curl -s -o /dev/null "http://127.0.0.1:$PORT/api/openapi.json"; do
  i=$((i + 1)); [ $i -lt 1200 ] || { cat "$WORK/serve.log" >&2; exit 1; }; sleep 0.5
done
cat "$WORK/serve.log"
for MODE in mixed search article; do
  MODE=$MODE IDS="$WORK/ids.txt" QUERIES=bench/search_queries.jsonl \
    wrk -t 2 -c 100 -d "${DURATION}s" --timeout 30s -s bench/serve_load.lua "http://127.0.0.1:$PORT" | tail -n 1
done
echo "server: $(grep -c 'error' "$WORK/serve.log" || true) errors in its log; RSS $(ps -o rss= -p $SERVER) kB"
