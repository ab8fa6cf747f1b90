# A rule module that keeps a counter across persons gives the same bytes with -j 1, 2 and 4, and
# on a second run: each replication runs the rule files afresh (README, "Rule state").
s=tests/fixtures/sandbox/stateful.lua
samsim run $s --reps 6 --seed 11 -j 1 --csv > /tmp/samsim-stateful-$$.1
samsim run $s --reps 6 --seed 11 -j 2 --csv > /tmp/samsim-stateful-$$.2
samsim run $s --reps 6 --seed 11 -j 4 --csv > /tmp/samsim-stateful-$$.4
samsim run $s --reps 6 --seed 11 -j 4 --csv > /tmp/samsim-stateful-$$.4b
cmp /tmp/samsim-stateful-$$.1 /tmp/samsim-stateful-$$.2 && cmp /tmp/samsim-stateful-$$.1 /tmp/samsim-stateful-$$.4 \
  && cmp /tmp/samsim-stateful-$$.4 /tmp/samsim-stateful-$$.4b && echo "byte-identical with -j 1, 2, 4 and again with -j 4"
head -3 /tmp/samsim-stateful-$$.1
rm -f /tmp/samsim-stateful-$$.*
