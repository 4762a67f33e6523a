#!/usr/bin/env bash
# Every judged query set of tests/search/ (the tuned set and each held-out set) through the
# page's own search engine in Chromium, in seconds rather than the minutes typing takes: for
# trying a ranking change against all of them, query by query. The ranks are those of typing
# into the box (`benches/search.sh`, `tests/search.rs`); the engine is called directly, in a
# copy of the built site whose script exposes it.
#
#   benches/search_judged.sh [SITE] [OUT.json]          per-set MRR, top-1, top-3
#   python3 benches/search_judged.py A.json B.json      the queries that moved between two runs
#
# SITE defaults to a fresh build of the bundled course; OUT keeps every query's rank.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$ROOT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
SITE="${1:-}"
if [ -z "$SITE" ]; then
  cargo build --release --quiet
  SITE="$WORK/built"
  "$ROOT/target/release/docent" -q build --root content --out "$SITE"
fi
cp -r "$SITE" "$WORK/site"
# The working script (not only the built site's), with its engine reachable from the page.
for js in "$WORK"/site/assets/docent.*.js; do
  awk '/^  function SearchEngine\(base, lang\) \{/{print "  window.__docentSearchEngine = SearchEngine;"} {print}' \
    themes/default/static/docent.js > "$js"
done
python3 "$HERE/judged_queries.py" "$WORK/queries.json" tests/search/*.toml
node "$HERE/search_judged.mjs" "$WORK/site" "$WORK/queries.json" "${2:-}"
