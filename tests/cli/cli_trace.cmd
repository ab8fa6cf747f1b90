samsim run tests/fixtures/base.lua --reps 1 --trace 4 | head -8
