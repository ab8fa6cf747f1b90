-- One door in with interdisciplinary resource teams at the arenas: Haugesund's model.
--
-- Source: seed-002.  Haugesund decided to study a Familiens hus as a coordination model, to
-- secure "one way in" ("en vei inn") and a more holistic, connected offer; concretely to
-- strengthen established services and cross-agency cooperation in the childhood sector, and to
-- set up interdisciplinary resource teams working close to the main arenas for children and
-- young people (002 L35); a review had found good services that "did not hang together" and too
-- little capacity (002 L37, attributed to Haugesund by context).  The resource team's make-up is
-- taken from the unnamed municipality at 002 L57: a public-health nurse, barnevern's network
-- coordinator and PPT, with regular meetings at all kindergartens and schools, "moving competence
-- closer to where the user is rather than sending a referral in".
--
-- What the overlay changes in the baseline:
--   * resource teams ("ressursteam"): the schools' and kindergartens' meetings become the resource
--     team's regular meetings at each arena, every 2 weeks (not given in the source: an
--     assumption); a concern goes to the team, which meets mild concerns on the spot with advice to
--     the arena and parents and refers the rest straight to the right service
--     (rules/models/arena_team.lua).  The team's 4 FTE come from HS (2.0), barnevern's measures
--     team (1.0) and PPT (1.0): moved, not added.  The team sits at the arenas (the schools'
--     building) under the childhood sector.
--   * one door in: the health centre's meeting and children's and young people's self-referral go
--     to one intake door that triages right first time (rules/common/triage.lua); the intake's
--     work, 1.0 FTE, is charged to HS's share of time for cases.
--   * capacity stays as it is: Haugesund's capacity deficit is a separate, explicit change.
-- Effect assumptions: the teams' meetings are held more often than the baseline's and fewer
-- concerns wait (effect() in the register).  Two more live in rules, with no number to register
-- until rule parameters exist: the intake team routes every concern right the first time
-- (rules/common/triage.lua), and the resource team meets mild concerns on the spot and closes
-- them (rules/models/arena_team.lua).
--
-- Fits: scenarios/lorenskog/barn-unge-2021.lua (services hs, bvt_tiltak, ppt; doors school,
-- kindergarten, health_centre, self).

local MODEL = "One door in with resource teams (Haugesund)"
local MODEL_NB = "Én vei inn med ressursteam (Haugesund)"
local FITS = "it fits scenarios/lorenskog/barn-unge-2021.lua"

local function nb_num(x)   -- a number as Norwegian text writes it (decimal comma)
  return (tostring(x):gsub("%.", ","))
end

local function val(x)   -- a number from the scenario, with or without its cite()/assume()
  if type(x) == "table" and x.kind ~= nil and x.text ~= nil then return x.value end
  return x
end

local function check(s, services, doors)
  if type(s.services) ~= "table" then error(MODEL .. ": the baseline has no services; " .. FITS, 0) end
  for _, id in ipairs(services) do
    if s.services[id] == nil then error(MODEL .. ": the baseline has no service '" .. id .. "'; " .. FITS, 0) end
  end
  for _, id in ipairs(doors) do
    if type(s.doors) ~= "table" or s.doors[id] == nil then
      error(MODEL .. ": the baseline has no door '" .. id .. "'; " .. FITS, 0)
    end
  end
  if type(s.organisation) ~= "table" or type(s.organisation.units) ~= "table" then
    error(MODEL .. ": the baseline has no organisation.units; " .. FITS, 0)
  end
end

-- Move `amount` FTE out of service `id` into a new team: total FTE stay the same.  The team
-- serves the modelled children, so the FTE come out of the part of the service's staff that
-- serves them (fte x staff_share), whose share falls with them.  team_nb: the team in Norwegian.
local function take(s, id, amount, team, team_nb)
  local sv = s.services[id]
  local before, part = val(sv.fte) or 0, val(sv.staff_share) or 1
  if before * part < amount then
    error(MODEL .. ": service '" .. id .. "' has " .. before * part .. " FTE serving the modelled population, fewer than the " ..
          amount .. " moved to " .. team, 0)
  end
  sv.fte = assume(before - amount, { MODEL .. ": " .. amount .. " FTE of the baseline's " .. before ..
                                    " moved to " .. team .. " (overlay assumption)",
                                    nb = MODEL_NB .. ": " .. nb_num(amount) .. " av grunnlagets " .. nb_num(before) ..
                                         " årsverk flyttet til " .. team_nb .. " (antakelse i overlegget)" })
  if part < 1 then
    sv.staff_share = assume((before * part - amount) / (before - amount),
                            { MODEL .. ": the " .. amount ..
                              " FTE moved served the modelled population, so the share of the " .. (before - amount) ..
                              " left who do falls from " .. part .. " (overlay assumption)",
                              nb = MODEL_NB .. ": de " .. nb_num(amount) .. " årsverkene som ble flyttet, betjente den modellerte " ..
                                   "befolkningen, så blant de " .. nb_num(before - amount) .. " som er igjen, synker andelen som gjør det, fra " ..
                                   nb_num(part) .. " (antakelse i overlegget)" })
  end
  return amount
