#!/usr/bin/env bash
# Peak memory and output size of `marsad analyze` on one long article, per input
# megabyte, for each output: the text report, JSON (pretty, as one article is
# written), the compact JSON profile, JSON of two layers, and the HTML page.
# The article is SaudiNewsNet articles one after another (a blank line between)
# up to the size asked. "beyond resources" is the peak minus the peak of the same
# command on a one-line article (the resources loaded, nothing else). Run from the
# repository root:
#
#     bash bench/memory.sh [MB...]          # default: 4 16
#     MARSAD=/path/to/marsad bash bench/memory.sh 4   # another build, e.g. an older commit's
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"
bin="${MARSAD:-}"
if [ -z "$bin" ]; then
  cargo build --release -q -p marsad-cli
  bin="${CARGO_TARGET_DIR:-target}/release/marsad"
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(4 16)
corpus=../shared/data/news/saudinewsnet/articles.jsonl

echo "قال الوزير إن المحادثات ستستأنف غدا." > "$out/one_line.txt"
/usr/bin/time -f "%M" -o "$out/time.txt" "$bin" analyze "$out/one_line.txt" --format json -o /dev/null 2>/dev/null
base=$(cat "$out/time.txt")
echo "binary: $bin; resources (one-line article, peak RSS): $((base / 1024)) MB"
printf '%-28s %8s %9s %10s %12s %10s %12s %8s\n' output "input MB" "peak MB" "beyond MB" "B/input B" "output MB" "output/MB" seconds
for mb in "${sizes[@]}"; do
  article="$out/article_${mb}mb.txt"
  [ -f "$article" ] || python3 - "$corpus" "$mb" "$article" <<'PY'
import json, sys
corpus, mb, path = sys.argv[1], float(sys.argv[2]), sys.argv[3]
limit, parts, n = int(mb * 1e6), [], 0
for line in open(corpus, encoding="utf-8"):
    text = json.loads(line)["text"].strip()
    if not text:
        continue
    b = (text + "\n\n").encode()
    if n + len(b) > limit:
        break
    parts.append(b)
    n += len(b)
open(path, "wb").write(b"".join(parts))
PY
  size=$(stat -c %s "$article")
  for opts in "--format text" "--format json" "--format json --compact" "--format json --layers tokens,sentences" "--format html"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%M %e" -o "$out/time.txt" "$bin" analyze "$article" $opts --max-bytes 100000000 -o "$out/output" 2>/dev/null \
      || { echo "$opts: failed"; continue; }
    read -r rss secs < "$out/time.txt"
    written=$(stat -c %s "$out/output")
    python3 - "$opts" "$size" "$rss" "$base" "$written" "$secs" <<'PY'
import sys
opts, size, rss, base, written, secs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
name = opts.replace("--format ", "")
beyond = (rss - base) * 1024
print(f"{name:<28} {size / 1e6:8.2f} {rss * 1024 / 1e6:9.0f} {beyond / 1e6:10.0f} {beyond / size:12.1f} "
      f"{written / 1e6:10.1f} {written / size:12.1f} {secs:8.1f}")
PY
  done
done
rm -f "$out/output"
