-- Two levers of the preventive mental-health service (FPH) crossed: its staff from 3 to 6 FTE in
-- half steps, and the share of their time for individual cases (Lørenskog's FPH spends 50-60 %
-- on system-level work, seed-000 L335) at 40, 50 and 60 %, in the default scenario (Småby).
-- Which combinations keep the FPH wait under its six-week target?  (Equal clinical time, such as
-- 5 FTE x 40 % and 4 FTE x 50 %, gives the same figures: the runs share their random numbers.)
--   samsim batch scenarios/plans/staffing_grid.lua
--   samsim batch scenarios/plans/staffing_grid.lua --show fph.over_target_share
--   samsim batch scenarios/plans/staffing_grid.lua --show fph.wait_mean --csv > fph_wait.csv
-- Staff is added with --set values, not an organisational model: an overlay keeps FTE equal.
return {
  name = "FPH staffing and case share",
  scenarios = { "../default.lua" },
  sweep = {
    ["services.fph.fte"] = { from = 3, to = 6, step = 0.5 },
    ["services.fph.case_share"] = { 0.4, 0.5, 0.6 },
  },
  replications = 20,
  seed = 1,
  output = "staffing_grid.db",
}
