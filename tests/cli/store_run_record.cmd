# An analyst's run record (issue 15): --db says which run it stored; the run's overlays and --set
# overrides are in the JSON and in the store (run_inputs), not only hashes; --csv names the service
# and the unit on every row.
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cp tests/fixtures/base.lua "$T/"
cd "$T"
cat > shorter-episodes.lua <<'LUA'
return { services = { treat = { episode = { "exponential", mean = 8 } } } }
LUA
echo "-- --db: the run id on stderr, the table on stdout"
samsim run base.lua --reps 2 --db r.db --set services.intake.fte=3 > /dev/null
samsim run base.lua --reps 2 --db r.db --apply shorter-episodes.lua --set services.intake.fte=2,5 --set calendar.horizon_days=100 --json > run2.json
echo "-- -q: no line"
samsim run base.lua --reps 2 --db r.db -q > /dev/null
echo "-- the JSON says what the run was given"
jq -c '.scenario | {overlays, set}' run2.json
echo "-- and so does the store"
sqlite3 r.db "SELECT run_id, seq, kind, target, quote(value) FROM run_inputs ORDER BY run_id, seq;
SELECT r.run_id, count(i.seq) FROM runs r LEFT JOIN run_inputs i USING(run_id) GROUP BY r.run_id;"
echo "-- CSV: scope, subject, its name, metric, its unit"
samsim run base.lua --reps 2 --csv | head -3
samsim run base.lua --reps 2 --csv | grep -E '^(service,intake,Intake,over_target_share|system,,,persons),'
echo "-- a merge carries them over"
samsim merge all.db r.db -q
sqlite3 all.db "SELECT run_id, seq, kind, target, quote(value) FROM run_inputs ORDER BY run_id, seq;"
