#!/usr/bin/env bash
# Usage: alerting-openmetrics.sh OUT.om [START_EPOCH]
# Two hours of 15-s samples with a known spike from START+30m to START+50m (cpu, requests, latency)
# and a counter reset at START+70m. The alerting integration test evaluates rules over it.
set -euo pipefail
out=$1; start=${2:-1767225600}
awk -v start="$start" 'BEGIN {
  n = 480; step = 15
  print "# TYPE cpu_utilization gauge"
  for (k = 0; k < 2; k++) {
    tier = k == 0 ? "api" : "web"
    for (i = 0; i < n; i++) {
      t = i * step
      if (tier == "api") v = (t >= 1800 && t <= 3000) ? 95 : 50
      else v = (t >= 2100 && t <= 2400) ? 85 : 40
      printf "cpu_utilization{tier=\"%s\"} %g %d\n", tier, v, start + t
    }
  }
  print "# TYPE requests counter"
  for (k = 0; k < 2; k++) {
    tier = k == 0 ? "api" : "web"; c = 0
    for (i = 0; i < n; i++) {
      t = i * step
      if (t == 4200) c = 0                                   # process restart: counter reset
      c += ((t >= 1800 && t <= 3000) ? 1000 : 100) * step * (k == 0 ? 1 : 0.4)
      printf "requests_total{tier=\"%s\"} %d %d\n", tier, c, start + t
    }
  }
  print "# TYPE errors counter"
  e = 0
  for (i = 0; i < n; i++) {
    t = i * step
    e += ((t >= 2400 && t <= 2700) ? 40 : 1) * step
    printf "errors_total{code=\"500\",tier=\"api\"} %d %d\n", e, start + t
  }
  print "# TYPE response_time_p95_ms gauge"
  for (i = 0; i < n; i++) {
    t = i * step
    printf "response_time_p95_ms{tier=\"api\"} %g %d\n", (t >= 1920 && t <= 2700) ? 3500 : 300, start + t
  }
  print "# EOF"
}' >"$out"
