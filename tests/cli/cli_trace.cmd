samsim run tests/fixtures/base.lua --reps 1 --trace 3 | head -8
