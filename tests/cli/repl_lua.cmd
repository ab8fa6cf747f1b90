# REPL: input that is not a command is Lua, as lua.c runs it: expressions print, statements
# run, unfinished input continues on the next line; errors say <stdin>:LINE:.
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
samsim repl --echo scenarios/testby.lua <<'SESSION'
= 1 + 1
1 + 1
"text"
nil
= model.name
model.services.fph.fte, model.calendar.warmup_days
= model.services.fph.eligibility
= #model.needs
x = 40
= x + 2
function weeks(days)
  return days / 7
end
= weeks(63)
for _, id in ipairs({"hs", "fph"}) do
  print(id, model.services[id].fte)
end
= results
run 5
= results.services.fph.wait_mean
= results.services.fph.wait_mean.mean, results.services.fph.wait_mean.ci_low, results.services.fph.wait_mean.ci_high
= results.services.fph.wait_mean.n
= results.services.fph.wait_mean > results.services.hs.wait_mean
= results.services.fph.wait_mean / 7
= "fph waits " .. results.services.fph.wait_mean .. " days"
= results.system.persons
= results.services.rph.over_target_share
= results.services.rph.over_target_share + 1
= previous
set services.fph.fte 6
run 5
= results.services.fph.wait_mean - previous.services.fph.wait_mean
= model.services.fph.fte
model.services.fph.fte = 9
results = nil
results.seed = 2
= modle
= math.floor(2.5), string.upper("lørenskog")
print(os)
while true do end
= 1 +
  2 +
  3
if x > 1 then
  print("big")
else
= 1 )
local y = 1
= y
for i = 1, 2 do
SESSION
echo "exit code $?"
