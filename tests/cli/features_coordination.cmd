# Individual plans and coordinators: reporting everyone and enough coordinators gives everyone a
# plan offer; a pool of zero gives no one a coordinator; more reporting means more offers.
T=$(mktemp -d)
samsim run tests/fixtures/features.lua --reps 6 --json --set coordination.notified=1 --set coordination.consent=1 --set coordination.coordinators=100 > $T/all.json
samsim run tests/fixtures/features.lua --reps 6 --json --set coordination.coordinators=0 > $T/none.json
samsim run tests/fixtures/features.lua --reps 6 --json --set coordination.notified=0.3 > $T/few.json
jq -r '"everyone reported: offered \(.system.plan_offered_share.mean > 0.9), coordinated \(.system.coordinator_share.mean > 0.9)"' $T/all.json
jq -r '"no coordinators: coordinator share \(.system.coordinator_share.mean), load \(.system.coordinator_load_mean.mean)"' $T/none.json
jq -s -r 'if .[1].system.plan_offered_share.mean < .[0].system.plan_offered_share.mean then "less reporting, fewer offers" else "NOT fewer offers" end' $T/all.json $T/few.json
jq -r '"responsibility-group hours counted: \(.system.responsibility_group_hours.mean > 0)"' $T/all.json
# coordinators come from one sector: known only to services of another sector, nobody gets one
samsim run tests/fixtures/features.lua --reps 6 --json > $T/base.json
samsim run tests/fixtures/features.lua --reps 6 --json --set 'coordination.sectors={"school"}' > $T/school.json
samsim run tests/fixtures/features.lua --reps 6 --json --set 'coordination.sectors={"health"}' > $T/health.json
jq -r '"coordinators only from a sector with no services: coordinator share \(.system.coordinator_share.mean)"' $T/school.json
jq -s -r 'if .[1].system.coordinator_share.mean > 0 and .[1].system.coordinator_share.mean <= .[0].system.coordinator_share.mean then "coordinators from the health sector: fewer coordinated" else "NOT fewer" end' $T/base.json $T/health.json
# barnekoordinator (hol. § 7-2 a): the family of an entitled child accepts the coordinator even
# when others mostly decline both the plan and the coordinator offered without one
samsim run tests/fixtures/features.lua --reps 6 --json --set 'coordination.children={from="2021-01-04", min_severity=2}' --set coordination.consent=0.2 --set coordination.coordinator_consent=0.2 > $T/kids.json
samsim run tests/fixtures/features.lua --reps 6 --json --set coordination.consent=0.2 --set coordination.coordinator_consent=0.2 > $T/nokids.json
jq -s -r 'if .[0].system.child_coordinator_share.mean > .[0].system.coordinator_share.mean and .[1].system.child_coordinator_share.mean == null then "barnekoordinator: entitled children coordinated more often than others" else "NOT" end' $T/kids.json $T/nokids.json
rm -rf $T
