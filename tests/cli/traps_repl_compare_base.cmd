# Trap 1: compare's base is the baseline (the scenario file as loaded, unless 'baseline now' chose
# the model as it was), shown in the header; never the previous run.  The planner's session: set,
# compare, undo three times, redo, apply Familiens hus, compare.  Before, the second compare took
# the undone +2 FTE run as its base and Familiens hus looked like +457 % on the FPH wait.
samsim repl --echo scenarios/lorenskog/barn-unge-2021.lua <<'SESSION'
run 5
set services.fph_barn.fte +2
compare
undo
undo
undo
redo
apply scenarios/models/familiens-hus.lua
compare
baseline
show
baseline now
set services.fph_barn.fte +2
compare
baseline loaded
baseline sometime
SESSION
echo "exit code $?"
