# Linked sweep parameters (issue 15): one swept value drives several parameters.  Total staff is
# split between the two services by a share; each run gets the staff its point computes, which the
# dry run lists, the store records per point (batch_values) and per run (run_inputs), and the
# services table shows as the FTE the run had.
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cat > $T/split.lua <<PLAN
-- staff 4 or 6 in all, split between intake and treatment by intake_share
return {
  scenarios = { "$PWD/tests/fixtures/base.lua" },
  sweep = { staff = { 4, 6 }, intake_share = { 0.25, 0.5 } },
  linked = {
    ["services.intake.fte"] = function(v) return v.staff * v.intake_share end,
    ["services.treat.fte"] = function(v) return v.staff * (1 - v.intake_share) end,
  },
  replications = 2,
  output = "split.db",
}
PLAN
samsim batch $T/split.lua --dry-run | sed "s#$T#T#g; s#$PWD#ROOT#g"
samsim batch $T/split.lua -q | sed "s#$T#T#g; s#$PWD#ROOT#g"
echo "exit ${PIPESTATUS[0]}"
echo "-- the values of each point, swept and linked"
sqlite3 $T/split.db "SELECT point, group_concat(parameter || '=' || value, ', ') FROM
  (SELECT * FROM batch_values ORDER BY point, parameter) GROUP BY point ORDER BY point;"
echo "-- the staff each run had, and the overrides it was given"
sqlite3 $T/split.db "SELECT b.point, s.service, s.fte FROM batch_runs b JOIN services s USING(run_id)
  ORDER BY b.point, s.service;
SELECT b.point, group_concat(i.target || '=' || i.value, ', ') FROM batch_runs b JOIN
  (SELECT * FROM run_inputs ORDER BY run_id, seq) i USING(run_id) GROUP BY b.point ORDER BY b.point;"
echo "-- the sweep table names the linked parameters too"
samsim batch $T/split.lua --show system.persons --csv | sed "s#$T#T#g"
