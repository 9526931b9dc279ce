#!/usr/bin/env bash
# Whole-pipeline speed and memory of `marsad analyze` on real news articles of
# about 600 words (corpus built by tools/bench_corpus.py from SaudiNewsNet):
# articles/s and MB/s on 1 and 2 threads, peak resident memory, and the start-up
# time of analysing a one-line input. Run from the repository root:
#
#     bash bench/pipeline.sh [CORPUS.jsonl]
#
# MARSAD_BIN=PATH times that binary instead of building one (to set two builds side by
# side in one session); the build goes to $CARGO_TARGET_DIR when it is set.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-target/bench/corpus.jsonl}"
[ -f "$corpus" ] || python3 tools/bench_corpus.py ../shared/data/news/saudinewsnet/articles.jsonl "$corpus"
if [ -n "${MARSAD_BIN:-}" ]; then
  bin="$MARSAD_BIN"
else
  cargo build --release -q -p marsad-cli
  bin="${CARGO_TARGET_DIR:-target}/release/marsad"
fi
mkdir -p target/bench
articles=$(grep -c . "$corpus")
mb=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1]))/1e6)" "$corpus")
echo "corpus: $corpus, $articles articles, $mb MB of text; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for jobs in 1 2; do
  /usr/bin/time -f "%e %M" -o target/bench/time.txt "$bin" analyze --jsonl "$corpus" --format json --jobs "$jobs" -o /dev/null 2>/dev/null
  read -r secs rss < target/bench/time.txt
  python3 - "$jobs" "$secs" "$rss" "$articles" "$mb" <<'PY'
import sys
jobs, secs, rss, n, mb = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
print(f"{jobs} thread{'s' if jobs > 1 else ''}: {secs:.1f} s, {n / secs:.0f} articles/s ({n / secs / jobs:.0f} per core), "
      f"{mb / secs:.2f} MB/s, peak RSS {rss / 1024:.0f} MB")
PY
done
echo "قال الوزير إن المحادثات ستستأنف غدا." > target/bench/one_line.txt
python3 - "$bin" <<'PY'
import statistics, subprocess, sys, time
runs = []
for _ in range(20):
    t = time.perf_counter()
    subprocess.run([sys.argv[1], "analyze", "target/bench/one_line.txt", "--format", "json"], check=True, stdout=subprocess.DEVNULL)
    runs.append(time.perf_counter() - t)
print(f"start-up (a one-line article, whole process, median of 20): {statistics.median(runs) * 1000:.0f} ms")
PY
