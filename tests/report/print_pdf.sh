#!/usr/bin/env bash
# Print an HTML file to PDF in real headless Chromium, as a reviewer's "print to PDF" would.
#   tests/report/print_pdf.sh FILE.html OUT.pdf
# Exit 0 with the PDF written; 3 when no Chromium is installed (callers report "skipped");
# 1 when Chromium ran but wrote nothing.  Offline: every network feature is switched off.
set -u
html=$1 pdf=$2
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "skipped: no chromium on this machine (apt-get install chromium)" >&2
    exit 3
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
case $html in /*) url=file://$html ;; *) url=file://$(pwd)/$html ;; esac
rm -f "$pdf"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --no-pdf-header-footer --user-data-dir="$profile" --print-to-pdf="$pdf" "$url" \
    >/dev/null 2>"$profile/stderr"
if [ ! -s "$pdf" ]; then
    echo "chromium wrote no PDF:" >&2
    tail -5 "$profile/stderr" >&2
    exit 1
fi
