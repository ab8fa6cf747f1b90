# The fuzz targets (tests/fuzz/) replayed with a plain compiler over their seed corpus and over
# every crash and hang the fuzzers ever found (tests/fuzz/crashes/), so the harness cannot rot and
# a fixed crash stays fixed.  A crash or an abort fails this transcript (exit code and stderr).
fuzz-replay-scenario scenarios tests/fixtures tests/fuzz/crashes/scenario && echo "scenario reader: seeds and crashes replayed"
fuzz-replay-rules tests/fuzz/corpus/rules tests/fuzz/crashes/rules && echo "rule bridge: byte programs and crashes replayed"
fuzz-replay-rules -p 00 rules tests/fixtures/rules tests/fixtures/sandbox/rules && echo "rule bridge: rule files replayed as modules"
