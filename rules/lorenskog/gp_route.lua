-- Where a GP (fastlege) in Lørenskog sends a child, young person or adult with a mental-health,
-- substance or family concern (scenarios/lorenskog/barn-unge-2021.lua).
--
-- What the sources say a GP does: treatment and referrals to specialist care (seed-000 L302);
-- applications for municipal health and care services, such as RPH's follow-up of adults, go
-- to Samhandling og forvaltning, which maps the need and makes the vedtak (L290).  GPs "refer directly to BUP and involve other
-- actors little" (seed-002 L81); cooperation with barnevern depends on individuals, with no
-- fixed arena (seed-000 L513).  So, unlike an intake team (rules/common/triage.lua), the GP:
--   * sends moderate problems under 18 to BUP when the FPH waiting list is very long
--     (the threshold, 200 waiting, is an assumption: over four months of the child team's
--     intake, beyond the three months of May 2021);
--   * sends substance problems under 18 to BUP rather than to the youth health clinic when they
--     are moderate (the GP knows specialist care better than the municipal low-threshold offer);
--   * sends mild problems straight to FPH (a psychologist) rather than to the school nurse.
-- After a bounce (the service sent the person back) the GP tries the municipal alternative.

local P = parameters {
  waitlist_bypass = assume(200, { "persons waiting at FPH's child team from which a GP sends moderate problems "
      .. "under 18 to BUP: over four months of the child team's intake, beyond the three months of May 2021 "
      .. "(seed-000 L333, L489)",
                                  nb = "antall som venter ved FPHs barneteam før en fastlege sender moderate plager under 18 år til BUP: " ..
                                         "mer enn fire måneders inntak i barneteamet, utover de tre månedene i mai 2021 (seed-000 L333, L489)" }),
}

local function bounced_from(person, id)
  local h = person.history
  for i = 1, #h do if h[i] == id then return true end end
  return false
end

return {
  route = function(person, door, ctx)
    local age, need, sev = person.age, person.need, person.severity
    if need == "severe" or sev >= 3 then
      if need == "substance" and age >= 18 then return "samfor" end
      if age < 18 then return "bup" end
      return "dps"
    end
    if need == "substance" then
      if age >= 18 then return "samfor" end
      if sev >= 2 and not bounced_from(person, "bup") then return "bup" end
      if age >= 13 then return "hfu" end
      return "hs"
    end
    if need == "family" then
      if age < 18 then return "bvt_und" end   -- duty to report (barnevernloven § 6-4, L505)
      return "nav_ung"
    end
    if need == "learning" then
      if age < 16 then return "ppt" end
      return "fk_ot"
    end
    if need == "welfare" then
      if age < 16 then return "bvt_und" end
      return "nav_ung"
    end
    -- mild and moderate mental-health problems
    if age >= 20 then return "fph_voksen" end
    if need == "moderate" and age < 18 and ctx.queue("fph_barn") > P.waitlist_bypass
       and not bounced_from(person, "bup") then
      return "bup"
    end
    return "fph_barn"
  end,

  tests = {
    { name = "severe illness at 15 goes to BUP", door = "gp",
      person = { age = 15, need = "severe", severity = 3 }, ctx = {}, expect = "bup" },
    { name = "severe illness at 30 goes to DPS", door = "gp",
      person = { age = 30, need = "severe", severity = 3 }, ctx = {}, expect = "dps" },
    { name = "severe substance use at 25: an application to Samhandling og forvaltning (for RPH)", door = "gp",
      person = { age = 25, need = "substance", severity = 3 }, ctx = {}, expect = "samfor" },
    { name = "moderate substance use at 16 goes to BUP", door = "gp",
      person = { age = 16, need = "substance", severity = 2, history = {} }, ctx = {}, expect = "bup" },
    { name = "moderate substance use at 16, sent back by BUP, goes to HFU", door = "gp",
      person = { age = 16, need = "substance", severity = 2, history = { "bup" } }, ctx = {}, expect = "hfu" },
    { name = "mild substance use at 14 goes to HFU", door = "gp",
      person = { age = 14, need = "substance", severity = 1, history = {} }, ctx = {}, expect = "hfu" },
    { name = "substance use at 19: an application to Samhandling og forvaltning", door = "gp",
      person = { age = 19, need = "substance", severity = 1 }, ctx = {}, expect = "samfor" },
    { name = "a care concern at 8 is reported to child welfare", door = "gp",
      person = { age = 8, need = "family", severity = 2 }, ctx = {}, expect = "bvt_und" },
    { name = "learning difficulties at 11 go to PPT", door = "gp",
      person = { age = 11, need = "learning", severity = 1 }, ctx = {}, expect = "ppt" },
    { name = "moderate problems at 15 go to FPH while its list is short", door = "gp",
      person = { age = 15, need = "moderate", severity = 2, history = {} },
      ctx = { queue = { fph_barn = 150 } }, expect = "fph_barn" },
    { name = "moderate problems at 15 go to BUP when the FPH list is long", door = "gp",
      person = { age = 15, need = "moderate", severity = 2, history = {} },
      ctx = { queue = { fph_barn = 250 } }, expect = "bup" },
    { name = "moderate problems at 15, sent back by BUP, go to FPH however long its list", door = "gp",
      person = { age = 15, need = "moderate", severity = 2, history = { "bup" } },
      ctx = { queue = { fph_barn = 250 } }, expect = "fph_barn" },
    { name = "moderate problems at 18 go to FPH's child team (0-20)", door = "gp",
      person = { age = 18.5, need = "moderate", severity = 2 }, ctx = {}, expect = "fph_barn" },
    { name = "mild problems at 12 go to FPH, not the school nurse", door = "gp",
      person = { age = 12, need = "mild", severity = 1 }, ctx = {}, expect = "fph_barn" },
    { name = "mild problems at 45 go to FPH's adult team", door = "gp",
      person = { age = 45, need = "mild", severity = 1 }, ctx = {}, expect = "fph_voksen" },
  },
}
