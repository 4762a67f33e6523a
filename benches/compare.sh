#!/usr/bin/env bash
# docent side by side with Hugo and mdBook on the generated corpus, in one run:
# full cold builds (wall, CPU, peak RSS; ../shared/bench/bench_builds.sh with its timeit.py),
# save -> reload latency of the dev servers (benches/reload.sh), and the in-process stages
# (cargo bench --bench pipeline: the comrak+syntect floor, incremental rebuilds, bundles).
#
#   benches/compare.sh [N ...]            default: 50 500 2000 chapters per language
#
# Environment: SHARED (../shared), SCRATCH (/tmp/bench), RUNS (5), RESULTS (benches/results),
# HUGO (default: Hugo 0.168 from $SCRATCH/venv-hugo, installed by
# ../shared/bench/install_anchors.sh), MDBOOK (mdbook), SKIP_RELOAD=1, SKIP_INPROCESS=1.
set -euo pipefail
RUNS="${RUNS:-5}"
[ $# -gt 0 ] || set -- 50 500 2000
source "$(dirname "$0")/env.sh"
for n in "$@"; do corpus "$n"; done
export HUGO MDBOOK
SCRATCH="$SCRATCH" RESULTS="$RESULTS" RUNS="$RUNS" TOOLS="docent hugo mdbook" \
  CMD_DOCENT="rm -rf \"\$OUT\" && exec $DOCENT -q build --root \"\$C/docent/content\" --out \"\$OUT\"" \
  bash "$SHARED/bench/bench_builds.sh" "$@"
if [ -z "${SKIP_RELOAD:-}" ]; then
  SHARED="$SHARED" SCRATCH="$SCRATCH" RESULTS="$RESULTS" HUGO="$HUGO" MDBOOK="$MDBOOK" bash "$HERE/reload.sh" 500
fi
if [ -z "${SKIP_INPROCESS:-}" ]; then
  for n in "$@"; do
    echo "== in-process stages, N=$n"
    (cd "$ROOT" && DOCENT_BENCH_CORPUS="$SCRATCH/corpus-$n/docent/content" cargo bench --quiet --bench pipeline) \
      | tee "$RESULTS/inprocess-docent-$n.txt"
  done
fi
python3 "$SHARED/bench/summarize.py" "$RESULTS" || true
