# Wrong inputs to report: each names the file or run and what was expected; exit 2, or 4 when the
# report cannot be written.
root=$(pwd); T=$(mktemp -d); cd "$T"
samsim report; echo "exit $?"
samsim report missing.db; echo "exit $?"
echo "plain text, not a database, long enough to be read as a header of some sort" > junk.db
samsim report junk.db; echo "exit $?"
samsim run "$root/scenarios/default.lua" --reps 2 --seed 1 --db r.db > /dev/null
samsim run "$root/scenarios/default.lua" --reps 2 --seed 2 --db r.db > /dev/null
samsim report r.db --runs 1,7; echo "exit $?"
samsim report r.db; echo "exit $?"
samsim report r.db --runs 1,2; echo "exit $?"
samsim report r.db --runs one; echo "exit $?"
samsim report r.db --lang de; echo "exit $?"
samsim report r.db --runs 1 --out no/such/folder/report.html; echo "exit $?"
samsim report r.db --runs 1 --out one.html; echo "exit $?"
cd "$root"; rm -rf "$T"
