-- BTI, Bedre Tverrfaglig Innsats: an escalation ladder with a shared relay log (stafettlogg),
-- seed-002 L63-65.  Used by scenarios/models/bti-ladder.lua.
--   level 0 (route): the kindergarten or school starts measures itself at once, logged in the
--     stafettlogg ("arena"); severe illness and care concerns that must be reported (seed-000
--     L505) go straight to the service instead;
--   level 1 (next, when the arena's measures end): "if the kindergarten has worked with measures
--     through the stafettlogg and gets no further, it can ask for assistance" from PPT and the
--     educational support service, with the school nurse to come; the PPT psychologist joins where
--     needed (L65).  Severity 1 was met at level 0 and ends; otherwise learning to PPT, mental
--     health to the school nurse (severity 1-2) and FPH (moderate), care concerns to barnevern,
--     substance use to HFU.

local function severe(p)
  if p.age < 18 then return "bup" end
  return "dps"
end

return {
  route = function(person, door, ctx)
    if person.need == "severe" or person.severity >= 3 then return severe(person) end
    if person.need == "family" and person.severity >= 2 then return "bvt_und" end
    return "arena"
  end,

  next = function(person, service, ctx)
    local need, sev, age = person.need, person.severity, person.age
    if need == "severe" or sev >= 3 then return severe(person) end
    if sev < 2 then return "discharge" end
    if need == "learning" then
      if age < 16 then return "ppt" end
      return "fk_ot"
    end
    if need == "family" or need == "welfare" then return "bvt_und" end
    if need == "substance" then
      if age >= 13 then return "hfu" end
      return "hs"
    end
    if need == "moderate" then return "fph_barn" end
    return "hs"
  end,

  tests = {
    { name = "a concern at kindergarten starts with the arena's own measures", call = "route", door = "kindergarten",
      person = { age = 4, need = "learning", severity = 2 }, ctx = {}, expect = "arena" },
    { name = "a serious care concern goes straight to barnevern", call = "route", door = "school",
      person = { age = 9, need = "family", severity = 2 }, ctx = {}, expect = "bvt_und" },
    { name = "severe illness goes straight to BUP", call = "route", door = "school",
      person = { age = 13, need = "moderate", severity = 3 }, ctx = {}, expect = "bup" },
    { name = "level 0 was enough for a mild concern", call = "next", service = { id = "arena" },
      person = { age = 6, need = "mild", severity = 1 }, ctx = {}, expect = "discharge" },
    { name = "level 1: learning difficulties get PPT's assistance", call = "next", service = { id = "arena" },
      person = { age = 6, need = "learning", severity = 2 }, ctx = {}, expect = "ppt" },
    { name = "level 1: moderate problems get FPH", call = "next", service = { id = "arena" },
      person = { age = 12, need = "moderate", severity = 2 }, ctx = {}, expect = "fph_barn" },
    { name = "level 1: a mild problem of severity 2 gets the school nurse", call = "next", service = { id = "arena" },
      person = { age = 12, need = "mild", severity = 2 }, ctx = {}, expect = "hs" },
    { name = "level 1: substance use at 14 goes to HFU", call = "next", service = { id = "arena" },
      person = { age = 14, need = "substance", severity = 2 }, ctx = {}, expect = "hfu" },
  },
}
