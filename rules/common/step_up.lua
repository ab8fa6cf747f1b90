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
--   next_rph      specialist -> "rph" (Lørenskog's rus og psykisk helse, 18+) for long-term and
--                 complex needs, "hs" (the school nurse) under 18, else discharge
--   next_dag      specialist -> "dag" (Klepp's day department) for long-term and complex needs
--                 (aftercare that starts before discharge, seed-004 L487), "pluss16" from 16 to
--                 18, else discharge
--   next_mu       specialist -> "mu" (Lørenskog 2015: an application to Mottaks- og
--                 utredningskontoret, which decides municipal follow-up, seed-001 E20 L4118-4124)
--                 for long-term and complex needs, else discharge
-- A person the municipal service has already sent back once (person.bounces > 0) is discharged
-- rather than referred again.
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

local function step_down(person, adult, youth, youth_from)
  if not person.complex or person.bounces > 0 then return "discharge" end
  if person.age >= 18 then return adult end
  if person.age >= youth_from then return youth end
  return "discharge"
end

return {
  next = function(person, service, ctx) return step_up(person) end,
  next_rph = function(person, service, ctx) return step_down(person, "rph", "hs", 0) end,
  next_dag = function(person, service, ctx) return step_down(person, "dag", "pluss16", 16) end,
  next_mu = function(person, service, ctx) return step_down(person, "mu", "discharge", 0) end,

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
      service = { id = "dps" }, person = { complex = true, bounces = 0, age = 30 }, ctx = {}, expect = "rph" },
    { name = "after BUP, a child with complex needs steps down to the school nurse", call = "next_rph",
      service = { id = "bup" }, person = { complex = true, bounces = 0, age = 14 }, ctx = {}, expect = "hs" },
    { name = "after specialist care, other needs are discharged", call = "next_rph",
      service = { id = "dps" }, person = { complex = false }, ctx = {}, expect = "discharge" },
    { name = "sent back by RPH once, the person is discharged rather than referred again", call = "next_rph",
      service = { id = "dps" }, person = { complex = true, bounces = 1 }, ctx = {}, expect = "discharge" },
    { name = "after substance treatment in Klepp, complex needs get aftercare in the day department",
      call = "next_dag", service = { id = "tsb" }, person = { complex = true, bounces = 0, age = 35 }, ctx = {},
      expect = "dag" },
    { name = "after treatment, a 17-year-old in Klepp gets aftercare from Pluss 16", call = "next_dag",
      service = { id = "dps" }, person = { complex = true, bounces = 0, age = 17 }, ctx = {}, expect = "pluss16" },
    { name = "after DPS in Lørenskog 2015, complex needs apply to MU for municipal follow-up", call = "next_mu",
      service = { id = "dps" }, person = { complex = true, bounces = 0, age = 40 }, ctx = {}, expect = "mu" },
    { name = "after BUP, a 14-year-old in Klepp is discharged (no municipal youth team under 16)",
      call = "next_dag", service = { id = "bup" }, person = { complex = true, bounces = 0, age = 14 }, ctx = {},
      expect = "discharge" },
  },
}
