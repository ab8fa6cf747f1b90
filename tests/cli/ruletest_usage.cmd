samsim test --verbose; echo "exit $?"
samsim test --help; echo "exit $?"
