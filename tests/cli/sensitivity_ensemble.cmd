# sensitivity --ensemble: a calibration's ensemble narrows each of its numbers to the values it takes
# there (its fitted range), so the study asks what still moves the result once the targets are met.
T=$(mktemp -d)
samsim calibrate tests/fixtures/calibrate/queue.lua --points 32 --reps 4 -j 2 --ensemble-out $T/e.json > /dev/null; echo "exit $?"
samsim sensitivity tests/fixtures/calibrate/queue.lua --metric q.wait_mean --method morris --trajectories 6 -j 2 --ensemble $T/e.json; echo "exit $?"
# an ensemble whose number the scenario does not range, and a file that is not an ensemble
printf '{"samsim": "ensemble", "version": 1, "parameters": [{"path": "services.q.fte"}], "rows": [[9], [11]]}\n' > $T/fte.json
samsim sensitivity tests/fixtures/calibrate/queue.lua --ensemble $T/fte.json; echo "exit $?"
echo '{}' > $T/bad.json
samsim sensitivity tests/fixtures/calibrate/queue.lua --ensemble $T/bad.json 2>&1 | sed "s#$T#T#"; echo "exit ${PIPESTATUS[0]}"
rm -rf $T
