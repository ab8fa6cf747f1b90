# Trap 4: --trace for a person who does not exist says so, and how many persons there are, with
# exit code 2 (the command line is wrong) instead of the ordinary table and 0; the REPL's trace
# says the same.
S=scenarios/lorenskog/barn-unge-2021.lua
samsim run $S --reps 2 --trace 123456
echo "exit code $?"
last=$(samsim run $S --reps 2 --trace 123456 2>&1 | sed -n 's/.* numbered 1 to \([0-9]*\) .*/\1/p')
samsim run $S --reps 2 --trace "$last" | grep -q "  person $last  concern arises" && echo "the last one, $last, is traced"
samsim repl $S -c 'trace 123456'
echo "exit code $?"
