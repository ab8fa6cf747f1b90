-- Stangehjelpa (Stange): one service responsible for prevention, follow-up and treatment of
-- children's and families' mental health (seed-002 L39).  Used by scenarios/models/stangehjelpa.lua.
--
-- The end of an episode.  In the Lørenskog baseline the FPH child team refers some cases on
-- for help over time: moderate 12 %, mild 4 %, under 18 to BUP (rules/lorenskog/fph_next.lua).
-- Stangehjelpa does the follow-up and the treatment itself, so those cases stay and end with it;
-- the follow-up time they need is charged to the service's episode lengths in the overlay (an
-- assumption there).  Only severe illness (severity 3: worsened while waiting or in treatment)
-- goes to specialist care, as in the baseline: under 18 to BUP, else DPS.

return {
  next = function(person, service, ctx)
    if person.severity >= 3 then
      if person.age < 18 then return "bup" end
      return "dps"
    end
    return "discharge"
  end,

  tests = {
    { name = "a moderate case at 14 is followed up by Stangehjelpa itself, not sent to BUP",
      service = { id = "fph_barn" }, person = { age = 14, severity = 2, need = "moderate" }, ctx = {},
      samples = 2000, expect_share = { discharge = 1.0 }, tolerance = 0 },
    { name = "a mild case at 9 ends with Stangehjelpa",
      service = { id = "fph_barn" }, person = { age = 9, severity = 1, need = "mild" }, ctx = {}, expect = "discharge" },
    { name = "a case that worsened to severity 3 at 15 goes to BUP",
      service = { id = "fph_barn" }, person = { age = 15, severity = 3, need = "moderate" }, ctx = {}, expect = "bup" },
    { name = "a case that worsened to severity 3 at 19 goes to DPS",
      service = { id = "fph_barn" }, person = { age = 19, severity = 3, need = "moderate" }, ctx = {}, expect = "dps" },
  },
}
