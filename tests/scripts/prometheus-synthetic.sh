#!/usr/bin/env bash
# Usage: prometheus-synthetic.sh start|stop   -> Prometheus on 127.0.0.1:$PROM_PORT with 30 days of history
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PR_DIR=${PR_DIR:-${WORK:?set WORK}/prometheus}
PROM_PORT=${PROM_PORT:-19090}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }   # fails if something listens
case "${1:-}" in
start)
  port_free "$PROM_PORT" || { echo "port $PROM_PORT in use" >&2; exit 1; }
  mkdir -p "$PR_DIR"
  "$HERE/gen-openmetrics.sh" "$PR_DIR/synthetic.om" 30 60
  # --max-block-duration is a hidden flag: without it promtool writes 2h blocks (360 blocks, ~40 s)
  promtool tsdb create-blocks-from openmetrics -q --max-block-duration=240h "$PR_DIR/synthetic.om" "$PR_DIR/data" >/dev/null
  printf 'global:\n  scrape_interval: 60s\nscrape_configs: []\n' >"$PR_DIR/prometheus.yml"
  # retention MUST exceed the backfilled range, else blocks older than 15d are deleted at startup
  prometheus --config.file="$PR_DIR/prometheus.yml" --storage.tsdb.path="$PR_DIR/data" \
    --storage.tsdb.retention.time=400d --web.listen-address=127.0.0.1:$PROM_PORT \
    >"$PR_DIR/prometheus.log" 2>&1 &
  echo $! >"$PR_DIR/prometheus.pid"
  for i in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PROM_PORT/-/ready" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -fsS "http://127.0.0.1:$PROM_PORT/-/ready" >/dev/null
  ;;
stop)
  if [ -f "$PR_DIR/prometheus.pid" ]; then
    pid=$(cat "$PR_DIR/prometheus.pid"); kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$PR_DIR"
  ;;
*) echo "usage: $0 start|stop" >&2; exit 64;;
esac
