-- Self-referral in Lørenskog (scenarios/lorenskog/barn-unge-2021.lua): anyone may contact any
-- help service without a referral (seed-000 L276), but families and young people lack an
-- overview of the whole offer (L63, L469; seed-002 L27 "hard to find their way and know who does
-- what").  So a self-referral reaches the right service only part of the time: RIGHT_FIRST is
-- the share that picks the service an intake team would pick (rules/common/triage.lua); the rest
-- contact the service they know best for their age, and may be sent back (a bounce) or helped
-- less well.  The share is a registered parameter (parameters.self_route.right_first_time in
-- `samsim show --sources`; change it with --set).

local P = parameters {
  right_first_time = assume(0.7, { "share of self-referrals that reach the service an intake team would pick; "
      .. "no figure in the source (seed-000 L63, L469: families lack an overview of the offer)",
                                   nb = "andelen egenhenvendelser som når den tjenesten et inntaksteam ville valgt; intet tall i kilden " ..
                                          "(seed-000 L63, L469: familiene mangler oversikt over tilbudet)" }),
}

local function right(p)
  local age, need, sev = p.age, p.need, p.severity
  if need == "severe" or sev >= 3 then
    if age >= 18 then return "rph" end   -- RPH takes direct contact from 18 (L296)
    return "hs"                          -- a child's family asks the school nurse first
  end
  if need == "substance" then
    if age < 18 then return "hfu" end
    return "rph"
  end
  if need == "family" then
    if age < 18 then return "bvt_und" end
    return "nav_ung"
  end
  if need == "welfare" then
    if age >= 16 then return "nav_ung" end
    return "bvt_und"
  end
  if need == "learning" then
    if age < 16 then return "ppt" end
    return "fk_ot"
  end
  if age >= 20 then return "fph_voksen" end
  if need == "moderate" or sev >= 2 then return "fph_barn" end
  return "hs"
end

-- The service a person who does not know the offer tends to contact.
local function familiar(p)
  if p.age < 13 then return "hs" end
  if p.age < 23 then
    if p.need == "substance" or p.need == "welfare" then return "ute" end
    return "hs"
  end
  return "fph_voksen"
end

return {
  route = function(person, door, ctx)
    local r = right(person)
    if math.random() < P.right_first_time then return r end
    return familiar(person)
  end,

  tests = {
    { name = "a 15-year-old with moderate problems reaches FPH seven times in ten, else the school nurse",
      door = "self", person = { age = 15, need = "moderate", severity = 2 }, ctx = {},
      samples = 20000, expect_share = { fph_barn = 0.7, hs = 0.3 }, tolerance = 0.015 },
    { name = "a 19-year-old with substance problems reaches RPH or Utekontakten",
      door = "self", person = { age = 19, need = "substance", severity = 2 }, ctx = {},
      samples = 20000, expect_share = { rph = 0.7, ute = 0.3 }, tolerance = 0.015 },
    { name = "an adult with mild problems always reaches FPH's adult team",
      door = "self", person = { age = 40, need = "mild", severity = 1 }, ctx = {},
      samples = 2000, expect = "fph_voksen" },
    { name = "a child's mild problem always reaches the school nurse",
      door = "self", person = { age = 9, need = "mild", severity = 1 }, ctx = {},
      samples = 2000, expect = "hs" },
    { name = "a family in need of child welfare contacts barnevern or the school nurse",
      door = "self", person = { age = 6, need = "family", severity = 2 }, ctx = {},
      samples = 20000, expect_share = { bvt_und = 0.7, hs = 0.3 }, tolerance = 0.015 },
  },
}
