# samsim calibrate on a queue whose targets are a run's figures at rate 9 and service time 1
# (tests/fixtures/calibrate/queue.lua): the waves, the targets at the closest point, each number's
# fitted range against its prior; stored with --db (the kept points are the view
# calibration_ensemble) and written as an ensemble file; the same command again reads every point
# from the file and prints the same.  A target no point in the ranges can reach says so, exit 1.
T=$(mktemp -d)
args="tests/fixtures/calibrate/queue.lua --points 32 --reps 4 -j 2"
samsim calibrate $args --db $T/c.db --ensemble-out $T/ens.json > $T/first.txt; echo "exit $?"
cat $T/first.txt
sqlite3 $T/c.db "select 'waves ' || count(distinct wave) || ', points ' || count(*) from calibration_points;
  select 'kept ' || count(*) from calibration_ensemble;
  select name || ': ' || fit_low || ' to ' || fit_high || ', ' || verdict from calibration_parameters order by parameter;"
head -c 400 $T/ens.json | sed "s#$T#T#g"; echo
echo "rows in the ensemble file: $(grep -c '^    \[' $T/ens.json)"
samsim calibrate $args --db $T/c.db 2>&1 > $T/again.txt | sed "s#$T#T#"
cmp $T/first.txt $T/again.txt && echo "the same calibration, read back"
samsim calibrate $args --json | jq -c '.parameters[] | {name, verdict}'
rm -rf $T
samsim calibrate tests/fixtures/calibrate/unmeetable.lua --points 16 --reps 2 --waves 1; echo "exit $?"