end

-- Charge `amount` FTE of the time of the staff serving the modelled population (fte x staff_share).
local function charge(s, id, amount, team, team_nb)
  local sv = s.services[id]
  local fte, share = (val(sv.fte) or 0) * (val(sv.staff_share) or 1), val(sv.case_share) or 1
  local left = share - amount / fte
  if fte <= 0 or left <= 0 then error(MODEL .. ": service '" .. id .. "' cannot give " .. amount .. " FTE to " .. team, 0) end
  sv.case_share = assume(left, { MODEL .. ": " .. amount .. " of its " .. fte .. " FTE work in " .. team ..
                                 ", so the share for cases falls from " .. share .. " (overlay assumption)",
                                 nb = MODEL_NB .. ": " .. nb_num(amount) .. " av tjenestens " .. nb_num(fte) .. " årsverk arbeider i " ..
                                      team_nb .. ", så andelen til saker synker fra " .. nb_num(share) .. " (antakelse i overlegget)" })
end

local function redirect_youth(s, from, to)
  for _, dm in ipairs(s.demand or {}) do
    local c = dm.cohort and s.population and s.population[dm.cohort]
    local ages = c and val(c.ages)
    local shares = val(dm.door)
    if ages and val(ages[2]) <= 23 and type(shares) == "table" and shares[from] ~= nil then
      local moved, text = {}, (type(dm.door) == "table" and dm.door.text) or "door shares"
      -- in Norwegian too when the baseline's reason has a Norwegian text
      local text_nb = type(dm.door) == "table" and (dm.door.nb or (dm.door.text == nil and "fordelingen på innganger" or nil))
      for k, v in pairs(shares) do moved[k == from and to or k] = val(v) end
      local en = text .. " (" .. MODEL .. ": children's and young people's self-referral goes to the one door)"
      dm.door = assume(moved, text_nb and { en, nb = text_nb .. " (" .. MODEL_NB .. ": barn og unge som tar kontakt selv, kommer til den ene inngangen)" }
                              or en)
    end
  end
end

