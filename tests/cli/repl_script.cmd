# REPL without a terminal: a piped session, read FILE, -c; errors say FILE:LINE: and the exit
# code is 1 when any command failed.
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
ln -s "$PWD/scenarios" "$w/scenarios"; ln -s "$PWD/rules" "$w/rules"; cd "$w"
cat > setup.txt <<'TXT'
-- a session file: commands and Lua, one input per line
load scenarios/default.lua
set services.fph.fte 5
set services.fph.nope 1
read inner.txt
= model.services.fph.fte
TXT
cat > inner.txt <<'TXT'
= "inside inner.txt"
show nothing
TXT
cat > loop.txt <<'TXT'
read loop.txt
TXT
cat > quits.txt <<'TXT'
= "before quit"
quit
= "never printed"
TXT
echo "== a clean session exits 0"
printf 'load scenarios/default.lua\n= model.services.hs.fte\n' | samsim repl; echo "exit code $?"
echo "== read, with errors in both files"
printf 'read setup.txt\n= "after read"\nread missing.txt\n' | samsim repl; echo "exit code $?"
echo "== read reading itself"
samsim repl -c 'read loop.txt' 2>&1 | tail -3; echo "exit code ${PIPESTATUS[0]}"
echo "== quit inside a file stops everything"
printf 'read quits.txt\n= "after"\n' | samsim repl; echo "exit code $?"
echo "== -c, several"
samsim repl scenarios/default.lua -c 'set services.fph.fte 7' -c '= model.services.fph.fte' -c 'bad ]'; echo "exit code $?"
echo "== -c, clean"
samsim repl -c '= 6 * 7'; echo "exit code $?"
echo "== a scenario that does not load, named on the command line"
samsim repl scenarios/nowhere.lua -c 'show'; echo "exit code $?"
echo "== an open quote and an unfinished chunk at the end of input"
printf "load 'scenarios/default.lua\nfor i = 1, 3 do\n" | samsim repl; echo "exit code $?"
echo "== options"
samsim repl --frobnicate; echo "exit code $?"
samsim repl a.lua b.lua; echo "exit code $?"
samsim repl -c; echo "exit code $?"
echo "== Ctrl-D (end of input) with nothing typed"
samsim repl < /dev/null; echo "exit code $?"
echo "== samsim with no arguments and no terminal still prints the help"
samsim < /dev/null > /dev/null 2>&1; echo "exit code $?"
