# Staff totals and costs count the FTE serving the modelled population, fte x staff_share
# (issue 11, item 4): the team's 4 FTE at staff_share 0.5 are 2.0, the option's 6 are 3.0, and at
# 1,000,000 NOK per FTE the option costs +1,000,000 NOK a year (not +2,000,000 from all of fte).
F=tests/fixtures/staff_share
samsim compare $F/base.lua +$F/more-staff.lua --reps 2 -j 1 --json 2>/dev/null | jq -c '.comparisons[0].staffing'
samsim compare $F/base.lua +$F/more-staff.lua --reps 2 -j 1 --db staff.db 2>/dev/null | grep -E "FTE|Staff"
# a run's JSON, explain's header and the report read the same modelled FTE; the report's summary
# gives the FTE and the NOK beside the verdict
samsim run $F/base.lua --reps 2 -j 1 --json | jq -c '.services.team.fte'
samsim explain $F/base.lua team --reps 2 -j 1 | head -1
samsim report staff.db --out staff.html --markdown staff.md > /dev/null && grep -E "FTE serving|NOK a year|^Staff" staff.md
samsim report staff.db --lang nb --out staff.html --markdown staff.md > /dev/null && grep -E "modellerte|^Bemanning" staff.md
rm -f staff.db staff.html staff.md
