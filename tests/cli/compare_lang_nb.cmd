# samsim compare --lang nb (issue 14): the verdict and the full table in bokmål for a reviewer, with
# decimal commas, a share's interval parted by a semicolon, a space before each percent sign and
# amounts grouped by threes; the staffing warning in bokmål on stderr and in the output.  --json
# stays English for programs.  A language it does not know is refused before anything runs.
samsim compare scenarios/default.lua +scenarios/models/more-fph-staff.lua --reps 4 -q --lang nb --all > out.txt 2> err.txt; echo "exit $?"
cat err.txt
sed -n 1,5p out.txt
grep -m1 '^Vurdering' out.txt
grep -m1 'bedre på' out.txt
grep -m1 'Tilbudt individuell plan' out.txt
grep -m1 '^  Bemanning' out.txt
grep -m1 '^Alle resultater' out.txt
grep -m1 '^tjeneste' out.txt
grep -m1 '^alle *Tilbudt individuell plan' out.txt
echo "figures glued to a percent sign: $(grep -c '[0-9]%' out.txt)"
grep -m1 '^Parvis' out.txt
rm -f out.txt err.txt
samsim compare scenarios/default.lua +scenarios/models/more-fph-staff.lua --reps 2 -q --lang nb --json 2> /dev/null | jq -r '.comparisons[0].verdict.measures[0].judgement, .comparisons[0].staffing_warning // .comparisons[0].warning // empty' | head -2
samsim compare scenarios/default.lua scenarios/default.lua --lang se; echo "exit $?"
# --headline in bokmål too: the question, the models by their Norwegian names, the differences
samsim compare scenarios/default.lua +scenarios/models/more-fph-staff.lua --reps 4 -q --headline --lang nb 2> /dev/null
