# --lang nb: Norwegian headings and labels, decimal commas.
root=$(pwd); T=$(mktemp -d); cd "$T"
samsim compare "$root/scenarios/default.lua" +models/more-fph-staff.lua --reps 2 --db r.db -q > /dev/null 2>&1
samsim report r.db --lang nb --out rapport.html --markdown rapport.md
grep -o '<h2 id="[a-z]*">[^<]*' rapport.html
grep -o '<h3>4.[1-5] [^<]*' rapport.html
grep -o 'Advarsel: [^<]*' rapport.html
grep -c 'Ventetid, snitt (dager)' rapport.md
cd "$root"; rm -rf "$T"
