-- Two more psychologists in the preventive mental-health service (Forebyggende psykisk
-- helsetjeneste): 4 -> 6 FTE, everything else as in the base.  Used by the compare and report
-- tests, and as the simplest example of an option that costs staff.
return {
  model = "More staff at Forebyggende psykisk helsetjeneste",
  description = "Two more FTE for the preventive mental-health service (4 -> 6); nothing else changes.",
  changes_capacity = true,
  applies_to = { "../default.lua",
                 why = "it sets the FTE of the default scenario's service fph; Lørenskog 2021 has two teams, fph_barn and fph_voksen, and Klepp no FPH" },
  data = {
    services = {
      fph = { fte = assume(6, "option under review: two more FTE for the preventive service") },
    },
  },
}
