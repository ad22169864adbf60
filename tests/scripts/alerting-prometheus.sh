#!/usr/bin/env bash
# Usage: alerting-prometheus.sh start|stop  -> Prometheus on 127.0.0.1:$PROM_PORT (default 19091) holding the
# alerting test history (alerting-openmetrics.sh), backfilled with promtool. Needs WORK set.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PR_DIR=${PR_DIR:-${WORK:?set WORK}/alerting-prometheus}
PROM_PORT=${PROM_PORT:-19091}
START=${ALERTING_START:-1767225600}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
case "${1:-}" in
start)
  port_free "$PROM_PORT" || { echo "port $PROM_PORT in use" >&2; exit 1; }
  mkdir -p "$PR_DIR"
  "$HERE/alerting-openmetrics.sh" "$PR_DIR/history.om" "$START"
  promtool tsdb create-blocks-from openmetrics -q --max-block-duration=240h "$PR_DIR/history.om" "$PR_DIR/data" >/dev/null
  printf 'global:\n  scrape_interval: 15s\nscrape_configs: []\n' >"$PR_DIR/prometheus.yml"
  # retention far above the backfilled range, else old blocks are deleted at start-up
  prometheus --config.file="$PR_DIR/prometheus.yml" --storage.tsdb.path="$PR_DIR/data" \
    --storage.tsdb.retention.time=20y --web.listen-address=127.0.0.1:$PROM_PORT \
    >"$PR_DIR/prometheus.log" 2>&1 &
  echo $! >"$PR_DIR/prometheus.pid"
  for i in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PROM_PORT/-/ready" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -fsS "http://127.0.0.1:$PROM_PORT/-/ready" >/dev/null || { echo "Prometheus on 127.0.0.1:$PROM_PORT did not start" >&2; exit 1; }
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
