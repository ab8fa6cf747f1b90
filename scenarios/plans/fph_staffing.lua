-- FPH staffing sweep: how does the wait for the preventive mental-health service
-- (Forebyggende psykisk helsetjeneste) fall as its staff grows from 3 to 6 FTE?
-- Run:   samsim batch scenarios/plans/fph_staffing.lua
-- Show:  samsim batch scenarios/plans/fph_staffing.lua --show fph.wait_mean
return {
  name = "FPH staffing",
  scenarios = { "../default.lua" },
  sweep = { ["services.fph.fte"] = { 3, 4, 5, 6 } },
  replications = 10,
  seed = 1,
  output = "fph_staffing.db",
}
