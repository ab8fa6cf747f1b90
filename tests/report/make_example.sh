#!/usr/bin/env bash
# Rebuild docs/report-example.png, the README's picture of a report: the default scenario against
# two options (two more FTE at fph; two FTE moved there from the school nurses), 10 replications.
#   tests/report/make_example.sh [SAMSIM]     (run from the repository root; default build/samsim)
# The picture is the top of the report (question, models, changes) over its queue and caseload
# charts; the pixel rows below match the current page layout at 1200 px wide.
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
gap = [bytes([255] * w * bpp)] * 10 + [bytes([200] * w * bpp)] * 2 + [bytes([255] * w * bpp)] * 10
p.write_png(sys.argv[2], w, bpp, rows[0:1010] + gap + rows[5330:6300])
PY
python3 tests/report/png_check.py docs/report-example.png
