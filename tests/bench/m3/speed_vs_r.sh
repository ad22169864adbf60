#!/bin/sh
# Per-series fit+forecast time, headroom against R forecast::ets(), on the same first N M3 monthly
# series in one run (R's ets() takes ~0.6 s a series, so the subset keeps the run short).
# Usage: speed_vs_r.sh BUILD_DIR [N] [DATA_DIR]
set -eu
build=${1:?build dir}
n=${2:-100}
here=$(cd "$(dirname "$0")" && pwd)
data=${3:-$here/../../../../shared/data/m3-monthly}
echo "== headroom (bench_forecast_m3 --limit $n)"
"$build/tests/bench/bench_forecast_m3" --limit "$n" --data "$data"
echo "== R (m3_r_reference.R, first $n series)"
Rscript "$here/m3_r_reference.R" "$data" "$n"
