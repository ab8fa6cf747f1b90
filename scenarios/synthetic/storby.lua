-- Storby (synthetic): a large municipality of about 700,000 inhabitants over ten years, for the
-- scaling benchmark (bench/bench_scaling.c) and for estimating how long a whole-Norway sweep takes.
--
-- Not a real place: it is the default scenario (Småby, about 12,000 inhabitants) with every
-- cohort and every municipal service's staff multiplied by the same factor, so demand per
-- inhabitant and staff per inhabitant stay as in Småby and the queues stay stable.  Norway's
-- largest municipality, Oslo, has about 700,000 inhabitants (EXTERNAL: SSB, 2023).
local SCALE = 700000 / 12000  -- Storby's inhabitants over Småby's

local function cohort(count)
  return { count = assume(count * SCALE, { "Småby's cohort x 700,000 / 12,000 (synthetic)", nb = "Småbys kohort x 700 000 / 12 000 (syntetisk)" }) }
end
local function staff(fte)
  return { fte = assume(fte * SCALE, { "Småby's staff x 700,000 / 12,000 (synthetic): the same staff per inhabitant",
                                       nb = "Småbys bemanning x 700 000 / 12 000 (syntetisk): like mange ansatte per innbygger" }) }
end

return {
  extends = "../default.lua",
  name = "Storby (synthetic), 700,000 inhabitants, ten years",
  description = { "Småby scaled to a city of about 700,000 inhabitants and run for ten years: a benchmark, not a place.",
                  nb = "Småby skalert opp til en by med om lag 700 000 innbyggere og kjørt i ti år: en ytelsesmåling, ikke et sted." },
  calendar = {
    horizon_days = assume(3653, { "ten years (2024-2033) for the scaling benchmark", nb = "ti år (2024–2033) for skaleringsmålingen" }),
    warmup_days = assume(365, { "the first year fills the queues from empty, as in Småby",
                                nb = "det første året fyller de tomme køene, som i Småby" }),
  },
  population = {
    ["0-5"] = cohort(900),
    ["6-12"] = cohort(1100),
    ["13-17"] = cohort(800),
    ["18-23"] = cohort(850),
  },
  services = {
    hs = staff(8),
    fph = staff(4),
    rph = staff(6),
  },
}
