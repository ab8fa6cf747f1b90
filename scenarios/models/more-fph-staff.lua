-- Two more psychologists in the preventive mental-health service (Forebyggende psykisk
-- helsetjeneste), everything else as in the base: the simplest example of an option that costs
-- staff.  Used by the compare and report tests, and in the README.
--   the default scenario and Lørenskog 2015: fph 4 -> 6 and 6 -> 8 FTE;
--   Lørenskog 2021, whose FPH has two teams: one more FTE in each (fph_barn and fph_voksen, 8 -> 9).
-- Klepp has no such service.

local WHY = "option under review: two more FTE for the preventive service"
local WHY_NB = "alternativ som vurderes: to årsverk til i den forebyggende tjenesten"

-- The FTE as a number, whether the baseline cites or assumes it.
local function fte(service)
  local v = service.fte
  if type(v) == "table" then v = v.value end
  return v
end

return {
  model = { "More staff at Forebyggende psykisk helsetjeneste", nb = "Flere ansatte i Forebyggende psykisk helsetjeneste" },
  description = { "Two more FTE for the preventive mental-health service (one in each of Lørenskog 2021's two teams); nothing else changes.",
                  nb = "To årsverk til i Forebyggende psykisk helsetjeneste (ett i hvert av de to teamene i Lørenskog 2021); ellers endres ingenting." },
  changes_capacity = true,
  applies_to = { "../default.lua", "../lorenskog/barn-unge-2021.lua", "../lorenskog/voksne-2015.lua",
                 why = "it adds two FTE to the preventive mental-health service: fph, or one to each of Lørenskog 2021's teams " ..
                       "fph_barn and fph_voksen; Klepp has no such service" },
  apply = function(s)
    local sv = s.services
    if sv.fph then
      sv.fph.fte = assume(fte(sv.fph) + 2, { WHY, nb = WHY_NB })
    else
      sv.fph_barn.fte = assume(fte(sv.fph_barn) + 1, { WHY .. ", one of them in the child team", nb = WHY_NB .. ", ett av dem i barneteamet" })
      sv.fph_voksen.fte = assume(fte(sv.fph_voksen) + 1, { WHY .. ", one of them in the adult team", nb = WHY_NB .. ", ett av dem i voksenteamet" })
    end
    return s
  end,
}
