# A calibration in shards: each shard runs every second point of a wave into its own file, samsim
# merge joins them, and the same command on the merged file judges the wave and goes on; the next
# wave is sharded the same way.  The end is the ensemble file of the unsharded calibration, byte for
# byte (each run in a folder of its own, so the command line in the file is the same), its table
# and its points.
T=$(mktemp -d); mkdir $T/whole $T/merged
args="$(pwd)/tests/fixtures/calibrate/queue.lua --points 16 --reps 2 -j 1"
(cd $T/whole && samsim calibrate $args --db c.db --ensemble-out ens.json > whole.txt)
samsim calibrate $args --db $T/s1.db --shard 1/2 | sed "s#$T#T#"
samsim calibrate $args --db $T/s2.db --shard 2/2 > /dev/null
samsim merge $T/merged/c.db $T/s1.db $T/s2.db -q
sqlite3 $T/merged/c.db "select 'wave ' || wave || ': ' || count(*) || ' points' from calibration_points group by wave"
# wave 1 is complete here: shard wave 2 on copies of the merged file
cp $T/merged/c.db $T/t1.db; cp $T/merged/c.db $T/t2.db
samsim calibrate $args --db $T/t1.db --shard 1/2 | sed "s#$T#T#"
samsim calibrate $args --db $T/t2.db --shard 2/2 > /dev/null
samsim merge $T/merged/c.db $T/t1.db $T/t2.db -q
(cd $T/merged && samsim calibrate $args --db c.db --ensemble-out ens.json > merged.txt 2> merged.err)
echo "exit $?"
sed "s#$T#T#" $T/merged/merged.err
cmp $T/merged/ens.json $T/whole/ens.json && echo "sharded and merged = unsharded: the same ensemble file, byte for byte"
cmp $T/merged/merged.txt $T/whole/whole.txt && echo "and the same table"
q="select wave, point, vals, outputs, max_implausibility, kept from calibration_points order by wave, point"
[ "$(sqlite3 $T/merged/c.db "$q")" = "$(sqlite3 $T/whole/c.db "$q")" ] && echo "and the same points stored"
q="select name, fit_low, fit_high, verdict from calibration_parameters order by parameter"
[ "$(sqlite3 $T/merged/c.db "$q")" = "$(sqlite3 $T/whole/c.db "$q")" ] && echo "and the same fitted ranges"
sqlite3 $T/merged/c.db "select 'calibrations ' || count(*) from calibration_studies; select 'targets ' || count(*) from calibration_targets;"
# a shard needs a file; K/N must be K of N
samsim calibrate $args --shard 1/2; echo "exit $?"
samsim calibrate $args --db $T/x.db --shard 3/2; echo "exit $?"
rm -rf $T
