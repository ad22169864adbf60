#!/usr/bin/env bash
# Renders the documentation screenshots of the Headroom window under a virtual X server.
# Usage: packaging/scripts/screenshot.sh [OUT_DIR]    (default OUT_DIR: packaging/screenshots)
# Builds nothing: set HEADROOM_BIN to the binary (default build/release/app/gui/headroom).
# Needs xvfb, xauth and fonts-dejavu-core (packaging/scripts/install-deps.sh --test).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/packaging/screenshots}
BIN=${HEADROOM_BIN:-$ROOT/build/release/app/gui/headroom}
if [ ! -x "$BIN" ]; then
  echo "screenshot.sh: no headroom binary at $BIN; build it first or set HEADROOM_BIN" >&2
  exit 1
fi
command -v xvfb-run >/dev/null || { echo "screenshot.sh: xvfb-run not found (apt-get install xvfb xauth)" >&2; exit 1; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# A throw-away home: no recent files, saved window state or autosave from the user's sessions.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -m 700 "$WORK/runtime"
export HOME="$WORK" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_RUNTIME_DIR="$WORK/runtime"
export QT_QPA_PLATFORM=xcb LC_ALL=C.UTF-8

shoot() { # NAME ARGS... : one window, rendered by the real X server and grabbed by the app itself
  local name=$1; shift
  xvfb-run -a -s "-screen 0 1400x900x24" "$BIN" --grab "$OUT/$name.png" "$@"
  echo "wrote $OUT/$name.png"
}

shoot main-window --page Topology --select 'spec.tiers[0].autoscaling.maxReplicas'
shoot charts --page Charts --select 'spec.capacityPlanner.growthRate'
# A leaner variant of WebTools Pro (API capped at 60 replicas, 40 % spot) beside the original.
sed -e 's/^  name: WebTools Pro$/  name: WebTools Pro (lean)/' -e '/- id: api/,/- id: processing/s/maxReplicas: 100/maxReplicas: 60/' \
  "$ROOT/resources/scenarios/webtools-pro.yaml" > "$WORK/lean.yaml"
shoot compare --page Compare --variant "$WORK/lean.yaml"
shoot main-window-de --lang de --select 'spec.tiers[1].autoscaling'
# A file with three mistakes: the Problems dock lists them with their lines.
if [ -f "$ROOT/tests/data/invalid-three/scenario.yaml" ]; then
  shoot problems "$ROOT/tests/data/invalid-three/scenario.yaml" --select 'spec.tiers[0].autoscaling'
fi
