-- Lørenskog 2021: the preventive mental-health service has 16 psychologists in its two teams
-- (seed-000 L331), but the split between the children's team (fph_barn) and the adults' team
-- (fph_voksen) is not given: the scenario assumes half each.  How much does the split matter, and
-- what would two or four more psychologists do?  One swept total and one swept share drive the two
-- teams' staff (linked parameters):
--   samsim batch scenarios/plans/fph_split.lua
--   samsim batch scenarios/plans/fph_split.lua --show fph_barn.wait_mean
--   sqlite3 scenarios/plans/fph_split.db 'SELECT * FROM run_wide'
return {
  name = "Lørenskog 2021: FPH staff and its split between the teams",
  scenarios = { "../lorenskog/barn-unge-2021.lua" },
  sweep = {
    fph_total = { 16, 18, 20 },                        -- psychologists in the two teams together
    child_share = { 0.4, 0.5, 0.6 },                   -- the children's team's share of them
  },
  linked = {
    ["services.fph_barn.fte"] = function(v) return v.fph_total * v.child_share end,
    ["services.fph_voksen.fte"] = function(v) return v.fph_total * (1 - v.child_share) end,
  },
  replications = 10,
  seed = 2021,
  output = "fph_split.db",
}
