samsim run tests/fixtures/base.lua --set services.treat.fte=ten
