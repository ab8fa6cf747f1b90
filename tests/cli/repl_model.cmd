# REPL: loading, overlays, set, undo/redo and show, with errors pointed at by a caret.
# A scratch folder that sees the repository's scenarios and rules by the same relative paths.
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
ln -s "$PWD/scenarios" "$w/scenarios"; ln -s "$PWD/rules" "$w/rules"; cd "$w"
mkdir overlays
cat > overlays/more_fph.lua <<'LUA'
-- two more psychologists in the preventive service, and a shorter target
return { services = { fph = { fte = assume(6, "two more psychologists"), target_wait_days = 28 } } }
LUA
cat > overlays/bad.lua <<'LUA'
return { services = { rph = { case_share = "most" } } }
LUA
samsim repl --echo <<'SESSION'
show
set services.fph.fte 6
load scenarios/nowhere.lua
load scenarios/default.lua
show
show services
show params services.fph.eligibility
show params services.fph.fte
show params servces
show sources services.fph.case_share
show sources services.fph.cas
show diff
show everything
show srevices
set services.fph.fte 6
set services.fph.fte 6.5
set services.fph.ftee 6
set services.fhp.fte 6
set services.fph.fte -1
set services.fph.fte
set services.hs.eligibility.ages {0, 18}
set calendar.horizon_days=800
set services..fte 3
show diff
undo
undo
show diff
redo
show
apply overlays/more_fph.lua
apply overlays/more_fph.lua
apply overlays/bad.lua
apply overlays/missing.lua
show diff
show
unapply overlays/other.lua
unapply
unapply
undo
undo
undo
undo
undo
undo
undo
undo
redo
show
SESSION
echo "exit code $?"
