# A described model's name and description, a scenario's description and an audit criterion's legal
# basis may carry a Norwegian text beside the English too ({ "English", nb = "Norsk" }, as reasons
# do): the resolved text's header keeps both ("-- model nb:", "-- model description nb:"), so the
# report and the REPL's verdict read them back; English output is as before.
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT; root=$(pwd)
samsim show tests/fixtures/reasons/described.lua --apply tests/fixtures/reasons/more-therapists.lua | grep '^-- model'
# a model without a Norwegian name keeps its English one in a Norwegian list of names
printf 'return { model = "Plain", apply = function(s) return s end }\n' > $T/plain.lua
samsim compare tests/fixtures/reasons/described.lua +tests/fixtures/reasons/more-therapists.lua "+$T/plain.lua+tests/fixtures/reasons/more-therapists.lua" \
  --reps 2 --db $T/r.db -q > /dev/null 2>&1
samsim report $T/r.db --lang nb --out $T/nb.html --markdown $T/nb.md > /dev/null
samsim report $T/r.db --out $T/en.html --markdown $T/en.md > /dev/null
grep '^- \*\*[ABC]:\|organiseres som i\|Inntaket svarer' $T/nb.md | sort -u
grep '^- \*\*[ABC]:\|organised as in\|The intake answers' $T/en.md | sort -u
echo "marked lang=\"en\" in the Norwegian report: $(grep -c 'lang="en"' $T/nb.html)"
samsim repl tests/fixtures/reasons/described.lua --lang nb -c "apply tests/fixtures/reasons/more-therapists.lua" -c "compare" 2>&1 | sed -n '5,8p'
samsim repl tests/fixtures/reasons/described.lua -c "apply tests/fixtures/reasons/more-therapists.lua" -c "compare" 2>&1 | sed -n '5,8p'
# a malformed name or description stops loading with the overlay's file and what was expected
bad() { printf 'return { %s, apply = function(s) return s end }\n' "$1" > $T/bad.lua; samsim check tests/fixtures/base.lua --apply $T/bad.lua 2>&1 | sed "s|$T/||"; echo "exit ${PIPESTATUS[0]}"; }
bad 'model = { "Name", nb = 2 }'
bad 'model = "Name", description = { "About", no = "Om" }'
