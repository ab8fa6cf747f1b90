samsim --help; samsim run --help; samsim --version
