#!/usr/bin/env bash
# Screenshot an HTML file in real headless Chromium, as a reviewer's browser would render it.
#   tests/report/screenshot.sh FILE.html OUT.png [WIDTH,HEIGHT]
# Exit 0 with the PNG written; 3 when no Chromium is installed (callers report "skipped");
# 1 when Chromium ran but wrote nothing.  Offline: every network feature is switched off.
set -u
html=$1 png=$2 size=${3:-1200,2000}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "skipped: no chromium on this machine (apt-get install chromium)" >&2
    exit 3
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
case $html in /*) url=file://$html ;; *) url=file://$(pwd)/$html ;; esac
rm -f "$png"
timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" --screenshot="$png" --window-size="$size" "$url" \
    >/dev/null 2>"$profile/stderr"
if [ ! -s "$png" ]; then
    echo "chromium wrote no screenshot:" >&2
    tail -5 "$profile/stderr" >&2
    exit 1
fi
