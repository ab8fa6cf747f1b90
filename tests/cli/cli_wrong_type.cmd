samsim run tests/fixtures/wrong_type.lua
