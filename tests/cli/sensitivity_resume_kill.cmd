# kill -9 a sensitivity study with --db once some points are stored, then the same command: it
# reads the stored points, runs only the rest, and prints what an uninterrupted study prints,
# with the same indices stored.
T=$(mktemp -d)
args="tests/fixtures/ranges/queue3.lua --metric q.wait_mean --trajectories 10 --samples 32 --reps 3 -j 1
      --set calendar.horizon_days=1500"
stored() { sqlite3 $T/killed.db "select count(*) from sensitivity_points" 2>/dev/null || echo 0; }
{  # bash reports the killed job on stderr at a moment of its choosing: inside this group
  (exec samsim sensitivity $args --db $T/killed.db > /dev/null 2>&1) &
  pid=$!
  while [ "$(stored)" -lt 10 ] && kill -0 $pid; do sleep 0.01; done
  kill -9 $pid
  wait $pid
  true
} 2>/dev/null
at=$(stored)
if [ "$at" -ge 10 ] && [ "$at" -lt 168 ]; then echo "killed with some of 168 points stored"; else echo "NOT KILLED MID-STUDY ($at stored)"; fi
samsim sensitivity $args --db $T/killed.db > $T/resumed.txt 2> $T/resumed.err
echo "exit $?"
sed -E "s#$T#T#; s/[0-9]+ points read/N points read/" $T/resumed.err
samsim sensitivity $args --db $T/uninterrupted.db > $T/whole.txt
cmp $T/resumed.txt $T/whole.txt && echo "resumed = uninterrupted: the same table"
q="select name, printf('%!.17g %!.17g %!.17g %!.17g', mu_star, sigma, st, st_low) from sensitivity_indices order by name"
[ "$(sqlite3 $T/killed.db "$q")" = "$(sqlite3 $T/uninterrupted.db "$q")" ] && echo "and the same indices stored"
sqlite3 $T/killed.db "select 'studies ' || count(*) from sensitivity_studies; select stage || ' points ' || count(*) from sensitivity_points group by stage order by stage;"
# once complete, the same command runs nothing and says so
samsim sensitivity $args --db $T/killed.db 2>&1 >/dev/null | sed "s#$T#T#"
rm -rf $T
