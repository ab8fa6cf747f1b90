-- Stepped care at the end of a school nurse's (helsestasjon og skolehelsetjenesten) episode in
-- Lørenskog (scenarios/lorenskog/barn-unge-2021.lua).
--
-- The school nurse reaches everyone and so detects problems (seed-000 L325-327); she gives
-- supportive talks, and passes on what she cannot treat: mild to moderate mental-health problems
-- to the FPH waiting list (L491: the nurses carry these cases while they wait), substance use to
-- the youth health clinic (HFU, L327), care concerns to barnevern (duty to report, L505),
-- learning difficulties to PPT, severe illness to specialist care (through the GP, L302).
-- Severity 1 is handled by the nurse herself and discharged.

local function specialist(p)
  if p.age < 18 then return "bup" end
  return "dps"
end

return {
  next = function(person, service, ctx)
    local age, need, sev = person.age, person.need, person.severity
    if need == "severe" or sev >= 3 then
      if need == "substance" and age >= 18 then return "rph" end
      return specialist(person)
    end
    if sev < 2 then return "discharge" end
    if need == "substance" then
      if age >= 18 then return "rph" end
      if age >= 13 then return "hfu" end
      return "bup"
    end
    if need == "family" then
      if age < 18 then return "bvt_und" end
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
    if age < 20 then return "fph_barn" end
    return "fph_voksen"
  end,

  tests = {
    { name = "a mild case is handled by the nurse and discharged",
      service = { id = "hs" }, person = { age = 11, need = "mild", severity = 1 }, ctx = {},
      expect = "discharge" },
    { name = "a moderate case at 14 goes on to the FPH waiting list",
      service = { id = "hs" }, person = { age = 14, need = "moderate", severity = 2 }, ctx = {},
      expect = "fph_barn" },
    { name = "a moderate case at 21 goes to FPH's adult team",
      service = { id = "hs" }, person = { age = 21, need = "mild", severity = 2 }, ctx = {},
      expect = "fph_voksen" },
    { name = "severe illness at 15 goes to BUP",
      service = { id = "hs" }, person = { age = 15, need = "moderate", severity = 3 }, ctx = {},
      expect = "bup" },
    { name = "substance use at 15 goes to HFU",
      service = { id = "hs" }, person = { age = 15, need = "substance", severity = 2 }, ctx = {},
      expect = "hfu" },
    { name = "substance use at 19 goes to RPH",
      service = { id = "hs" }, person = { age = 19, need = "substance", severity = 2 }, ctx = {},
      expect = "rph" },
    { name = "a care concern is reported to barnevern",
      service = { id = "hs" }, person = { age = 6, need = "family", severity = 2 }, ctx = {},
      expect = "bvt_und" },
    { name = "learning difficulties at 9 go to PPT",
      service = { id = "hs" }, person = { age = 9, need = "learning", severity = 2 }, ctx = {},
      expect = "ppt" },
  },
}
