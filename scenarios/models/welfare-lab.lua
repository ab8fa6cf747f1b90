-- Velferdslab (welfare lab): all vedtak decided in one meeting with the family, and a case owner
-- who follows the family for years.
--
-- Sources: Asker's velferdslab coordinates the services to families or young people in a difficult
-- life situation so that "the family avoids dealing with separate agencies"; all actors who can
-- improve the family's situation work together on long-term solutions (seed-002 L83).  Lørenskog
-- took the model from Asker (seed-000 L441): fixed interdisciplinary meetings where those who
-- attend from the municipality hold decision authority, "so that all necessary vedtak are made in
-- the meetings together with the citizen" (L441); target groups: families with living-condition
-- problems, young adults 18-30 with complicated problems, families with children with severe
-- disabilities (L442-445); investment leaders, partly released from their ordinary posts, lead
-- the team round each family and follow it over time, "over several years if needed" (L451,
-- L501); members: NAV, barnevern, Utekontakten, the refugee service, RPH, the housing office,
-- HEFO, PPT (L732).  Twelve pilot cases in the first year (L451).
--
-- What the overlay changes in the baseline:
--   * a service "velferdslab" decides at its meeting every 2 weeks (the cadence is not in the
--     source: an assumption) and follows the person as one coordinated package for about two
--     years, across age boundaries (no reset at 18, 20 or 23: at_age continue);
--   * its case owners come from the services that sit in the lab: 0.5 FTE from each member
--     service the baseline has (of NAV's youth team, barnevern's measures, RPH, HS, PPT,
--     Utekontakten, the intake office MU, Rustjenesten, the mental-health team, Tenestekontoret,
--     the day department, Pluss 16): moved, not added;
--   * the target groups are found where they first turn up: the first-line services get the
--     acceptance rule rules/models/welfare_lab.lua, which sends a person with long-term and complex
--     needs who is 18-30, or a child with a family or welfare need, to the lab the first time,
--     when the lab has a place free (it keeps no waiting list of its own).
-- The engine gives a person one service at a time, so "all vedtak at once" is the lab delivering
-- the coordinated package itself, not several services starting in parallel (a limit of the engine).
--
-- Fits every baseline with at least two member services: scenarios/lorenskog/barn-unge-2021.lua,
-- scenarios/lorenskog/voksne-2015.lua, scenarios/klepp/rusomsorg-2020.lua.

local MODEL = "Velferdslab (Asker, Lørenskog)"   -- the same name in Norwegian
local FITS = "it fits scenarios/lorenskog/barn-unge-2021.lua, voksne-2015.lua and scenarios/klepp/rusomsorg-2020.lua"

local MEMBERS = { "nav_ung", "bvt_tiltak", "rph", "hs", "ppt", "ute", "mu", "rus", "pht", "tenestekontoret", "dag", "pluss16" }
local FIRST_LINE = { "hs", "hfu", "ute", "bvt_und", "bvt_tiltak", "nav_ung", "samfor", "rph", "fph_voksen",
                     "mu", "rus_utredning", "fph", "tenestekontoret", "pluss16" }

local function val(x)
  if type(x) == "table" and x.kind ~= nil and x.text ~= nil then return x.value end
  return x
end

local function nb_num(x)   -- a number as Norwegian text writes it (decimal comma)
  return (tostring(x):gsub("%.", ","))
end

