# A results database where nothing can be written (a read-only share, an auditor's copy) is
# read as it is: by the report, and by the store (batch --show) even when the file was left in
# WAL mode, whose -shm file cannot be made there.  The folder is made read-only by a read-only
# bind mount in a private mount namespace (root ignores file modes).
T=$(mktemp -d)
mkdir $T/ro $T/out
samsim run scenarios/default.lua --reps 3 --db $T/r.db -q > /dev/null; echo "run exit $?"
echo "files beside it at rest: $(ls $T | grep -c -- '-wal\|-shm\|-reserve')"
cat > $T/plan.lua <<PLAN
return { scenarios = { "$PWD/scenarios/default.lua" }, sweep = { ["services.fph.fte"] = { 3, 4 } },
         replications = 3, output = "b.db" }
PLAN
samsim batch $T/plan.lua -q > /dev/null; echo "batch exit $?"
sqlite3 $T/b.db "pragma journal_mode=wal" > /dev/null  # as a file an older samsim left
. tests/lib/private_mounts.sh
$ns bash -c "mount --bind $T $T/ro && mount -o remount,bind,ro $T/ro &&
  { touch $T/ro/x 2>/dev/null || echo 'the folder is read-only'; } &&
  samsim report $T/ro/r.db --out $T/out/report.html; echo \"report exit \$?\";
  samsim batch $T/plan.lua --db $T/ro/b.db --show system.time_in_system_mean --csv | cut -d, -f1-4,9; echo \"show exit \${PIPESTATUS[0]}\"" 2>&1 |
  sed "s#$T#T#g"
grep -q '<svg' $T/out/report.html && echo "the report has its charts"
rm -rf $T
