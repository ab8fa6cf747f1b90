# REPL without a terminal: a piped session, read FILE, -c; errors say FILE:LINE: and the exit
# code is 1 when any command failed.
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
cat > setup.txt <<'TXT'
-- a session file: commands and Lua, one input per line
load scenarios/testby.lua
set services.fph.fte 5
set services.fph.fte lots
read inner.txt
= model.services.fph.fte
TXT
cat > inner.txt <<'TXT'
= "inside inner.txt"
show nothing
TXT
cat > loop.txt <<'TXT'
read loop.txt
TXT
cat > quits.txt <<'TXT'
= "before quit"
quit
= "never printed"
TXT
echo "== a clean session exits 0"
printf 'load scenarios/testby.lua\n= model.services.hs.fte\n' | samsim repl; echo "exit code $?"
echo "== read, with errors in both files"
printf 'read setup.txt\n= "after read"\nread missing.txt\n' | samsim repl; echo "exit code $?"
echo "== read reading itself"
samsim repl -c 'read loop.txt' 2>&1 | tail -3; echo "exit code ${PIPESTATUS[0]}"
echo "== quit inside a file stops everything"
printf 'read quits.txt\n= "after"\n' | samsim repl; echo "exit code $?"
echo "== -c, several"
samsim repl scenarios/testby.lua -c 'set services.fph.fte 7' -c '= model.services.fph.fte' -c 'bad ]'; echo "exit code $?"
echo "== -c, clean"
samsim repl -c '= 6 * 7'; echo "exit code $?"
echo "== a scenario that does not load, named on the command line"
samsim repl scenarios/nowhere.lua -c 'show'; echo "exit code $?"
echo "== an open quote and an unfinished chunk at the end of input"
printf "load 'scenarios/testby.lua\nfor i = 1, 3 do\n" | samsim repl; echo "exit code $?"
echo "== options"
samsim repl --frobnicate; echo "exit code $?"
samsim repl a.lua b.lua; echo "exit code $?"
samsim repl -c; echo "exit code $?"
echo "== Ctrl-D (end of input) with nothing typed"
samsim repl < /dev/null; echo "exit code $?"
echo "== samsim with no arguments and no terminal still prints the help"
samsim < /dev/null > /dev/null 2>&1; echo "exit code $?"
