# REPL: run, results, charts, trace, export and compare; a failing rule leaves the model as it was.
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
ln -s "$PWD/scenarios" "$w/scenarios"; ln -s "$PWD/rules" "$w/rules"; cd "$w"
mkdir overlays
cat > overlays/broken_triage.lua <<'LUA'
return { doors = { gp = { route = "overlays/broken_triage_rule.lua" } } }
LUA
cat > overlays/broken_triage_rule.lua <<'LUA'
return function(person, door, ctx)
  return ctx.nothing.here
end
LUA
cat > other.lua <<'LUA'
return { extends = "scenarios/default.lua", services = { hs = { fte = 10 } } }
LUA
samsim repl --echo scenarios/default.lua <<'SESSION'
results
chart
compare
run 0
run 10 x
run 10 3 4
run 10 3
results
results fph
results system
results fhp
chart
chart waits
chart queue fph
chart caseload hs
chart hist fph
chart hist
chart pie
trace 100
trace 0
trace 999999
compare
set services.fph.fte 6
compare
compare
run 5 3
compare
compare other.lua
compare nowhere.lua
export results.csv
export results.json
export results.xlsx
export nofolder/results.csv
apply overlays/broken_triage.lua
run 2
show
= results.replications
SESSION
echo "exit code $?"
head -3 results.csv
grep -c . results.csv
grep '"replications"' results.json
