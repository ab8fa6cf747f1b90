# samsim sensitivity on an M/M/10 queue with three ranged numbers (tests/fixtures/ranges/queue3.lua):
# the wait depends on the arrival rate and the service time, not on the co-location effect (no
# hand-off), which gets mu* 0 and no Sobol stage.  The same figures with 1 and 2 workers.
samsim sensitivity tests/fixtures/ranges/queue3.lua --metric q.wait_mean --trajectories 4 --samples 32 --reps 2 -j 2
samsim sensitivity tests/fixtures/ranges/queue3.lua --metric q.wait_mean --trajectories 4 --samples 32 --reps 2 -j 1 > one.txt
samsim sensitivity tests/fixtures/ranges/queue3.lua --metric q.wait_mean --trajectories 4 --samples 32 --reps 2 -j 2 | cmp - one.txt && echo "the same on 1 and 2 workers"
rm one.txt
# --json: Morris only (no S1/ST), then Sobol only (no mu_star/sigma), two metrics (an array)
samsim sensitivity tests/fixtures/ranges/queue3.lua --metric q.wait_mean --method morris --trajectories 3 --reps 1 --json
samsim sensitivity tests/fixtures/ranges/queue3.lua --metric q.wait_mean --metric persons --method sobol --samples 16 --reps 1 --json |
  jq -c '.[] | {metric, method, parameters: [.parameters[] | {name, has_mu: has("mu_star"), has_st: has("ST")}]}'
# --db: the study, its numbers, every point and the indices
dir=$(mktemp -d)
samsim sensitivity tests/fixtures/ranges/queue3.lua --metric q.wait_mean --trajectories 2 --samples 8 --reps 1 --db "$dir/s.db" > /dev/null
sqlite3 "$dir/s.db" "SELECT method, metrics, replications, trajectories, samples FROM sensitivity_studies;
  SELECT parameter, name, kind, dist, low, high FROM sensitivity_parameters ORDER BY parameter;
  SELECT stage, COUNT(*) FROM sensitivity_points GROUP BY stage ORDER BY stage;
  SELECT name, mu_star IS NOT NULL, st IS NOT NULL FROM sensitivity_indices ORDER BY name;"
rm -r "$dir"
