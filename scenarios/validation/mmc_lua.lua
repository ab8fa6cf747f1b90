-- M/M/10 as mmc.lua, but every concern comes in through a door whose route is a Lua rule
-- (rules/validation/mmc_route.lua, which always answers "q").  The queue is the same, so the
-- Erlang C figures still apply; the point is the cost of one Lua call per routing decision
-- (bench/bench_engine.c) next to data routing.
return {
  name = "M/M/10 validation queue (Lua routing)",
  description = "mmc.lua with arrivals routed by a Lua function at the door.",
  calendar = {
    start = "2024-01-01",
    horizon_days = assume(2000, "long enough for tight intervals"),
    warmup_days = assume(200, "removes the empty-start bias"),
    working_days = "all",
  },
  needs = { "any" },
  doors = {
    d = { name = "One door", route = "rules/validation/mmc_route.lua" },
  },
  services = {
    q = {
      name = "M/M/10 queue",
      fte = assume(10, "one server per FTE"),
      capacity = { slots = assume(10, "c = 10") },
      episode = { "exponential", mean = assume(1, "mean service 1 day") },
    },
  },
  demand = {
    { door = "d", rate_per_day = assume(9, "lambda = 9 a day"), seasonal = false },
  },
}
