samsim test --quiet tests/fixtures/ruletests/pass.lua tests/fixtures/ruletests/fail.lua
