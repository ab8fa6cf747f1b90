samsim run tests/fixtures/features.lua --reps 1 --trace 56
