# a fixed-seed golden output: any change to the numbers shows here (UPDATE=1 tests/run.sh rewrites it)
samsim run tests/fixtures/base.lua --reps 3 --seed 42 --json
