# Traps 5 and 6: a mistyped command gets "unknown command" and a suggestion, not a Lua error;
# commands are case-insensitive; Lua is still reached by '=' or a line that reads as Lua.  An
# unknown service gets the ids it may stand for (not 'services.rph'); an id typed as a path is
# not blamed on the scenario file; errors do not speak of the command-line flag --set.
root=$PWD; w=$(mktemp -d); trap 'rm -rf "$w"' EXIT; cd "$w"
ln -s "$root/scenarios" scenarios; ln -s "$root/rules" rules
cat > more_staff.lua <<'LUA'
-- two more psychologists in the child team, without saying that it adds staff
return { model = "More staff", data = { services = { fph_barn = { fte = 10 } } } }
LUA
samsim repl --echo scenarios/lorenskog/barn-unge-2021.lua <<'SESSION'
rn
Run 2
HELP baseline
clear
sett services.fph_barn.fte 10
rn 5
share = 0.5
= share * 2
share
for i = 1, 2 do print(i) end
print "Lua"
set services.fph.fte 10
set fph_barn fte 10
set fph_barn 10
set services.fph_barn.fte lots
set services.fph_barn.ftee 10
apply more_staff.lua
results fhp_barn
SESSION
echo "exit code $?"
