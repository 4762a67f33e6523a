#!/usr/bin/env bash
# Save -> reload latency of `docent serve` next to `hugo server` and `mdbook serve`, measured
# the same way in one run, twice per tool: ../shared/bench/reload_latency.py (append a marker
# to a chapter, poll the served page until it shows it) and benches/reload_message.py (the
# same edits, timed to the live-reload WebSocket message after which the page shows them).
#
#   benches/reload.sh [N]     N chapters per language (default 500), TRIALS=20 edits per tool
#
# Environment: SHARED (default ../shared), SCRATCH (/tmp/bench), HUGO (hugo binary; the bench
# scripts' install_anchors.sh puts Hugo 0.168 in $SCRATCH/venv-hugo), MDBOOK, TOOLS.
set -euo pipefail
N="${1:-500}"
TRIALS="${TRIALS:-20}"
TOOLS="${TOOLS:-docent hugo mdbook}"
source "$(dirname "$0")/env.sh"
corpus "$N"
# Each tool's binary and the label its results are filed under (the same for both measures).
bin_of() { case "$1" in docent) echo "$DOCENT" ;; hugo) echo "$HUGO" ;; mdbook) echo "$MDBOOK" ;; esac; }
label_of() {
  case "$1" in
    docent) echo docent ;;
    hugo) echo "hugo-$("$HUGO" version | grep -o 'v0\.[0-9]*' | head -1)" ;;
    mdbook) echo mdbook-native ;;
  esac
}
# Save -> page served. The shared script can die on a transient HTTP error from a server that
# is rewriting a page (http.client.IncompleteRead), so a failed run is tried once more.
run_tool() {
  local t="$1"
  local common=(--bin "$(bin_of "$t")" --label "$(label_of "$t")" --trials "$TRIALS" --scratch "$SCRATCH" --results "$RESULTS")
  case "$t" in
    docent)
      python3 "$SHARED/bench/reload_latency.py" custom "$N" "${common[@]}" --copy docent \
        --serve-cmd "$DOCENT -q serve --root {dir}/content --bind 127.0.0.1 --port {port}" \
        --source '{dir}/content/{slug}/en.md' --page-url 'http://127.0.0.1:{port}/en/{slug}/' ;;
    hugo) python3 "$SHARED/bench/reload_latency.py" hugo "$N" "${common[@]}" ;;
    mdbook) python3 "$SHARED/bench/reload_latency.py" mdbook "$N" "${common[@]}" --extra=--watcher\ native ;;
  esac
}
# The same edits timed to the WebSocket message a browser tab reloads on.
run_message() {
  python3 "$HERE/reload_message.py" "$1" "$N" --bin "$(bin_of "$1")" --label "$(label_of "$1")" \
    --trials "$TRIALS" --scratch "$SCRATCH" --results "$RESULTS"
}
for t in $TOOLS; do
  echo "== $t N=$N: save -> page served"
  run_tool "$t" || { echo "== $t N=$N failed; once more"; run_tool "$t"; }
  echo "== $t N=$N: save -> reload message"
  run_message "$t"
done
