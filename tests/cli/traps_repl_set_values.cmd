# Traps 2 and 7 in the REPL: a decimal comma is a decimal (10,5 is 10.5, and 'show' says 10.5);
# "+2", "-1", "*1.1" and "/2" change the number there now and say what it became; a negative
# number is written (-1).
samsim repl --echo scenarios/lorenskog/barn-unge-2021.lua <<'SESSION'
set services.fph_barn.fte 10,5
show params services.fph_barn.fte
show
set services.fph_barn.fte +2
set services.fph_barn.fte -1
set services.fph_barn.fte *1.1
set services.fph_barn.fte /2
set services.fph_barn.fte=+1,5
set services.fph_barn.fte /0
set services.fph_barn.name +2
set services.fph_barn.eligibility.ages *2
set services.fph_barn.fte 1,250
set services.fph_barn.fte (-1)
= model.services.fph_barn.fte
SESSION
echo "exit code $?"
