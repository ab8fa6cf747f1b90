# Deterioration while waiting: with fewer psychologists people wait longer, more worsen and more
# are escalated to specialist care; decision limits count interim letters.
T=$(mktemp -d)
samsim run tests/fixtures/features.lua --reps 6 --json > $T/a.json
samsim run tests/fixtures/features.lua --reps 6 --json --set services.psych.capacity.slots=5 > $T/b.json
jq -s -r 'if .[1].services.psych.wait_mean.mean > .[0].services.psych.wait_mean.mean then "fewer slots, longer wait" else "NOT longer" end' $T/a.json $T/b.json
jq -s -r 'if .[1].services.psych.deteriorated.mean > .[0].services.psych.deteriorated.mean and .[1].services.psych.escalated.mean >= .[0].services.psych.escalated.mean then "more worsen and are escalated" else "NOT more" end' $T/a.json $T/b.json
jq -r '"bup decisions within 30 days: \(.services.bup.decisions_within_limit_share.mean >= 0 and .services.bup.decisions_within_limit_share.mean <= 1), interim letters counted: \(.services.bup.interim_letters.mean != null)"' $T/a.json
jq -r '"relapses: \(.system.relapses.mean > 0)"' $T/a.json
rm -rf $T
