#!/usr/bin/env bash
# Usage: alerting-promtool-check.sh HEADROOM_CLI
# Backfills known history into a real Prometheus, lets Headroom fetch it and evaluate the rule file, then
# has promtool (Prometheus' own rule engine) check that exactly the same alerts fire at every evaluation.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CLI=$1
RULES="$HERE/../data/alerting-promtool/rules.yml"
OWN_WORK=
if [ -z "${WORK:-}" ]; then WORK=$(mktemp -d /tmp/alerting.XXXX); OWN_WORK=$WORK; fi
export WORK
chmod 755 "$WORK"
START=1767225600
trap '"$HERE/alerting-prometheus.sh" stop; [ -z "$OWN_WORK" ] || rm -rf "$OWN_WORK"' EXIT
"$HERE/alerting-prometheus.sh" start
"$CLI" alerts --rules "$RULES" --prometheus http://127.0.0.1:${PROM_PORT:-19091} \
  --start "$START" --end $((START + 7185)) --step 15s \
  --out "$WORK/alerts.csv" --promtool-test "$WORK/promtool-test.yml" >"$WORK/report.txt"
cat "$WORK/alerts.csv"
# Prometheus' rule engine must agree with Headroom at every evaluation (firing alerts, labels, annotations).
promtool test rules "$WORK/promtool-test.yml"
# Known intervals of the spike (hand-computed), so that an empty result cannot pass.
expect() { grep -qxF "$1" "$WORK/alerts.csv" || { echo "missing CSV row: $1" >&2; exit 1; }; }
expect 'HighCPU,"{alertname=""HighCPU"", severity=""warning""}",pending,2026-01-01T00:30:00Z,2026-01-01T00:35:00Z'
expect 'HighCPU,"{alertname=""HighCPU"", severity=""warning""}",firing,2026-01-01T00:35:00Z,2026-01-01T00:50:30Z'
n=$(grep -c ',firing,' "$WORK/alerts.csv")
[ "$n" -ge 5 ] || { echo "expected at least 5 firing periods, got $n" >&2; exit 1; }
echo "promtool agrees with Headroom on $(grep -c 'eval_time' "$WORK/promtool-test.yml") rule evaluations"
