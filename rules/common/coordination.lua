-- Who is owed what under helse- og omsorgstjenesteloven chapter 7, decided when a service takes on
-- a person (the coordination section's `rule`, decision point `duties`, called as
-- duties(person, ctx)).  The answer:
--   "none"        no duty under chapter 7;
--   "plan"        an individual plan (hol. § 7-1, pbrl. § 2-5) and a coordinator (hol. § 7-2), the
--                 coordinator offered also when the plan is declined;
--   "plan_child"  the same, and a barnekoordinator for the family (hol. § 7-2 a).
--
-- The law, as the sources quote it:
--   * "Kommunen skal sikre at personer med langvarige og sammensatte behov tilbys individuell
--     plan og koordinator" (seed-000 L248; seed-001 L2665-2669): long-term and complex needs
--     (person.complex) entitle to both;
--   * the coordinator "oppnevnes i forbindelse med individuell plan, men skal også tilbys selv om
--     vedkommende takker nei til individuell plan" (seed-004 L701, L1473): the engine offers the
--     coordinator to everyone the rule names, whatever they answer to the plan;
--   * the barnekoordinator (hol. § 7-2 a) is not in the seeds, which all predate it (seed-000
--     digest §3.3 marks it EXTERNAL): families who have a child with serious illness, injury or
--     reduced function needing long-term and coordinated services have the right to one, from
--     1 August 2022 (Prop. 100 L (2020-2021); in force 01.08.2022 per Statsforvalteren i Oslo og
--     Viken and i Innlandet), for children under 18 only.
--
-- The numbers are named below with their source; a scenario of a year before August 2022 gets
-- no barnekoordinator from this rule, whatever the children's needs.

local BARNEKOORDINATOR_FROM = "2022-08-01" -- EXTERNAL: hol. § 7-2 a in force 1 August 2022 (Prop. 100 L (2020-2021))
local P = parameters {
  child_under = cite(18, { "EXTERNAL: hol. § 7-2 a is for children under 18 (Statsforvalteren i Oslo og Viken)",
                           nb = "EKSTERN: hol. § 7-2 a gjelder barn under 18 år (Statsforvalteren i Oslo og Viken)" }),
  serious = assume(3, { "'alvorlig sykdom, skade eller nedsatt funksjonsevne' (hol. § 7-2 a) read as the scenarios' " ..
                        "highest severity (3 of 1-3)",
                        nb = "'alvorlig sykdom, skade eller nedsatt funksjonsevne' (hol. § 7-2 a) lest som scenarioenes høyeste " ..
                               "alvorlighetsgrad (3 av 1-3)" }),
}

local function duties(person, ctx)
  if not person.complex then return "none" end
  if ctx.date >= BARNEKOORDINATOR_FROM and person.age < P.child_under and person.severity >= P.serious then
    return "plan_child"
  end
  return "plan"
end

return {
  duties = duties,

  tests = {
    { name = "no long-term and complex needs: no duty under chapter 7", call = "duties",
      person = { age = 30, severity = 3, complex = false }, ctx = { date = "2023-01-01" }, expect = "none" },
    { name = "long-term and complex needs: an individual plan and a coordinator", call = "duties",
      person = { age = 30, severity = 2, complex = true }, ctx = { date = "2021-05-01" }, expect = "plan" },
    { name = "a seriously ill child in 2021: no barnekoordinator yet (§ 7-2 a came in August 2022)", call = "duties",
      person = { age = 12, severity = 3, complex = true }, ctx = { date = "2021-05-01" }, expect = "plan" },
    { name = "the day before § 7-2 a came into force", call = "duties",
      person = { age = 12, severity = 3, complex = true }, ctx = { date = "2022-07-31" }, expect = "plan" },
    { name = "a seriously ill child from 1 August 2022: a barnekoordinator too", call = "duties",
      person = { age = 12, severity = 3, complex = true }, ctx = { date = "2022-08-01" }, expect = "plan_child" },
    { name = "a child whose needs are not serious: plan and coordinator, no barnekoordinator", call = "duties",
      person = { age = 12, severity = 2, complex = true }, ctx = { date = "2023-01-01" }, expect = "plan" },
    { name = "an 18-year-old is not a child under § 7-2 a", call = "duties",
      person = { age = 18, severity = 3, complex = true }, ctx = { date = "2023-01-01" }, expect = "plan" },
  },
}
