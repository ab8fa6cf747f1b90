# A scenario against itself (two runs, same seed): every paired difference is exactly zero, with an
# interval of no width, so nothing is beyond noise; no FTE warning.
T=$(mktemp -d)
samsim compare scenarios/default.lua scenarios/default.lua --reps 3 --csv > $T/self.csv
head -1 $T/self.csv
awk -F, 'NR > 1 && $3 != "staffing" { rows++; if ($13 != "") { defined++; if ($13 != 0 || $14 != 0 || $15 != 0) nonzero++ } if ($19 == "true") beyond++ }
         END { printf "results with a value: %s; non-zero differences %d; beyond noise %d\n", (defined > 40 ? "more than 40" : defined), nonzero, beyond }' $T/self.csv
grep '^B,A,staffing' $T/self.csv
rm -rf "$T"
