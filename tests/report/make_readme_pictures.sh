#!/usr/bin/env bash
# Rebuild the README's two pictures of a real report, Lørenskog 2021 against Familiens hus
# (10 replications, seed 1, robust over 32 samples of the plausible assumptions):
#   docs/report-first-page.png    the report's first screen in headless Chromium, as a reviewer
#                                 opens it (the one-page summary: question, models, verdict)
#   docs/report-printed-page.png  the first page of the PDF that headless Chromium prints with the
#                                 report's print stylesheet (A4), rendered by pdftoppm
# Needs chromium and poppler-utils (pdftoppm).  Run from the repository root:
#   tests/report/make_readme_pictures.sh [SAMSIM]     (default build/samsim)
set -eu
samsim=${1:-build/samsim}
command -v pdftoppm > /dev/null || { echo "pdftoppm is missing: apt-get install poppler-utils" >&2; exit 3; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$samsim" compare scenarios/lorenskog/barn-unge-2021.lua +scenarios/models/familiens-hus.lua \
    --reps 10 --seed 1 --robust --samples 32 --db "$T/results.db" -q > /dev/null 2>&1
(cd "$T" && "$OLDPWD/$samsim" report results.db --out report.html > /dev/null)
# The first screen at a laptop's size.
tests/report/screenshot.sh "$T/report.html" docs/report-first-page.png 1100,1300
tests/report/print_pdf.sh "$T/report.html" "$T/report.pdf"
python3 tests/report/pdf_check.py "$T/report.pdf" 2 --summary-one-page
pdftoppm -f 1 -l 1 -r 60 -png "$T/report.pdf" "$T/page"
cp "$T"/page*.png docs/report-printed-page.png
python3 tests/report/png_check.py docs/report-first-page.png
python3 tests/report/png_check.py docs/report-printed-page.png
ls -l docs/report-first-page.png docs/report-printed-page.png
