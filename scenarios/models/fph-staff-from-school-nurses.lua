-- Move two FTE from the school nurses (Helsestasjon og skolehelsetjenesten, 8 -> 6) to the
-- preventive mental-health service (Forebyggende psykisk helsetjeneste, 4 -> 6): the same total
-- staffing, spent where the queue is.  An example option for `samsim compare` at equal FTE.
return {
  model = "School-nurse FTE moved to Forebyggende psykisk helsetjeneste",
  description = "Two FTE move from the school nurses (8 -> 6) to the preventive service (4 -> 6); total FTE unchanged.",
  changes_capacity = false,
  applies_to = { "../default.lua",
                 why = "it moves 2 FTE from the default scenario's hs (8) to fph (4); Lørenskog 2021 has fph_barn and fph_voksen and 38 FTE at hs, so the same values would cut staff" },
  data = {
    services = {
      hs = { fte = assume(6, "option under review: two school-nurse FTE moved to the preventive service") },
      fph = { fte = assume(6, "option under review: two FTE moved from the school nurses") },
    },
  },
}
