-- Teams at the arenas (kindergartens and schools): what happens when their short involvement
-- with a child ends.  Used by scenarios/models/one-door-resource-teams.lua (Haugesund's resource
-- teams, seed-002 L35; a resource team of school nurse, barnevern's network coordinator and PPT
-- meeting regularly at all kindergartens and schools, L57) and stationed-in-schools.lua (school
-- nurses and PPT stationed in kindergartens and schools, seed-000 L427).
--
-- The point of both is to "move competence closer to where the user is rather than send a
-- referral in" (seed-002 L57): a mild concern (severity 1) is met on the spot with advice to the
-- arena and the parents, and the case ends there.  Otherwise the team refers straight to the
-- service that fits: its members come from HS, barnevern and PPT and know the offer.
--
-- That the mild concerns end at the arena is the models' benefit, and no source measures it: it
-- is an effect assumption (parameters.arena_team.resolved_on_spot, kind effect in the register),
-- so compare and the report can say which results rest on it.  Below 1, the rest of the mild
-- concerns are referred on like any other.

local P = parameters {
  resolved_on_spot = effect(1, { "share of mild concerns (severity 1) the team meets on the spot with advice to "
      .. "the arena and the parents, ending the case: 'move competence closer to where the user is rather than "
      .. "send a referral in' (seed-002 L57) gives the aim, not a share; the range: from half of them to all",
                                 nb = "andelen lette bekymringer (alvorlighetsgrad 1) teamet møter på stedet med råd til arenaen og " ..
                                        "foreldrene, slik at saken avsluttes: 'flytte kompetanse nærmere der brukeren er fremfor å sende " ..
                                        "henvisning inn' (seed-002 L57) gir målet, ikke en andel; spennet: fra halvparten av dem til alle" }, {0.5, 1}),
}

local function direct(p)
  local age, need, sev = p.age, p.need, p.severity
  if need == "severe" or sev >= 3 then
    if age < 18 then return "bup" end
    return "dps"
  end
  if need == "family" then return "bvt_und" end
  if need == "learning" then
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
  if age < 20 then return "fph_barn" end
  return "fph_voksen"
end

return {
  next = function(person, service, ctx)
    if person.severity < 2 and person.need ~= "severe" and
       (P.resolved_on_spot >= 1 or math.random() < P.resolved_on_spot) then  -- no draw at 1: same stream
      return "discharge"
    end
    return direct(person)
  end,

  tests = {
    { name = "a mild concern is met by the resource team on the spot",
      service = { id = "ressursteam" }, person = { severity = 1, need = "mild" }, ctx = {}, expect = "discharge" },
    { name = "severe illness at severity 2 goes on to specialist care",
      service = { id = "ressursteam" }, person = { severity = 2, need = "severe", age = 19 }, ctx = {}, expect = "dps" },
    { name = "stationed staff meet a mild learning concern at school",
      service = { id = "skoleteam" }, person = { severity = 1, need = "learning", age = 8 }, ctx = {},
      expect = "discharge" },
    { name = "stationed staff refer learning difficulties of severity 2 to PPT",
      service = { id = "skoleteam" }, person = { severity = 2, need = "learning", age = 8 }, ctx = {},
      expect = "ppt" },
    { name = "stationed staff refer moderate problems at 14 to FPH",
      service = { id = "skoleteam" }, person = { severity = 2, need = "moderate", age = 14 }, ctx = {},
      expect = "fph_barn" },
    { name = "stationed staff refer a care concern to barnevern",
      service = { id = "barnehageteam" }, person = { severity = 2, need = "family", age = 4 }, ctx = {},
      expect = "bvt_und" },
    { name = "stationed staff send severe illness at 15 to BUP",
      service = { id = "skoleteam" }, person = { severity = 3, need = "moderate", age = 15 }, ctx = {},
      expect = "bup" },
  },
}
