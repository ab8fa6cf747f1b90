# What samsim calibrate refuses, each with a clear message and its exit code.
samsim calibrate; echo "exit $?"
samsim calibrate scenarios/validation/mmc.lua; echo "exit $?"
samsim calibrate tests/fixtures/ranges/queue3.lua; echo "exit $?"
samsim calibrate tests/fixtures/calibrate/queue.lua --vary services.nope; echo "exit $?"
samsim calibrate tests/fixtures/calibrate/queue.lua --points 2; echo "exit $?"
samsim calibrate tests/fixtures/calibrate/queue.lua --waves 0; echo "exit $?"
samsim calibrate tests/fixtures/calibrate/queue.lua --cutoff -1; echo "exit $?"
samsim calibrate tests/fixtures/calibrate/queue.lua --csv; echo "exit $?"
samsim calibrate tests/fixtures/calibrate/queue.lua extra.lua; echo "exit $?"
# the calibration is printed, then the file cannot be written: exit 4
samsim calibrate tests/fixtures/calibrate/queue.lua --points 32 --waves 1 --reps 2 --ensemble-out /nonexistent/e.json > /dev/null; echo "exit $?"
# a queue without servers: nobody is seen, so no wait is measured anywhere
samsim calibrate tests/fixtures/calibrate/queue.lua --set services.q.capacity.slots=0 --points 4 --reps 1; echo "exit $?"
