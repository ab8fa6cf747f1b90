-- The GP's triage: where does a fastlege send a child or young person?
-- Severe illness goes to specialist care (BUP under 18, DPS from 18); substance problems to the
-- municipal rus og psykisk helse service from 16; mild and moderate problems to the preventive
-- mental-health service (FPH), unless its queue is very long, when moderate cases under 18 are
-- sent to BUP instead.
--
-- The queue length is a registered parameter (parameters.gp_triage.fph_queue_to_bup).
--
-- A module: scenarios name this file at a door's `route`, which calls the function `route`;
-- `samsim test rules/` runs the cases in `tests`.
local P = parameters {
  fph_queue_to_bup = assume(40, { "FPH queue length from which a GP sends moderate problems under 18 to BUP "
      .. "(the default scenario is an example, not a municipality)",
                                  nb = "kølengden i FPH der en fastlege sender moderate plager under 18 år til BUP (standardscenarioet er " ..
                                         "et eksempel, ikke en kommune)" }),
}

local function route(person, door, ctx)
  if person.need == "severe" or person.severity >= 3 then
    if person.age < 18 then return "bup" else return "dps" end
  end
  if person.need == "substance" then
    if person.age >= 16 then return "rph" else return "hs" end
  end
  if person.need == "moderate" and person.age < 18 and ctx.queue("fph") > P.fph_queue_to_bup then
    return "bup"
  end
  return "fph"
end

return {
  route = route,

  -- Each case gives exactly the fields the rule reads on its way to the answer.
  tests = {
    { name = "severe under 18 goes to BUP", door = "gp",
      person = { age = 15, need = "severe" }, expect = "bup" },
    { name = "severe from 18 goes to DPS", door = "gp",
      person = { age = 18, need = "severe" }, expect = "dps" },
    { name = "severity 3 counts as severe, whatever the need", door = "gp",
      person = { age = 12, need = "mild", severity = 3 }, expect = "bup" },
    { name = "substance from 16 goes to rus og psykisk helse", door = "gp",
      person = { age = 16, need = "substance", severity = 1 }, expect = "rph" },
    { name = "substance under 16 goes to the health station", door = "gp",
      person = { age = 15, need = "substance", severity = 1 }, expect = "hs" },
    { name = "moderate under 18 goes to BUP when FPH's queue is over 40", door = "gp",
      person = { age = 14, need = "moderate", severity = 2 }, ctx = { queue = { fph = 41 } },
      expect = "bup" },
    { name = "moderate under 18 stays with FPH at a queue of 40", door = "gp",
      person = { age = 14, need = "moderate", severity = 2 }, ctx = { queue = { fph = 40 } },
      expect = "fph" },
    { name = "moderate from 18 goes to FPH however long its queue", door = "gp",
      person = { age = 19, need = "moderate", severity = 2 }, expect = "fph" },
    { name = "mild goes to FPH", door = "gp",
      person = { age = 10, need = "mild", severity = 1 }, expect = "fph" },
  },
}
