# A sensitivity study in shards: each shard runs every second point of a stage into its own file,
# samsim merge joins them, and the same command on the merged file goes on; the Sobol stage is
# sharded the same way.  The end is the table of the unsharded study, and its indices.
T=$(mktemp -d)
args="tests/fixtures/ranges/queue3.lua --metric q.wait_mean --trajectories 4 --samples 16 --reps 2 -j 1"
samsim sensitivity $args --db $T/whole.db > $T/whole.txt
samsim sensitivity $args --db $T/s1.db --shard 1/2 | sed "s#$T#T#"
samsim sensitivity $args --db $T/s2.db --shard 2/2 2>&1 > /dev/null | sed "s#$T#T#"
samsim merge $T/all.db $T/s1.db $T/s2.db -q
sqlite3 $T/all.db "select 'morris points ' || count(*) from sensitivity_points where stage = 'morris'"
# the Morris stage is complete here: shard the Sobol stage on copies of the merged file
cp $T/all.db $T/t1.db; cp $T/all.db $T/t2.db
samsim sensitivity $args --db $T/t1.db --shard 1/2 2>&1 | sed "s#$T#T#"
samsim sensitivity $args --db $T/t2.db --shard 2/2 2>&1 > /dev/null | sed "s#$T#T#"
samsim merge $T/all.db $T/t1.db $T/t2.db -q
samsim sensitivity $args --db $T/all.db > $T/merged.txt 2> $T/merged.err
echo "exit $?"
sed "s#$T#T#" $T/merged.err
cmp $T/merged.txt $T/whole.txt && echo "sharded and merged = unsharded: the same table"
q="select name, printf('%!.17g %!.17g %!.17g %!.17g', mu_star, sigma, st, st_low) from sensitivity_indices order by name"
[ "$(sqlite3 $T/all.db "$q")" = "$(sqlite3 $T/whole.db "$q")" ] && echo "and the same indices stored"
sqlite3 $T/all.db "select 'studies ' || count(*) from sensitivity_studies; select stage || ' points ' || count(*) from sensitivity_points group by stage order by stage;"
# a shard needs a file
samsim sensitivity $args --shard 1/2; echo "exit $?"
samsim sensitivity $args --db $T/x.db --shard 3/2; echo "exit $?"
rm -rf $T
