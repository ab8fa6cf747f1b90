-- The GP's triage: where does a fastlege send a child or young person?
-- Severe illness goes to specialist care (BUP under 18, DPS from 18); substance problems to the
-- municipal rus og psykisk helse service from 16; mild and moderate problems to the preventive
-- mental-health service (FPH), unless its queue is very long, when moderate cases under 18 are
-- sent to BUP instead.
return function(person, door, ctx)
  if person.need == "severe" or person.severity >= 3 then
    if person.age < 18 then return "bup" else return "dps" end
  end
  if person.need == "substance" then
    if person.age >= 16 then return "rph" else return "hs" end
  end
  if person.need == "moderate" and person.age < 18 and ctx.queue("fph") > 40 then
    return "bup"
  end
  return "fph"
end
