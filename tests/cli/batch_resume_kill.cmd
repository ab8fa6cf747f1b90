# kill -9 at a random moment (once at least 15 replications are stored), then the same command:
# the batch continues from the stored replications, leaves no partial rows and no duplicate
# runs, and ends with the results of an uninterrupted batch, bit for bit.
T=$(mktemp -d)
cat > $T/plan.lua <<PLAN
return {
  scenarios = { "$PWD/scenarios/default.lua" },
  sweep = { ["services.fph.fte"] = { 3, 4, 5, 6 } },
  replications = 50,
  seed = 5,
  output = "killed.db",
}
PLAN
stored() { sqlite3 $T/killed.db "select count(*) from replications" 2>/dev/null || echo 0; }
# bash reports a job killed by a signal ("Killed") on its stderr when it reaps it, which may be
# at any command after the kill, not only at wait: the block from start to wait sends that to /dev/null.
{
  (exec samsim batch $T/plan.lua -j 1 -q > /dev/null 2>&1) &
  pid=$!
  while [ "$(stored)" -lt 15 ] && kill -0 $pid; do sleep 0.01; done
  kill -9 $pid
  wait $pid
} 2>/dev/null
at=$(stored)
if [ "$at" -ge 15 ] && [ "$at" -lt 200 ]; then echo "killed with some of 200 replications stored"; else echo "NOT KILLED MID-BATCH ($at stored)"; fi
sqlite3 $T/killed.db "select 'partial replications: ' || count(*) from replications r where (select count(*) from metrics m where m.run_id = r.run_id and m.rep = r.rep) <> (select count(*) from metrics m where m.run_id = r.run_id and m.rep = 0);
select 'rows of no replication: ' || count(*) from series s where not exists (select 1 from replications r where r.run_id = s.run_id and r.rep = s.rep);"
samsim batch $T/plan.lua -q | sed "s#$T#T#g; s#$PWD#ROOT#g"
echo "exit ${PIPESTATUS[0]}"
samsim batch $T/plan.lua --db $T/uninterrupted.db -q > /dev/null
summary="select k.run_key, s.scope, s.subject, s.metric, printf('%!.17g %!.17g %!.17g %!.17g', s.mean, s.ci_low, s.ci_high, s.sd), s.n from summary s join run_keys k using(run_id) order by 1, 2, 3, 4"
sqlite3 $T/killed.db "$summary" > $T/a.txt
sqlite3 $T/uninterrupted.db "$summary" > $T/b.txt
cmp -s $T/a.txt $T/b.txt && echo "resumed = uninterrupted: $(wc -l < $T/a.txt) summary rows identical"
sqlite3 $T/killed.db "select 'runs ' || count(*) from runs; select 'replications ' || count(*) from replications;
select 'duplicate keys ' || (count(*) - count(distinct run_key)) from run_keys;"
rm -rf $T
