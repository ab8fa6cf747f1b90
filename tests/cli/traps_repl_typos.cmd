# Traps 5 and 6: a mistyped command gets "unknown command" and a suggestion, not a Lua error;
# commands are case-insensitive; Lua is still reached by '=' or a line that reads as Lua.  An
# unknown service gets the ids it may stand for (not 'services.rph'); an id typed as a path is
# not blamed on the scenario file; errors do not speak of the command-line flag --set.
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
apply scenarios/models/fph-staff-from-school-nurses.lua
results fhp_barn
SESSION
echo "exit code $?"
