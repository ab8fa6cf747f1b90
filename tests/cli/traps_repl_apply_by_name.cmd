# The planner of trap 1 typed 'apply familiens-hus' and met "familiens-hus: cannot open": an overlay
# is found by its name, as samsim compare finds '+models/x.lua' (beside the scenario, from here,
# then in the models folder, scenarios/models for every bundled scenario; .lua may be left off),
# and named by the file found; unapply takes the same name; a path starting with ../ is a path,
# not Lua; a name that is not there says where it looked and which models there are.  The same
# for samsim run --apply.  (How many values an overlay changes is the overlay's business: masked.)
S=scenarios/lorenskog/barn-unge-2021.lua
samsim repl --echo $S <<'SESSION' | sed 's/: [0-9]* values changed/: N values changed/'
apply familiens-hus
unapply familiens-hus
apply ../models/familiens-hus.lua
undo
apply familie-hus
SESSION
echo "exit code ${PIPESTATUS[0]}"
samsim run $S --apply familiens-hus --reps 2 --json | jq -c '.scenario.overlays'
samsim check $S --apply familie-hus
echo "exit code $?"
