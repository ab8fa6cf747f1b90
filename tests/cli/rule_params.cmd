# Rule files register the numbers they decide with (engine/model/ruleparams.h): each is listed by
# show --sources with its citation or assumption, and --set gives it another value.  Giving the
# declared value with --set changes no result (the run's CSV is the same to the byte); another
# value changes them.
samsim show tests/fixtures/rule_params.lua --sources | grep -E '^parameter |^parameters\.'
samsim show tests/fixtures/rule_params.lua --set parameters.shares.share_on=0.6 --sources | grep '^parameters\.'
T=$(mktemp -d)
samsim run tests/fixtures/rule_params.lua --reps 3 --csv > "$T/declared.csv"
samsim run tests/fixtures/rule_params.lua --reps 3 --csv --set parameters.shares.share_on=0.3 > "$T/same.csv"
samsim run tests/fixtures/rule_params.lua --reps 3 --csv --set parameters.shares.share_on=0.9 > "$T/other.csv"
cmp -s "$T/declared.csv" "$T/same.csv" && echo "declared value given with --set: same bytes"
cmp -s "$T/declared.csv" "$T/other.csv" || echo "another value: different results"
rm -r "$T"
# The municipal rule files' numbers, and an overlay's effect assumptions from its rules.
samsim show scenarios/lorenskog/barn-unge-2021.lua --sources | grep '^parameters\.' | cut -c1-70
samsim show scenarios/klepp/rusomsorg-2020.lua --sources | grep '^parameters\.' | cut -c1-70
samsim show scenarios/lorenskog/barn-unge-2021.lua --apply scenarios/models/one-door-resource-teams.lua --sources | grep '^parameters\.' | cut -c1-70
echo "exit code $?"
