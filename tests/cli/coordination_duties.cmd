# The duties of hol. chapter 7 (issue 11 item 6).  The coordinator is offered also to those who
# decline the individual plan (hol. § 7-2; "skal også tilbys selv om vedkommende takker nei til
# individuell plan", seed-004 L701), and to those never offered a plan; coordinator_consent is
# the share of them who accept.  Pools of 100 coordinators, so the pool is never the limit.
T=$(mktemp -d)
run() { samsim run tests/fixtures/features.lua --reps 6 --json --set coordination.coordinators=100 "$@"; }
run --set coordination.consent=0 > $T/declined.json
run --set coordination.consent=0 --set coordination.coordinator_consent=0 > $T/refused.json
run --set coordination.plan_offer=0 > $T/not_offered.json
run --set coordination.plan_offer=1 --set coordination.consent=1 > $T/all_plans.json
jq -r '"everyone declines the plan: plans \(.system.plan_accepted_share.mean), coordinated \(.system.coordinator_share.mean > 0.7), all of them without a plan \(.system.coordinator_without_plan_share.mean == .system.coordinator_share.mean)"' $T/declined.json
jq -r '"they decline the coordinator too: coordinated \(.system.coordinator_share.mean)"' $T/refused.json
jq -r '"no plan offered: offered \(.system.plan_offered_share.mean), coordinated \(.system.coordinator_share.mean > 0.7)"' $T/not_offered.json
jq -r '"everyone accepts the plan: plans \(.system.plan_accepted_share.mean > 0.7), coordinators without a plan \(.system.coordinator_without_plan_share.mean)"' $T/all_plans.json
# the shares count those whose offer fell due while they were in the services: reporting
# everyone and offering at once, every entitled person is offered a plan
run --set coordination.notified=1 --set coordination.offer_delay=0 | jq -r '"reported at once: offered \(.system.plan_offered_share.mean)"'
# the rule rules/common/coordination.lua: a barnekoordinator (hol. § 7-2 a) only from 1 August
# 2022; the family of a seriously ill child accepts the coordinator even when few others do
B=tests/fixtures/barnekoordinator.lua
samsim run $B --reps 3 --json | jq -r '.system | "measured 2022-2024: children entitled to a barnekoordinator \(.children_entitled.mean > 0), coordinated \(.child_coordinator_share.mean > .coordinator_share.mean)"'
samsim run $B --reps 3 --json --set 'calendar.start="2019-01-07"' | jq -r '.system | "measured 2019-2021: children entitled \(.children_entitled.mean), share \(.child_coordinator_share.mean)"'
# a duties rule that answers an unknown word, and a rule that is not a file
samsim run tests/fixtures/rule_wrong_duties.lua --reps 1; echo "exit $?"
samsim check tests/fixtures/features.lua --set 'coordination.rule="plan"'; echo "exit $?"
rm -rf $T
