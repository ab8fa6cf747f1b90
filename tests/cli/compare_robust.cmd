# samsim compare --robust (issue 13): both models at each sample of the plausible assumptions,
# paired by common random numbers and by sample (tests/fixtures/robust/).
Q=tests/fixtures/robust/queue.lua
# An option better by construction (two more servers): better at every sample, nothing decides.
samsim compare $Q +tests/fixtures/robust/more-servers.lua --robust --samples 16 --reps 8 -j 2 --json |
  jq -c '.comparisons[0] | .robust, (.rows[] | select(.metric == "wait_mean") | .robust | {samples, share_better, share_worse, share_unclear, decided_by})'
# An option whose advantage flips where its own mean service time passes the base's 1 day: that
# number decides the sign, its threshold found within 10 %, the option better below it.
samsim compare $Q +tests/fixtures/robust/service-time.lua --robust --samples 32 --reps 4 -j 2 --json > flip.json
jq -c '.comparisons[0].rows[] | select(.metric == "wait_mean") | .robust.decided_by[0] |
  {name, where, within_10_percent: ((.threshold - 1) | fabs < 0.1), below: (.condition | startswith("<"))}' flip.json
# the verdict, for people: how often each key measure's judgement holds and what decides it
samsim compare $Q +tests/fixtures/robust/service-time.lua --robust --samples 32 --reps 4 -j 2 | sed -n '/Robustness/,/^$/p'
# the same on 1 and 2 workers
samsim compare $Q +tests/fixtures/robust/service-time.lua --robust --samples 32 --reps 4 -j 1 --json | cmp - flip.json &&
  echo "the same on 1 and 2 workers"
# --csv, --markdown and --headline carry the robustness too: the CSV's columns hold what --json says
F="$Q +tests/fixtures/robust/service-time.lua --robust --samples 32 --reps 4 -j 2"
samsim compare $F --csv > flip.csv
head -1 flip.csv | cut -d, -f22-
grep '^B,A,service,q,wait_mean,' flip.csv | cut -d, -f22-
jq -r '.comparisons[0].rows[] | select(.metric == "wait_mean") | .robust | [.samples, .share_better, .share_worse, .share_unclear,
  .diff_p50] | @csv' flip.json > from.json
grep '^B,A,service,q,wait_mean,' flip.csv | awk -F, '{ printf "%s,%s,%s,%s,%s\n", $22, $23, $24, $25, $29 }' > from.csv
cmp from.json from.csv && echo "CSV = JSON for wait_mean"
samsim compare $F --markdown | sed -n '/^### Robustness/p; /^| q | Wait, mean/p; /^| all | Lost at a transition/p' | tail -3
samsim compare $F --headline | grep -o "Robustness over [^:]*: [^;]*"
# a measure beyond noise is named with its service (waits are measured at every service)
samsim compare $Q +tests/fixtures/robust/more-servers.lua --robust --samples 16 --reps 8 -j 2 --headline | grep -o "Robustness over .*"
rm flip.json flip.csv from.json from.csv
# What --robust refuses, each with a clear message and its exit code.
samsim compare $Q +tests/fixtures/robust/no-such-option.lua --robust; echo "exit $?"
samsim compare $Q +tests/fixtures/robust/more-servers.lua --robust --samples 0; echo "exit $?"
# no ranged number: said before the nominal runs, so nothing ran and --db stored no run
T=$(mktemp -d)
samsim compare scenarios/validation/mmc.lua scenarios/validation/mmc.lua --robust --reps 2 --db $T/none.db; echo "exit $?"
test -e $T/none.db && echo "RAN THE MODELS FIRST" || echo "no model ran: --db has no file"
rm -rf $T
samsim compare $Q +tests/fixtures/robust/more-servers.lua --samples 8; echo "exit $?"
samsim compare $Q +tests/fixtures/robust/more-servers.lua --robust --reps 1; echo "exit $?"
samsim compare $Q +tests/fixtures/robust/more-servers.lua --robust --shard 1/2; echo "exit $?"
samsim compare $Q +tests/fixtures/robust/more-servers.lua --robust --samples 8 --ensemble tests/fixtures/robust/ensemble.json; echo "exit $?"
samsim compare $Q +tests/fixtures/robust/more-servers.lua --ensemble tests/fixtures/robust/ensemble.json; echo "exit $?"
