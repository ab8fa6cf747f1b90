# A reason may carry a Norwegian text beside the English: { "English reason", nb = "Norsk begrunnelse" },
# wherever a reason is given (cite, assume, effect, calibrated, a rule file's parameters, a
# calibration target's what, an audit criterion's texts).  English output shows the English as
# before; --lang nb shows the Norwegian where there is one; the resolved text keeps both and reads
# back the same; the store keeps them in the stored scenario, so a Norwegian report has them.
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT; root=$(pwd)
samsim show --sources tests/fixtures/reasons/norsk.lua > $T/en.txt
samsim show --sources --lang nb tests/fixtures/reasons/norsk.lua | tee $T/nb.txt
echo "-- English register, lines that differ from the Norwegian:"
diff $T/en.txt $T/nb.txt | grep '^<' | sed 's/  */ /g'
# the resolved text writes the table form back only where there is a Norwegian text
samsim show tests/fixtures/reasons/norsk.lua | grep -n 'nb = \|rule effect' | sed 's/^ *//'
samsim show tests/fixtures/reasons/norsk.lua > $T/resolved.lua; cp -r tests/fixtures/reasons/rules $T/
samsim show --sources --lang nb $T/resolved.lua | cmp - $T/nb.txt && echo "resolved text gives the same Norwegian register"
# a scenario without Norwegian texts resolves as before
samsim show tests/fixtures/calibrated.lua | grep -c 'nb = '
# the report, from the database alone: the Norwegian texts in a Norwegian report, unmarked; the
# English in an English one; nothing left marked as English where every reason has its Norwegian
samsim run tests/fixtures/reasons/norsk.lua --reps 2 --db $T/r.db -q > /dev/null
samsim report $T/r.db --lang nb --out $T/nb.html --markdown $T/nb.md > /dev/null
samsim report $T/r.db --out $T/en.html --markdown $T/en.md > /dev/null
grep '^| `\|^| Inntaket\|^| inntaket' $T/nb.md | sed 's/  */ /g'
grep '^| `\|^| The intake\|^| the intake' $T/en.md | sed 's/  */ /g'
echo "marked lang=\"en\" in the Norwegian report: $(grep -c 'lang="en"' $T/nb.html)"
echo "English words nb_check finds in it: $(python3 tests/report/nb_check.py $T/nb.html | grep -c "^English word")"
grep -o '<td>[^<]*\(fikstur\|én sak\|saksbehandlere\|journal\)[^<]*' $T/nb.html
# explain lists a service's inputs with their reasons (the REPL's explain in Norwegian)
samsim explain tests/fixtures/reasons/norsk.lua intake | sed -n '/^inputs behind/,$p'
samsim repl tests/fixtures/reasons/norsk.lua --lang nb -c "show sources services.intake" -c "explain intake" 2>&1 | grep -i 'fikstur\|sak\|journal\|saksbeh'
# What is wrong, and where: the file and line of the call, or the key path of a criterion or target
bad() { printf 'return { extends = "%s/tests/fixtures/base.lua",\n  %s }\n' "$root" "$1" > $T/bad.lua; samsim check $T/bad.lua 2>&1 | sed "s|$T/||"; echo "exit ${PIPESTATUS[0]}"; }
bad 'services = { intake = { fte = assume(2, { nb = "to saksbehandlere" }) } }'
bad 'services = { intake = { fte = cite(2, { "two officers", nb = 2 }) } }'
bad 'services = { intake = { fte = effect(2, { "two officers", nb = "" }) } }'
bad 'services = { intake = { fte = assume(2, { "two officers", en = "two officers" }) } }'
bad 'services = { intake = { fte = assume(2, { "two officers", "to saksbehandlere" }) } }'
bad 'services = { intake = { fte = calibrated(2, "t", { 2, nb = "to" }) } }'
bad 'services = { intake = { fte = assume(2, true) } }'
bad 'audit = { a = { text = { nb = "Kommunen skal" }, source = "s L1", not_simulated = "a fact" } }'
bad 'audit = { a = { text = "The municipality shall", source = "s L1", not_simulated = { "a fact", nb = false } } }'
bad 'calibration = { targets = { t = { what = { "x", nb = "y", extra = 1 }, metric = "accepted", value = cite(60, "s L1"), tolerance = 0.2, from = "2021-04-01", to = "2021-05-01" } } }'
# in a rule file's parameters: the rule file's line
mkdir -p $T/rules; printf 'local P = parameters {\n  share = assume(0.3, { nb = "andel" }),\n}\nreturn function() return "treat" end\n' > $T/rules/r.lua
bad 'services = { intake = { next = "rules/r.lua" } }'
# check --strict warns, without failing, when some reasons have a Norwegian text and others do not
samsim check --strict tests/fixtures/reasons/partly.lua; echo "exit $?"
samsim check --strict tests/fixtures/reasons/norsk.lua > /dev/null; echo "all in Norwegian: exit $?"
samsim check --strict tests/fixtures/ranges/ranged.lua > /dev/null; echo "all in English: exit $?"
# a described model's description may be given in both languages too, and an overlay that builds a
# reason from the baseline's reads both of its texts (tag.text, tag.nb): a Norwegian comparison
# report has its description, its effect and its changed reasons in Norwegian, nothing marked English
samsim compare tests/fixtures/reasons/norsk.lua tests/fixtures/reasons/norsk.lua+tests/fixtures/reasons/team.lua --reps 2 --db $T/c.db -q > /dev/null 2>&1
samsim report $T/c.db --lang nb --out $T/c.html --markdown $T/c.md > /dev/null
grep '^- \*\*B:\|^- `services.treat' $T/c.md
echo "marked lang=\"en\": $(grep -c 'lang="en"' $T/c.html); English words: $(python3 tests/report/nb_check.py $T/c.html | grep -c '^English word')"
samsim show tests/fixtures/reasons/norsk.lua --apply tests/fixtures/reasons/team.lua | grep '^-- model'
