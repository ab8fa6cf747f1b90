# A list where a table keyed by id is expected gets a clear error naming the file and key path
# (these were a double free or SIGSEGV in the scenario reader).
F=tests/fixtures/bad
for f in doors_list population_list sectors_list units_list buildings_list services_list by_need_number; do
  samsim check $F/$f.lua; echo "exit $?"
done
