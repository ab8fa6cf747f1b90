# Scenario tables that are not plain data: a boolean or fractional key, a table that contains
# itself, nesting past the limit.  Each is refused with the file and key path, by check, show
# (which prints the scenario back as Lua) and --set alike; these were SIGSEGV or aborts.
F=tests/fixtures/bad
for f in bool_key bool_key_nested float_key contains_itself deep deep_11; do
  samsim check $F/$f.lua; echo "exit $?"
done
samsim show $F/bool_key_nested.lua; echo "exit $?"
samsim show $F/contains_itself.lua; echo "exit $?"
samsim check tests/fixtures/base.lua --set 'services.treat={[true]=1}'; echo "exit $?"
samsim check tests/fixtures/base.lua --set 'x={{{{{{{{{{{{{1}}}}}}}}}}}}}'; echo "exit $?"
