T=$(mktemp -d)
samsim run tests/fixtures/base.lua --reps 2 --db $T/r.db -q > /dev/null
samsim run tests/fixtures/rule_runtime_error.lua --reps 3 --db $T/r.db -q
echo "exit $?"
sqlite3 $T/r.db "select count(*) from runs; select count(*) from replications; select count(distinct run_id) from metrics; select status from runs"
rm -rf $T