return {
  model = MODEL,
  description = {
    "Velferdslab (seed-002 L83; seed-000 L441-453, L501, L732): complex cases among young adults 18-30 and " ..
      "families are taken into a lab that decides all vedtak in one meeting every 2 weeks and keeps one case owner " ..
      "for about two years across age boundaries. FTE equal: the case owners (0.5 FTE from each member service present) " ..
      "are moved from the services. Fits both Lørenskog baselines and Klepp.",
    nb = "Velferdslab (seed-002 L83; seed-000 L441-453, L501, L732): sammensatte saker blant unge voksne 18–30 år og " ..
      "familier tas inn i en lab som fatter alle vedtak i ett møte hver 2. uke og har én fast investeringsleder i " ..
      "om lag to år, på tvers av aldersgrenser. Like mange årsverk: investeringslederne (0,5 årsverk fra hver " ..
      "medlemstjeneste som finnes) flyttes fra tjenestene. Passer til begge Lørenskog-grunnlagene og Klepp.",
  },
  changes_capacity = false,
  applies_to = { "../lorenskog/barn-unge-2021.lua", "../lorenskog/voksne-2015.lua", "../klepp/rusomsorg-2020.lua",
                 why = "it needs at least two of the lab's member services" },

  apply = function(s)
    if type(s.services) ~= "table" then error(MODEL .. ": the baseline has no services; " .. FITS, 0) end
    local moved, names, names_nb, sector = 0, {}, {}, nil
    for _, id in ipairs(MEMBERS) do
      local sv = s.services[id]
      local fte = sv and val(sv.fte) or 0
      local part = sv and val(sv.staff_share) or 1   -- the case owners come from the staff serving the modelled population
      if fte >= 2 and fte * part >= 1 then
        sv.fte = assume(fte - 0.5, { MODEL .. ": 0.5 FTE of the baseline's " .. fte .. " moved to the lab's case owners (overlay assumption)",
                                     nb = MODEL .. ": 0,5 av grunnlagets " .. nb_num(fte) .. " årsverk flyttet til labens " ..
                                          "investeringsledere (antakelse i overlegget)" })
        if part < 1 then
          sv.staff_share = assume((fte * part - 0.5) / (fte - 0.5),
                                  { MODEL .. ": the 0.5 FTE moved served the modelled " ..
                                    "population, so the share of the " .. (fte - 0.5) .. " left who do falls from " .. part ..
                                    " (overlay assumption)",
                                    nb = MODEL .. ": de 0,5 årsverkene som ble flyttet, betjente den modellerte befolkningen, så blant " ..
                                         "de " .. nb_num(fte - 0.5) .. " som er igjen, synker andelen som gjør det, fra " .. nb_num(part) ..
                                         " (antakelse i overlegget)" })
        end
        moved = moved + 0.5
        names[#names + 1] = id
        names_nb[#names_nb + 1] = type(val(sv.name)) == "string" and val(sv.name) or id   -- a Norwegian reader knows it by its name
        if not sector and sv.unit and s.organisation and s.organisation.units and s.organisation.units[sv.unit] then
          sector = s.organisation.units[sv.unit].sector
        end
      end
    end
    if #names < 2 then error(MODEL .. ": the baseline has fewer than two of the lab's member services; " .. FITS, 0) end
    if s.services.velferdslab ~= nil then error(MODEL .. ": the baseline already has a service 'velferdslab'", 0) end

    s.organisation = s.organisation or {}
    s.organisation.units = s.organisation.units or {}
    s.organisation.units.velferdslab = { name = "Velferdslab (tverrsektoriell)", sector = sector, leader = "velferdslab" }

    local continue = nil
    local bounds = val(s.age_boundaries)
    if type(bounds) == "table" and #bounds > 0 then
      continue = {}
      for _, b in ipairs(bounds) do continue[val(b)] = "continue" end
    end
    s.services.velferdslab = {
      name = "Velferdslab: alle vedtak i ett møte, fast investeringsleder", unit = "velferdslab",
      fte = assume(moved, { MODEL .. ": case owners moved from " .. table.concat(names, ", ") .. " (0.5 FTE each)",
                            nb = MODEL .. ": investeringsledere flyttet fra " .. table.concat(names_nb, "; ") .. " (0,5 årsverk hver)" }),
      case_share = assume(0.8, { "the rest is the lab's meetings", nb = "resten er labens møter" }),
      capacity = { slots_per_fte = assume(8, { "an investment leader follows a handful of families closely (L451)",
                                               nb = "en investeringsleder følger noen få familier tett (L451)" }) },
      eligibility = { ages = assume({ 0, 31 }, { "the target groups: families with children, young adults 18-30 (seed-000 L442-445)",
                                                 nb = "målgruppene: familier med barn, unge voksne 18–30 år (seed-000 L442-445)" }) },
      meeting = { every_weeks = assume(2, { "fixed interdisciplinary meetings (L441); the cadence is not in the source",
                                            nb = "faste tverrfaglige møter (L441); hyppigheten står ikke i kilden" }),
                  weekday = "wed", held = assume(1, { "the lab's fixed meeting", nb = "labens faste møte" }) },
      intake = assume({ "uniform", min = 7, max = 21 }, { "the team gets to know the family and agrees measures the family has chosen (L451)",
                                                          nb = "teamet blir kjent med familien og blir enige med den om tiltak familien selv har " ..
                                                               "valgt (L451)" }),
      episode = assume({ "lognormal", mean = 730, sd = 400 }, { "followed over time, over several years if needed (L501)",
                                                                nb = "følges over tid, over flere år om nødvendig (L501)" }),
      at_age = continue,
      next = "discharge",
    }
    for _, id in ipairs(FIRST_LINE) do
      local sv = s.services[id]
      if sv then
        if sv.accept ~= nil then
          error(MODEL .. ": service '" .. id .. "' already has an acceptance rule, which the lab's would replace", 0)
        end
        sv.accept = "rules/models/welfare_lab.lua"
      end
    end
    return s
  end,
}
