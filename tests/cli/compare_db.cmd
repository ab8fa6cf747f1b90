# --db stores both runs and the comparison; stored runs compare again without running (db:FILE#ID,
# taking their seed and replications) and give the very same paired differences.
root=$(pwd); T=$(mktemp -d); cd "$T"
samsim compare "$root/scenarios/default.lua" +models/more-fph-staff.lua --reps 3 --seed 11 --db results.db --json > first.json
samsim compare db:results.db#1 db:results.db#2 --db results.db --json > again.json
python3 - <<'PY'
import json, sqlite3
first, again = json.load(open('first.json')), json.load(open('again.json'))
rows = lambda d: [(r['subject'], r['metric'], r['difference']) for r in d['comparisons'][0]['rows']]
print('seed', again['seed'], 'replications', again['replications'])
print('same paired differences from the stored runs:', rows(first) == rows(again) and len(rows(first)) > 40)
db = sqlite3.connect('results.db')
for row in db.execute('SELECT comparison_id, base_run, option_run, base_model, option_model FROM comparisons ORDER BY comparison_id'):
    print(row[:3], row[3].split('/')[-1], row[4])
print(db.execute("SELECT COUNT(*), MIN(status), MAX(status), MIN(seed), MAX(replications) FROM runs").fetchone())
PY
cd "$root"; rm -rf "$T"
