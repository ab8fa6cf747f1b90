# Inputs with which the fuzzers crashed samsim (tests/fuzz/crashes/), each now a clear error.
# max-bounces-uninitialised-*: a bad handoffs key left max_bounces read from an uninitialised
# double (undefined behaviour, reported by UBSan in fuzz_scenario).
for f in tests/fuzz/crashes/scenario/*.lua; do samsim check "$f"; echo "exit $?"; done
