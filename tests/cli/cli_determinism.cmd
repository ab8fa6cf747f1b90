T=$(mktemp -d)
samsim run scenarios/default.lua --reps 4 -j 1 --json > $T/a.json
samsim run scenarios/default.lua --reps 4 -j 2 --json > $T/b.json
samsim run scenarios/default.lua --reps 4 -j 2 --json > $T/c.json
samsim run scenarios/default.lua --reps 4 -j 2 --json --seed 2 > $T/d.json
cmp $T/a.json $T/b.json && echo "-j 1 and -j 2: byte-identical"
cmp $T/b.json $T/c.json && echo "same seed twice: byte-identical"
cmp -s $T/b.json $T/d.json || echo "another seed: different"
rm -rf $T
