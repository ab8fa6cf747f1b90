# A sweep of two parameters: one run per grid point, the runs table, progress one line per run
# (stderr is not a terminal), the sweep as a table with a chart and as CSV, the batch tables,
# and the same command again finding everything done.
T=$(mktemp -d)
cat > $T/plan.lua <<PLAN
return {
  name = "treatment staffing",
  scenarios = { "$PWD/tests/fixtures/base.lua" },
  sweep = { ["services.treat.capacity.slots"] = { 1, 2, 3 }, ["services.intake.capacity.slots"] = { from = 1, to = 2, step = 1 } },
  replications = 4,
  seed = 3,
  output = "sweep.db",
}
PLAN
clean() { sed "s#$T#T#g; s#$PWD#ROOT#g; s#; [0-9.]* replications/s, [0-9:]* left##"; }
samsim batch $T/plan.lua -j 1 2>&1 | clean
echo "exit ${PIPESTATUS[0]}"
samsim batch $T/plan.lua --show treat.wait_mean | clean
samsim batch $T/plan.lua --show system.persons --csv
sqlite3 $T/sweep.db "select count(*), sum(status = 'complete') from runs;
select point, parameter, value from batch_values order by point, parameter;
select b.point, r.command_line from batch_runs b join runs r using(run_id) order by 1;
select name, planned_runs, parameters from batches;" | clean
samsim batch $T/plan.lua -j 1 2>&1 >/dev/null | clean
rm -rf $T
