# The REPL's load and read refuse what is not a file of bounded size, and a piped stream with
# no line ends (this read until the kernel killed the process at 24 GB).
samsim repl -c 'load /dev/zero'; echo "exit $?"
samsim repl -c 'load tests/fixtures'; echo "exit $?"
samsim repl -c 'read /dev/zero'; echo "exit $?"
samsim repl -c 'read tests'; echo "exit $?"
samsim repl -c 'load tests/fixtures/bad/doors_list.lua'; echo "exit $?"
samsim repl -c 'load tests/fixtures/bad/bool_key_nested.lua'; echo "exit $?"
head -c 2000000 /dev/zero | samsim repl; echo "exit $?"
