#!/usr/bin/env bash
# Builds the pages of `marsad serve` into crates/marsad-serve/assets/, which is
# committed, so that a fresh clone builds the server without Node.js.
#   web/build.sh            npm ci, then bundle
#   web/build.sh --no-ci    bundle with the node_modules already installed
set -euo pipefail
cd "$(dirname "$0")"
out=../crates/marsad-serve/assets
if [ "${1:-}" != "--no-ci" ]; then
  npm ci --no-audit --no-fund
fi
mkdir -p "$out"
# One script and one style sheet; only the d3 modules imported are bundled.
./node_modules/.bin/esbuild src/main.js --bundle --minify --format=iife --target=es2020 \
  --charset=utf8 --legal-comments=none --metafile=meta.json --outfile="$out/app.js"
./node_modules/.bin/esbuild src/app.css --bundle --minify --outfile="$out/app.css"
cp src/index.html "$out/index.html"
# Natural Earth's country outlines at 1:50m: the small states of the Gulf and the
# Levant, which the 1:110m file drops or reduces to a few points, keep their shape.
cp node_modules/world-atlas/countries-50m.json "$out/countries-50m.json"
node licenses.mjs meta.json > "$out/THIRD_PARTY_LICENSES.txt"
rm -f meta.json
ls -l "$out"
