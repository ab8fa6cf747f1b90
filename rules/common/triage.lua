-- An intake team's triage: one door in, routed to the right service the first time.
--
-- Used by the organisational-model overlays that put a single intake team in front of the
-- child and youth services (scenarios/models/familiens-hus.lua, one-door-resource-teams.lua,
-- bti-ladder.lua).  The team knows the whole offer, so it routes by need, severity and age
-- alone; the baseline's doors (GP, school nurse, the interdisciplinary meetings) each know
-- only part of it (seed-000 L469: lack of overview of the whole offer; seed-002 L27: "hard for
-- users to find their way and know who does what").
--
-- Service ids are those of the Lørenskog child and youth baseline
-- (scenarios/lorenskog/barn-unge-2021.lua): hs, hfu, fph_barn, fph_voksen, bvt_und, ppt,
-- nav_ung, rph (via samfor), fk_ot, bup, dps.  The age limits are the services' own
-- (seed-000 L325 HS 0-23, L331 FPH child team 0-20 and adult team 20+, L296 RPH over 18,
-- L347/L761 Utekontakten and ruskontrakt 13-23, L497 municipal PPT until upper secondary).
--
-- The same decision serves a door (route) and an intake-team service (next): the overlays use
-- whichever fits the model, and the test cases check the decision itself.  At a kindergarten's
-- or school's meeting, a mild concern (severity 1) about well-being or learning is met with
-- measures in the kindergarten or school itself ("arena", seed-000 L411), as the meeting would.

-- That the team routes every concern right the first time is the models' benefit, not a measured
-- fact: an effect assumption (parameters.triage.right_first_time, kind effect in the register).
-- Below 1, the rest go where a first contact without the whole picture would send them: the
-- school nurse or health centre under 23, the FPH adult team after.

local ARENA_DOORS = { school = true, kindergarten = true }

local P = parameters {
  right_first_time = effect(1, { "share of concerns the intake team routes to the service that fits; assumed: "
      .. "no source measures an intake team's accuracy (seed-000 L469, seed-002 L27 describe the lack of "
      .. "overview the team remedies); the range: from the 70 % of self-referrals without it (rules/lorenskog/"
      .. "self_route.lua) to all",
                                 nb = "andelen bekymringer inntaksteamet sender til den tjenesten som passer; antatt: ingen kilde måler " ..
                                        "hvor treffsikkert et inntaksteam er (seed-000 L469 og seed-002 L27 beskriver den manglende " ..
                                        "oversikten teamet avhjelper); spennet: fra de 70 % av egenhenvendelsene uten team " ..
                                        "(rules/lorenskog/self_route.lua) til alle" }, {0.7, 1}),
}

-- Where a concern goes when the team gets it wrong (see above).
local function first_contact(p)
  if p.age < 23 then return "hs" end
  return "fph_voksen"
end

-- The team's answer, or (with the assumed share) a first contact's; no draw at 1, so the random
-- stream is the same as a rule without the parameter.
local function routed(p, answer)
  if answer == "arena" or P.right_first_time >= 1 or math.random() < P.right_first_time then return answer end
  return first_contact(p)
end

local function decide(p, door)
  local age, need, sev = p.age, p.need, p.severity
  if door and ARENA_DOORS[door] and sev < 2 and (need == "mild" or need == "learning") then
    return "arena"
  end
  -- Severe illness belongs to specialist care whatever the door (seed-000 L361).
  if need == "severe" or sev >= 3 then
    if need == "substance" and age >= 18 then return "rph" end  -- RPH refers on to TSB (L298)
    if age < 18 then return "bup" end
    return "dps"
  end
  if need == "family" then
    -- Care concerns go to child welfare; after 18 the young adult's own needs go to NAV.
    if age < 18 then return "bvt_und" end
    return "nav_ung"
  end
  if need == "learning" then
    if age < 16 then return "ppt" end   -- the county takes over at upper secondary (L497)
    return "fk_ot"
  end
  if need == "welfare" then
    if age < 16 then return "bvt_und" end
    return "nav_ung"
  end
  if need == "substance" then
    if age < 13 then return "hs" end
    if age < 18 then return "hfu" end   -- ruskontrakt and drug tests at HFU (L327)
    if sev >= 2 then return "rph" end   -- RPH: over 18, moderate to severe (L296)
    if age < 24 then return "hfu" end
    return "rph"
  end
  if need == "moderate" or sev >= 2 then
    if age < 20 then return "fph_barn" end
    return "fph_voksen"
  end
  -- mild: the school nurse or health centre first (universal contact to 23, L325-327)
  if age < 23 then return "hs" end
  return "fph_voksen"
end

return {
  route = function(person, door, ctx) return routed(person, decide(person, door)) end,
  next = function(person, service, ctx) return routed(person, decide(person)) end,

  tests = {
    { name = "severe illness under 18 goes to BUP", call = "route", door = "inntak",
      person = { age = 15, need = "severe", severity = 3 }, ctx = {}, expect = "bup" },
    { name = "severe illness at 19 goes to DPS", call = "route", door = "inntak",
      person = { age = 19, need = "severe", severity = 3 }, ctx = {}, expect = "dps" },
    { name = "a mild problem that has worsened to severity 3 goes to specialist care", call = "route",
      door = "inntak", person = { age = 12, need = "mild", severity = 3 }, ctx = {}, expect = "bup" },
    { name = "severe substance use at 20 goes to the municipal RPH, which refers to TSB", call = "route",
      door = "inntak", person = { age = 20, need = "substance", severity = 3 }, ctx = {}, expect = "rph" },
    { name = "a care concern for a child goes to child welfare", call = "route", door = "inntak",
      person = { age = 7, need = "family", severity = 2 }, ctx = {}, expect = "bvt_und" },
    { name = "a family concern at 19 goes to NAV's youth team", call = "route", door = "inntak",
      person = { age = 19, need = "family", severity = 1 }, ctx = {}, expect = "nav_ung" },
    { name = "learning difficulties at 9 go to PPT", call = "route", door = "inntak",
      person = { age = 9, need = "learning", severity = 1 }, ctx = {}, expect = "ppt" },
    { name = "learning difficulties at 16 go to the county's PPT/OT", call = "route", door = "inntak",
      person = { age = 16.5, need = "learning", severity = 1 }, ctx = {}, expect = "fk_ot" },
    { name = "substance use at 15 goes to the youth health clinic (ruskontrakt)", call = "route",
      door = "inntak", person = { age = 15, need = "substance", severity = 1 }, ctx = {}, expect = "hfu" },
    { name = "moderate substance use at 19 goes to RPH", call = "route", door = "inntak",
      person = { age = 19, need = "substance", severity = 2 }, ctx = {}, expect = "rph" },
    { name = "mild substance use at 21 stays with HFU", call = "route", door = "inntak",
      person = { age = 21, need = "substance", severity = 1 }, ctx = {}, expect = "hfu" },
    { name = "moderate problems at 14 go to the FPH child team", call = "route", door = "inntak",
      person = { age = 14, need = "moderate", severity = 2 }, ctx = {}, expect = "fph_barn" },
    { name = "moderate problems at 20 go to the FPH adult team", call = "route", door = "inntak",
      person = { age = 20, need = "moderate", severity = 2 }, ctx = {}, expect = "fph_voksen" },
    { name = "a mild problem of severity 2 at 10 goes to FPH", call = "route", door = "inntak",
      person = { age = 10, need = "mild", severity = 2 }, ctx = {}, expect = "fph_barn" },
    { name = "a mild problem at 10 goes to the school nurse", call = "route", door = "inntak",
      person = { age = 10, need = "mild", severity = 1 }, ctx = {}, expect = "hs" },
    { name = "a mild problem at 22 goes to the school nurse (HS serves to 23)", call = "route", door = "inntak",
      person = { age = 22, need = "mild", severity = 1 }, ctx = {}, expect = "hs" },
    { name = "a mild problem at 30 goes to the FPH adult team", call = "route", door = "inntak",
      person = { age = 30, need = "mild", severity = 1 }, ctx = {}, expect = "fph_voksen" },
    { name = "welfare needs at 17 go to NAV's youth team", call = "route", door = "inntak",
      person = { age = 17, need = "welfare", severity = 1 }, ctx = {}, expect = "nav_ung" },
    { name = "a mild concern raised at the school's meeting: measures at school", call = "route",
      door = "school", person = { age = 10, need = "mild", severity = 1 }, ctx = {}, expect = "arena" },
    { name = "mild learning concerns at kindergarten: measures in the kindergarten", call = "route",
      door = "kindergarten", person = { age = 4, need = "learning", severity = 1 }, ctx = {}, expect = "arena" },
    { name = "the intake team's service decides the same way", call = "next",
      service = { id = "inntak" }, person = { age = 14, need = "moderate", severity = 2 }, ctx = {},
      expect = "fph_barn" },
  },
}
