# REPL: help inside, and `samsim repl --help` outside.
samsim repl --help
samsim repl -c help -c 'help set' -c 'help chart' -c 'help sett' -c 'help set extra'
echo "exit code $?"
