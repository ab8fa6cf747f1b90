samsim run tests/fixtures/no-such-scenario.lua
