-- Age boundaries: what happens to a person who is waiting for or receiving a service when they
-- turn 16, 18, 20 or 23 (Lørenskog, scenarios/lorenskog/barn-unge-2021.lua) or 30 (Klepp,
-- scenarios/klepp/rusomsorg-2020.lua).  Called as the services' at_age rule; ctx.age is the
-- boundary just crossed, and person.waited > 0 means the person is still in the queue.
--
--   16  PPT: school and PPT move from the municipality to the county at upper secondary, with a
--       risk of a break in services (seed-000 L497) -> the county's PPT/OT (fk_ot).
--   18  BUP -> DPS for those who still need specialist care; age of majority (L501).
--       Child welfare investigations end; measures continue as aftercare only for long-term and
--       complex needs (barnevern aftercare is EXTERNAL knowledge, not in the source).
--   20  FPH's child team is 0-20 and the adult team 20+ (L331): a short-term episode under way
--       is finished by the child team; a person still waiting moves to the adult team's list.
--   23  The 0-23 services (helsestasjon and skolehelse L325, Utekontakten and HFU L347/L761) end:
--       long-term and complex needs move to adult services, others are discharged.
--   30  Klepp's Pluss 16 (16-30, seed-004 L176): on to the adult day teams.
-- Any other service or boundary: continue.

local function adult_service(person)
  if person.need == "substance" or person.need == "severe" then return "rph" end
  if person.need == "welfare" or person.need == "family" then return "nav_ung" end
  return "fph_voksen"
end

return {
  at_age = function(person, service, ctx)
    local id, age = service.id, ctx.age
    if age == 16 then
      if id == "ppt" then return "fk_ot" end
      return "continue"
    end
    if age == 18 then
      if id == "bup" then
        if person.complex or person.severity >= 2 then return "dps" end
        return "discharge"
      end
      if id == "bvt_und" then return "discharge" end
      if id == "bvt_tiltak" then
        if person.complex then return "continue" end
        return "discharge"
      end
      return "continue"
    end
    if age == 20 then
      if id == "fph_barn" and person.waited > 0 then return "fph_voksen" end
      return "continue"
    end
    if age == 23 then
      if id == "hs" or id == "hfu" or id == "ute" or id == "bvt_tiltak" then
        if person.waited > 0 or person.complex then return adult_service(person) end
        return "discharge"
      end
      return "continue"
    end
    if age == 30 then
      if id == "pluss16" then return "dag" end
      return "continue"
    end
    return "continue"
  end,

  tests = {
    { name = "PPT hands over to the county at 16",
      service = { id = "ppt" }, person = {}, ctx = { age = 16 }, expect = "fk_ot" },
    { name = "the school nurse continues past 16",
      service = { id = "hs" }, person = {}, ctx = { age = 16 }, expect = "continue" },
    { name = "BUP at 18 moves a patient still at severity 2 to DPS",
      service = { id = "bup" }, person = { complex = false, severity = 2 }, ctx = { age = 18 },
      expect = "dps" },
    { name = "BUP at 18 discharges a mild case",
      service = { id = "bup" }, person = { complex = false, severity = 1 }, ctx = { age = 18 },
      expect = "discharge" },
    { name = "BUP at 18 moves long-term and complex needs to DPS",
      service = { id = "bup" }, person = { complex = true }, ctx = { age = 18 }, expect = "dps" },
    { name = "a child welfare investigation ends at 18",
      service = { id = "bvt_und" }, person = {}, ctx = { age = 18 }, expect = "discharge" },
    { name = "child welfare measures continue at 18 as aftercare for complex needs",
      service = { id = "bvt_tiltak" }, person = { complex = true }, ctx = { age = 18 },
      expect = "continue" },
    { name = "child welfare measures end at 18 otherwise",
      service = { id = "bvt_tiltak" }, person = { complex = false }, ctx = { age = 18 },
      expect = "discharge" },
    { name = "FPH's child team finishes an episode under way at 20",
      service = { id = "fph_barn" }, person = { waited = 0 }, ctx = { age = 20 }, expect = "continue" },
    { name = "a person still waiting for FPH's child team at 20 moves to the adult team's list",
      service = { id = "fph_barn" }, person = { waited = 35 }, ctx = { age = 20 }, expect = "fph_voksen" },
    { name = "the school nurse discharges at 23",
      service = { id = "hs" }, person = { waited = 0, complex = false }, ctx = { age = 23 },
      expect = "discharge" },
    { name = "complex substance needs at HFU move to RPH at 23",
      service = { id = "hfu" }, person = { waited = 0, complex = true, need = "substance" },
      ctx = { age = 23 }, expect = "rph" },
    { name = "a youth waiting at Utekontakten at 23 with welfare needs goes to NAV",
      service = { id = "ute" }, person = { waited = 10, complex = false, need = "welfare" },
      ctx = { age = 23 }, expect = "nav_ung" },
    { name = "complex mental-health needs at the school nurse move to FPH's adult team at 23",
      service = { id = "hs" }, person = { waited = 0, complex = true, need = "moderate" },
      ctx = { age = 23 }, expect = "fph_voksen" },
    { name = "RPH continues at 23",
      service = { id = "rph" }, person = {}, ctx = { age = 23 }, expect = "continue" },
    { name = "Klepp's Pluss 16 hands over to the day teams at 30",
      service = { id = "pluss16" }, person = {}, ctx = { age = 30 }, expect = "dag" },
  },
}
