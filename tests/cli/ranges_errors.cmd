# Malformed ranges: each names the file and line where the range was written, the key path and
# what was expected, and exits 1.
for f in tests/fixtures/ranges/bad_*.lua; do samsim check "$f"; echo "exit $?"; done
