# samsim calibrate --point-out: the calibrated point is written only when it meets the targets.
# tests/fixtures/calibrate/gap.lua leaves its one number free, so the point takes the middle of
# its range, where (by construction) no case reaches treatment: the command says why it writes no
# file and exits 1.  A point that fails to run is named as the calibrated point, not as a point
# of a wave after the last (gap-fails.lua: its rule fails at exactly the middle).
T=$(mktemp -d)
samsim calibrate tests/fixtures/calibrate/gap.lua --points 32 --reps 2 -j 2 --point-out $T/point.json 2>&1 > $T/out.txt | sed "s#$T#T#"; echo "exit ${PIPESTATUS[0]}"
grep -E "left free|^Calibrated point|middle of the prior|^treated" $T/out.txt
test -e $T/point.json && echo "A POINT WAS WRITTEN" || echo "no point written"
samsim calibrate tests/fixtures/calibrate/gap-fails.lua --points 32 --reps 2 -j 2 --point-out $T/point.json 2>&1 > /dev/null | sed "s#$T#T#"; echo "exit ${PIPESTATUS[0]}"
test -e $T/point.json && echo "A POINT WAS WRITTEN" || echo "no point written"
rm -rf $T
