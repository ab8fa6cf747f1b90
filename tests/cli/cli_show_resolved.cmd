samsim show tests/fixtures/wrong_type.lua --set services.treat.fte=4 --set calendar.working_days=all
