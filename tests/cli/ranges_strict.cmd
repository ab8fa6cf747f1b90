# check --strict: a calibrated number or an effect without a range fails, naming each (and a tag on
# a whole table, which cannot carry one); with ranges it passes; without --strict both pass.
# (a reason without its Norwegian text is warned about too; tests/cli/reasons_nb.cmd checks that)
strict() { local e rc; e=$(mktemp); samsim check --strict "$@" 2>"$e"; rc=$?; grep -v 'Norwegian text' "$e" >&2; rm -f "$e"; return $rc; }
strict tests/fixtures/ranges/unranged.lua; echo "exit $?"
samsim check tests/fixtures/ranges/unranged.lua; echo "exit $?"
strict tests/fixtures/ranges/ranged.lua; echo "exit $?"
# The municipal scenarios and the overlays that declare effects carry their ranges.
for s in scenarios/lorenskog/barn-unge-2021.lua scenarios/lorenskog/voksne-2015.lua scenarios/klepp/rusomsorg-2020.lua scenarios/default.lua; do
  strict "$s" > /dev/null; echo "$s: exit $?"
done
for m in bti-ladder digital-platform one-door-resource-teams familiens-hus; do
  strict scenarios/lorenskog/barn-unge-2021.lua --apply scenarios/models/$m.lua > /dev/null; echo "$m: exit $?"
done
strict scenarios/lorenskog/voksne-2015.lua --apply scenarios/models/digital-platform.lua > /dev/null; echo "voksne-2015 + digital-platform: exit $?"
# The specialist waits outside the model (BUP, DPS, TSB) vary by their longest wait, whose range
# gives the mean the national figures give (EXTERNAL: BUP 45-60 days, DPS 40-50, TSB about a month).
for s in scenarios/lorenskog/barn-unge-2021.lua scenarios/lorenskog/voksne-2015.lua scenarios/klepp/rusomsorg-2020.lua; do
  samsim show --sources "$s" | grep -o '^services\.[a-z]*\.external_wait\.max .*\[range [0-9 to]*\]$' | sed -E 's/ +[0-9]+ +assumption .*(\[range)/ \1/; s#^#'"${s##*/}"': #'
done
