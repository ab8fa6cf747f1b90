samsim test rules/
