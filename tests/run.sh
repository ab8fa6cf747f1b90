#!/usr/bin/env bash
# Runs every test against one or more build directories and ends with "N passed, N failed".
#   tests/run.sh build [build-asan]       UPDATE=1 tests/run.sh build   (rewrite CLI goldens)
#   ONLY=cli_ tests/run.sh build          (only the tests whose names start with cli_)
# Kinds: cmocka unit and validation binaries (build/tests/...), CLI transcripts (tests/cli/*.cmd
# with .out, .err, .code beside them), and source checks (tests/checks/*: each a script that exits 0
# when the tree holds what it checks, run once, not per build).
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
passed=0; failed=0; failures=()

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); failures+=("$1"); echo "FAIL: $1"; }

run_unit() {  # one cmocka binary: count its tests
    local bin=$1 label=$2 out rc p f
    out=$("$bin" 2>&1); rc=$?
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    p=${p:-0}; f=${f:-0}
    passed=$((passed + p))
    if [ "$f" -gt 0 ] || { [ $rc -ne 0 ] && [ "$f" -eq 0 ]; }; then
        [ "$f" -eq 0 ] && f=1
        failed=$((failed + f)); failures+=("$label")
        printf '%s\n' "$out" | grep -v '^\[ *\(RUN\|OK\) ' | tail -40
        echo "FAIL: $label (exit $rc)"
    fi
}

run_cli() {  # one transcript: stdout, stderr and exit code must match exactly
    local build=$1 cmd=$2 name base out err code
    base=${cmd%.cmd}; name=$(basename "$base")
    out=$(mktemp); err=$(mktemp)
    ( export PATH="$root/$build:$PATH" SAMSIM_NO_COLOR=1 HOME="$root/$build/home"; mkdir -p "$HOME"
      cd "$root" && bash "$cmd" ) >"$out" 2>"$err"
    code=$?
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$out" "$base.out"; cp "$err" "$base.err"; echo "$code" > "$base.code"
        pass
    elif cmp -s "$out" "$base.out" && cmp -s "$err" "$base.err" && [ "$code" = "$(cat "$base.code")" ]; then
        pass
    else
        fail "$build cli/$name"
        diff "$base.out" "$out" | head -20
        diff "$base.err" "$err" | head -20
        echo "exit code $code, expected $(cat "$base.code")"
    fi
    rm -f "$out" "$err"
}

echo "== source checks"
for chk in tests/checks/*; do
    [ -x "$chk" ] || continue
    case "$(basename "$chk")" in ${ONLY:-}*) ;; *) continue ;; esac
    if out=$("$chk" 2>&1); then pass; else printf '%s\n' "$out" | tail -20; fail "check $(basename "$chk")"; fi
done

for build in "$@"; do
    echo "== tests against $build"
    for bin in $(find "$build/tests" -type f -perm -u+x -name "${ONLY:-}*" 2>/dev/null | sort); do
        run_unit "$bin" "$build ${bin#$build/}"
    done
    for cmd in tests/cli/*.cmd; do
        [ -e "$cmd" ] || continue
        case "$(basename "$cmd")" in ${ONLY:-}*) ;; *) continue ;; esac
        run_cli "$build" "$cmd"
    done
done

# valgrind over a few real runs (set by make test; make valgrind runs the whole list)
if [ -n "${VALGRIND_BUILD:-}" ]; then
    echo "== valgrind against $VALGRIND_BUILD"
    vout=$(tests/valgrind.sh "$VALGRIND_BUILD" --quick)
    printf '%s\n' "$vout" | grep -v ' passed, ' || true
    vp=$(printf '%s\n' "$vout" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    vf=$(printf '%s\n' "$vout" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    passed=$((passed + ${vp:-0})); failed=$((failed + ${vf:-1}))
    [ "${vf:-1}" -gt 0 ] && failures+=("valgrind")
fi

if [ $failed -gt 0 ]; then
    echo "failed:"; printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
