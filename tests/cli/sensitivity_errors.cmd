# What samsim sensitivity refuses, each with a clear message and its exit code.
samsim sensitivity; echo "exit $?"
samsim sensitivity scenarios/validation/mmc.lua --metric q.wait_mean; echo "exit $?"
samsim sensitivity tests/fixtures/ranges/queue3.lua --metric q.wait_man; echo "exit $?"
samsim sensitivity tests/fixtures/ranges/queue3.lua --metric nope.wait_mean; echo "exit $?"
samsim sensitivity tests/fixtures/ranges/queue3.lua --metric first_hlp_mean; echo "exit $?"
samsim sensitivity tests/fixtures/ranges/queue3.lua --method sobolev; echo "exit $?"
samsim sensitivity tests/fixtures/ranges/queue3.lua --trajectories 1; echo "exit $?"
samsim sensitivity tests/fixtures/ranges/queue3.lua --screen 2; echo "exit $?"
samsim sensitivity tests/fixtures/ranges/queue3.lua --csv; echo "exit $?"
samsim sensitivity tests/fixtures/ranges/queue3.lua+nothing.lua; echo "exit $?"
samsim sensitivity scenarios/lorenskog/barn-unge-2021.lua --method sobol --reps 1; echo "exit $?"
# a point the model refuses: named with its values
samsim sensitivity tests/fixtures/ranges/queue3.lua --metric q.wait_mean --set services.q.capacity.slots=0 --trajectories 2 --reps 1; echo "exit $?"
