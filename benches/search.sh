#!/usr/bin/env bash
# docent's search beside Pagefind (npm `pagefind`), on the bundled course, with the judged
# queries of tests/search/queries.toml; then the first query on the 2x2000 corpus.
#
#   benches/search.sh            results in benches/results/search-*.json and on stdout
#
# Environment: SCRATCH (/tmp/bench), RESULTS (benches/results), SKIP_SCALE=1, and QUERIES
# (default tests/search/queries.toml): another judged set in the same format, such as one
# written without seeing ours, to check that the ranking is not fitted to our queries.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SCRATCH="${SCRATCH:-/tmp/bench}"
RESULTS="${RESULTS:-$HERE/results}"
mkdir -p "$SCRATCH" "$RESULTS"
cd "$ROOT"
cargo build --release --quiet
DOCENT="$ROOT/target/release/docent"
if [ ! -x "$SCRATCH/pagefind/node_modules/.bin/pagefind" ]; then
  npm install --silent --no-audit --no-fund --prefix "$SCRATCH/pagefind" pagefind@1
fi
PAGEFIND="$SCRATCH/pagefind/node_modules/.bin/pagefind"
SITE="$SCRATCH/search-site"
rm -rf "$SITE" "$SITE-pagefind"
"$DOCENT" -q build --root content --out "$SITE"
# The judged queries with their expected URLs (chapter folder -> slug per language).
python3 "$HERE/judged_queries.py" "$SCRATCH/queries.json" "${QUERIES:-tests/search/queries.toml}"
# Pagefind indexes the chapter pages (not the print pages, which repeat every chapter).
cp -r "$SITE" "$SITE-pagefind"
rm -rf "$SITE-pagefind"/*/print
"$PAGEFIND" --site "$SITE-pagefind" --glob "*/*/index.html" >/dev/null
echo "== judged queries ($(python3 -c "import json;print(len(json.load(open('$SCRATCH/queries.json'))))"), bundled course"
node tests/browser/search.mjs "$SITE" "$SCRATCH/queries.json" --report "$RESULTS/search-docent.json" | tail -1 || true
node benches/search_pagefind.mjs "$SITE-pagefind" "$SCRATCH/queries.json" --report "$RESULTS/search-pagefind.json" | tail -1
if [ -z "${SKIP_SCALE:-}" ]; then
  SHARED="${SHARED:-$ROOT/../shared}"
  [ -f "$SCRATCH/corpus-2000/MANIFEST.json" ] || python3 "$SHARED/bench/gen_corpus.py" 2000 "$SCRATCH/corpus-2000" >/dev/null
  python3 "$HERE/docent_corpus.py" "$SCRATCH/corpus-2000" >/dev/null
  rm -rf "$SCRATCH/search-2000"
  "$DOCENT" -q build --root "$SCRATCH/corpus-2000/docent/content" --out "$SCRATCH/search-2000"
  echo "== first query, 2x2000 corpus"
  node benches/search_first_query.mjs "$SCRATCH/search-2000" en en/ "cache mount" "COPY --from" "distroless" "how do I copy files from another stage" "multi" | tee "$RESULTS/search-first-query.txt"
fi
