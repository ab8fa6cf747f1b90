-- The rule bridge's fuzz scenario: every decision point is the rule file rules/fuzz.lua, which
-- the harness writes for each input (tests/fuzz/fuzz_rules.c).
return {
  name = "Fuzz: every decision point a rule",
  calendar = { start = "2021-03-01", horizon_days = 40, warmup_days = 0, working_days = "mon-fri" },
  needs = { "mild", "severe" },
  age_boundaries = { 18 },
  doors = { gp = { name = "GP", route = "rules/fuzz.lua:route" },
            school = { name = "School", route = "rules/fuzz.lua:route" } },
  services = {
    intake = { name = "Intake", fte = 2, capacity = { slots = 2 }, episode = 2, accept = "rules/fuzz.lua:accept",
               queue = { "priority", rule = "rules/fuzz.lua:priority" }, next = "rules/fuzz.lua:next",
               at_age = "rules/fuzz.lua:at_age" },
    treat = { name = "Treatment", fte = 3, capacity = { slots = 3 }, episode = 5, next = "rules/fuzz.lua:next" },
  },
  demand = {
    { need = "mild", rate_per_day = 1, ages = { 16, 19 }, door = "rules/fuzz.lua:door" },
    { need = "severe", rate_per_day = 0.5, ages = { 10, 19 }, door = "rules/fuzz.lua:door" },
  },
}
