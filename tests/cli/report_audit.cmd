# The report's section on the auditors' criteria, from the database alone: the criteria come
# from the stored scenario, the values from the stored replications, and the verdicts are those
# samsim audit gives on the same runs (tests/fixtures/audit_mmc.lua: met, not met and unclear by
# construction), and the summary's short view of them.  Then the same in Norwegian, and a
# scenario without criteria has no section.
root=$(pwd); T=$(mktemp -d); cd "$T"
samsim run "$root/tests/fixtures/audit_mmc.lua" --reps 8 --seed 1 -j 2 --db r.db -q > /dev/null
samsim run "$root/tests/fixtures/audit_mmc.lua" --reps 8 --seed 1 -j 2 --db r.db -q --set 'services.q.capacity={slots=11}' > /dev/null
samsim report r.db --markdown r.md --out r.html > /dev/null 2>&1; echo "exit $?"
sed -n '/^## The auditors/,/^## /p' r.md | head -n -1
grep -c 'id="audit"' r.html
# the summary (the first page) has the audit view too: each criterion a run can check, by its
# indicator, each model's verdict, and what the audit found; the document criteria counted
sed -n '/^## Summary/,/^## 1\./p' r.md | sed -n '/^### The auditors/,/^Where the figures/p' | grep -v '^$' | head -n -1
grep -o '<a href="#audit">[^<]*</a>' r.html
samsim audit "$root/tests/fixtures/audit_mmc.lua" --reps 8 --seed 1 -j 2 --json | jq -r '.criteria[] | "\(.id): \([.models[] | .verdict] | join(", "))"'
samsim report r.db --lang nb --markdown nb.md --out nb.html > /dev/null 2>&1
sed -n '/^## Revisjonskriteriene/,/^## /p' nb.md | sed -n '5,9p'
samsim run "$root/scenarios/validation/mmc.lua" --reps 2 --db plain.db -q > /dev/null
samsim report plain.db --markdown plain.md --out plain.html > /dev/null 2>&1
grep -c 'auditors' plain.md plain.html
cd "$root"; rm -rf "$T"
