samsim run tests/fixtures/rule_endless_loop.lua --reps 1
