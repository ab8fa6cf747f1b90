# Lørenskog 2021 calibrated by command (issue 13): history matching of every calibrated number with
# a range (FPH's incidences, slots per clinical FTE, episode lengths and deterioration times, the
# pandemic's surge) to the scenario's two targets, FPH's ~1,100 cases a year and the ~three months'
# wait in May 2021, and the calibrated point it chooses: the numbers the targets leave free at the
# middle of their ranges, any they pin down or narrow at the closest kept point, run on its own.
# The scenario copies that point from the stored result scenarios/lorenskog/barn-unge-2021.calibrated.json
# (its head names the command); this fails when the command's point, the file or the scenario's
# values differ.  A fuller run for a reviewer:
#   samsim calibrate scenarios/lorenskog/barn-unge-2021.lua --points 128 --reps 10 --db calib.db --ensemble-out ens.json
T=$(mktemp -d)
L=scenarios/lorenskog/barn-unge-2021.lua
STORED=scenarios/lorenskog/barn-unge-2021.calibrated.json
samsim calibrate $L --points 32 --reps 3 -j 2 --point-out $T/point.json
# the stored result is what the command writes (all but the day it was written and the output file)
jq -S 'del(.date) | .command |= sub(" --point-out .*"; "")' $T/point.json > $T/made
jq -S 'del(.date) | .command |= sub(" --point-out .*"; "")' $STORED > $T/stored
cmp $T/made $T/stored && echo "the command's point = $STORED"
jq -r .command $STORED
# and the scenario's calibrated numbers are the stored point's values, every one
jq -r '.parameters[] | "\(.path) \(.value)"' $STORED | sort > $T/point.values
samsim show --sources $L | awk '$3 == "calibrated" {print $1, $2}' | sort > $T/scenario.values
awk 'NR == FNR {v[$1] = $2; next} {n++} !($1 in v) || v[$1] + 0 != $2 + 0 {print "differs:", $0; bad++}
     END {if (!bad && n == length(v)) print n, "calibrated values in the scenario = the stored point"}' $T/point.values $T/scenario.values
rm -rf $T
