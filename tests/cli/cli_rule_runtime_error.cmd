samsim run tests/fixtures/rule_runtime_error.lua --reps 2
