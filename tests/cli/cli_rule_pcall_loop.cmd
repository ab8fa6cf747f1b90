# a rule that catches the instruction limit with pcall is still stopped
samsim run tests/fixtures/rule_pcall_loop.lua --reps 1
