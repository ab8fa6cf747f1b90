# A second `samsim batch` on a database a first one is writing: it says so, waits for the first
# (no "UNIQUE constraint failed"), then finds every replication stored and runs nothing again.
# The first is stopped (SIGSTOP) while it holds the file, so the second always finds it busy; a
# third one waiting too is stopped with Ctrl-C, and a merge into the file refuses.
T=$(mktemp -d)
cat > $T/plan.lua <<PLAN
return {
  scenarios = { "$PWD/scenarios/default.lua" },
  sweep = { ["services.fph.fte"] = { 3, 4 } },
  replications = 200,  -- enough that the first batch is still writing when it is stopped
  seed = 5,
  output = "shared.db",
}
PLAN
(exec samsim batch $T/plan.lua -j 2 -q > /dev/null 2> $T/first.err) &
first=$!
stored() { sqlite3 $T/shared.db "select count(*) from replications" 2>/dev/null || echo 0; }
while [ "$(stored)" -lt 2 ] && kill -0 $first 2>/dev/null; do sleep 0.01; done
kill -STOP $first
(exec samsim batch $T/plan.lua -j 2 -q > $T/second.out 2> $T/second.err) &
second=$!
for i in $(seq 1 1000); do grep -q waiting $T/second.err 2>/dev/null && break; sleep 0.01; done
echo "second, while the first holds the file:"
sed "s#$T#T#g" $T/second.err
(exec samsim batch $T/plan.lua -j 2 -q > /dev/null 2> $T/third.err) &
third=$!
for i in $(seq 1 1000); do grep -q waiting $T/third.err 2>/dev/null && break; sleep 0.01; done
kill -INT $third
wait $third; echo "a third, stopped with Ctrl-C while it waits: exit $?"
sed "s#$T#T#g" $T/third.err
samsim run scenarios/default.lua --reps 2 --db $T/other.db -q > /dev/null
samsim merge $T/shared.db $T/other.db 2>&1 | sed "s#$T#T#g"; echo "a merge into it meanwhile: exit ${PIPESTATUS[0]}"
kill -CONT $first
wait $first; echo "first exit $?"
wait $second; echo "second exit $?"
cat $T/first.err
sed "s#$T#T#g; s#$PWD#ROOT#g" $T/second.out
sqlite3 $T/shared.db "select 'runs ' || count(*) from runs; select 'replications ' || count(*) from replications;
select 'duplicate keys ' || (count(*) - count(distinct run_key)) from run_keys;
select 'not complete ' || count(*) from runs where status <> 'complete';"
rm -rf $T
