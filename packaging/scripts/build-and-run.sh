#!/usr/bin/env bash
# Installs missing packages, builds Headroom and opens it on the embedded WebTools Pro scenario.
# Extra arguments go to the app (e.g. a scenario file).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
"$ROOT/packaging/scripts/install-deps.sh"
BUILD=${HEADROOM_BUILD_DIR:-$ROOT/build/release}
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHEADROOM_BUILD_TESTS=OFF -DHEADROOM_BUILD_BENCH=OFF
cmake --build "$BUILD" -j2 --target headroom headroom-cli
exec "$BUILD/app/gui/headroom" "$@"