return {
  model = { MODEL, nb = MODEL_NB },
  description = {
    "Haugesund (seed-002 L35, L37; resource team as at L57): one door in with an intake that triages " ..
      "right first time, and interdisciplinary resource teams (school nurse, barnevern, PPT) meeting at every " ..
      "kindergarten and school every 2 weeks instead of the 4- and 6-weekly meetings. FTE equal: the teams' 4 FTE " ..
      "move from HS, barnevern and PPT; the intake's 1 FTE is charged to HS. Fits scenarios/lorenskog/barn-unge-2021.lua.",
    nb = "Haugesund (seed-002 L35, L37; ressursteam som i L57): én vei inn med et inntak som sorterer riktig første " ..
      "gang, og tverrfaglige ressursteam (helsesykepleier, barnevern, PPT) som møtes i hver barnehage og skole hver " ..
      "2. uke i stedet for møtene hver 4. og 6. uke. Like mange årsverk: teamenes 4 årsverk flyttes fra HS, " ..
      "barnevernet og PPT; inntakets ene årsverk belastes HS. Passer til scenarios/lorenskog/barn-unge-2021.lua.",
  },
  changes_capacity = false,
  applies_to = { "../lorenskog/barn-unge-2021.lua",
                 why = "it takes staff from Lørenskog 2021's hs, bvt_tiltak and ppt and turns its school and kindergarten meetings into resource teams" },

  apply = function(s)
    check(s, { "hs", "bvt_tiltak", "ppt" }, { "school", "kindergarten", "health_centre", "self" })
    local org = s.organisation
    if type(org.sectors) ~= "table" or org.sectors.ous == nil then
      error(MODEL .. ": the baseline has no sector 'ous' (oppvekst og utdanning); " .. FITS, 0)
    end
    local school_building = org.units[s.doors.school.unit or ""] and org.units[s.doors.school.unit].building
    org.units.ressursteam = { name = "Tverrfaglige ressursteam (på barnehager og skoler)", sector = "ous",
                              building = school_building, leader = "oppvekst" }
    org.units.inntak = { name = "Én vei inn: inntak", sector = "ous", building = school_building, leader = "oppvekst" }

    local team, team_nb = "the resource teams", "ressursteamene"
    local fte = take(s, "hs", 2.0, team, team_nb) + take(s, "bvt_tiltak", 1.0, team, team_nb) + take(s, "ppt", 1.0, team, team_nb)
    s.services.ressursteam = {
      name = "Tverrfaglige ressursteam (helsesykepleier, barnevern, PPT)", unit = "ressursteam",
      fte = assume(fte, { MODEL .. ": staff moved from HS (2.0), barnevern (1.0) and PPT (1.0)",
                          nb = MODEL_NB .. ": ansatte flyttet fra HS (2,0), barnevernet (1,0) og PPT (1,0)" }),
      case_share = assume(0.8, { "the teams' time is with the children and the arenas; some travel between them",
                                 nb = "teamenes tid går til barna og arenaene; noe går med til å reise mellom dem" }),
      capacity = { slots_per_fte = assume(15, { "short consultations under way per case-FTE",
                                                nb = "korte konsultasjoner under arbeid per årsverk til saker" }) },
      eligibility = { ages = assume({ 0, 23 }, { "kindergarten and school ages; the 0-23 services (seed-000 L325)",
                                                 nb = "barnehage- og skolealder; tjenestene for 0–23 år (seed-000 L325)" }) },
      intake = assume(0, { "the team meets the concern at its meeting", nb = "teamet tar bekymringen i sitt møte" }),
      episode = assume({ "gamma", mean = 21, sd = 14 }, { "advice and a few meetings with the arena and the parents",
                                                          nb = "råd og noen få møter med arenaen og foreldrene" }),
      next = "rules/models/arena_team.lua",
    }
    for _, id in ipairs({ "school", "kindergarten" }) do
      local d = s.doors[id]
      d.route = "ressursteam"
      d.name = "Ressursteam på " .. (id == "school" and "skolen" or "barnehagen")
      local held, postpone = val(d.meeting and d.meeting.held), val(d.meeting and d.meeting.postpone)
      d.meeting = { every_weeks = assume(2, { MODEL .. ": regular meetings at every arena (002 L57); the cadence is not given",
                                              nb = MODEL_NB .. ": faste møter på hver arena (002 L57); hyppigheten er ikke oppgitt" }),
                    weekday = (d.meeting and d.meeting.weekday) or "tue",
                    held = effect(0.95, { MODEL .. ": the team's own meeting is seldom cancelled (baseline: " ..
                                          tostring(held) .. "; an assumed effect, no source; range: 0.85 to all)",
                                          nb = MODEL_NB .. ": teamets eget møte blir sjelden avlyst (grunnlaget: " .. nb_num(held) ..
                                               "; en antatt effekt, ingen kilde; spenn: 0,85 til alle)" },
                                  { 0.85, 1.0 }),
                    postpone = effect(0.1, { MODEL .. ": the team knows the child, so fewer concerns wait for more mapping (baseline: " ..
                                             tostring(postpone) .. "; an assumed effect, no source; " ..
                                             "range: 2-20 %)",
                                             nb = MODEL_NB .. ": teamet kjenner barnet, så færre bekymringer venter på mer kartlegging " ..
                                                  "(grunnlaget: " .. nb_num(postpone) .. "; en antatt effekt, ingen kilde; spenn: 2–20 %)" },
                                      { 0.02, 0.2 }) }
    end

    charge(s, "hs", 1.0, "the intake (one way in)", "inntaket (én vei inn)")
    s.doors.health_centre.route = "rules/common/triage.lua"
    s.doors.inntak = { name = "Én vei inn (inntak)", unit = "inntak", route = "rules/common/triage.lua" }
    redirect_youth(s, "self", "inntak")
    return s
  end,
}
