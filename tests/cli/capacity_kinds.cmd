# A capacity says what it counts (case_slots, staffed_hours, places) and a summer says what it
# cuts; a kind that is not one of them, or that does not fit the capacity's form, is refused
samsim check tests/fixtures/base.lua --set services.treat.capacity.kind=beds
samsim check tests/fixtures/base.lua --set 'services.treat.capacity={hours_per_fte_week=30, case_hours=2, kind="places"}'
samsim check tests/fixtures/base.lua --set 'services.treat.capacity={slots_per_fte=3, kind="places"}'
samsim check tests/fixtures/base.lua --set 'calendar.summer={from="07-01", to="08-09", capacity=0.5, applies_to={"beds"}}'
samsim check tests/fixtures/base.lua --set 'calendar.summer={from="07-01", to="08-09", capacity=0.5, applies_to={}}'
samsim check tests/fixtures/base.lua --set services.treat.capacity.kind=places --set 'calendar.summer={from="07-01", to="08-09", capacity=0.5, applies_to={"staffed_hours", "case_slots"}}'
