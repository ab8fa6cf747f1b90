# Trap 2, on the command line: a Norwegian decimal comma is a decimal point (10,5 runs as 10.5,
# never cut to 10 as Lua's "return 10,5" would); "1,250" could be a thousands separator and two
# values without braces are no value at all: both are refused loudly.
S=$PWD/scenarios/lorenskog/barn-unge-2021.lua
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT; cd "$w"
samsim show $S --set services.fph_barn.fte=10,5 | grep -c '^      fte = 10.5,$'
samsim run $S --reps 2 --csv --set services.fph_barn.fte=10,5 > comma.csv
samsim run $S --reps 2 --csv --set services.fph_barn.fte=10.5 > point.csv
samsim run $S --reps 2 --csv --set services.fph_barn.fte=10 > ten.csv
cmp -s comma.csv point.csv && echo "10,5 runs as 10.5"
cmp -s comma.csv ten.csv || echo "and not as 10"
samsim check $S --set services.fph_barn.fte=1,250
echo "exit code $?"
samsim check $S --set 'services.fph_barn.fte=10, 5'
echo "exit code $?"
