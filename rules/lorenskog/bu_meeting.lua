-- The barne- og ungdomsfaglige møter (interdisciplinary child and youth meetings) in Lørenskog's
-- kindergartens (every 6 weeks), schools (every 4 weeks) and health centres (every 6 weeks),
-- seed-000 L392-396: school health, barnevern, PPT and the kindergarten's or school's leaders
-- meet; a mapping (kartlegging) by the kindergarten or school comes first (L411); the aim is early
-- measures before problems escalate (L411).  The engine holds a concern until the meeting and
-- may postpone it (the door's meeting); this rule is what the meeting decides when it acts:
--   * mild concerns (severity 1): measures in the kindergarten or school itself ("arena"),
--     or the health centre's own follow-up for the youngest (door health_centre);
--   * otherwise refer to the service the members represent or know: BVT, PPT, the school nurse,
--     FPH, HFU; severe illness to BUP.

return {
  route = function(person, door, ctx)
    local age, need, sev = person.age, person.need, person.severity
    if need == "severe" or sev >= 3 then
      if age < 18 then return "bup" end
      return "dps"
    end
    if need == "family" then return "bvt_und" end
    if need == "learning" then
      if sev < 2 and door ~= "health_centre" then return "arena" end
      if age < 16 then return "ppt" end
      return "fk_ot"
    end
    if need == "welfare" then
      if age < 16 then return "bvt_und" end
      return "nav_ung"
    end
    if need == "substance" then
      if age >= 13 then return "hfu" end
      return "hs"
    end
    if sev < 2 then
      if door == "health_centre" then return "hs" end
      return "arena"
    end
    if age < 20 then return "fph_barn" end
    return "fph_voksen"
  end,

  tests = {
    { name = "a care concern at a kindergarten meeting goes to barnevern", door = "kindergarten",
      person = { age = 4, need = "family", severity = 1 }, ctx = {}, expect = "bvt_und" },
    { name = "mild learning concerns at school are met with measures in the school", door = "school",
      person = { age = 8, need = "learning", severity = 1 }, ctx = {}, expect = "arena" },
    { name = "learning difficulties of severity 2 go to PPT", door = "school",
      person = { age = 8, need = "learning", severity = 2 }, ctx = {}, expect = "ppt" },
    { name = "a mild mental-health concern at school: measures at school", door = "school",
      person = { age = 12, need = "mild", severity = 1 }, ctx = {}, expect = "arena" },
    { name = "a mild concern at the health centre: the health centre follows up", door = "health_centre",
      person = { age = 1, need = "mild", severity = 1 }, ctx = {}, expect = "hs" },
    { name = "moderate problems at 14 go to FPH", door = "school",
      person = { age = 14, need = "moderate", severity = 2 }, ctx = {}, expect = "fph_barn" },
    { name = "severe illness at 13 goes to BUP", door = "school",
      person = { age = 13, need = "moderate", severity = 3 }, ctx = {}, expect = "bup" },
    { name = "substance use at 14 goes to HFU", door = "school",
      person = { age = 14, need = "substance", severity = 1 }, ctx = {}, expect = "hfu" },
    { name = "welfare needs at 10 go to barnevern", door = "school",
      person = { age = 10, need = "welfare", severity = 2 }, ctx = {}, expect = "bvt_und" },
  },
}
