samsim test tests/fixtures/ruletests/pass.lua tests/fixtures/no-such-rules.lua
