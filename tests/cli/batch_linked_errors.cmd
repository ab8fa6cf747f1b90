# A linked parameter with a mistake is refused when the plan is read, naming the plan file and the
# key: not a function, a swept name that does not exist, a function that fails (with the point),
# a value that is not a number, a parameter both swept and linked, a variable nothing reads.
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
base="$PWD/tests/fixtures/base.lua"
try() {
    printf 'return { scenarios = { "%s" }, replications = 2, output = "x.db",\n  sweep = { staff = { 4, 6 }, share = { 0.5 } },\n  linked = { %s } }\n' "$base" "$2" > $T/$1
    echo "--- $1"; samsim batch $T/$1 --dry-run 2>&1 | sed "s#$T#T#g; s#$PWD#ROOT#g"; echo "exit ${PIPESTATUS[0]}"
}
try number.lua '["services.intake.fte"] = 3'
try typo.lua '["services.intake.fte"] = function(v) return v.staf * v.share end'
try fails.lua '["services.intake.fte"] = function(v) if v.staff > 5 then error("too many") end return v.staff * v.share end'
try table.lua '["services.intake.fte"] = function(v) return { v.staff } end'
try inf.lua '["services.intake.fte"] = function(v) return v.staff / 0 end'
try unused.lua '["services.intake.fte"] = function(v) return v.staff end'
try nodot.lua '["total"] = function(v) return v.staff * v.share end'
try loop.lua '["services.intake.fte"] = function(v) while true do end end'
printf 'return { scenarios = { "%s" }, replications = 2, output = "x.db",\n  sweep = { ["services.intake.fte"] = { 1, 2 } },\n  linked = { ["services.intake.fte"] = function(v) return 3 end } }\n' "$base" > $T/twice.lua
echo "--- twice.lua"; samsim batch $T/twice.lua --dry-run 2>&1 | sed "s#$T#T#g"; echo "exit ${PIPESTATUS[0]}"
printf 'return { scenarios = { "%s" }, replications = 2, output = "x.db",\n  sweep = { staff = { 4, 6 } } }\n' "$base" > $T/nolinks.lua
echo "--- nolinks.lua"; samsim batch $T/nolinks.lua --dry-run 2>&1 | sed "s#$T#T#g"; echo "exit ${PIPESTATUS[0]}"
printf 'return { scenarios = { "%s" }, replications = 2, output = "x.db",\n  sweep = { staff = { 4, 6 } },\n  linked = { ["services.nowhere.fte"] = function(v) return v.staff end } }\n' "$base" > $T/badpath.lua
echo "--- badpath.lua"; samsim batch $T/badpath.lua --dry-run 2>&1 | sed "s#$T#T#g; s#$PWD#ROOT#g"; echo "exit ${PIPESTATUS[0]}"
echo "--- nothing was written"; ls $T | grep -c '\.db' || true
