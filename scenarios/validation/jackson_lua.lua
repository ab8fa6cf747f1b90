-- The Jackson network of jackson.lua with every service's routing done by a Lua function
-- (rules/validation/jackson_route.lua) that draws the same probabilities with math.random.
-- The closed form is the same, so this validates the Lua path of the `next` decision point.
return {
  extends = "jackson.lua",
  name = "Jackson network validation (Lua routing)",
  services = {
    a = { next = "rules/validation/jackson_route.lua" },
    b = { next = "rules/validation/jackson_route.lua" },
    c = { next = "rules/validation/jackson_route.lua" },
  },
}
