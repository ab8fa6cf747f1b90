# A plan with a mistake is refused before anything runs or is written: Lua errors name the file
# and line, wrong values the key path, a wrong grid point its values and the scenario's message.
T=$(mktemp -d)
base="$PWD/tests/fixtures/base.lua"
try() { echo "--- $1"; samsim batch $T/$1 2>&1 | sed "s#$T#T#g; s#$PWD#ROOT#g"; echo "exit ${PIPESTATUS[0]}"; }
printf 'return {\n  scenarios = { "%s" },\n  replications = 10\n  output = "x.db",\n}\n' "$base" > $T/syntax.lua; try syntax.lua
printf 'return { scenarios = "%s", replication = 10, output = "x.db" }\n' "$base" > $T/typo.lua; try typo.lua
printf 'return { scenarios = { "%s", "elsewhere.lua" }, replications = 10, output = "x.db" }\n' "$base" > $T/missing.lua; try missing.lua
printf 'return { scenarios = "%s", replications = 10, output = "x.db",\n  sweep = { ["services.treat.fte"] = { 2, "three" } } }\n' "$base" > $T/string.lua; try string.lua
printf 'return { scenarios = "%s", replications = 10, output = "x.db",\n  sweep = { ["services.treat.fte"] = { from = 1, to = 3 } } }\n' "$base" > $T/range.lua; try range.lua
printf 'return { scenarios = "%s", replications = 10, output = "x.db",\n  sweep = { ["services.treat.ftee"] = { 2, 3 } } }\n' "$base" > $T/path.lua; try path.lua
printf 'return { scenarios = "%s", replications = 10, output = "x.db",\n  models = { {}, { "%s" } } }\n' "$base" "$PWD/tests/fixtures/syntax.lua" > $T/overlay.lua; try overlay.lua
printf 'return { scenarios = "%s", replications = 0, output = "x.db" }\n' "$base" > $T/zero.lua; try zero.lua
printf 'return { scenarios = "%s", replications = 2 }\n' "$base" > $T/nooutput.lua; try nooutput.lua
printf 'io.open("/tmp/x")\nreturn {}\n' > $T/io.lua; try io.lua
echo '--- nothing was written'; ls $T | grep -c '\.db' || true
try nothere.lua
rm -rf $T
