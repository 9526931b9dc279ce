#!/bin/bash
# Outputs of one marsad binary on fixed inputs, with an md5 per file, so that two
# binaries (before and after a change) can be compared file by file:
#
#     bash bench/compare_outputs.sh OLD_BIN /tmp/old && bash bench/compare_outputs.sh NEW_BIN /tmp/new
#     diff /tmp/old.md5 /tmp/new.md5
#
# Inputs: every example in JSON, text, HTML and GDELT; the demo article; the first 300
# SaudiNewsNet articles as JSON Lines and GDELT rows; every `marsad eval` as JSON
# (timing fields differ from run to run). Needs ../shared beside the repository.
set -euo pipefail
BIN=$(realpath "$1"); OUT=$(realpath -m "$2"); mkdir -p "$OUT"; cd "$(dirname "$0")/.."
S=../shared/data
for f in examples/*.txt; do b=$(basename $f .txt); $BIN analyze $f --format json > $OUT/$b.json; $BIN analyze $f > $OUT/$b.txt 2>/dev/null; $BIN analyze $f --format html > $OUT/$b.html; $BIN analyze $f --format gdelt > $OUT/$b.gdelt; done
$BIN analyze ../shared/seed/article.txt --format json > $OUT/seed.json
head -300 $S/news/saudinewsnet/articles.jsonl > "$OUT/../snn300.input.jsonl"
$BIN analyze "$OUT/../snn300.input.jsonl" --format json -o $OUT/snn300.jsonl 2>/dev/null
$BIN analyze "$OUT/../snn300.input.jsonl" --format gdelt -o $OUT/snn300.gdelt 2>/dev/null
$BIN eval ner $S/ner/anercorp/dev.conll --json > $OUT/eval_ner.json 2>&1
$BIN eval time gold/dev/time.jsonl --json > $OUT/eval_time.json 2>&1
$BIN eval quantities gold/dev/quantities.jsonl --json > $OUT/eval_q.json 2>&1
$BIN eval entities --json > $OUT/eval_ent.json 2>&1
$BIN eval events --json > $OUT/eval_events.json 2>&1
$BIN eval claims --json > $OUT/eval_claims.json 2>&1
$BIN eval framing $S/framing/araieval23/task1B_dev.jsonl --json > $OUT/eval_framing.json 2>&1
$BIN eval checkworthy $S/checkworthy/checkthat2022/1A_checkworthy_dev.tsv --json > $OUT/eval_cw.json 2>&1
(cd "$OUT" && md5sum * > "$OUT.md5")
