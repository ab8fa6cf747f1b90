# Trap 3, on the command line: an unknown service id in --set is named, with the ids it may stand
# for, instead of creating a new half-described service that fails about its capacity.  The same
# for doors and the other tables of ids.  The help's own example works on the flagship scenario.
S=scenarios/lorenskog/barn-unge-2021.lua
samsim run $S --reps 2 --set services.fph.fte=18
echo "exit code $?"
samsim check $S --set services.bupp.fte=3
echo "exit code $?"
samsim check $S --set doors.scool.name=x
echo "exit code $?"
example=$(samsim run --help | sed -n 's/.*e\.g\. --set \([^ ]*\).*/\1/p')
echo "the help's example: --set $example"
samsim check $S --set "$example" | sed 's/: ok: .*/: ok/'
echo "exit code ${PIPESTATUS[0]}"
