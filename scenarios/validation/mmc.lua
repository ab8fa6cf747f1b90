-- M/M/c validation model: Poisson arrivals (lambda = 9 a day) to c = 10 servers with exponential
-- service (mean 1 day).  Every day is a working day, so the closed forms (Erlang C) apply.
return {
  name = "M/M/10 validation queue",
  description = "Analytic check: compare wait_mean with the Erlang C formula.",
  calendar = {
    start = "2024-01-01",
    horizon_days = assume(2000, "long enough for tight intervals"),
    warmup_days = assume(200, "removes the empty-start bias"),
    working_days = "all",
  },
  needs = { "any" },
  services = {
    q = {
      name = "M/M/10 queue",
      fte = assume(10, "one server per FTE"),
      capacity = { slots = assume(10, "c = 10") },
      episode = { "exponential", mean = assume(1, "mean service 1 day") },
    },
  },
  demand = {
    { service = "q", rate_per_day = assume(9, "lambda = 9 a day"), seasonal = false },
  },
}
