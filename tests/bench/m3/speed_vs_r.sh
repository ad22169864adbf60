#!/bin/sh
# Per-series fit+forecast CPU time on the same first N M3 monthly series in one run: headroom (the
# library's automatic pipeline, and the batch CLI over one CSV per series) against R forecast::ets()
# and statsmodels' Holt-Winters. R's ets() takes ~0.6 s a series: N=100 (default) runs in about two
# minutes, N=0 (all 1,228 series) in about 15 minutes of CPU.
# Usage: speed_vs_r.sh BUILD_DIR [N] [DATA_DIR]
# Needs Rscript with the forecast package, and python3 with statsmodels (skipped when missing):
# packaging/scripts/install-deps.sh --compare installs both.
set -eu
build=${1:?build dir}
n=${2:-100}
here=$(cd "$(dirname "$0")" && pwd)
data=${3:-$here/../../../../shared/data/m3-monthly}
python=${PYTHON:-/usr/bin/python3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ "$n" -gt 0 ] && limit=$n || limit=100000

echo "== headroom library (bench_forecast_m3 --limit $n; Auto = what the CLI runs)"
"$build/tests/bench/bench_forecast_m3" --limit "$n" --data "$data" | tee "$out/lib.txt"

echo "== headroom batch CLI (forecast --input-dir, one CSV per series, --season 12 --horizon 18)"
mkdir -p "$out/in"
awk -F, -v limit="$limit" -v dir="$out/in" '
    FNR == 1 { next }
    FILENAME ~ /index.csv$/ { if (++k <= limit) keep[$1] = 1; next }
    $2 == "train" && ($1 in keep) { f = dir "/" $1 ".csv"   # the rows of a series are together
                                    if (f != last) { if (last != "") close(last); print "t,value" > f; last = f }
                                    print $3 "," $4 > f }' "$data/index.csv" "$data/series.csv"
files=$(ls "$out/in" | wc -l)
/usr/bin/time -f "%U %S %e" -o "$out/time.txt" "$build/app/cli/headroom-cli" forecast --input-dir "$out/in" \
    --out-dir "$out/fc" --horizon 18 --season 12 2>"$out/cli.log"
awk -v n="$files" '{ printf "batch CLI      %d series  cpu ms/series %8.2f  wall ms/series %8.2f (process total)\n",
                     n, 1000 * ($1 + $2) / n, 1000 * $3 / n }' "$out/time.txt" | tee "$out/cli.txt"

echo "== R (m3_r_reference.R, first $n series)"
Rscript "$here/m3_r_reference.R" "$data" "$n" | tee "$out/r.txt"

echo "== statsmodels Holt-Winters (m3_statsmodels.py, first $n series)"
if "$python" -c "import statsmodels" 2>/dev/null; then
    "$python" "$here/m3_statsmodels.py" "$data" "$n" | tee "$out/sm.txt"
else
    echo "python3 with statsmodels not found: skipped" | tee "$out/sm.txt"
fi

echo "== CPU time per series and the ratio to R ets()"
awk '
    FILENAME ~ /lib.txt$/ && $1 == "Auto" { ours = $NF }
    FILENAME ~ /lib.txt$/ && $1 == "ETS-auto" { oursEts = $NF }
    FILENAME ~ /cli.txt$/ { cli = $7 }
    FILENAME ~ /r.txt$/ && $1 == "R-ets" { r = $NF }
    FILENAME ~ /sm.txt$/ && $1 == "SM-HoltWinters" { sm = $NF }
    END {
        printf "%-34s %10s %12s\n", "method", "cpu ms", "R ets() / it"
        printf "%-34s %10.2f %12.1f\n", "headroom Auto (library)", ours, r / ours
        printf "%-34s %10.2f %12.1f\n", "headroom ETS selection (library)", oursEts, r / oursEts
        printf "%-34s %10.2f %12.1f\n", "headroom batch CLI (whole process)", cli, r / cli
        printf "%-34s %10.2f %12.1f\n", "R forecast::ets()", r, 1
        if (sm != "") printf "%-34s %10.2f %12.1f\n", "statsmodels Holt-Winters", sm, r / sm
    }' "$out/lib.txt" "$out/cli.txt" "$out/r.txt" "$out/sm.txt"
