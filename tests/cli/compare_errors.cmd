# Wrong inputs name what is wrong and what was expected.  Exit codes: 1 a scenario or overlay is
# wrong, 2 the command line is wrong (including models that cannot be paired).
root=$(pwd); T=$(mktemp -d); cd "$T"
samsim compare "$root/scenarios/default.lua"; echo "exit $?"
samsim compare "$root/scenarios/default.lua" nope.lua; echo "exit $?"
samsim compare "$root/scenarios/default.lua" +models/nope.lua 2>&1 | sed "s|$root|ROOT|g"; echo "exit ${PIPESTATUS[0]}"
samsim compare "$root/scenarios/default.lua" db:results.db; echo "exit $?"
samsim compare "$root/scenarios/default.lua" db:missing.db#1; echo "exit $?"
samsim compare "$root/scenarios/default.lua" "$root/scenarios/default.lua" --json --markdown; echo "exit $?"
samsim run "$root/scenarios/default.lua" --reps 2 --seed 5 --db r.db > /dev/null
samsim compare "$root/scenarios/default.lua" db:r.db#7; echo "exit $?"
samsim compare db:r.db#1 "$root/scenarios/default.lua" --seed 1; echo "exit $?"
samsim compare db:r.db#1 "$root/scenarios/default.lua" --reps 3; echo "exit $?"
samsim compare db:r.db#1 db:r.db#1 --db other.db; echo "exit $?"
cd "$root"; rm -rf "$T"
