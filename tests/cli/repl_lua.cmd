# REPL: input that is not a command is Lua, as lua.c runs it: expressions print, statements
# run, unfinished input continues on the next line; errors say <stdin>:LINE:.
samsim repl --echo scenarios/default.lua <<'SESSION'
= 1 + 1
1 + 1
"text"
nil
= model.name
model.services.fph.fte, model.calendar.warmup_days
= model.services.fph.eligibility
= #model.needs
x = 40
= x + 2
function weeks(days)
  return days / 7
end
= weeks(63)
for _, id in ipairs({"hs", "fph"}) do
  print(id, model.services[id].fte)
end
= results
run 5
= results.services.fph.wait_mean
= results.services.fph.wait_mean.mean, results.services.fph.wait_mean.ci_low, results.services.fph.wait_mean.ci_high
= results.services.fph.wait_mean.n
= results.services.fph.wait_mean > results.services.hs.wait_mean
= results.services.fph.wait_mean / 7
= "fph waits " .. results.services.fph.wait_mean .. " days"
= results.system.persons
= results.services.bup.over_target_share
= results.services.bup.over_target_share + 1
= previous
set services.fph.fte 6
run 5
= results.services.fph.wait_mean - previous.services.fph.wait_mean
= model.services.fph.fte
model.services.fph.fte = 9
results = nil
results.seed = 2
= modle
= math.floor(2.5), string.upper("lørenskog")
print(os)
while true do end
= 1 +
  2 +
  3
if x > 1 then
  print("big")
else
= 1 )
local y = 1
= y
for i = 1, 2 do
SESSION
echo "exit code $?"
