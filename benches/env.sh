# Shared by benches/compare.sh and benches/reload.sh (sourced): where things are, the
# anchor tools, a fresh release build of docent, and `corpus N` to prepare a corpus.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
SHARED="${SHARED:-$ROOT/../shared}"
SCRATCH="${SCRATCH:-/tmp/bench}"
RESULTS="${RESULTS:-$HERE/results}"
HUGO="${HUGO:-$(ls "$SCRATCH"/venv-hugo/lib/python3*/site-packages/hugo/binaries/hugo 2>/dev/null || command -v hugo || true)}"
MDBOOK="${MDBOOK:-mdbook}"
mkdir -p "$SCRATCH" "$RESULTS"
(cd "$ROOT" && cargo build --release --quiet)
DOCENT="$ROOT/target/release/docent"

# The generated corpus of N chapters per language, laid out for docent too.
corpus() {
  [ -f "$SCRATCH/corpus-$1/MANIFEST.json" ] || python3 "$SHARED/bench/gen_corpus.py" "$1" "$SCRATCH/corpus-$1" >/dev/null
  python3 "$HERE/docent_corpus.py" "$SCRATCH/corpus-$1"
}
