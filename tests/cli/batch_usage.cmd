# The help, and command-line mistakes (exit 2) with the command named and a way out.
T=$(mktemp -d)
printf 'return { scenarios = "%s", replications = 2, output = "x.db", sweep = { ["services.treat.fte"] = { 2, 3 } } }\n' "$PWD/tests/fixtures/base.lua" > $T/p.lua
samsim batch --help; echo "exit $?"
samsim merge --help; echo "exit $?"
e() { samsim "$@" 2>&1 | sed "s#$T#T#g"; echo "exit ${PIPESTATUS[0]}"; }
e batch
e batch $T/p.lua --shard 0/3
e batch $T/p.lua --shard 4/3
e batch $T/p.lua --shard three
e batch $T/p.lua --shard
e batch $T/p.lua --csv
e batch $T/p.lua --show treat.wait_mean --shard 1/2
e batch $T/p.lua $T/p.lua
e batch $T/p.lua --reps 3
e batch $T/p.lua --show treat.wait_mean
samsim batch $T/p.lua -q > /dev/null
e batch $T/p.lua --show treat.wait
e batch $T/p.lua --show system.wait_mean
e batch $T/p.lua --show nosuch.wait_mean
e batch $T/p.lua --show wait_mean
rm -rf $T
