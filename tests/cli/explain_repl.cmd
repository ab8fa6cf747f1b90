# explain SERVICE in the REPL: of the model as it is now (it runs first when the last run is
# not of it), the same text as samsim explain; an unknown service is named with what it may be.
samsim repl --echo scenarios/lorenskog/barn-unge-2021.lua <<'SESSION'
explain fph
run 5
explain fph_barn
set services.fph_barn.fte +4
explain fph_barn
SESSION
echo "exit code $?"
