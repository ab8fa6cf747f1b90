-- Staff stationed in kindergartens and schools (outreach and consultation teams).
--
-- Source: Lørenskog's management asked "should the staff of the health centre and of PPT be
-- stationed out in the kindergartens or at the school?" (seed-000 L427: decentralise, the third
-- option); several municipalities describe an interdisciplinary team present at kindergarten and
-- school as a support apparatus (seed-002 L55), and "a therapeutic effect of competence near the
-- everyday life of children and young people" (002 L73).  No effects are claimed in the sources.
--
-- What the overlay changes in the baseline:
--   * a school team and a kindergarten team of public-health nurses and PPT staff work in the
--     schools and kindergartens every day: a concern is raised with them directly instead of
--     waiting for the 4- or 6-weekly meeting (the meeting doors lose their meeting); they meet
--     mild concerns on the spot and refer the rest straight to the right service
--     (rules/models/arena_team.lua).
--   * their time is charged back to their home services: the FTE move, they are not added.
--     School team 4.5 FTE (HS 3.0, PPT 1.5), kindergarten team 1.5 FTE (HS 1.0, PPT 0.5).
--   * spread over many sites they pool less: fewer open cases per FTE than at a central office
--     (18 against HS's 25 and PPT's 20; an assumption).
--   * they sit in the schools' and kindergartens' buildings, under the arena's day-to-day
--     leadership (the kindergarten's or school's leader), so a concern raised there is a
--     same-unit, co-located hand-off.
-- Effect assumption in a rule, with no number to register until rule parameters exist: the teams
-- meet mild concerns on the spot and close them (rules/models/arena_team.lua); the sources claim
-- no such effect.
--
-- Fits: scenarios/lorenskog/barn-unge-2021.lua (services hs, ppt; doors school, kindergarten).

local MODEL = "Staff stationed in kindergartens and schools"
local MODEL_NB = "Ansatte stasjonert i barnehager og skoler"
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

-- Move `amount` FTE out of service `id` into a new team: total FTE stay the same.  team_nb: the
-- team in Norwegian.
local function take(s, id, amount, team, team_nb)
  local sv = s.services[id]
  local before = val(sv.fte) or 0
  if before < amount then
    error(MODEL .. ": service '" .. id .. "' has " .. before .. " FTE, fewer than the " .. amount .. " moved to " .. team, 0)
  end
  sv.fte = assume(before - amount, { MODEL .. ": " .. amount .. " FTE of the baseline's " .. before ..
                                    " moved to " .. team .. " (overlay assumption)",
                                    nb = MODEL_NB .. ": " .. nb_num(amount) .. " av grunnlagets " .. nb_num(before) ..
                                         " årsverk flyttet til " .. team_nb .. " (antakelse i overlegget)" })
  return amount
end

local function unit_of_door(s, door)
  local u = s.doors[door].unit
  local unit = u and s.organisation.units[u]
  if not unit then error(MODEL .. ": door '" .. door .. "' has no unit to station the team in; " .. FITS, 0) end
  return unit
end

local function team(s, id, name, door, from_hs, from_ppt)
  local arena = unit_of_door(s, door)
  s.organisation.units[id] = { name = name, sector = arena.sector, building = arena.building, leader = arena.leader }
  local where = "the " .. name
  local fte = take(s, "hs", from_hs, where, name) + take(s, "ppt", from_ppt, where, name)
  s.services[id] = {
    name = name, unit = id,
    fte = assume(fte, { MODEL .. ": staff moved from HS (" .. from_hs .. ") and PPT (" .. from_ppt .. ")",
                        nb = MODEL_NB .. ": ansatte flyttet fra HS (" .. nb_num(from_hs) .. ") og PPT (" .. nb_num(from_ppt) .. ")" }),
    case_share = assume(0.5, { "half their time is for individual children; the rest is classes, groups and advice to staff",
                               nb = "halve tiden går til enkeltbarn; resten går til klasser, grupper og råd til de ansatte" }),
    capacity = { slots_per_fte = assume(18, { "spread over many sites they pool less than at a central office (HS 25, PPT 20)",
                                              nb = "spredt på mange steder kan de dele mindre på sakene enn på et sentralt kontor " ..
                                                   "(HS 25, PPT 20)" }) },
    eligibility = { ages = assume({ 0, 23 }, { "kindergarten and school ages; the 0-23 services (seed-000 L325)",
                                               nb = "barnehage- og skolealder; tjenestene for 0–23 år (seed-000 L325)" }) },
    intake = assume({ "uniform", min = 0, max = 3 }, { "they are at the school: a talk within days",
                                                       nb = "de er på skolen: en samtale i løpet av få dager" }),
    episode = assume({ "gamma", mean = 30, sd = 20 }, { "a few talks, advice to teachers and parents",
                                                        nb = "noen få samtaler, råd til lærere og foreldre" }),
    next = "rules/models/arena_team.lua",
  }
  local d = s.doors[door]
  d.meeting = nil
  d.route = id
  d.name = name .. " (daglig til stede)"
end

return {
  model = { MODEL, nb = MODEL_NB },
  description = {
    "Lørenskog's third option (seed-000 L427; seed-002 L55, L73): school nurses and PPT staff stationed in " ..
      "schools (4.5 FTE) and kindergartens (1.5 FTE); concerns are raised with them daily instead of at the 4/6-weekly " ..
      "meetings. FTE equal: the teams' FTE are moved from HS and PPT, not added. Fits scenarios/lorenskog/barn-unge-2021.lua.",
    nb = "Lørenskogs tredje alternativ (seed-000 L427; seed-002 L55, L73): helsesykepleiere og PPT-ansatte stasjonert " ..
      "i skolene (4,5 årsverk) og barnehagene (1,5 årsverk); bekymringer tas opp med dem daglig i stedet for i " ..
      "møtene hver 4. eller 6. uke. Like mange årsverk: teamenes årsverk flyttes fra HS og PPT, de kommer ikke i " ..
      "tillegg. Passer til scenarios/lorenskog/barn-unge-2021.lua.",
  },
  changes_capacity = false,
  applies_to = { "../lorenskog/barn-unge-2021.lua",
                 why = "it moves staff from Lørenskog 2021's hs and ppt into its schools and kindergartens" },

  apply = function(s)
    check(s, { "hs", "ppt" }, { "school", "kindergarten" })
    team(s, "skoleteam", "Skoleteam (helsesykepleier og PPT på skolen)", "school", 3.0, 1.5)
    team(s, "barnehageteam", "Barnehageteam (helsesykepleier og PPT i barnehagen)", "kindergarten", 1.0, 0.5)
    return s
  end,
}
