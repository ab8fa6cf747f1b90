# --dry-run checks every point and lists what would run, writing nothing; on a file that holds
# part of the plan (here one shard) it lists what is left.
T=$(mktemp -d)
cat > $T/plan.lua <<PLAN
return {
  scenarios = { "$PWD/tests/fixtures/base.lua" },
  models = { {}, { "slow.lua" } },
  sweep = { ["services.treat.fte"] = { 2, 3 } },
  replications = 6,
  output = "dry.db",
}
PLAN
echo 'return { services = { intake = { episode = 3 } } }' > $T/slow.lua
samsim batch $T/plan.lua --dry-run | sed "s#$T#T#g; s#$PWD#ROOT#g"
echo "exit ${PIPESTATUS[0]}"
ls $T
samsim batch $T/plan.lua --shard 1/2 --db $T/dry.db -q > /dev/null
samsim batch $T/plan.lua -n | sed "s#$T#T#g; s#$PWD#ROOT#g"
rm -rf $T
