# The REPL in Norwegian (issue 15): --lang nb, or the language a scenario declares; messages, headers,
# table labels, help, explain and compare's verdict in bokmål, figures with decimal commas (an
# interval's ends parted by a semicolon); commands, paths and typed values stay as they are.  Names are cut to fit the output's
# width: in a pipe to a narrow width, whole when $COLUMNS (a terminal's width) leaves room.
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
echo "=== --lang nb"
samsim repl --echo --lang nb scenarios/testby.lua <<'SESSION'
run 5 3
results fph
set services.fph.fte 4,5
set services.fph.fte +0.5
compare
explain fph
show
show diff
undo
baseline what
rn
results fhp
trace 999999
help baseline
SESSION
echo "exit code $?"
echo "=== a wide terminal: whole names"
COLUMNS=200 samsim repl --lang nb scenarios/testby.lua -c "run 5 3" -c "show services" | cut -c1-80
echo "=== the scenario's language, and --lang en over it"
sed 's/^  name = "Testby kommune",/  name = "Testby kommune", language = "nb",/' scenarios/testby.lua > scenarios/testby-nb.lua
samsim repl scenarios/testby-nb.lua -c "run 3 3"
samsim repl --lang en scenarios/testby-nb.lua -c "run 3 3"
echo "=== a language samsim does not speak"
samsim repl --lang sv scenarios/testby.lua -c "run 3 3"
echo "exit code $?"
sed 's/language = "nb"/language = "se"/' scenarios/testby-nb.lua > scenarios/testby-se.lua
samsim repl scenarios/testby-se.lua -c "run 3 3"
echo "exit code $?"
