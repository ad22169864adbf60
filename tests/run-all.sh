#!/usr/bin/env bash
# Installs missing packages, builds everything with warnings as errors, starts the real services the
# integration tests need on loopback (Redis Cluster, PostgreSQL primary + replica + PgBouncer,
# Prometheus with backfilled history, a Secret Service on a private D-Bus), runs every test, and
# tears the services down again.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/packaging/scripts/install-deps.sh" --test

export WORK=${WORK:-$(mktemp -d /tmp/headroom-test.XXXXXX)}
chmod 755 "$WORK"                       # PostgreSQL runs as 'postgres' and must reach its data dir
BUILD=${HEADROOM_BUILD_DIR:-$ROOT/build/test}
# RelWithDebInfo's optimisation and warnings, without the debug info: builds and links faster.
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -DNDEBUG" \
  -DHEADROOM_WERROR=ON -DHEADROOM_SERVICE_TESTS=ON
cmake --build "$BUILD" -j2

S="$ROOT/tests/scripts"
cleanup() {
  "$S/prometheus-synthetic.sh" stop >/dev/null 2>&1 || true
  "$S/pg-cluster.sh" stop >/dev/null 2>&1 || true
  "$S/redis-cluster.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
echo "Starting Redis Cluster (127.0.0.1:7000-7005), PostgreSQL (54321/54322, PgBouncer 54323), Prometheus (19090)"
"$S/redis-cluster.sh" start
"$S/pg-cluster.sh" start
"$S/prometheus-synthetic.sh" start
export HEADROOM_TEST_REDIS=127.0.0.1:7000
export HEADROOM_TEST_PG_PRIMARY=127.0.0.1:54321 HEADROOM_TEST_PG_REPLICA=127.0.0.1:54322
export HEADROOM_TEST_PGBOUNCER=127.0.0.1:54323 HEADROOM_TEST_PG_SOCKET="$WORK/pg/sock"
export HEADROOM_TEST_PROMETHEUS=http://127.0.0.1:19090

mkdir -p "$WORK/home" "$WORK/xdg" && chmod 700 "$WORK/xdg"
env -u DISPLAY HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/xdg" QT_QPA_PLATFORM=offscreen \
  dbus-run-session -- sh -c '
    echo -n "headroom-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    ctest --test-dir "$0" --output-on-failure -j2 --timeout 600 --no-tests=error' "$BUILD"
