# REPL: save writes a scenario that extends the original with the overlays' and set values'
# changes; loading it reproduces the model, and so the results, byte for byte.  (The JSON also
# names the scenario file, and its rules hash covers the rule files' paths as reached from it,
# so a file saved in another folder differs there, and only there.)
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT; cd "$w"
# Testby: the scenario these sessions use, written here so tuning scenarios/ changes nothing.
mkdir -p scenarios/models rules
cat > scenarios/testby.lua <<'LUA'
-- Testby kommune: a small service chain for the REPL's transcripts, kept with the tests so that
-- tuning the bundled scenarios does not change them.
return {
  name = "Testby kommune",
  calendar = { start = "2024-01-01", horizon_days = assume(730, "two years"),
               warmup_days = assume(180, "half a year fills the queues"), working_days = "mon-fri", holidays = "norway" },
  needs = { "mild", "moderate", "substance" },
  age_boundaries = { 18 },
  population = { young = { ages = { 6, 24 }, count = assume(3000, "a small town"), growth = 0 } },
  demand = {
    { need = "mild", cohort = "young", per_1000_per_year = assume(50, "a guess"), door = { nurse = 0.6, gp = 0.4 } },
    { need = "moderate", cohort = "young", per_1000_per_year = assume(20, "a guess"), severity = { 0.5, 0.5 }, door = { gp = 1.0 } },
    { need = "substance", cohort = "young", per_1000_per_year = assume(5, "a guess"), door = { gp = 1.0 } },
  },
  doors = {
    nurse = { name = "Skolehelsetjenesten", route = { hs = 1.0 } },
    gp = { name = "Fastlege", route = "rules/triage.lua" },
  },
  services = {
    hs = { order = 1, name = "Helsestasjon og skolehelsetjenesten", fte = assume(3, "school nurses"),
           case_share = assume(0.3, "mostly universal work"), capacity = { slots_per_fte = 20 },
           eligibility = { ages = { 0, 20 } }, episode = { "gamma", mean = 30, sd = 20 },
           target_wait_days = 14, next = { discharge = 0.8, fph = 0.2 } },
    fph = { order = 2, name = "Forebyggende psykisk helsetjeneste", fte = assume(3, "three psychologists"),
            case_share = cite(0.45, "seed-000 L335: 50-60 % of FPH resources go to system-level work"),
            capacity = { slots_per_fte = 20 }, eligibility = { ages = { 0, 24 }, needs = { "mild", "moderate" } },
            intake = { "uniform", min = 2, max = 10 },
            episode = { by_need = { moderate = { "gamma", mean = 100, sd = 40 } }, default = { "gamma", mean = 60, sd = 30 } },
            queue = { "priority", by_severity = { 2, 1 } }, target_wait_days = 42,
            next = { discharge = 0.9, rph = 0.1 }, at_age = { [18] = "continue" } },
    rph = { order = 3, name = "Rus og psykisk helse", fte = 2, case_share = 0.8,
            capacity = { hours_per_fte_week = 37.5, case_hours = { "gamma", mean = 2.5, sd = 1.5 } },
            eligibility = { ages = { 16, 120 } }, episode = { "lognormal", mean = 180, sd = 120 } },
  },
}
LUA
cat > rules/triage.lua <<'LUA'
-- the GP sends substance problems to rph from 16, everything else to fph
return function(person, door, ctx)
  if person.need == "substance" then
    if person.age >= 16 then return "rph" else return "hs" end
  end
  return "fph"
end
LUA
mkdir overlays saved
cat > overlays/more_fph.lua <<'LUA'
return { model = "More psychologists", changes_capacity = true,
         data = { services = { fph = { fte = assume(5, "two more psychologists"), target_wait_days = 28 } } } }
LUA
cat > overlays/school_first.lua <<'LUA'
-- an overlay may be a function of the scenario
return function(s)
  s.doors.nurse.route = { hs = 0.5, fph = 0.5 }
  return s
end
LUA
cat > overlays/no_age_rule.lua <<'LUA'
return function(s) s.services.fph.at_age = nil; return s end
LUA
samsim repl --echo scenarios/testby.lua <<'SESSION'
apply overlays/more_fph.lua
apply overlays/school_first.lua
set services.hs.eligibility.ages {0, 18}
set services.fph.episode.by_need.moderate.mean 80
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
jq -c '.scenario | {overlays, set}' before.json after.json  # how each was made
jq 'del(.scenario.path, .scenario.overlays, .scenario.set)' before.json > a
jq 'del(.scenario.path, .scenario.overlays, .scenario.set)' after.json > b
test -s a && cmp a b && echo "JSON: the same apart from the file name and how it was made, and the same scenario hash"
echo "--- saved/whole.lua begins"
head -5 saved/whole.lua
cmp whole.csv whole_again.csv && echo "the whole model saved gives the same results too"
# the saved file is an ordinary scenario for the command line too
samsim run trial.lua --reps 5 --seed 11 --csv | cmp - before.csv && echo "samsim run gives the same CSV"
