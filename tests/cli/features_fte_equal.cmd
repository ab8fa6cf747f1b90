# An organisational model keeps total FTE unless it says it adds capacity.
samsim check tests/fixtures/features.lua --apply tests/fixtures/models/more-staff.lua; echo "exit $?"
samsim check tests/fixtures/features.lua --apply tests/fixtures/models/more-staff-declared.lua > /dev/null; echo "exit $?"
samsim check tests/fixtures/features.lua --apply tests/fixtures/models/one-building.lua > /dev/null; echo "exit $?"
