#!/usr/bin/env bash
# Rebuild docs/report-example.png, the README's picture of a report: the default scenario against
# two options (two more FTE at fph; two FTE moved there from the school nurses), 10 replications.
#   tests/report/make_example.sh [SAMSIM]     (run from the repository root; default build/samsim)
# The picture is the top of the report (question, models, changes) over its queue and caseload
# charts, found by the headings' blue underlines.
set -eu
samsim=${1:-build/samsim}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$samsim" compare scenarios/default.lua +models/more-fph-staff.lua +models/fph-staff-from-school-nurses.lua \
    --reps 10 --db "$T/results.db" -q > /dev/null 2>&1
(cd "$T" && "$OLDPWD/$samsim" report results.db --out report.html > /dev/null)
tests/report/screenshot.sh "$T/report.html" "$T/full.png" 1200,9000
python3 - "$T/full.png" docs/report-example.png <<'PY'
import sys
sys.path.insert(0, 'tests/report')
import png_check as p
w, h, bpp, rows = p.read_png(sys.argv[1])
# The h2 headings are underlined in the page's blue (#4c72b0): the fourth underline is "4. Charts".
blue = bytes((0x4c, 0x72, 0xb0))
lines = [y for y in range(h) if rows[y][bpp * w // 2:bpp * w // 2 + 3] == blue and rows[y][bpp * 40:bpp * 40 + 3] == blue]
heads = [y for i, y in enumerate(lines) if i == 0 or y - lines[i - 1] > 5]
top_end, charts = heads[2] - 60, heads[3] - 45
gap = [bytes([255] * w * bpp)] * 10 + [bytes([200] * w * bpp)] * 2 + [bytes([255] * w * bpp)] * 10
p.write_png(sys.argv[2], w, bpp, rows[0:top_end] + gap + rows[charts:charts + 1075])
PY
python3 tests/report/png_check.py docs/report-example.png
