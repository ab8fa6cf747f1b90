samsim run tests/fixtures/rule_io_open.lua --reps 1
