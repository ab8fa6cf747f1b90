-- Episode end: step up to specialist care when severity is high, step down (or out) otherwise.
--
-- The shared model of levels of care: municipal services treat mild to moderate problems in a
-- short-term offer, and "people with heavier problems who need help over time are referred to
-- specialist care and/or RPH" (seed-000 L337); when an adult's problems get worse "the next
-- instance is specialist care (DPS), and then RPH" (seed-000 L485); specialist care treats severe
-- illness (L361), and the municipality follows up after discharge (aftercare, seed-004 L487).
--
-- Conventions (ids shared by the baselines in scenarios/lorenskog and scenarios/klepp):
--   bup  child and adolescent psychiatry (under 18)      dps  adult psychiatry (DPS)
--   tsb  specialised substance treatment (ARA, TSB)
-- and for the step down, the municipal follow-up service named by the function used:
--   next          municipal service -> specialist when severity >= 3, else discharge
--   next_rph      specialist -> "rph" (Lørenskog's rus og psykisk helse) for long-term and
--                 complex needs, else discharge
--   next_dag      specialist -> "dag" (Klepp's day department) for long-term and complex needs
--                 (aftercare that starts before discharge, seed-004 L487), else discharge
-- Scenarios pick one with "rules/common/step_up.lua:next_rph" and so on.

local function specialist(p)
  if p.need == "substance" then
    if p.age >= 18 then return "tsb" end
    return "bup"
  end
  if p.age < 18 then return "bup" end
  return "dps"
end

local function step_up(person)
  if person.severity >= 3 or person.need == "severe" then return specialist(person) end
  return "discharge"
end

local function step_down(person, municipal)
  if person.complex then return municipal end
  return "discharge"
end

return {
  next = function(person, service, ctx) return step_up(person) end,
  next_rph = function(person, service, ctx) return step_down(person, "rph") end,
  next_dag = function(person, service, ctx) return step_down(person, "dag") end,

  tests = {
    { name = "a child whose problems became severe steps up to BUP", call = "next",
      service = { id = "fph_barn" }, person = { age = 12, need = "moderate", severity = 3 }, ctx = {},
      expect = "bup" },
    { name = "an adult whose problems became severe steps up to DPS", call = "next",
      service = { id = "fph_voksen" }, person = { age = 34, need = "mild", severity = 3 }, ctx = {},
      expect = "dps" },
    { name = "severe substance use at 25 steps up to TSB", call = "next",
      service = { id = "rph" }, person = { age = 25, need = "substance", severity = 3 }, ctx = {},
      expect = "tsb" },
    { name = "severe substance use at 16 steps up to BUP", call = "next",
      service = { id = "hfu" }, person = { age = 16, need = "substance", severity = 3 }, ctx = {},
      expect = "bup" },
    { name = "a severe need at severity 2 still belongs to specialist care", call = "next",
      service = { id = "hs" }, person = { age = 19, need = "severe", severity = 2 }, ctx = {},
      expect = "dps" },
    { name = "a moderate case that ends at severity 2 is discharged", call = "next",
      service = { id = "fph_barn" }, person = { age = 15, need = "moderate", severity = 2 }, ctx = {},
      expect = "discharge" },
    { name = "after specialist care, long-term and complex needs step down to RPH", call = "next_rph",
      service = { id = "dps" }, person = { complex = true }, ctx = {}, expect = "rph" },
    { name = "after specialist care, other needs are discharged", call = "next_rph",
      service = { id = "dps" }, person = { complex = false }, ctx = {}, expect = "discharge" },
    { name = "after substance treatment in Klepp, complex needs get aftercare in the day department",
      call = "next_dag", service = { id = "tsb" }, person = { complex = true }, ctx = {}, expect = "dag" },
  },
}
