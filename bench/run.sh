#!/usr/bin/env bash
# Runs every benchmark binary of a build and prints its table, with the machine it ran on.
#   bench/run.sh build            (what `make bench` does)
#   BENCH_SCALE=0.1 bench/run.sh build    a tenth of the work, for a quick look
# Figures are printed for people to read, never asserted: they depend on the machine and its load.
set -u
cd "$(dirname "$0")/.."
build=${1:-build}
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
echo "machine: ${cpu:-unknown CPU}, $(nproc) cores online, $(uname -sr)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)   (other work on the machine lowers the figures)"
echo "rates and times are CPU time of the measured process or thread, not wall-clock time, so that a"
echo "machine shared with other builds and tests (as when several developers or agents work on it) does"
echo "not lower them much; only the -j 2 speed-up is wall-clock, and it needs an idle machine"
echo "compiler flags: as built in $build/ (make OPT=... to change)"
echo
status=0
found=0
for bin in "$build"/bench/bench_*; do
    [ -x "$bin" ] || continue
    [ "$(basename "$bin")" = bench_floor ] && continue  # bench_engine runs it beside model A
    found=1
    echo "== $(basename "$bin")"
    "$bin" || status=1
    echo
done
echo "== bench_repl"
bench/bench_repl.sh "$build" || status=1
echo
if [ $found = 0 ]; then
    echo "no benchmark binaries in $build/bench (run: make bench)" >&2
    exit 1
fi
exit $status
