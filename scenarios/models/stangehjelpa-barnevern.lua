-- Stangehjelpa with barnevern in the virksomhet: the second reading of seed-002 L39.
--
-- L39: Stangehjelpa works closely with the health centre and school health, "og med
-- barneverntjenesten som er organisert under samme virksomhet"; L41 lists only Stangehjelpa and
-- the health centre in the virksomhet barn og familie.  Apply after stangehjelpa.lua:
--   samsim run scenarios/lorenskog/barn-unge-2021.lua --apply scenarios/models/stangehjelpa.lua \
--     --apply scenarios/models/stangehjelpa-barnevern.lua
-- What it changes: barnevern (investigation and measures, unit bvt) joins the virksomhet barn og
-- familie: the same leader as Stangehjelpa and the health centre, so hand-offs among them are
-- inside one virksomhet, and the virksomhet's sector (helse, omsorg og mestring, where the health
-- centre is, seed-000 L423).  In Lørenskog barnevern is under oppvekst og utdanning with the
-- schools and kindergartens (L423), so its hand-offs with them now cross sectors: that is the
-- price of the reading, not an assumption added here.  Nothing else moves; FTE untouched.

local MODEL = "Stangehjelpa with barnevern in the virksomhet (Stange, L39)"
local MODEL_NB = "Stangehjelpa med barnevernet i virksomheten (Stange, L39)"

return {
  model = { MODEL, nb = MODEL_NB },
  description = {
    "Stange (seed-002 L39): barnevern organised under the same virksomhet as Stangehjelpa and the health " ..
      "centre (one leader, one sector). Apply after stangehjelpa.lua. FTE untouched.",
    nb = "Stange (seed-002 L39): barnevernet organisert i samme virksomhet som Stangehjelpa og helsestasjonen (én " ..
      "leder, én sektor). Legges på etter stangehjelpa.lua. Årsverkene er uendret.",
  },
  changes_capacity = false,
  applies_to = { "../lorenskog/barn-unge-2021.lua",
                 why = "it moves Lørenskog 2021's barnevern unit (bvt) into the virksomhet that stangehjelpa.lua builds" },

  apply = function(s)
    local units = type(s.organisation) == "table" and s.organisation.units
    if type(units) ~= "table" or units.stangehjelpa == nil then
      error(MODEL .. ": the virksomhet barn og familie is not there; apply scenarios/models/stangehjelpa.lua first", 0)
    end
    if units.bvt == nil then error(MODEL .. ": the baseline has no barnevern unit 'bvt'", 0) end
    units.bvt.leader = units.stangehjelpa.leader
    units.bvt.sector = units.stangehjelpa.sector
    units.bvt.name = units.bvt.name .. " (virksomhet barn og familie)"
    return s
  end,
}
