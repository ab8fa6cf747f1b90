# The verdict in --json: the models by name, the key measures judged by their declared direction,
# shares in percentage points (the JSON keeps fractions), no robustness claimed without a
# sensitivity study; a stored run is named from its stored text.  --all widens the table only:
# with --json it is refused.  The model against itself: no clear difference anywhere.
T=$(mktemp -d)
samsim compare scenarios/default.lua +scenarios/models/more-fph-staff.lua --reps 4 -q --json 2> /dev/null > $T/c.json
jq -r '.models[] | "\(.label): \(.name)"' $T/c.json
jq -r '.comparisons[0].verdict | "better \(.better), worse \(.worse), robustness \(.robustness), effects differing \(.effects_differing | length)"' $T/c.json
jq -r '.comparisons[0].verdict.measures[] | "\(.judgement)\t\(.better)\t\(.subject)\t\(.metric)"' $T/c.json
jq -r '.comparisons[0].rows[] | select(.metric == "wait_mean" and .subject == "fph") | "row better: \(.better)"' $T/c.json
samsim compare scenarios/default.lua scenarios/default.lua --reps 3 -q --json | jq -r '[.comparisons[0].verdict.measures[].judgement] | unique | join(",")'
samsim run scenarios/default.lua --apply scenarios/models/more-fph-staff.lua --reps 2 -q --db $T/r.db > /dev/null 2>&1
samsim compare db:$T/r.db#1 db:$T/r.db#1 -q | sed -n 5,7p
samsim compare scenarios/default.lua scenarios/default.lua --reps 2 --all --json; echo "exit $?"
samsim compare scenarios/default.lua scenarios/default.lua --reps 2 -q --all | grep -c '^all  '
rm -rf "$T"
# --headline (make demo): the question, the models by name, the differences beyond noise
samsim compare scenarios/default.lua +scenarios/models/more-fph-staff.lua --reps 4 -q --headline 2> /dev/null
samsim compare scenarios/default.lua scenarios/default.lua --reps 2 -q --headline --json; echo "exit $?"
