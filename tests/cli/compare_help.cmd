samsim compare --help; samsim report --help
