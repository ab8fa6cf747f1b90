-- Velferdslab (Asker's welfare lab, seed-002 L83; Lørenskog's pilot, seed-000 L441-453, L501):
-- the acceptance rule put on the ordinary services by scenarios/models/welfare-lab.lua.
--
-- The lab's target groups (seed-000 L442-445): families with living-condition problems, young
-- adults 18-30 with complicated problems, families with children with severe disabilities.  In
-- the model: a person with long-term and complex needs who is 18-30, or has a family or welfare
-- need (the family as the unit, under 18), is redirected to the lab ("velferdslab") the first
-- time they reach one of these services, if the lab has a place free (its open cases and those
-- waiting for its next meeting are fewer than its places): the lab does not keep a waiting
-- list, the ordinary services carry on.  Everyone else is decided as the service's eligibility
-- says (ctx.eligible).

local function visited(person, id)
  local h = person.history
  for i = 1, #h do if h[i] == id then return true end end
  return false
end

local function target_group(p)
  if p.age >= 18 and p.age < 31 then return true end
  return p.age < 18 and (p.need == "family" or p.need == "welfare")
end

return {
  accept = function(person, service, ctx)
    if person.complex and target_group(person) and not visited(person, "velferdslab")
       and ctx.caseload("velferdslab") + ctx.queue("velferdslab") < ctx.capacity("velferdslab") then
      return "velferdslab"
    end
    return ctx.eligible
  end,

  tests = {
    { name = "a complex 24-year-old is taken into the lab",
      service = { id = "nav_ung" }, person = { complex = true, age = 24, history = {} },
      ctx = { eligible = true, queue = { velferdslab = 1 }, caseload = { velferdslab = 15 }, capacity = { velferdslab = 19 } }, expect = "velferdslab" },
    { name = "a complex family concern for a child is taken into the lab",
      service = { id = "bvt_tiltak" }, person = { complex = true, age = 8, need = "family", history = {} },
      ctx = { eligible = true, queue = { velferdslab = 1 }, caseload = { velferdslab = 15 }, capacity = { velferdslab = 19 } }, expect = "velferdslab" },
    { name = "a complex child with learning difficulties stays with the service",
      service = { id = "ppt" }, person = { complex = true, age = 8, need = "learning" },
      ctx = { eligible = true }, expect = true },
    { name = "someone the lab has already followed is not sent back to it",
      service = { id = "rph" }, person = { complex = true, age = 26, history = { "samfor", "velferdslab" } },
      ctx = { eligible = true }, expect = true },
    { name = "when the lab has no place free, the service keeps the person",
      service = { id = "rph" }, person = { complex = true, age = 26, history = {} },
      ctx = { eligible = true, queue = { velferdslab = 1 }, caseload = { velferdslab = 18 }, capacity = { velferdslab = 19 } },
      expect = true },
    { name = "a person who is not complex follows eligibility",
      service = { id = "rph" }, person = { complex = false }, ctx = { eligible = false }, expect = false },
    { name = "a complex 45-year-old is outside the target groups",
      service = { id = "rph" }, person = { complex = true, age = 45 }, ctx = { eligible = true }, expect = true },
  },
}
