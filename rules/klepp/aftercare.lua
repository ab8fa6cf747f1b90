-- After treatment in specialised substance care (TSB) for a Klepp resident: aftercare
-- (scenarios/klepp/rusomsorg-2020.lua).
--
-- The contact person gives individual aftercare that starts before discharge (seed-004 L487);
-- Ny Start Jæren is the intermunicipal aftercare project (L1086-L1104); its participants are
-- relatively young, so some older users decline (L1100, L1146).  Shares are assumptions:
--   long-term and complex needs      -> the day department (the contact person's aftercare)
--   others under 45                  -> Ny Start 40 %, else discharged
--   others 45 and over               -> Ny Start 10 % (older users decline), else discharged
local NY_START_YOUNG, NY_START_OLDER, OLDER_FROM = 0.4, 0.1, 45

return {
  next = function(person, service, ctx)
    if person.complex then return "dag" end
    local share = person.age < OLDER_FROM and NY_START_YOUNG or NY_START_OLDER
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
