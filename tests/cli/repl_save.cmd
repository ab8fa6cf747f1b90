# REPL: save writes a scenario that extends the original with the overlays' and set values'
# changes; loading it reproduces the model, and so the results, byte for byte.  (The JSON also
# names the scenario file, and its rules hash covers the rule files' paths as reached from it,
# so a file saved in another folder differs there, and only there.)
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
ln -s "$PWD/scenarios" "$w/scenarios"; ln -s "$PWD/rules" "$w/rules"; cd "$w"
mkdir overlays saved
cat > overlays/more_fph.lua <<'LUA'
return { services = { fph = { fte = assume(6, "two more psychologists"), target_wait_days = 28 } } }
LUA
cat > overlays/school_first.lua <<'LUA'
-- an overlay may be a function of the scenario
return function(s)
  s.doors.self.route.default = { fph = 0.5, hs = 0.5 }
  return s
end
LUA
cat > overlays/no_age_rule.lua <<'LUA'
return function(s) s.services.fph.at_age = nil; return s end
LUA
samsim repl --echo scenarios/default.lua <<'SESSION'
apply overlays/more_fph.lua
apply overlays/school_first.lua
set services.hs.eligibility.ages {0, 18}
set services.fph.episode.by_need.mild.mean 45
set calendar.horizon_days 800
run 5 11
export before.csv
export before.json
save trial.lua
save trial.txt
save nofolder/trial.lua
load trial.lua
show diff
run 5 11
export after.csv
export after.json
apply overlays/no_age_rule.lua
save saved/whole.lua
run 5 11
export whole.csv
load saved/whole.lua
run 5 11
export whole_again.csv
SESSION
echo "exit code $?"
echo "--- trial.lua"
cat trial.lua
cmp before.csv after.csv && echo "CSV: the same results, byte for byte"
grep -v '"path"' before.json > a; grep -v '"path"' after.json > b
test -s a && cmp a b && echo "JSON: the same apart from the file name, and the same scenario hash"
echo "--- saved/whole.lua begins"
head -5 saved/whole.lua
cmp whole.csv whole_again.csv && echo "the whole model saved gives the same results too"
# the saved file is an ordinary scenario for the command line too
samsim run trial.lua --reps 5 --seed 11 --csv | cmp - before.csv && echo "samsim run gives the same CSV"
