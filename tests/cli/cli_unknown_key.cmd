samsim check tests/fixtures/typo.lua
