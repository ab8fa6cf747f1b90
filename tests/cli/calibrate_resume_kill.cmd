# kill -9 a calibration with --db in the middle of its second wave, then the same command: it reads
# the stored points (the whole first wave, part of the second), runs only the rest, and writes the
# same ensemble, byte for byte, as the same command run without a kill (in another folder, so the
# command line in the file is the same).
T=$(mktemp -d); mkdir $T/killed $T/whole
args="$(pwd)/tests/fixtures/calibrate/queue.lua --points 64 --reps 8 -j 1 --db c.db --ensemble-out ens.json"
stored() { sqlite3 $T/killed/c.db "select count(*) from calibration_points" 2>/dev/null || echo 0; }
{  # bash reports the killed job on stderr at a moment of its choosing: inside this group
  (cd $T/killed && exec samsim calibrate $args > /dev/null 2>&1) &
  pid=$!
  while [ "$(stored)" -lt 72 ] && kill -0 $pid; do sleep 0.01; done
  kill -9 $pid
  wait $pid
  true
} 2>/dev/null
at=$(stored)
if [ "$at" -ge 72 ] && [ "$at" -lt 128 ]; then echo "killed in wave 2 with some of its 64 points stored"; else echo "NOT KILLED MID-WAVE ($at stored)"; fi
[ -e $T/killed/ens.json ] && echo "AN ENSEMBLE WAS WRITTEN BEFORE THE KILL"
(cd $T/killed && samsim calibrate $args > resumed.txt 2> resumed.err)
echo "exit $?"
sed -E "s/[0-9]+ points read/N points read/" $T/killed/resumed.err
(cd $T/whole && samsim calibrate $args > whole.txt)
cmp $T/killed/ens.json $T/whole/ens.json && echo "resumed = uninterrupted: the same ensemble file, byte for byte"
cmp $T/killed/resumed.txt $T/whole/whole.txt && echo "and the same table"
q="select wave, point, vals, outputs, max_implausibility, kept from calibration_points order by wave, point"
[ "$(sqlite3 $T/killed/c.db "$q")" = "$(sqlite3 $T/whole/c.db "$q")" ] && echo "and the same points stored"
sqlite3 $T/killed/c.db "select 'calibrations ' || count(*) from calibration_studies;
  select 'wave ' || wave || ': ' || count(*) || ' points' from calibration_points group by wave order by wave;"
# once complete, the same command runs nothing and says so
(cd $T/killed && samsim calibrate $args 2>&1 >/dev/null)
rm -rf $T
