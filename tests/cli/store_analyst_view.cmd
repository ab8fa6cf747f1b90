# Analyst-friendly storage (issue 15): metric_info says what every metric is (unit, which way is
# better, description); run_wide has one row per run with its parameters and key figures, for
# plain runs (their --set values, a decimal comma read as a number) and batch points (swept,
# linked and variables) alike; a merge keeps it; a share is stored as a fraction, as metric_info says.
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cp tests/fixtures/base.lua "$T/"
cd "$T"
samsim run base.lua --reps 3 --db r.db -q > /dev/null
samsim run base.lua --reps 3 --db r.db -q --set services.intake.fte=3 > /dev/null
samsim run base.lua --reps 3 --db r.db -q --set services.intake.fte=2,5 --set 'services.treat.name="Behandling"' > /dev/null
echo "-- metric_info: every metric of the engine, with its unit and which way is better"
sqlite3 r.db "SELECT count(*), count(DISTINCT better) FROM metric_info;
SELECT scope, metric, unit, better, label_nb, description FROM metric_info
 WHERE metric IN ('wait_mean', 'over_target_share', 'utilisation', 'arrivals', 'persons') ORDER BY scope, metric;"
echo "-- which way is better, read beside the figures"
sqlite3 r.db "SELECT s.subject, s.metric, round(s.mean, 3), m.unit, m.better FROM summary s
 JOIN metric_info m USING(scope, metric) WHERE s.run_id = 2 AND s.metric IN ('wait_mean', 'over_target_share')
 ORDER BY s.subject, s.metric;"
echo "-- run_wide: one row per run"
sqlite3 -header r.db "SELECT run_id, status, \"services.intake.fte\", typeof(\"services.intake.fte\") AS type,
 \"services.treat.name\", round(\"intake.wait_mean\", 2) AS intake_wait, \"persons\" FROM run_wide ORDER BY run_id;"
sqlite3 r.db "SELECT name FROM pragma_table_info('run_wide') ORDER BY cid;" | tr '\n' ' '; echo
echo "-- a batch file: swept, variable and linked values are columns"
cat > plan.lua <<'PLAN'
return { scenarios = { "base.lua" }, sweep = { staff = { 4, 6 }, ["services.intake.case_share"] = { 0.5, 1 } },
  linked = { ["services.treat.capacity.slots"] = function(v) return v.staff - 2 end }, replications = 2, output = "b.db" }
PLAN
samsim batch plan.lua -q > /dev/null
sqlite3 -header b.db "SELECT point, staff, \"services.intake.case_share\" AS share, \"services.treat.capacity.slots\" AS slots,
 round(\"treat.utilisation\", 3) AS treat_utilisation FROM run_wide ORDER BY point;"
echo "-- merged, the view is there with every run"
samsim merge all.db r.db b.db -q
sqlite3 all.db "SELECT count(*), count(staff), count(\"services.intake.fte\") FROM run_wide;"
