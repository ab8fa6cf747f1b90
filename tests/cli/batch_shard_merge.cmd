# Three shards, run side by side as a Slurm array or GNU parallel would, then merged: the same
# summaries as the batch without shards.  Merging again adds nothing; a wrong input is refused.
T=$(mktemp -d)
cat > $T/plan.lua <<PLAN
return {
  scenarios = { "$PWD/tests/fixtures/base.lua" },
  sweep = { ["services.treat.capacity.slots"] = { 1, 2, 3, 4 } },
  replications = 5,
  seed = 9,
  output = "sweep.db",
}
PLAN
seq 1 3 | xargs -P 3 -I{} samsim batch $T/plan.lua --shard {}/3 -q > /dev/null
ls $T | grep shard
# replications are stored in job order, so run ids follow the grid whatever the workers' timing
samsim batch $T/plan.lua --shard 2/3 -q | sed "s#$T#T#g; s#$PWD#ROOT#g"
samsim merge $T/sweep.db $T/sweep.shard-*-of-3.db | sed "s#$T#T#g"
samsim merge $T/sweep.db $T/sweep.shard-*-of-3.db | sed "s#$T#T#g"
samsim batch $T/plan.lua --db $T/unsharded.db -q > /dev/null
summary="select k.run_key, s.scope, s.subject, s.metric, printf('%!.17g %!.17g %!.17g %!.17g', s.mean, s.ci_low, s.ci_high, s.sd), s.n from summary s join run_keys k using(run_id) order by 1, 2, 3, 4"
sqlite3 $T/sweep.db "$summary" > $T/a.txt
sqlite3 $T/unsharded.db "$summary" > $T/b.txt
cmp -s $T/a.txt $T/b.txt && echo "merged = unsharded: $(wc -l < $T/a.txt) summary rows identical"
samsim batch $T/plan.lua --show treat.utilisation | sed "s#$T#T#g; s#$PWD#ROOT#g"
samsim merge $T/sweep.db $T/sweep.db 2>&1 | sed "s#$T#T#g"; echo "exit ${PIPESTATUS[0]}"
samsim merge $T/sweep.db $T/nothere.db 2>&1 | sed "s#$T#T#g"; echo "exit ${PIPESTATUS[0]}"
echo "not a database" > $T/text.db
samsim merge $T/other.db $T/text.db 2>&1 | sed "s#$T#T#g"; echo "exit ${PIPESTATUS[0]}"
samsim merge $T/other.db 2>&1; echo "exit $?"
rm -rf $T
