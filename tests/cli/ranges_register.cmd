# Ranges on a cited, a calibrated and an effect number, uniform and triangular: the register lists
# them, the resolved text writes them back, and that text reads back to the same text.
samsim show --sources tests/fixtures/ranges/ranged.lua
dir=$(mktemp -d)
samsim show tests/fixtures/ranges/ranged.lua > "$dir/resolved.lua"
grep -n 'range\|cite(9\|calibrated(1\|effect(0.7' "$dir/resolved.lua"
samsim show "$dir/resolved.lua" | cmp - "$dir/resolved.lua" && echo "reads back to the same text"
rm -r "$dir"
