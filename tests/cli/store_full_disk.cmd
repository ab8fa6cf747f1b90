# `samsim run --db` on a full disk: exit 4 (results could not be written), and the run is marked
# failed with the reason, not left 'running'.  The disk is a 512 KiB tmpfs mounted in a private
# mount namespace (unshare -m as root; -rm maps an ordinary user to root in a user namespace),
# so it disappears with the test; the replication that no longer fits depends on SQLite's page
# use, so its number is masked.
T=$(mktemp -d)
mkdir $T/disk
. tests/lib/private_mounts.sh
$ns bash -c "mount -t tmpfs -o size=512k tmpfs $T/disk &&
  samsim run scenarios/default.lua --reps 40 --db $T/disk/r.db > $T/out 2> $T/err; echo \"exit \$?\";
  sqlite3 $T/disk/r.db \"select 'run ' || run_id || ': ' || status || ': ' || failure from runs;
    select 'whole replications kept: ' || (count(*) > 0) from replications;\"" |
  sed "s#$T#T#g; s/replication [0-9][0-9]*/replication N/"
echo "stdout: $(wc -c < $T/out) bytes"
sed "s#$T#T#g; s/replication [0-9][0-9]*/replication N/" $T/err
rm -rf $T
