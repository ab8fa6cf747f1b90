samsim run tests/fixtures/syntax.lua
