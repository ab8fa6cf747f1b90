# samsim audit --lang nb (issue 14): the criteria in bokmål where the scenario gives them beside the
# English (text, legal basis, why not simulated, what the audit found), the words (oppfylt, ikke
# oppfylt, uavklart; minst/høyst; revisjonen fant) and the figures with decimal commas and a space
# before the percent sign; --json stays English for programs.
samsim audit scenarios/lorenskog/voksne-2015.lua --reps 3 -j 2 --lang nb
samsim audit tests/fixtures/audit_mmc.lua --reps 8 -j 2 --lang nb | grep -A3 "^wait_"
samsim audit scenarios/lorenskog/voksne-2015.lua --reps 2 -j 2 --lang nb --json | jq -r '.criteria[0].finding, .criteria[8].law'
# an option by its Norwegian name
samsim audit scenarios/lorenskog/barn-unge-2021.lua +models/stationed-in-schools.lua --reps 2 -j 2 --lang nb | sed -n 3,4p
