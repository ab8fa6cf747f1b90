rm -f /tmp/samsim-should-not-exist
samsim run tests/fixtures/rule_os_execute.lua --reps 1
code=$?
test -e /tmp/samsim-should-not-exist && echo "os.execute ran!" || echo "nothing was executed"
exit $code
