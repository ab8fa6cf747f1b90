samsim run tests/fixtures/base.lua --reps 3 --seed 42
