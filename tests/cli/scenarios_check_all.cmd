# Every baseline, and every organisational model on each baseline it fits, passes samsim check
# with no number lacking a source or an assumption.
L21=scenarios/lorenskog/barn-unge-2021.lua
L15=scenarios/lorenskog/voksne-2015.lua
K20=scenarios/klepp/rusomsorg-2020.lua
check() { out=$(samsim check "$@" 2>&1); code=$?; printf '%s (exit %d)\n' "$(printf '%s' "$out" | sed 's/: ok: .*; \([0-9]*\) numbers without a source/: ok, \1 numbers without a source/')" $code; }
for b in scenarios/default.lua $L21 $L15 $K20; do check $b; done
for o in familiens-hus one-door-resource-teams one-leader-one-building stationed-in-schools bti-ladder meet-more-often digital-platform welfare-lab; do
  check $L21 --apply scenarios/models/$o.lua
done
for o in digital-platform welfare-lab; do check $L15 --apply scenarios/models/$o.lua; check $K20 --apply scenarios/models/$o.lua; done
check scenarios/default.lua --apply scenarios/models/meet-more-often.lua
check scenarios/default.lua --apply scenarios/models/fph-staff-from-school-nurses.lua
check scenarios/default.lua --apply scenarios/models/more-fph-staff.lua
# Stangehjelpa, both readings of seed-002 L39/L41: barnevern outside, and inside the virksomhet
check $L21 --apply scenarios/models/stangehjelpa.lua
check $L21 --apply scenarios/models/stangehjelpa.lua --apply scenarios/models/stangehjelpa-barnevern.lua
# a model applied to a baseline it does not fit says so
check $K20 --apply scenarios/models/familiens-hus.lua
check $L21 --apply scenarios/models/more-fph-staff.lua
check $L21 --apply scenarios/models/stangehjelpa-barnevern.lua
