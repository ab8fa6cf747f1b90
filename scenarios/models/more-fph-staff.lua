-- Two more psychologists in the preventive mental-health service (Forebyggende psykisk
-- helsetjeneste): 4 -> 6 FTE, everything else as in the base.  Used by the compare and report
-- tests, and as the simplest example of an option that costs staff.
return {
  model = "More staff at Forebyggende psykisk helsetjeneste",
  description = "Two more FTE for the preventive mental-health service (4 -> 6); nothing else changes.",
  changes_capacity = true,
  data = {
    services = {
      fph = { fte = assume(6, "option under review: two more FTE for the preventive service") },
    },
  },
}
