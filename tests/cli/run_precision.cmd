# --precision REL adds replications (from 10, doubling at most) until every key interval's
# half-width is at most REL of its mean, or the cap (--reps) is hit; the output says which
# interval decided and whether the cap stopped it.  The same seed gives the same replications
# and so the same stopping point and the same bytes on any -j.
T=$(mktemp -d)
samsim run tests/fixtures/base.lua --precision 40% -j 1 > $T/a.txt
samsim run tests/fixtures/base.lua --precision 0.4 -j 2 > $T/b.txt
sed -n 3,4p $T/a.txt
cmp $T/a.txt $T/b.txt && echo "-j 1 and -j 2: identical"
samsim run tests/fixtures/base.lua --precision 10% --reps 30 | sed -n 3,4p
samsim run tests/fixtures/base.lua --precision 1% --reps 12 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["replications"], d["precision"])'
samsim run tests/fixtures/base.lua --precision 0 2>&1
samsim run tests/fixtures/base.lua --precision 5 2>&1
rm -rf $T
