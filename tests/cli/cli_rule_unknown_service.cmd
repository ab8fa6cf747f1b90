samsim run tests/fixtures/rule_unknown_service.lua --reps 2
