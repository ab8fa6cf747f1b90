# samsim audit on the municipal scenarios against what their audits found (issue 14's proof):
# each criterion a run can check, its verdict, and whether it agrees with the audit's finding.
# Lørenskog 2021: the IP and coordinator criteria met (seed 000 L57); Lørenskog 2015: not met
# (seed 001 L7200, L797); Klepp: the plan not met (seed 004 L780), a coordinator for everyone
# (L750; 100 replications: the share coordinated is about 82 %, near the 80 % threshold, and 10 or
# 40 replications leave the interval across it).
# Lørenskog 2021's coordinator share is about 81 % against the 80 % threshold: 40 replications
# (10 leave the interval across it).
for s in lorenskog/barn-unge-2021:40 lorenskog/voksne-2015:10; do
  reps=${s#*:} s=${s%:*}
  samsim audit scenarios/$s.lua -j 2 --reps $reps --json | jq -r --arg s $s '.criteria[] | select(.metric) | "\($s) \(.id): \(.models[0].verdict), the audit: \(.finding // "-"), agrees: \(.models[0].agrees_with_audit)"'
done
T=$(mktemp -d)
samsim audit scenarios/klepp/rusomsorg-2020.lua -j 2 --reps 100 --json > $T/klepp.json
jq -r '.criteria[] | select(.metric) | "klepp \(.id): \(.models[0].verdict), the audit: \(.finding // "-"), agrees: \(.models[0].agrees_with_audit)"' $T/klepp.json
# Klepp's criteria follow the audit's questions (seed 004 digest §6.1: Q1 organisation and
# collaboration, Q2 competence, Q3 the plan, Q4a advice, Q4b housing, Q4c aftercare, Q5 users and
# relatives), each with what the audit found (§6.2); those a run cannot check say so
jq -r '.criteria[] | "klepp \(.id) [\(.source)]: \(if .metric then .metric else "not simulated" end), the audit: \(.finding // "-")"' $T/klepp.json
rm -rf $T
# the models side by side by their names: an overlay's own name, not its base scenario's
samsim audit scenarios/lorenskog/barn-unge-2021.lua +familiens-hus -j 2 --reps 2 | sed -n '3,4p'
