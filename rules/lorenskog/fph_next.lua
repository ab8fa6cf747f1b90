-- End of a short-term episode at Lørenskog's preventive mental-health service (FPH), child or
-- adult team (scenarios/lorenskog/barn-unge-2021.lua).
--
-- FPH "pilots" people into other services when that is right; those with heavier problems who
-- need help over time are referred to specialist care and/or RPH (seed-000 L337); an adult
-- whose problems get worse goes to DPS first, then RPH (L485).  The report gives no shares, so
-- the shares below are assumptions (a planner varies them here):
--   severity 3 (worsened while waiting or in treatment): specialist care always;
--   moderate needs: 12 % referred on, mild needs: 4 %;
--   of those referred on, adults (18+) go to DPS, or to RPH when the problem is long-term and
--   complex (L337 "og/eller"); under 18 to BUP.
local P = parameters {
  onward_moderate = assume(0.12, { "share of FPH's moderate cases referred on to specialist care or RPH; "
      .. "the report gives no shares (seed-000 L337)",
                                   nb = "andelen moderate saker i FPH som henvises videre til spesialisthelsetjenesten eller rus og " ..
                                          "psykisk helse; rapporten oppgir ingen andeler (seed-000 L337)" }),
  onward_mild = assume(0.04, { "share of FPH's mild cases referred on to specialist care or RPH; the report "
      .. "gives no shares (seed-000 L337)",
                               nb = "andelen lette saker i FPH som henvises videre til spesialisthelsetjenesten eller rus og psykisk " ..
                                      "helse; rapporten oppgir ingen andeler (seed-000 L337)" }),
}
local SHARE_ON = { moderate = P.onward_moderate, mild = P.onward_mild }

local function onward(p)
  if p.age < 18 then return "bup" end
  if p.complex then return "rph" end
  return "dps"
end

return {
  next = function(person, service, ctx)
    if person.severity >= 3 then return onward(person) end
    local share = SHARE_ON[person.need] or 0
    if math.random() < share then return onward(person) end
    return "discharge"
  end,

  tests = {
    { name = "a case that worsened to severity 3 at 15 goes to BUP",
      service = { id = "fph_barn" }, person = { age = 15, severity = 3 }, ctx = {}, expect = "bup" },
    { name = "a worsened adult case with complex needs goes to RPH",
      service = { id = "fph_voksen" }, person = { age = 30, severity = 3, complex = true }, ctx = {},
      expect = "rph" },
    { name = "a worsened adult case goes to DPS",
      service = { id = "fph_voksen" }, person = { age = 30, severity = 3, complex = false }, ctx = {},
      expect = "dps" },
    { name = "about 12 % of moderate cases at 14 are referred on to BUP",
      service = { id = "fph_barn" }, person = { age = 14, severity = 2, need = "moderate" }, ctx = {},
      samples = 20000, expect_share = { discharge = 0.88, bup = 0.12 }, tolerance = 0.01 },
    { name = "about 4 % of mild adult cases are referred on to DPS",
      service = { id = "fph_voksen" }, person = { age = 40, severity = 1, need = "mild", complex = false },
      ctx = {}, samples = 20000, expect_share = { discharge = 0.96, dps = 0.04 }, tolerance = 0.01 },
  },
}
