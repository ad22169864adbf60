#!/usr/bin/env bash
# Usage: gen-openmetrics.sh OUT.om [DAYS] [STEP_SECONDS] [END_EPOCH]
set -euo pipefail
out=$1; days=${2:-30}; step=${3:-60}; end=${4:-$(date +%s)}
end=$(( end / step * step ))
awk -v days="$days" -v step="$step" -v end="$end" 'BEGIN {
  pi = 3.141592653589793; n = days * 86400 / step; start = end - (n - 1) * step
  print "# HELP http_requests_per_second Synthetic request rate."
  print "# TYPE http_requests_per_second gauge"
  split("api web", svc, " "); base["api"] = 120; base["web"] = 60
  for (k = 1; k <= 2; k++) {               # OpenMetrics: all samples of one series together, time ascending
    s = svc[k]
    for (i = 0; i < n; i++) {
      t = start + i * step
      daily = sin(2 * pi * ((t % 86400) / 86400 - 0.25))          # peak at 12:00 UTC
      growth = 1 + 0.01 * (t - start) / 86400                     # +1 % per day
      dow = int(t / 86400 + 4) % 7; weekend = (dow == 0 || dow == 6) ? 0.7 : 1.0
      v = base[s] * growth * weekend * (1 + 0.4 * daily)
      printf "http_requests_per_second{service=\"%s\"} %.3f %d\n", s, v, t
    }
  }
  print "# EOF"
}' >"$out"
