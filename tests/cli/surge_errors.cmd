# A surge (surges.ID: from, to, multiplier, streams) multiplies the named demand streams over its
# days.  Bad input gets an error naming the key path and what was expected, a non-zero exit; a good surge
# checks, is listed by show --sources with its kind, and doubles the stream's arrivals in its
# window (tests/unit/test_sim.c measures that; here the measured window is the surge's own).
B=tests/fixtures/base.lua
name='demand.2.name="severe_flu"'
try() { samsim check $B --set "$name" --set "surges={flu={$1}}" 2>&1; echo "exit $?"; }
try 'from="2021-04-01", to="2021-05-31", multiplier=2, streams={"severe_fl"}'
try 'from="2021-04-01", to="2021-05-31", multiplier=2, streams={}'
try 'from="2021-04-01", to="2021-05-31", multiplier=2'
try 'from="2021-05-31", to="2021-04-01", multiplier=2, streams={"severe_flu"}'
try 'from="2021-04-31", to="2021-05-31", multiplier=2, streams={"severe_flu"}'
try 'from="2021-04-01", to="2021-05-31", multiplier=-1, streams={"severe_flu"}'
try 'from="2021-04-01", to="2021-05-31", streams={"severe_flu"}'
try 'from="2021-04-01", to="2021-05-31", multiplier=2, streams={"severe_flu"}, mutliplier=3'
samsim check $B --set 'surges={flu={from="2021-04-01", to="2021-05-31", multiplier=2, streams={"severe_flu"}}}' 2>&1; echo "exit $?"
samsim check $B --set "$name" --set 'surges={flu={from="2021-04-01", to="2021-05-31", multiplier=2, streams={"severe_flu"}}}' 2>&1; echo "exit $?"
# registered with its kind, like every number
cat > /tmp/surge_$$.lua <<LUA
return { extends = "$(pwd)/$B",
  surges = { flu = { from = assume("2021-04-01", "a flu season (made up)"), to = "2021-05-31",
                     multiplier = assume(2, "twice the severe referrals (made up)", { 1.5, 3 }), streams = { "severe_flu" } } } }
LUA
samsim show --sources /tmp/surge_$$.lua --set "$name" 2>&1 | grep -i 'surges'; echo "exit $?"
# the window's arrivals of the stream: about 0.2 a day without the surge, 0.4 with it (61 days)
for s in "" "--set surges.flu.multiplier=1"; do
  samsim run /tmp/surge_$$.lua --set "$name" --set demand.1.rate_per_day=0 --set calendar.warmup_days=31 --set calendar.horizon_days=92 $s --reps 20 -q --json |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print("persons in the window, 20 replications:", round(d["system"]["persons"]["mean"], 1))'
done
rm -f /tmp/surge_$$.lua
