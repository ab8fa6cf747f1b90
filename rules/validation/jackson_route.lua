-- Routing at the end of an episode for scenarios/validation/jackson_lua.lua: the probabilities
-- of jackson.lua's `next` tables, drawn with math.random (the engine's rules stream), so the
-- Lua decision point can be checked against the same closed form.
local routes = {
  a = { { 0.30, "b" }, { 0.25, "c" }, { 0.45, "discharge" } },
  b = { { 0.20, "c" }, { 0.80, "discharge" } },
  c = { { 0.20, "a" }, { 0.10, "b" }, { 0.70, "discharge" } },
}

return function(person, service, ctx)
  local choices = routes[service.id]
  local u = math.random()
  local cum = 0
  for i = 1, #choices do
    cum = cum + choices[i][1]
    if u < cum then return choices[i][2] end
  end
  return choices[#choices][2]  -- u within rounding of 1
end
