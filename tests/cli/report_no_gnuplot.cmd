# Without gnuplot the report says why the charts are missing and still gives every table.
root=$(pwd); T=$(mktemp -d); cd "$T"
samsim compare "$root/scenarios/default.lua" +models/more-fph-staff.lua --reps 2 --db r.db -q > /dev/null 2>&1
SAMSIM_GNUPLOT=/nonexistent/gnuplot samsim report r.db --out r.html; echo "exit $?"
grep -o 'Charts are missing: [^<]*' r.html
grep -c '<svg' r.html
grep -o '<h3>4.[1-5] [^<]*' r.html
grep -c '<td>new concern</td>' r.html
cd "$root"; rm -rf "$T"
