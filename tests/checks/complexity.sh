#!/bin/sh
# The house's size limits (issue 9), measured by pmccabe (Debian's pmccabe package) and wc: no
# function in engine/ or repl/ with a cyclomatic complexity over 20 (pmccabe's first figure, a
# switch counted once) or longer than 60 lines, and no .c file over 800 lines.  Prints the
# largest of each, then what is over a limit, and fails when anything is.
#   make complexity, and a source check of make test (tests/run.sh runs tests/checks/*)
MAX_CCN=${MAX_CCN:-20}
MAX_FUNCTION_LINES=${MAX_FUNCTION_LINES:-60}
MAX_FILE_LINES=${MAX_FILE_LINES:-800}
cd "$(dirname "$0")/../.." || exit 1
command -v pmccabe >/dev/null || { echo "pmccabe is not installed (make deps installs it)"; exit 1; }
files=$(ls engine/*/*.c repl/*.c)
figures=$(pmccabe $files) || exit 1
sizes=$(wc -l $files | grep -v ' total$')

echo "most complex functions (complexity, statements, lines, where):"
printf '%s\n' "$figures" | sort -k1,1nr -k5,5nr | head -5 | awk '{printf "  %3d %4d %4d  %s %s\n", $1, $3, $5, $6, $7}'
echo "longest functions:"
printf '%s\n' "$figures" | sort -k5,5nr -k1,1nr | head -3 | awk '{printf "  %3d %4d %4d  %s %s\n", $1, $3, $5, $6, $7}'
echo "largest files (lines):"
printf '%s\n' "$sizes" | sort -nr | head -3 | sed 's/^ */  /'

over=$(printf '%s\n' "$figures" | awk -v c="$MAX_CCN" -v l="$MAX_FUNCTION_LINES" '
    $1 > c { printf "%s %s: complexity %d, over %d\n", $6, $7, $1, c }
    $5 > l { printf "%s %s: %d lines, over %d\n", $6, $7, $5, l }')
over_files=$(printf '%s\n' "$sizes" | awk -v l="$MAX_FILE_LINES" '$1 > l { printf "%s: %d lines, over %d\n", $2, $1, l }')
if [ -n "$over$over_files" ]; then
    printf 'over the limits:\n'
    printf '%s\n' "$over" "$over_files" | grep -v '^$' | sed 's/^/  /'
    exit 1
fi
echo "within the limits: complexity <= $MAX_CCN, functions <= $MAX_FUNCTION_LINES lines, files <= $MAX_FILE_LINES lines"
