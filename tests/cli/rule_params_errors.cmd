# A rule parameter that does not exist is named with the nearest that does; a value that is not a
# number, a declaration without a source, two declarations, and a rule that reads a name it did
# not declare or writes one are refused with the file and line.
samsim run tests/fixtures/rule_params.lua --reps 1 --set parameters.shares.share=0.5; echo "exit $?"
samsim run tests/fixtures/rule_params.lua --reps 1 --set parameters.share.share_on=0.5; echo "exit $?"
samsim run tests/fixtures/rule_params.lua --reps 1 --set parameters.shares.share_on=lots; echo "exit $?"
samsim run tests/fixtures/rule_params.lua --reps 1 --set parameters.shares=0.5; echo "exit $?"
samsim show scenarios/validation/mmc.lua --set parameters.shares.share_on=0.5; echo "exit $?"
samsim run tests/fixtures/rule_param_typo.lua --reps 1 > /dev/null; echo "exit $?"
samsim run tests/fixtures/rule_param_bare.lua --reps 1; echo "exit $?"
samsim run tests/fixtures/rule_param_twice.lua --reps 1; echo "exit $?"
samsim run tests/fixtures/rule_param_write.lua --reps 1 > /dev/null; echo "exit $?"
