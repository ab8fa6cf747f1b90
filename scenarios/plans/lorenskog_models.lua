-- Every organisational model against Lørenskog's services for children and young people (2021):
-- the question a kontrollutvalg asks before a reorganisation.  All runs share the seed, so any
-- two can be compared pair by pair with common random numbers:
--   samsim batch scenarios/plans/lorenskog_models.lua
--   samsim batch scenarios/plans/lorenskog_models.lua --show fph_barn.wait_mean
--   samsim compare db:scenarios/plans/lorenskog_models.db#1 db:scenarios/plans/lorenskog_models.db#2
-- On a cluster: see the README (samsim batch --shard K/N, then samsim merge).
return {
  name = "Lørenskog 2021: organisational models",
  scenarios = { "../lorenskog/barn-unge-2021.lua" },
  models = {
    {},                                      -- today's organisation
    { "../models/familiens-hus.lua" },
    { "../models/one-door-resource-teams.lua" },
    { "../models/stationed-in-schools.lua" },
    { "../models/meet-more-often.lua" },
    { "../models/digital-platform.lua" },
    { "../models/bti-ladder.lua" },
  },
  replications = 20,
  seed = 2021,
  output = "lorenskog_models.db",
}
