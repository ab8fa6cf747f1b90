-- Where Tenestekontoret's vedtak sends a person in Klepp's substance and mental-health care
-- (scenarios/klepp/rusomsorg-2020.lua): the `next` rule of the stage where the vedtak is finished
-- (fagmote: the weekly koordinerings- og fagmøte has reviewed the draft and named the contact
-- person, and Tenestekontoret sends the vedtak, seed-004 L391).
--
-- The day department serves residents with mental-health and/or substance problems; the 24-hour
-- department serves users with resource-intensive needs, including ROP users who need help in the
-- evening and at weekends (seed-004 L308-311); its base in Fredtunvegen has four apartments
-- (L626); Pluss 16 follows up young people 16-30 with mental-health problems and incipient
-- substance problems (L176, L914).  Applications for a municipal dwelling are Bustadkontoret's
-- (L178, L1030).  So:
--   housing                              -> bustad (Bustadkontoret)
--   severity 3 with long-term and complex needs -> the base while one of its four flats is free
--                                           and nobody waits for it, else the ambulant team
--   severity 3, or ROP                   -> the 24-hour department's ambulant team (severity 3),
--                                           or the day department (ROP at severity 1-2)
--   16-29, severity 1-2                  -> Pluss 16
--   everyone else                        -> the day department (Team 1 and 2)
local P = parameters {
  base_flats = cite(4, { "seed-004 L626: fire brukarar som bur i kvar sin leilegheit (the base in Fredtunvegen)",
                         nb = "seed-004 L626: fire brukarar som bur i kvar sin leilegheit (basen i Fredtunvegen)" }),
}

return {
  next = function(person, service, ctx)
    local need, sev, age = person.need, person.severity, person.age
    if need == "housing" then return "bustad" end
    if sev >= 3 then
      if person.complex and ctx.queue("dogn_base") == 0 and ctx.caseload("dogn_base") < P.base_flats then
        return "dogn_base"
      end
      return "dogn_ambulant"
    end
    if need ~= "rop" and age >= 16 and age < 30 then return "pluss16" end
    return "dag"
  end,

  tests = {
    { name = "a housing application goes to Bustadkontoret",
      service = { id = "tenestekontoret" }, person = { need = "housing", severity = 1, age = 40 }, ctx = {},
      expect = "bustad" },
    { name = "severe and complex: the base while a flat is free",
      service = { id = "tenestekontoret" }, person = { need = "rop", severity = 3, age = 40, complex = true },
      ctx = { queue = { dogn_base = 0 }, caseload = { dogn_base = 3 } }, expect = "dogn_base" },
    { name = "severe and complex: the ambulant team when the base is full",
      service = { id = "tenestekontoret" }, person = { need = "rop", severity = 3, age = 40, complex = true },
      ctx = { queue = { dogn_base = 0 }, caseload = { dogn_base = 4 } }, expect = "dogn_ambulant" },
    { name = "severe and complex: the ambulant team when someone already waits for the base",
      service = { id = "tenestekontoret" }, person = { need = "substance", severity = 3, age = 40, complex = true },
      ctx = { queue = { dogn_base = 1 }, caseload = { dogn_base = 2 } }, expect = "dogn_ambulant" },
    { name = "severe but not complex: the ambulant team",
      service = { id = "tenestekontoret" }, person = { need = "psych", severity = 3, age = 40, complex = false },
      ctx = {}, expect = "dogn_ambulant" },
    { name = "a 22-year-old with mental-health problems goes to Pluss 16",
      service = { id = "tenestekontoret" }, person = { need = "psych", severity = 2, age = 22 }, ctx = {},
      expect = "pluss16" },
    { name = "a 22-year-old with ROP at severity 2 goes to the day department",
      service = { id = "tenestekontoret" }, person = { need = "rop", severity = 2, age = 22 }, ctx = {},
      expect = "dag" },
    { name = "a 45-year-old with substance problems goes to the day department",
      service = { id = "tenestekontoret" }, person = { need = "substance", severity = 2, age = 45 }, ctx = {},
      expect = "dag" },
  },
}
