# Values tuned to meet a reported figure say so: calibrated(value, "target", "why") names a target
# listed in calibration.targets with its metric, cited value, tolerance and period; an overlay's
# assumed benefit is effect(value, "why").  Both are kinds in the sources register, the targets
# are listed after it, and the resolved scenario reads back as it was written.
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT; root=$(pwd)
samsim show --sources tests/fixtures/calibrated.lua
samsim show tests/fixtures/calibrated.lua | grep -n 'calibrated(\|effect('
samsim show tests/fixtures/calibrated.lua > $T/resolved.lua
samsim show --sources $T/resolved.lua > $T/again.txt
samsim show --sources tests/fixtures/calibrated.lua | cmp - $T/again.txt && echo "resolved text gives the same register"
# The REPL writes the kinds and the target back (show lua, and save through the same writer)
samsim repl tests/fixtures/calibrated.lua -c "show lua" | grep 'calibrated(\|effect('
# The report's register names the kinds (read from the stored scenario alone)
samsim run tests/fixtures/calibrated.lua --reps 2 --db $T/r.db -q > /dev/null
samsim report $T/r.db --out $T/r.html --markdown $T/r.md > /dev/null 2>&1
grep '^| `.*\(calibrated\|effect assumption\)' $T/r.md | sed 's/  */ /g'
# samsim explain sorts a service's inputs by the same kinds
samsim explain tests/fixtures/calibrated.lua intake | sed -n '/^inputs behind/,$p'
# What is wrong, and where
bad() { printf 'return { extends = "%s/tests/fixtures/base.lua", %s }\n' "$root" "$1" > $T/bad.lua; samsim check $T/bad.lua 2>&1 | sed "s|$T/||"; echo "exit ${PIPESTATUS[0]}"; }
TARGET='what = "x", metric = "accepted", services = { "intake" }, value = cite(60, "s L1"), tolerance = 0.2'
bad 'services = { intake = { fte = calibrated(2, "intake_case", "tuned") } }'
bad 'services = { intake = { fte = calibrated(2, "intake case", "tuned") } }'
# a target before the start cannot be measured; one outside the measured window can (a run whose
# warm-up ends at its from and horizon at its to measures it: README, calibration), so it checks
bad "calibration = { targets = { t = { $TARGET, from = \"2021-02-01\", to = \"2021-04-01\" } } }"
bad "calibration = { targets = { t = { $TARGET, from = \"2021-04-01\", to = \"2021-12-31\" } } }"
bad "calibration = { targets = { t = { $TARGET, from = \"2021-04-01\", to = \"2021-03-31\" } } }"
bad 'calibration = { targets = { t = { what = "x", metric = "accepted", value = assume(60, "a guess"), tolerance = 0.2, from = "2021-04-01", to = "2021-05-01" } } }'
bad 'calibration = { targets = { t = { what = "x", metric = "accepted", services = { "intak" }, value = cite(60, "s L1"), tolerance = 0.2, from = "2021-04-01", to = "2021-05-01" } } }'
bad 'calibration = { targets = { t = { what = "x", metric = "wait mean", value = cite(60, "s L1"), tolerance = 0.2, from = "2021-04-01", to = "2021-05-01" } } }'
bad 'calibration = { targets = { t = { what = "x", metric = "accepted", value = cite(60, "s L1"), tolerance = 20, from = "2021-04-01", to = "2021-05-01" } } }'
bad 'calibration = { targts = {} }'
bad 'calibration = { targets = { t = { what = "x", metrc = "accepted" } } }'
