-- Route rule for scenarios/validation/mmc_lua.lua: every concern at the door goes to the one
-- queue.  Deliberately trivial, so a benchmark measures the cost of the call, not of the rule.
return function(person, door, ctx)
  return "q"
end
