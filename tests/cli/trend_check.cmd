# Every run checks whether each queue still trends over the measured window (engine/sim/trend.c)
# and warns in the table and the JSON.  A stable M/M/c and the Jackson network never warn, over
# several seeds; the same M/M/10 queue overloaded (11 arrivals a day for 10 a day of capacity)
# does, and so does one a hair below capacity whose queue has not settled in its window.
for seed in 1 2 3 4 5; do
  for f in mmc jackson mmc_lua jackson_lua; do
    n=$(samsim run scenarios/validation/$f.lua --seed $seed --reps 10 -q --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["warnings"]))')
    [ "$n" = 0 ] || echo "seed $seed $f: $n warnings"
  done
done
echo "validation scenarios, seeds 1-5: no trend warning"
samsim run scenarios/validation/mmc.lua --set demand.1.rate_per_day=11 -q | sed -n '/^Warning/,/^$/p'
samsim run scenarios/validation/mmc.lua --set demand.1.rate_per_day=11 -q --json | python3 -c 'import json,sys; d=json.load(sys.stdin); t=d["services"]["q"]["queue_trend"]; print(d["warnings"]); print("queue_trend interval above 0:", t["ci_low"] > 0)'
# the same warning in the REPL and in the report (HTML and Markdown)
printf 'set demand.1.rate_per_day=11\nrun 4\n' | samsim repl scenarios/validation/mmc.lua 2>&1 | grep '^warning'
# in Norwegian (the sim layer gives the warning as data, the output words it): the REPL and the report
printf 'set demand.1.rate_per_day=11\nrun 4\n' | samsim repl scenarios/validation/mmc.lua --lang nb 2>&1 | grep '^advarsel'
T=$(mktemp -d)
samsim run scenarios/validation/mmc.lua --set demand.1.rate_per_day=11 -q --reps 4 --db $T/r.db > /dev/null
samsim report $T/r.db --markdown $T/r.md --out $T/r.html > /dev/null
grep -c "No steady state: in model A, q: queue still growing" $T/r.md $T/r.html | sed "s#$T/##"
samsim report $T/r.db --lang nb --markdown $T/r.md --out $T/r.html > /dev/null
grep -o "Ingen stabil tilstand: i modell A, q: køen vokser fortsatt ([^)]*)" $T/r.md
rm -rf $T
# A trend during a demand surge of the scenario's own names the surge instead of blaming the
# warm-up, in the table, the Norwegian REPL and the report read back from the store.
samsim run tests/fixtures/surge_trend.lua --reps 4 -q | sed -n '/^Warning/,/^$/p'
printf 'run 4\n' | samsim repl tests/fixtures/surge_trend.lua --lang nb 2>&1 | grep '^advarsel'
T=$(mktemp -d)
samsim run tests/fixtures/surge_trend.lua -q --reps 4 --db $T/r.db > /dev/null
samsim report $T/r.db --markdown $T/r.md --out $T/r.html > /dev/null
grep -o "No steady state: in model A, q: [^:]*:" $T/r.md
rm -rf $T
