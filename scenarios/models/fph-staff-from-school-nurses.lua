-- Move two FTE from the school nurses (Helsestasjon og skolehelsetjenesten) to the preventive
-- mental-health service (Forebyggende psykisk helsetjeneste): the same total staffing, spent
-- where the queue is.  An example option for `samsim compare` at equal FTE.
--   the default scenario: hs 8 -> 6, fph 4 -> 6;
--   Lørenskog 2021: hs 38 -> 36, and the child team fph_barn 8 -> 10 (school nurses see the
--   children and young people the child team serves).

local WHY = { "option under review: two school-nurse FTE moved to the preventive service",
              nb = "alternativ som vurderes: to årsverk flyttet fra skolehelsetjenesten til den forebyggende tjenesten" }

-- The FTE as a number, whether the baseline cites or assumes it.
local function fte(service)
  local v = service.fte
  if type(v) == "table" then v = v.value end
  return v
end

return {
  model = { "School-nurse FTE moved to Forebyggende psykisk helsetjeneste",
            nb = "Årsverk flyttet fra skolehelsetjenesten til Forebyggende psykisk helsetjeneste" },
  description = {
    "Two FTE move from the school nurses to the preventive service (its child team in Lørenskog 2021); total FTE unchanged.",
    nb = "To årsverk flyttes fra skolehelsetjenesten til den forebyggende tjenesten (barneteamet i Lørenskog 2021); " ..
      "samlet antall årsverk er uendret.",
  },
  changes_capacity = false,
  applies_to = { "../default.lua", "../lorenskog/barn-unge-2021.lua",
                 why = "it moves two FTE from the school health service hs to the preventive service fph, or to Lørenskog " ..
                       "2021's child team fph_barn; the other scenarios have no school health service" },
  apply = function(s)
    local sv = s.services
    local to = sv.fph or sv.fph_barn
    sv.hs.fte = assume(fte(sv.hs) - 2, WHY)
    to.fte = assume(fte(to) + 2, { "option under review: two FTE moved from the school nurses",
                                   nb = "alternativ som vurderes: to årsverk flyttet fra skolehelsetjenesten" })
    return s
  end,
}
