# Every run of a batch is the run `samsim run` makes with the command line stored for it: the
# same resolved scenario and the same summary, to the last digit of every estimate.
T=$(mktemp -d)
echo 'return { services = { intake = { episode = 3 } } }' > $T/slow_intake.lua
cat > $T/plan.lua <<PLAN
return {
  scenarios = { "$PWD/tests/fixtures/base.lua" },
  models = { {}, { "slow_intake.lua" } },
  sweep = { ["services.treat.fte"] = { 2, 4 } },
  set = { ["calendar.horizon_days"] = 100 },
  replications = 5,
  seed = 42,
  output = "b.db",
}
PLAN
samsim batch $T/plan.lua -q > /dev/null
summary="select scope, subject, metric, printf('%!.17g %!.17g %!.17g %!.17g', mean, ci_low, ci_high, sd), n from summary"
for point in 1 2 3 4; do
  run=$(sqlite3 $T/b.db "select run_id from batch_runs where point = $point")
  cmd=$(sqlite3 $T/b.db "select command_line from runs where run_id = $run")
  rm -f $T/one.db*
  eval "$cmd --db $T/one.db -q" > /dev/null
  sqlite3 $T/b.db "$summary where run_id = $run order by 1, 2, 3" > $T/batch.txt
  sqlite3 $T/one.db "$summary order by 1, 2, 3" > $T/one.txt
  same_hash=$(sqlite3 $T/b.db "attach '$T/one.db' as one; select count(*) from runs b, one.runs o where b.run_id = $run and b.scenario_hash = o.scenario_hash and b.rules_hash = o.rules_hash")
  echo "point $point: $(echo "$cmd" | sed "s#$PWD#ROOT#g; s#$T#T#g")"
  if cmp -s $T/batch.txt $T/one.txt && [ -s $T/one.txt ] && [ "$same_hash" = 1 ]; then
    echo "  identical: $(wc -l < $T/one.txt) summary rows, same scenario and rules hashes"
  else
    echo "  DIFFERENT"; diff $T/batch.txt $T/one.txt | head -5
  fi
done
rm -rf $T
