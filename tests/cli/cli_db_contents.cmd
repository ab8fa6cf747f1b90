T=$(mktemp -d)
samsim run tests/fixtures/base.lua --reps 3 --seed 7 --db $T/r.db 2>&1 > /dev/null | sed "s|$T/||"
sqlite3 $T/r.db "select scenario_name, seed, replications, horizon_days, warmup_days, status, length(scenario_hash) from runs;
select rep, events > 0 from replications order by rep;
select count(*) from metrics; select count(distinct metric) from summary; select service, count(*) from series group by service;"
rm -rf $T
