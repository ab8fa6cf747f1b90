#!/usr/bin/env bash
# valgrind over the unit tests and a few real runs: any error or definite leak fails.
#   tests/valgrind.sh build            (make valgrind)
#   tests/valgrind.sh build --quick    (the runs only; used by make test)
# Ends with "N passed, N failed" like tests/run.sh.
set -u
cd "$(dirname "$0")/.."
build=${1:-build}
quick=${2:-}
passed=0; failed=0
vg() {  # label, command...
    local label=$1; shift
    local log; log=$(mktemp)
    if valgrind -q --trace-children=yes --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
           --log-file="$log" "$@" >/dev/null 2>&1 && ! grep -q "ERROR SUMMARY: [1-9]" "$log"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1)); echo "FAIL: valgrind $label"; head -40 "$log"
    fi
    rm -f "$log"
}
command -v valgrind >/dev/null || { echo "valgrind is not installed"; echo "0 passed, 1 failed"; exit 1; }
vg "run default" "$build/samsim" run scenarios/default.lua --reps 2 -j 2 --set calendar.horizon_days=500 --set calendar.warmup_days=100
vg "run features with a trace" "$build/samsim" run tests/fixtures/features.lua --reps 2 --trace 3
vg "run into a database" "$build/samsim" run tests/fixtures/base.lua --reps 2 --db "$(mktemp -d)/v.db"
vg "rule error" sh -c "! $build/samsim run tests/fixtures/rule_runtime_error.lua --reps 2"
vg "endless loop in a rule" sh -c "! $build/samsim run tests/fixtures/rule_pcall_loop.lua --reps 1"
vg "show and check" "$build/samsim" show scenarios/default.lua --sources
vg "sensitivity into a database" "$build/samsim" sensitivity tests/fixtures/ranges/queue3.lua --metric q.wait_mean \
    --trajectories 2 --samples 8 --reps 1 -j 2 --db "$(mktemp -d)/s.db"
vg "a piped REPL session" sh -c "printf 'run 2\nset services.fph.fte 6\ncompare\nchart hist fph\ntrace 5\nundo\n= results.services.fph.wait_mean\n' | $build/samsim repl scenarios/default.lua"
if [ "$quick" != --quick ]; then
    for bin in $(find "$build/tests" -type f -perm -u+x | sort); do
        vg "${bin#$build/}" "$bin"
    done
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
