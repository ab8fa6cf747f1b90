#!/usr/bin/env bash
# Runs the two fuzz targets one after the other (make fuzz): seeds, then each target for half of
# SECONDS under nice and a hard timeout; prints libFuzzer's last status line and what was found.
#   tests/fuzz/run.sh BUILD SECONDS
set -u
cd "$(dirname "$0")/../.."
build=$1; seconds=$2; half=$(( (seconds + 1) / 2 ))
seeds() {  # seeds TARGET: the corpus folder, filled from the repository
    local target=$1 dir=$build/corpus/$1 f i=0
    mkdir -p "$dir" "$build/found/$target"
    if [ "$target" = scenario ]; then
        for f in $(find scenarios tests/fixtures -name '*.lua' | sort); do cp "$f" "$dir/seed-$((i += 1)).lua"; done
    else
        for f in $(find rules -name '*.lua' | sort); do { printf '\0'; cat "$f"; } > "$dir/seed-$((i += 1))"; done
    fi
    [ -d "tests/fuzz/corpus/$target" ] && cp tests/fuzz/corpus/$target/* "$dir/" 2>/dev/null
    [ -d "tests/fuzz/crashes/$target" ] && cp tests/fuzz/crashes/$target/* "$dir/" 2>/dev/null
    echo "$dir"
}
for target in scenario rules; do
    corpus=$(seeds $target)
    echo "== fuzz_$target for ${half}s (corpus $corpus, findings in $build/found/$target/)"
    nice -n 10 timeout $((half + 120)) "$build/fuzz_$target" "$corpus" \
        -max_total_time=$half -timeout=20 -rss_limit_mb=2560 -max_len=65536 \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -artifact_prefix="$build/found/$target/" >"$build/fuzz_$target.log" 2>&1
    grep -E '^#[0-9]+' "$build/fuzz_$target.log" | tail -1
    grep -E 'DONE|crashes|Deadly|ERROR' "$build/fuzz_$target.log" | tail -3
    echo "found: $(ls "$build/found/$target" | wc -l) file(s)"
done
