-- One leader and one building for all childhood services: Orkland's oppvekstenhet.
--
-- Source: seed-002 L25.  Some municipalities organise in an oppvekstenhet with the health centre
-- and school health service, kindergarten, school, PPT and child welfare; in Orkland "all the
-- services are co-organised under one leader and co-located in the same building"; the family
-- centre, responsible for follow-up and treatment, is in the same unit, and close cooperation
-- between the services was described.  No outcome is claimed.
--
-- What the overlay changes in the baseline: one unit ("oppvekstenhet") under one leader in one
-- building holds helsestasjon og skolehelse (HS and HFU), PPT, barnevern (investigation and
-- measures), the family centre (FPH's child team, which gives follow-up and treatment), and the
-- kindergartens and schools themselves (their meeting doors and the arena measures).  Hand-offs
-- among them become same-unit and co-located.  Nothing else: no new door, no new team, the
-- meetings keep their cadence, and every FTE stays where it was.  Utekontakten and the adult
-- services stay outside.
--
-- Fits: scenarios/lorenskog/barn-unge-2021.lua (services hs, hfu, ppt, bvt_und, bvt_tiltak,
-- fph_barn, arena; doors school, kindergarten, health_centre, school_nurse).

local MODEL = "One leader and one building (Orkland)"
local MODEL_NB = "Én leder og ett bygg (Orkland)"
local FITS = "it fits scenarios/lorenskog/barn-unge-2021.lua"

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

return {
  model = { MODEL, nb = MODEL_NB },
  description = {
    "Orkland (seed-002 L25): health centre and school health, kindergartens, schools, PPT, barnevern " ..
      "and the family centre (FPH's child team) co-organised under one leader and co-located in one building. " ..
      "No other change; FTE untouched. Fits scenarios/lorenskog/barn-unge-2021.lua.",
    nb = "Orkland (seed-002 L25): helsestasjon og skolehelsetjeneste, barnehager, skoler, PPT, barnevern og " ..
      "familiesenteret (FPHs barneteam) samorganisert under én leder og samlokalisert i ett bygg. Ingen andre " ..
      "endringer; årsverkene er uendret. Passer til scenarios/lorenskog/barn-unge-2021.lua.",
  },
  changes_capacity = false,
  applies_to = { "../lorenskog/barn-unge-2021.lua",
                 why = "it puts Lørenskog 2021's child services and arenas under one leader in one building" },

  apply = function(s)
    local members = { "hs", "hfu", "ppt", "bvt_und", "bvt_tiltak", "fph_barn", "arena" }
    local doors = { "school", "kindergarten", "health_centre", "school_nurse" }
    check(s, members, doors)
    local org = s.organisation
    if type(org.sectors) ~= "table" or org.sectors.ous == nil then
      error(MODEL .. ": the baseline has no sector 'ous' (oppvekst og utdanning); " .. FITS, 0)
    end
    org.buildings = org.buildings or {}
    org.buildings.oppvekstsenter = "Oppvekstsenteret"
    org.units.oppvekstenhet = { name = "Oppvekstenheten (helsestasjon, barnehage, skole, PPT, barnevern, familiesenter)",
                                sector = "ous", building = "oppvekstsenter", leader = "oppvekstenhet" }
    for _, id in ipairs(members) do s.services[id].unit = "oppvekstenhet" end
    for _, id in ipairs(doors) do s.doors[id].unit = "oppvekstenhet" end
    return s
  end,
}
