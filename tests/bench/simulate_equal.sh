#!/bin/sh
# Runs `headroom-cli simulate` over many cases with two binaries and compares the CSV rows and the
# printed summaries byte for byte: the check that a change to the simulator kept its outputs.
#
# Usage: tests/bench/simulate_equal.sh REFERENCE_CLI CANDIDATE_CLI [--quick]
#   --quick skips the 30-day and 1-second-step cases (about a tenth of the time).
# Exit status: 0 when every case is identical, 1 when any differs (the differing cases are listed).
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 REFERENCE_CLI CANDIDATE_CLI [--quick]" >&2
    exit 2
fi
ref=$1
new=$2
quick=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/simulate-equal.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Scenario variants of WebTools Pro: the default, the test data, and edits that take other paths of the
# simulator (no behavior: the legacy limits; tight maximum replicas: held at max; few nodes: Pending pods).
base=$src/resources/scenarios/webtools-pro.yaml
sed -e 's/maxReplicas: 50$/maxReplicas: 12/' -e 's/maxReplicas: 100$/maxReplicas: 20/' "$base" > "$work/tight-max.yaml"
awk '/^        behavior:/ { skip = 1; next } skip && /^        [a-z]/ { skip = 0 } skip && /^          / { next } { skip = 0; print }' \
    "$base" > "$work/no-behavior.yaml"
sed -e 's/maxNodes: 300$/maxNodes: 12/' -e 's/nodeProvisioningDelay: 90s$/nodeProvisioningDelay: 5m/' \
    "$base" > "$work/few-nodes.yaml"
sed -e 's/metricsDelay: 15s$/metricsDelay: 1m/' -e 's/syncPeriod: 15s$/syncPeriod: 30s/' "$base" > "$work/slow-sync.yaml"

scenarios="default $src/tests/data/capacity-queueing/scenario.yaml $src/tests/data/cost-cli/tight.yaml
$work/tight-max.yaml $work/no-behavior.yaml $work/few-nodes.yaml $work/slow-sync.yaml"

traffics='steady
diurnal
growth
spike-10x
region-loss
baseline * diurnal(peak=6h, amplitude=0.9) * weekly(weekend=0.3)
baseline * retrystorm(factor=4, at=2h, duration=20m, ramp=30s, decay=5m)
0.5x * spike(factor=20, at=30m, ramp=0s, hold=5m, decay=0s) * growth(rate=0.5)
baseline * diurnal(peak=14h, amplitude=1) * spike(factor=6, at=26h, hold=1h) * regionloss(region=us-east-1, at=27h, duration=3h)
3x * regionloss(region=eu-west-1, at=10m, duration=30m) * regionloss(region=us-west-2, at=20m, duration=2h)'

cases=0
failed=0
run_case() { # scenario, traffic, duration, step, extra args...
    scenario=$1 traffic=$2 duration=$3 step=$4
    shift 4
    file=
    [ "$scenario" = default ] || file=$scenario
    cases=$((cases + 1))
    # shellcheck disable=SC2086
    "$ref" simulate $file --traffic "$traffic" --duration "$duration" --step "$step" "$@" --out "$work/ref.csv" \
        > "$work/ref.txt" 2>&1
    refExit=$?
    # shellcheck disable=SC2086
    "$new" simulate $file --traffic "$traffic" --duration "$duration" --step "$step" "$@" --out "$work/new.csv" \
        > "$work/new.txt" 2>&1
    newExit=$?
    if [ $refExit -ne $newExit ] || ! cmp -s "$work/ref.txt" "$work/new.txt" \
        || { [ -f "$work/ref.csv" ] && ! cmp -s "$work/ref.csv" "$work/new.csv"; }; then
        failed=$((failed + 1))
        echo "DIFFERS: $(basename "$scenario") --traffic '$traffic' --duration $duration --step $step $*"
    fi
    rm -f "$work/ref.csv" "$work/new.csv"
}

for scenario in $scenarios; do
    while IFS= read -r traffic; do
        run_case "$scenario" "$traffic" 2d 15s
        run_case "$scenario" "$traffic" 26h 15s --policy custom
        run_case "$scenario" "$traffic" 30h 7s --start 2026-03-07T18:30:00Z
        run_case "$scenario" "$traffic" 3d 60s --users 400000
        run_case "$scenario" "$traffic" 2h 250ms --users 20000
    done <<EOF
$traffics
EOF
done

if [ "$quick" != --quick ]; then
    for traffic in steady diurnal growth spike-10x region-loss; do
        run_case default "$traffic" 30d 15s
    done
    run_case default diurnal 30d 15s --policy custom
    run_case default 'baseline * diurnal() * weekly() * growth(rate=0.3)' 30d 15s --users 300000
    run_case "$work/tight-max.yaml" diurnal 30d 15s
    run_case "$work/no-behavior.yaml" spike-10x 30d 15s
    run_case default 'baseline * diurnal(peak=3h, amplitude=0.7)' 7d 1s
    run_case "$work/few-nodes.yaml" spike-10x 3d 1s
fi

echo "$cases cases, $failed differ"
[ "$failed" -eq 0 ]
