#!/usr/bin/env bash
# The threaded tests under ThreadSanitizer (make tsan, and make test): the worker pool's unit
# tests, the batch and comparison unit tests (replications and batches on two threads),
# `samsim run -j 2`, `samsim batch -j 2` and `samsim compare -j 2`, and the transcripts that run
# -j 1 against -j 2, kill and resume, shard, or run two batches at once.  Left out for time:
# tests/validation/test_queueing (two minutes under TSan on the same runner as `run -j 2`) and
# test_report (its runs are the comparison's).  Any ThreadSanitizer report fails it:
# TSAN_OPTIONS makes a report exit 66, and the output is searched for one as well.
#   tests/tsan.sh build-tsan
set -u
cd "$(dirname "$0")/.."
build=${1:-build-tsan}
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1"
passed=0; failed=0; failures=()

check() {  # label, then the command; fails on a non-zero exit or a report in its output
    local label=$1 out rc; shift
    out=$("$@" 2>&1); rc=$?
    if [ $rc -ne 0 ] || printf '%s\n' "$out" | grep -q "ThreadSanitizer"; then
        failed=$((failed + 1)); failures+=("$label")
        printf '%s\n' "$out" | grep -v '^\[ *\(RUN\|OK\) ' | head -60
        echo "FAIL: $label (exit $rc)"
    else
        passed=$((passed + 1))
    fi
}

echo "== ThreadSanitizer against $build"
for t in unit/test_pool unit/test_batch unit/test_compare; do
    check "$t" "$build/tests/$t"
done
T=$(mktemp -d)
check "samsim run -j 2" "$build/samsim" run scenarios/default.lua --reps 6 -j 2 --db "$T/run.db"
cat > "$T/plan.lua" <<PLAN
return {
  scenarios = { "$PWD/scenarios/default.lua" },
  models = { {}, { "$PWD/scenarios/models/more-fph-staff.lua" } },
  sweep = { ["services.hs.fte"] = { 8, 10 } },
  replications = 5,
  output = "batch.db",
}
PLAN
check "samsim batch -j 2" "$build/samsim" batch "$T/plan.lua" -j 2 -q
check "samsim batch -j 2 again (all stored)" "$build/samsim" batch "$T/plan.lua" -j 2 -q
check "samsim compare -j 2" "$build/samsim" compare scenarios/default.lua +scenarios/models/more-fph-staff.lua --reps 4 -j 2
rm -rf "$T"
for cmd in cli_determinism batch_equals_run batch_resume_kill batch_shard_merge store_second_batch; do
    check "cli/$cmd" env ONLY=$cmd tests/run.sh "$build"
done

if [ $failed -gt 0 ]; then
    echo "failed:"; printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
