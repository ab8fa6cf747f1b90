-- Keep the organisation, meet more often: the interdisciplinary meetings every 2 weeks.
--
-- Source: Lørenskog's management named it as the second option: "keep today's organisation, but
-- make sure of more frequent cooperation meetings" (seed-000 L427).  Today the child and youth
-- meetings are every 4 weeks in schools and every 6 weeks in kindergartens and health centres
-- (L394-396); school health, barnevern and PPT attend with the arena's leaders (L392).  The
-- report claims no effects.
--
-- What the overlay changes in the baseline:
--   * every door with a meeting meets every 2 weeks (the planner's choice; vary it here);
--   * the meetings cost the attendees' time: the extra meetings a year at every school,
--     kindergarten and health centre, times 1.5 hours, for one person from each of school health
--     (hs), barnevern (bvt_und) and PPT (ppt) where the baseline has them, come off those services'
--     share of time for cases.  FTE stay equal.
-- The number of arenas is not in the source: 17 schools and 35 kindergartens are assumptions for
-- a municipality of 42,000 (EXTERNAL, rough); health centres: two districts (seed-000 L155-156).
--
-- Fits any baseline whose doors have meetings: scenarios/lorenskog/barn-unge-2021.lua, and
-- scenarios/default.lua (its school meeting).

local MODEL = "Meet more often (every 2 weeks)"
local MODEL_NB = "Hyppigere møter (hver 2. uke)"
local FITS = "it fits baselines whose doors have meetings, such as scenarios/lorenskog/barn-unge-2021.lua"

local function val(x)
  if type(x) == "table" and x.kind ~= nil and x.text ~= nil then return x.value end
  return x
end

return {
  model = { MODEL, nb = MODEL_NB },
  description = {
    "Lørenskog's second option (seed-000 L427): same organisation, the interdisciplinary meetings " ..
      "(today every 4 weeks in schools, 6 in kindergartens and health centres, L394-396) every 2 weeks; the extra " ..
      "meeting hours come off the attendees' time for cases (school health, barnevern, PPT; L392). FTE equal. " ..
      "Fits any baseline with meeting doors (scenarios/lorenskog/barn-unge-2021.lua, scenarios/default.lua).",
    nb = "Lørenskogs andre alternativ (seed-000 L427): samme organisering, men de tverrfaglige møtene (i dag hver 4. " ..
      "uke i skolene og hver 6. uke i barnehagene og på helsestasjonene, L394-396) holdes hver 2. uke; de ekstra " ..
      "møtetimene tas fra deltakernes tid til saker (skolehelsetjenesten, barnevernet, PPT; L392). Like mange " ..
      "årsverk. Passer til alle grunnlag med møtedører (scenarios/lorenskog/barn-unge-2021.lua, " ..
      "scenarios/default.lua).",
  },
  changes_capacity = false,
  applies_to = { "../lorenskog/barn-unge-2021.lua", "../default.lua",
                 why = "it needs doors with meetings attended by hs, bvt_und or ppt" },

  apply = function(s)
    local EVERY = 2
    local HOURS = 1.5          -- per attendee per meeting: an assumption
    local YEAR_HOURS = 1650    -- working hours in a full-time year, less holidays: EXTERNAL, approximate
    local ARENAS = { school = 17, kindergarten = 35, health_centre = 2 }
    if type(s.doors) ~= "table" then error(MODEL .. ": the baseline has no doors; " .. FITS, 0) end
    local extra_meetings, found = 0, false
    for id, d in pairs(s.doors) do
      if type(d.meeting) == "table" then
        found = true
        local before = val(d.meeting.every_weeks)
        if before > EVERY then
          extra_meetings = extra_meetings + (ARENAS[id] or 1) * (52 / EVERY - 52 / before)
        end
        d.meeting.every_weeks = assume(EVERY, { MODEL .. ": option under review (seed-000 L427); was every " .. before .. " weeks",
                                                nb = MODEL_NB .. ": alternativ som vurderes (seed-000 L427); før hver " ..
                                                     (tostring(before):gsub("%.", ",")) .. ". uke" })
      end
    end
    if not found then error(MODEL .. ": no door of the baseline has a meeting; " .. FITS, 0) end

    local hours = extra_meetings * HOURS
    local attendees = 0
    for _, id in ipairs({ "hs", "bvt_und", "ppt" }) do
      local sv = s.services and s.services[id]
      if sv then
        attendees = attendees + 1
        -- the meetings are about the modelled children: their hours come out of the part of the
        -- staff serving them (fte x staff_share)
        local fte, share = (val(sv.fte) or 0) * (val(sv.staff_share) or 1), val(sv.case_share) or 1
        local left = share - hours / YEAR_HOURS / fte
        if fte <= 0 or left <= 0 then error(MODEL .. ": service '" .. id .. "' has no time left for the extra meetings", 0) end
        local nb = string.format("%s: %.0f ekstra møter i året x %.1f t = %.0f t av tjenestens %g årsverk " ..
          "(à %d t i året) går til møter, så andelen til saker synker fra %g (17 skoler, 35 barnehager og " ..
          "2 helsestasjoner er antatt; deltakere etter seed-000 L392)", MODEL_NB, extra_meetings, HOURS, hours, fte, YEAR_HOURS, share)
        sv.case_share = assume(left, { string.format("%s: %.0f extra meetings a year x %.1f h = %.0f h of its %g FTE " ..
          "(at %d h a year) go to meetings, so the share for cases falls from %g (17 schools, 35 kindergartens and " ..
          "2 health centres assumed; seed-000 L392 attendees)", MODEL, extra_meetings, HOURS, hours, fte, YEAR_HOURS, share),
          nb = (nb:gsub("(%d)%.(%d)", "%1,%2")) })
      end
    end
    if attendees == 0 then
      error(MODEL .. ": none of the meeting's attendee services (hs, bvt_und, ppt) is in the baseline; " .. FITS, 0)
    end
    return s
  end,
}
