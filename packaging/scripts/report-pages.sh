#!/usr/bin/env bash
# Renders a few pages of the WebTools Pro report for the README: packaging/screenshots/report-page-N.png.
# Usage: packaging/scripts/report-pages.sh [OUT_DIR]   (default OUT_DIR: packaging/screenshots)
# Builds nothing: set HEADROOM_CLI to headroom-cli (default build/release/app/cli/headroom-cli, then build/...).
# Needs poppler-utils (packaging/scripts/install-deps.sh --test). Runs without a display.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/packaging/screenshots}
CLI=${HEADROOM_CLI:-}
if [ -z "$CLI" ]; then
  for c in "$ROOT/build/release/app/cli/headroom-cli" "$ROOT/build/app/cli/headroom-cli"; do
    [ -x "$c" ] && { CLI=$c; break; }
  done
fi
if [ -z "$CLI" ] || [ ! -x "$CLI" ]; then
  echo "report-pages.sh: no headroom-cli found; build it first or set HEADROOM_CLI" >&2
  exit 1
fi
command -v pdftoppm >/dev/null || { echo "report-pages.sh: pdftoppm not found (apt-get install poppler-utils)" >&2; exit 1; }
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC
"$CLI" report --pdf "$WORK/report.pdf" --duration 6h --traffic steady,spike-10x,region-loss
# Title, executive summary, capacity, a simulation and the topology: page numbers from the contents.
pages=$(pdftotext -layout -f 2 -l 2 "$WORK/report.pdf" - |
  awk '/^ *(Executive summary|Capacity per tier|Simulation outcomes|Cost and savings|Topology) /{print $NF}' | tr '\n' ' ')
n=1
for p in 1 $pages; do
  pdftoppm -r 55 -f "$p" -l "$p" -png -singlefile "$WORK/report.pdf" "$OUT/report-page-$n"
  echo "wrote $OUT/report-page-$n.png (page $p)"
  n=$((n + 1))
done
