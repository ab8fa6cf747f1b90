# Values that pass a type check but cannot be simulated: negative durations, and rates,
# populations or horizons that would need more events than a replication may have (these ran
# until killed).  Files that are not scenario files: a directory, a device, one too large.
F=tests/fixtures/bad
for f in episode_negative episode_below_zero rate_huge rate_maxinteger population_huge sample_tiny; do
  samsim check $F/$f.lua; echo "exit $?"
done
samsim run tests/fixtures/base.lua --set 'demand.1.rate_per_day=1e12'; echo "exit $?"
samsim check tests/fixtures; echo "exit $?"
samsim check /dev/zero; echo "exit $?"
T=$(mktemp -d)
head -c 17000000 /dev/zero | tr '\0' ' ' > "$T/big.lua"
samsim check "$T/big.lua" 2>&1 | sed "s|$T|T|"; echo "exit ${PIPESTATUS[0]}"
samsim check tests/fixtures/base.lua --apply /dev/zero; echo "exit $?"
samsim test /dev/zero; echo "exit $?"
rm -rf "$T"
