# Each organisational model changes what it claims, against the same baseline with the same seed
# (the same people arrive: common random numbers), and keeps total FTE.
T=$(mktemp -d)
L21=scenarios/lorenskog/barn-unge-2021.lua
run() { samsim run "$@" --reps 10 --seed 1 --json; }
run $L21 > $T/base.json
for o in familiens-hus one-door-resource-teams one-leader-one-building stationed-in-schools bti-ladder meet-more-often digital-platform welfare-lab; do
  run $L21 --apply scenarios/models/$o.lua > $T/$o.json
done
claim() {  # model, label, jq condition over .[0] (base) and .[1] (model)
  printf '%-26s %-60s %s\n' "$1" "$2" "$(jq -s -r "if ($3) then \"yes\" else \"NO\" end" $T/base.json $T/$1.json)"
}
claim familiens-hus "one door in: fewer hand-offs across sectors" '.[1].system.handoffs_across_sectors.mean < .[0].system.handoffs_across_sectors.mean'
claim familiens-hus "one door in: fewer referrals sent back" '.[1].system.bounces_mean.mean < .[0].system.bounces_mean.mean'
claim one-door-resource-teams "resource teams: shorter wait for the meeting" '.[1].system.meeting_wait_mean.mean < .[0].system.meeting_wait_mean.mean'
claim one-door-resource-teams "resource teams: first help sooner" '.[1].system.first_help_mean.mean < .[0].system.first_help_mean.mean'
claim one-leader-one-building "one leader: more hand-offs inside one unit" '.[1].system.handoffs_same_unit.mean > .[0].system.handoffs_same_unit.mean'
claim stationed-in-schools "staff in schools: first help sooner" '.[1].system.first_help_mean.mean < .[0].system.first_help_mean.mean'
claim bti-ladder "BTI: first help sooner" '.[1].system.first_help_mean.mean < .[0].system.first_help_mean.mean'
claim bti-ladder "BTI with a shared log: fewer lost at a transition" '.[1].system.lost_at_transition.mean < .[0].system.lost_at_transition.mean'
claim meet-more-often "meetings every 2 weeks: shorter wait for the meeting" '.[1].system.meeting_wait_mean.mean < .[0].system.meeting_wait_mean.mean / 1.5'
claim digital-platform "shared platform: fewer lost at a transition" '.[1].system.lost_at_transition.mean < .[0].system.lost_at_transition.mean'
claim digital-platform "shared platform: fewer repeated assessments" '.[1].system.reassessments_mean.mean < .[0].system.reassessments_mean.mean'
claim welfare-lab "the lab takes cases" '.[1].services.velferdslab.admitted.mean > 0'
for o in familiens-hus one-door-resource-teams one-leader-one-building stationed-in-schools bti-ladder meet-more-often digital-platform welfare-lab; do
  claim $o "the same persons arrive" '.[1].system.persons.mean == .[0].system.persons.mean'
  claim $o "total FTE unchanged" '([.[1].services[].fte] | add) - ([.[0].services[].fte] | add) | fabs < 1e-9'
done
rm -rf $T
