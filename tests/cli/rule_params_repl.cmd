# The REPL's set reaches the rule files' parameters as any other value: the new value is shown
# beside the old, the register lists it, and a name that does not exist is named with the nearest.
samsim repl --echo tests/fixtures/rule_params.lua <<'SESSION'
set parameters.shares.share_on 0.5
set parameters.shares.share_on * 2
set parameters.shares.share 0.5
show sources
SESSION
echo "exit code $?"
