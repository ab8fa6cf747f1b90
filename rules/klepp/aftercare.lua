-- After treatment in specialised substance care (TSB) for a Klepp resident: aftercare
-- (scenarios/klepp/rusomsorg-2020.lua).
--
-- The contact person gives individual aftercare that starts before discharge (seed-004 L487);
-- Ny Start Jæren is the intermunicipal aftercare project (L1086-L1104); its participants are
-- relatively young, so some older users decline (L1100, L1146).  Shares are assumptions:
--   long-term and complex needs      -> the day department (the contact person's aftercare)
--   others under 45                  -> Ny Start 40 %, else discharged
--   others 45 and over               -> Ny Start 10 % (older users decline), else discharged
-- All three are registered parameters (parameters.aftercare.* in `samsim show --sources`).
local P = parameters {
  ny_start_young = assume(0.4, { "share of users under older_from who join Ny Start Jæren; no figure in the "
      .. "source (seed-004 L1086-L1104 describe the project, not its uptake)",
                                 nb = "andelen yngre brukere (under alderen der en bruker regnes som eldre) som blir med i Ny Start " ..
                                        "Jæren; intet tall i kilden (seed-004 L1086-L1104 beskriver prosjektet, ikke hvor mange som deltar)" }),
  ny_start_older = assume(0.1, { "share of older users who join Ny Start: its participants are relatively "
      .. "young, so some older users decline (seed-004 L1100, L1146); the figure is an assumption",
                                 nb = "andelen eldre brukere som blir med i Ny Start: deltakerne er relativt unge, så noen eldre brukere " ..
                                        "takker nei (seed-004 L1100, L1146); tallet er en antakelse" }),
  older_from = assume(45, { "age from which a user counts as older for Ny Start (seed-004 L1100 says "
      .. "'relatively young' without an age)",
                            nb = "alderen der en bruker regnes som eldre for Ny Start (seed-004 L1100 sier 'relativt unge' uten å oppgi alder)" }),
}

return {
  next = function(person, service, ctx)
    if person.complex then return "dag" end
    local share = person.age < P.older_from and P.ny_start_young or P.ny_start_older
    if math.random() < share then return "ny_start" end
    return "discharge"
  end,

  tests = {
    { name = "complex needs get the contact person's aftercare in the day department",
      service = { id = "tsb" }, person = { complex = true }, ctx = {}, expect = "dag" },
    { name = "a 28-year-old goes to Ny Start four times in ten",
      service = { id = "tsb" }, person = { complex = false, age = 28 }, ctx = {},
      samples = 20000, expect_share = { ny_start = 0.4, discharge = 0.6 }, tolerance = 0.015 },
    { name = "a 55-year-old seldom joins Ny Start",
      service = { id = "tsb" }, person = { complex = false, age = 55 }, ctx = {},
      samples = 20000, expect_share = { ny_start = 0.1, discharge = 0.9 }, tolerance = 0.01 },
  },
}
