# Values whose metamethods fail or loop, handed back to C by a scenario, cite(), an overlay, a
# rule, a REPL expression and a stored scenario: each is refused with the place named, never an
# abort ("unprotected error in Lua") or a hang.  Recursion and memory errors name the file.
d=tests/fixtures/sandbox
samsim check $d/hostile_scenario.lua; echo "exit $?"
samsim check $d/hostile_cite.lua; echo "exit $?"
samsim check tests/fixtures/base.lua --apply $d/hostile_overlay.lua; echo "exit $?"
samsim check tests/fixtures/base.lua --set 'name=setmetatable({}, {__index = error})' | sed 's/;.*//'; echo "exit $?"
samsim run $d/hostile_rule.lua --reps 1; echo "exit $?"
samsim check $d/deep.lua; echo "exit $?"
samsim check $d/recursion.lua; echo "exit $?"
samsim check $d/greedy.lua; echo "exit $?"
samsim repl tests/fixtures/base.lua \
  -c 'trap = setmetatable({}, {__index = function() while true do end end, __tostring = function() error("x") end, __pairs = error})' \
  -c '= trap' -c '= trap.anything' -c '= tostring(trap)' -c '= {inner = trap}' \
  -c 'for k, v in pairs(model) do rawset(model, k, 1) end' -c '= getmetatable(model)' \
  -c 'local _, real = pairs(model.services) real.intake = nil' -c '= model.services.intake.name'
echo "exit $?"
# samsim report reads the resolved scenario stored with a run: a tampered one is data, not code
# that may run unbounded or unprotected.
db=$(mktemp -d)/r.db
samsim run tests/fixtures/base.lua --reps 2 --db $db -q > /dev/null; echo "run exit $?"
python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE runs SET resolved_scenario = ?", ("return setmetatable({}, {__index = function() while true do end end})",))
c.commit()
PY
samsim report $db --out "$(dirname $db)/report.html" --markdown - | grep -c '^#' | sed 's/^[1-9][0-9]*$/report written/'
echo "exit $?"
rm -rf "$(dirname $db)"
