#!/usr/bin/env bash
# The REPL's answer time for `run` (the default scenario, 20 replications): what a planner waits
# for after pressing Enter.  Measured from outside, as wall-clock time: a session that loads the
# scenario and runs it RUNS times, less a session that only loads it, divided by RUNS.  Printed
# for people to read, never asserted (it depends on the machine, its cores and its load).
#   bench/bench_repl.sh [build]                        (build/ by default)
#   BENCH_REPL_SCENARIO=scenarios/lorenskog/base.lua bench/bench_repl.sh build
set -u
cd "$(dirname "$0")/.."
build=${1:-build}
samsim=$build/samsim
scenario=${BENCH_REPL_SCENARIO:-scenarios/default.lua}
reps=20
runs=10
trials=5
[ -x "$samsim" ] || { echo "no $samsim (run: make B=$build all)" >&2; exit 1; }

now_us() { echo $(( $(date +%s%N) / 1000 )); }

# Wall-clock microseconds of one session with n runs.
session_us() {
    local n=$1 args=() t0 t1
    for _ in $(seq "$n"); do args+=(-c "run $reps 1"); done
    [ "$n" -gt 0 ] || args=(-c "show")
    t0=$(now_us)
    "$samsim" repl "$scenario" "${args[@]}" >/dev/null || { echo "the session failed" >&2; exit 1; }
    t1=$(now_us)
    echo $((t1 - t0))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

per_run=() starts=()
for _ in $(seq "$trials"); do
    empty=$(session_us 0)
    full=$(session_us "$runs")
    starts+=("$empty")
    per_run+=($(( (full - empty) / runs )))
done
ms() { awk -v us="$1" 'BEGIN { printf "%.1f ms", us / 1000 }'; }
sorted=$(printf '%s\n' "${per_run[@]}" | sort -n)
echo "REPL run latency: $scenario, $reps replications, $(nproc) cores"
echo "  'run' answers in $(ms "$(printf '%s\n' "${per_run[@]}" | median)") (median of $trials sessions of $runs runs;" \
     "fastest $(ms "$(echo "$sorted" | head -1)"), slowest $(ms "$(echo "$sorted" | tail -1)"))"
echo "  starting the REPL with the scenario loaded: $(ms "$(printf '%s\n' "${starts[@]}" | median)") (median)"
