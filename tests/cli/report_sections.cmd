# A report from a stored comparison: every section, a chart (inline SVG) for each figure, the
# Markdown version beside it, and nothing fetched from elsewhere.  The scenario files are moved
# out of reach first (the report is built in another folder), so only the database is used.
root=$(pwd); T=$(mktemp -d); cd "$T"
samsim compare "$root/scenarios/default.lua" +models/more-fph-staff.lua --reps 3 --db results.db -q > /dev/null 2>&1
mkdir elsewhere && mv results.db* elsewhere/ && cd elsewhere
samsim report results.db --out report.html
for id in question changes results charts assumptions reproducibility; do
    grep -q "<h2 id=\"$id\">" report.html && echo "section $id: yes" || echo "section $id: MISSING"
done
for fig in fig-waits fig-queues fig-caseload fig-flows fig-compliance; do
    n=$(sed -n "/<section id=\"$fig\">/,/<\/section>/p" report.html | grep -o '<svg' | wc -l)
    echo "figure $fig: $([ "$n" -ge 1 ] && echo 'has a chart' || echo 'NO CHART')"
done
grep -c '^## [1-6]\. ' report.md
grep -o 'Forebyggende psykisk helsetjeneste: staff (FTE)' report.html | head -1
if grep -Eq '<script|<link|src=|href="http|url\(http' report.html; then echo "external resources: found"; else echo "external resources: none"; fi
cd "$root"; rm -rf "$T"
