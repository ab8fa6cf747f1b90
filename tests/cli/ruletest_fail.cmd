samsim test tests/fixtures/ruletests
