# Hand-offs by organisational distance: moving two units under one leader in one building turns
# same-sector hand-offs into same-unit ones and cuts repeated assessments (same seed: same people).
T=$(mktemp -d)
samsim run tests/fixtures/features.lua --reps 6 --json > $T/base.json
samsim run tests/fixtures/features.lua --reps 6 --json --apply tests/fixtures/models/one-building.lua > $T/one.json
jq -r '"base: same unit \(.system.handoffs_same_unit.mean), same sector \(.system.handoffs_same_sector.mean), across \(.system.handoffs_across_sectors.mean), outside \(.system.handoffs_outside.mean)"' $T/base.json
jq -r '"one building: same unit \(.system.handoffs_same_unit.mean), same sector \(.system.handoffs_same_sector.mean)"' $T/one.json
jq -s -r 'if .[1].system.reassessments_mean.mean < .[0].system.reassessments_mean.mean then "fewer repeated assessments" else "NOT fewer repeated assessments" end' $T/base.json $T/one.json
jq -s -r 'if .[0].system.persons.mean == .[1].system.persons.mean then "the same persons arrived" else "different arrivals!" end' $T/base.json $T/one.json
jq -r '"lost at a transition: \(.system.lost_at_transition.mean > 0), bounces: \(.system.bounces_mean.mean > 0)"' $T/base.json
rm -rf $T
