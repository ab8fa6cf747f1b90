-- Open Jackson network with feedback: three M/M/c nodes with Markov routing, so each node behaves
-- as an independent M/M/c queue fed at the rate solved from the traffic equations
--   lambda_j = gamma_j + sum_i lambda_i * p_ij
-- (Jackson 1957).  Every day is a working day, so the closed forms apply.
--
--   external 8/day  -> a (intake, c = 3, mean 0.25 day)  -> b 0.30, c 0.25, exit 0.45
--   external 0.6/day -> b (treatment, c = 4, mean 1 day) -> c 0.20, exit 0.80
--                       c (follow-up, c = 2, mean 0.5 day) -> a 0.20 (feedback), b 0.10, exit 0.70
--
-- Solution: lambda = (8.5664, 3.4532, 2.8322) a day; utilisation 0.714, 0.863, 0.708; Erlang C
-- waits Wq = 0.1494, 1.3074, 0.5027 days.  tests/validation/test_queueing.c checks the simulation
-- against these numbers, and jackson_lua.lua runs the same network with routing done in Lua.
return {
  name = "Jackson network validation",
  description = "Analytic check: per-node waits and arrival rates against the traffic equations and Erlang C.",
  calendar = {
    start = "2024-01-01",
    horizon_days = assume(2000, "long enough for tight intervals"),
    warmup_days = assume(200, "removes the empty-start bias"),
    working_days = "all",
  },
  needs = { "any" },
  services = {
    a = {
      name = "Intake",
      fte = assume(3, "one server per FTE"),
      capacity = { slots = assume(3, "c = 3") },
      episode = { "exponential", mean = assume(0.25, "mean service 0.25 day (mu = 4)") },
      next = {
        b = assume(0.30, "routing a -> b"),
        c = assume(0.25, "routing a -> c"),
        discharge = assume(0.45, "routing a -> exit"),
      },
    },
    b = {
      name = "Treatment",
      fte = assume(4, "one server per FTE"),
      capacity = { slots = assume(4, "c = 4") },
      episode = { "exponential", mean = assume(1, "mean service 1 day (mu = 1)") },
      next = {
        c = assume(0.20, "routing b -> c"),
        discharge = assume(0.80, "routing b -> exit"),
      },
    },
    c = {
      name = "Follow-up",
      fte = assume(2, "one server per FTE"),
      capacity = { slots = assume(2, "c = 2") },
      episode = { "exponential", mean = assume(0.5, "mean service 0.5 day (mu = 2)") },
      next = {
        a = assume(0.20, "feedback c -> a"),
        b = assume(0.10, "routing c -> b"),
        discharge = assume(0.70, "routing c -> exit"),
      },
    },
  },
  demand = {
    { service = "a", rate_per_day = assume(8, "external arrivals at a, gamma_a = 8 a day"), seasonal = false },
    { service = "b", rate_per_day = assume(0.6, "external arrivals at b, gamma_b = 0.6 a day"), seasonal = false },
  },
}
