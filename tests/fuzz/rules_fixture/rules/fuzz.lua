-- Replaced by the fuzz harness for every input; this copy makes the scenario load on its own.
local function pick(a, b) return function() return a end end
return { door = pick("gp"), route = pick("intake"), accept = pick(true), priority = pick(1),
         next = pick("discharge"), at_age = pick("continue") }
