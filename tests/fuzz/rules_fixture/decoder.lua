-- The rule module for byte-driven inputs: BYTES (a string the harness prepends) is read as a
-- program that builds the value each decision point returns: strings (ids and outcomes, and
-- junk), numbers (NaN, inf, huge), booleans, nil, tables and tables with metatables whose
-- __index, __tostring, __eq, __len, __call or __concat error, loop or return odd things.
local pos = 0
local function byte()
  pos = pos % #BYTES + 1
  return BYTES:byte(pos)
end
local words = { "gp", "school", "intake", "treat", "discharge", "continue", "accept", "reject",
                "", "INTAKE", "gp\0", ("x"):rep(300) }
local numbers = { 0, -1, 1, 0.5, 1e308, -1e308, 1 / 0, -1 / 0, 0 / 0, math.maxinteger,
                  math.mininteger, 2 ^ 53 }
local function loop() while true do end end
local function fail() error("metamethod fails") end
local function odd() return setmetatable({}, { __index = fail }) end
local behaviours = { fail, loop, odd, function() return nil end, function() return "gp" end }
local events = { "__index", "__tostring", "__eq", "__len", "__call", "__concat", "__lt", "__le",
                 "__name", "__close", "__pairs", "__newindex", "__unm", "__add" }
local value
function value(depth)
  local b = byte()
  local kind = b % 8
  if kind == 0 then return words[byte() % #words + 1]
  elseif kind == 1 then return numbers[byte() % #numbers + 1]
  elseif kind == 2 then return b >= 128
  elseif kind == 3 then return nil
  elseif kind == 4 and depth < 3 then
    local t = {}
    for i = 1, byte() % 4 do t[value(depth + 1) or i] = value(depth + 1) end
    return t
  elseif kind == 5 then
    local mt = {}
    for _ = 1, byte() % 4 + 1 do
      mt[events[byte() % #events + 1]] = behaviours[byte() % #behaviours + 1]
    end
    return setmetatable({}, mt)
  elseif kind == 6 then return function() return value(depth + 1) end
  else return ("%d"):format(b) end
end
local function point() return function(person, a, b) return value(0) end end
return { door = point(), route = point(), accept = point(), priority = point(), next = point(),
         at_age = point() }
