# samsim compare --robust as batch work (issue 13): stored with --db, resumed after a kill -9,
# sharded and merged, read by the report; a calibrated ensemble instead of samples; the REPL's
# compare robust.
T=$(mktemp -d)
Q=tests/fixtures/robust/queue.lua
args="$Q +tests/fixtures/robust/service-time.lua --robust --samples 64 --reps 3 -j 1 --json"
# --db: the study, its numbers, every sample and each row's robustness, linked to the comparison
samsim compare $args --db $T/whole.db > $T/whole.json 2> /dev/null
sqlite3 $T/whole.db "select design, samples, replications, comparison_id is not null from robust_studies;
  select parameter, name, kind, in_base, in_option, low, high from robust_parameters order by parameter;
  select count(*) from robust_samples;
  select metric, samples, decided_by like '%\"parameter\":1%' from robust_rows where scope = 'service' and metric = 'wait_mean';"
# the same command again on its file: its runs and samples are read, not run and stored again,
# so the file keeps one comparison, two runs and one study, and the output is the same
samsim compare $args --db $T/whole.db > $T/again.json 2> $T/again.err
grep -c "read, not run again" $T/again.err
sqlite3 $T/whole.db "select count(*) from runs; select count(*) from comparisons; select count(*) from robust_studies;
  select count(*) from robust_rows;"
cmp $T/whole.json $T/again.json && echo "run again = the first time"
# without --reps a precision chooses the replications (here 25 %, reached at 24, before the cap): the
# same command again replays the precision on a stored run's replications, and the run whose
# number is where it stops is read, not run and stored again; a run of the same model with another
# number (--reps 30) is not taken for it
pargs="$Q +tests/fixtures/robust/service-time.lua --robust --samples 16 -j 1 --json --precision 0.25"
samsim compare $Q +tests/fixtures/robust/service-time.lua --reps 30 -j 1 --db $T/prec.db > /dev/null 2>&1
samsim compare $pargs --db $T/prec.db > $T/p1.json 2> $T/p1.err
grep -c "read, not run again" $T/p1.err
samsim compare $pargs --db $T/prec.db > $T/p2.json 2> $T/p2.err
grep -c "read, not run again" $T/p2.err
sqlite3 $T/prec.db "select group_concat(replications, ' ') from runs; select count(*) from comparisons; select count(*) from robust_studies;"
cmp $T/p1.json $T/p2.json && echo "run again = the first time"
jq -r .precision.text $T/p2.json
# samsim merge carries a finished robust comparison: its rows, linked to the comparison it
# carries, so the merged file's report says the same
samsim merge $T/merged.db $T/whole.db > /dev/null
sqlite3 $T/merged.db "select count(*) from comparisons; select count(*) from robust_rows;
  select s.comparison_id = c.comparison_id and s.option_run = c.option_run from robust_studies s, comparisons c;"
samsim report $T/merged.db --markdown $T/m.md --out $T/m.html > /dev/null 2>&1
samsim report $T/whole.db --markdown $T/w.md --out $T/w.html > /dev/null 2>&1
grep "holds in" $T/w.md > $T/w.holds; grep "holds in" $T/m.md > $T/m.holds
test -s $T/w.holds && cmp $T/w.holds $T/m.holds && echo "the merged file's report: the same robustness"
# kill -9 once some samples are stored, then the same command: it reads them, runs only the rest,
# and prints what the uninterrupted study printed
stored() { sqlite3 $T/killed.db "select count(*) from robust_samples" 2>/dev/null || echo 0; }
{
  (exec samsim compare $args --db $T/killed.db > /dev/null 2>&1) &
  pid=$!
  while [ "$(stored)" -lt 5 ] && kill -0 $pid; do sleep 0.01; done
  kill -9 $pid
  wait $pid
  true
} 2>/dev/null
at=$(stored)
if [ "$at" -ge 5 ] && [ "$at" -lt 64 ]; then echo "killed with some of 64 samples stored"; else echo "NOT KILLED MID-STUDY ($at stored)"; fi
samsim compare $args --db $T/killed.db > $T/resumed.json 2> $T/resumed.err
echo "exit $?"
grep resumed $T/resumed.err | sed -E "s#$T#T#; s/[0-9]+ samples read/N samples read/"
jq -c '[.comparisons[0].rows[] | .robust]' $T/resumed.json > $T/a; jq -c '[.comparisons[0].rows[] | .robust]' $T/whole.json > $T/b
cmp $T/a $T/b && echo "resumed = uninterrupted: the same robustness on every row"
# two shards, merged, then the same command on the merged file
for k in 1 2; do samsim compare $args --db $T/s$k.db --shard $k/2 2>/dev/null | sed "s#$T#T#"; done
samsim merge $T/all.db $T/s1.db $T/s2.db > /dev/null
samsim compare $args --db $T/all.db 2> /dev/null | jq -c '[.comparisons[0].rows[] | .robust]' > $T/c
cmp $T/c $T/b && echo "two shards merged = unsharded"
# the report's summary says it: per key measure (4) in the verdict's table, then over how many
# samples (the line says the last column holds each measure's share)
samsim report $T/whole.db --out $T/r.html --markdown $T/r.md > /dev/null 2>&1
grep -c "holds in" $T/r.md
grep "^| .* | holds in" $T/r.md | head -1 | sed 's/.*| holds in/holds in/'
grep -o "Robustness: [^;]*" $T/r.md | head -1
# a calibrated ensemble: four arrival rates, the option with two more servers better at each
samsim compare $Q +tests/fixtures/robust/more-servers.lua --robust --ensemble tests/fixtures/robust/ensemble.json --reps 8 --json 2> /dev/null |
  jq -c '.comparisons[0].robust, (.comparisons[0].rows[] | select(.metric == "wait_mean") | .robust | {samples, share_better})'
printf '{"samsim": "ensemble", "version": 1, "parameters": [{"path": "demand.1.rate_per_day"}], "rows": [[8.2, 1]]}' > $T/bad.json
samsim compare $Q +tests/fixtures/robust/more-servers.lua --robust --ensemble $T/bad.json 2>&1 | sed "s#$T#T#" | grep ensemble; echo "exit ${PIPESTATUS[0]}"
# the REPL: a number the planner sets is a choice: it keeps its value in the model (the option)
# and is not sampled there, and the verdict says so; the base still varies it
printf 'load %s\nset demand.1.rate_per_day=8.2\nrun 3\ncompare robust 8\n' $Q |
  samsim repl 2>&1 | grep -A1 "Robustness over"
# the REPL: compare robust N
printf 'load %s\napply tests/fixtures/robust/service-time.lua\nrun 3\ncompare robust 16\ncompare robust x\n' $Q |
  samsim repl 2>&1 | sed -n '/running the baseline/p; /Robustness over/,/Lost at/p; /compare robust N/p'
rm -rf $T
