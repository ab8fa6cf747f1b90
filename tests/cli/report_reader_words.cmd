# The report in a reader's words (issue 14).  A Norwegian report reads as Norwegian: tests/report/nb_check.py scans the text of the
# HTML (outside code, file paths, and what the scenarios' authors wrote in English, which the
# report marks lang="en") for English words and for figures with a decimal point.  Lørenskog 2021
# against Familiens hus, the README's comparison.  The English report fails the same check.
T=$(mktemp -d)
samsim compare scenarios/lorenskog/barn-unge-2021.lua +scenarios/models/familiens-hus.lua --reps 3 --seed 1 --db $T/r.db -q > /dev/null 2>&1
(cd $T && samsim report r.db --lang nb --out nb.html > /dev/null && samsim report r.db --out en.html > /dev/null)
python3 tests/report/nb_check.py $T/nb.html; echo "exit $?"
python3 tests/report/nb_check.py $T/en.html > /dev/null; echo "the English report: exit $?"
# what each model changes, in words and with decimal commas; the rule files only one model uses
grep -o 'andel av tiden til enkeltsaker</td><td>0,25</td><td>0,224</td>' $T/nb.html
grep -o 'Regelfiler og funksjoner bare B bruker: rules/common/triage.lua.' $T/nb.html
grep -o 'share of staff time for individual cases</td><td>0.25</td><td>0.224</td>' $T/en.html
grep -o 'Rule files and functions only B uses: rules/common/triage.lua. Rule files and functions only A uses: rules/lorenskog/bu_meeting.lua.' $T/en.html
# queue charts only where a queue builds; the other services named in one line
grep -o 'Not drawn, as no queue builds there (under half a case waiting on average, in every model): [^.]*' $T/en.html | cut -c1-140
sed -n '/<section id="fig-queues"/,/<\/section>/p' $T/en.html | grep -o '<figure' | wc -l
# the charts' captions say what to see in this run, from the data (issue 14): the largest flow and
# where most people are lost, the duties against the auditors' dashed lines, each service's waits
grep -o '<figcaption>The largest flow: [^<]*' $T/en.html
grep -o '<figcaption>Den største strømmen: [^<]*' $T/nb.html
grep -o '<figcaption>Dashed: [^<]*' $T/en.html
grep -o '<figcaption>Stiplet: [^<]*' $T/nb.html
grep -o '<figcaption>Decisions within the time limit: [^<]*' $T/en.html
grep -o '<figcaption>BUP (Ahus): [^<]*' $T/nb.html
echo "the auditors' line drawn (dashed, dark): $(sed -n '/<section id="fig-compliance"/,/<\/section>/p' $T/en.html | grep -c "<path stroke='rgb( 51,  51,  51)' stroke-dasharray")"
# doors and units by their names in what each model changes, not by their ids
grep -o 'door “Skolehelsetjenesten / helsesykepleier”: organisational unit</td><td>[^<]*</td><td>[^<]*</td>' $T/en.html
grep -o 'inngang «Skolehelsetjenesten / helsesykepleier»: organisatorisk enhet</td><td>[^<]*</td><td>[^<]*</td>' $T/nb.html
grep -o 'Barneverntjenesten: undersøkelse: organisatorisk enhet</td><td>[^<]*</td><td>[^<]*</td>' $T/nb.html
# Norwegian: a no-break space before a percent sign (nb_check above finds none glued); one word for
# the warm-up; the audit's indicators in words
grep -o 'oppfylt: [0-9]*,[0-9].%' $T/nb.html | head -1 | od -An -c | tr -s ' ' | head -2
echo "oppvarming or innsvingingsperiode: $(grep -ci 'oppvarm\|innsving' $T/nb.html); innkjøring: $(grep -c 'innkjøring' $T/nb.html)"
grep -o 'Tilbudt individuell plan, minst 80 %' $T/nb.html | head -1
# the first page: the effect assumption a verdict may rest on in words before its key; the Markdown
# opens with the summary (as the HTML does), and section 1 follows it without repeating the question first
grep -o '<li>rule parameter triage: share routed right the first time <code>parameters.triage.right_first_time</code>' $T/en.html
grep '^## ' $T/nb.md | head -2
rm -rf "$T"
