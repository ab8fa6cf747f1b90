# An organisational model names the baselines it is written for (applies_to, relative to the
# overlay); a baseline fits when it, or a file it extends, is one of them; elsewhere the overlay
# is refused with the reason it gives.
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT; root=$(pwd)
samsim check tests/fixtures/base.lua --apply tests/fixtures/models/shared-record.lua
samsim check tests/fixtures/calibrated.lua --apply tests/fixtures/models/shared-record.lua
samsim check tests/fixtures/features.lua --apply tests/fixtures/models/shared-record.lua; echo "exit $?"
(cd tests && samsim check fixtures/features.lua --apply ../tests/fixtures/models/shared-record.lua); echo "exit $?"
# The README's examples (issue 11 item 13) are written for the default scenario and Lørenskog
# (2021: one more FTE in each FPH team, the school nurses' two to the child team; 2015: fph), and
# refused with the reason elsewhere.  The README's compare line works with Lørenskog in place of
# the default scenario: +models/x.lua is found in the scenarios' models folder.
for s in scenarios/default.lua scenarios/lorenskog/barn-unge-2021.lua scenarios/lorenskog/voksne-2015.lua; do
  for o in more-fph-staff fph-staff-from-school-nurses; do
    samsim show --sources $s --apply scenarios/models/$o.lua 2>&1 | grep "^services\.[a-z_]*\.fte .*option under review\|applies to" | sed 's/  */ /g'
  done
done
samsim check scenarios/klepp/rusomsorg-2020.lua --apply scenarios/models/more-fph-staff.lua; echo "exit $?"
samsim compare scenarios/lorenskog/barn-unge-2021.lua +models/more-fph-staff.lua +models/fph-staff-from-school-nurses.lua --reps 2 2>/dev/null | sed -n '/^Comparison/p;/^  [ABC] /p;/^Warning/p'
echo "exit ${PIPESTATUS[0]}"
# Wrong applies_to
over() { printf 'return { model = "m", description = "d", %s, data = {} }\n' "$1" > $T/m.lua; samsim check tests/fixtures/base.lua --apply $T/m.lua 2>&1 | sed "s|$T/||g; s|$root/||g"; echo "exit ${PIPESTATUS[0]}"; }
over 'applies_to = "base.lua"'
over 'applies_to = {}'
over 'applies_to = { 3 }'
over 'applies_to = { "no-such-baseline.lua" }'
over "applies_to = { \"$root/tests/fixtures/features.lua\", \"$root/scenarios/default.lua\", \"$root/tests/fixtures/base.lua\" }"
over "applies_to = { \"$root/tests/fixtures/features.lua\", \"$root/scenarios/default.lua\" }"
# The effect the overlay assumes is in the register, with its kind
samsim show --sources tests/fixtures/base.lua --apply tests/fixtures/models/shared-record.lua | grep ' effect '
# and the REPL's save writes it back as effect()
printf 'return { extends = "%s/tests/fixtures/base.lua" }\n' "$root" > $T/mine.lua
samsim repl $T/mine.lua -c "apply tests/fixtures/models/shared-record.lua" -c "save $T/saved.lua" > /dev/null
grep -o 'effect(.*)' $T/saved.lua
# An overlay loaded as if it were a scenario is named as such, with the baseline to apply it to
samsim show scenarios/models/bti-ladder.lua; echo "exit $?"
samsim run tests/fixtures/models/shared-record.lua; echo "exit $?"
# Several unknown keys: the first in byte order is named, the same on every run
printf 'return { zz_last = 1, aa_first = 2, mm_middle = 3 }\n' > $T/keys.lua
for i in 1 2 3; do samsim check $T/keys.lua 2>&1 | sed "s|$T/||g; s|(expected.*||"; done
