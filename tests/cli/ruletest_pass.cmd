samsim test tests/fixtures/ruletests/pass.lua tests/fixtures/ruletests/no_tests.lua
