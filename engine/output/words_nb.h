/* words_nb.h: {English, Norwegian bokmål} for every text people read in the REPL, the results
 * table and `explain` (included by words.c; tests/checks/words.py keeps it complete). */

/* ---- what ids name; units; the metric tables (results.c): label, unit, description ---- */
{"service", "tjeneste"},
{"door", "dør"},
{"cohort", "kohort"},
{"sector", "sektor"},
{"unit", "enhet"},
{"count", "antall"},
{"days", "dager"},
{"share", "andel"},
{"cases", "saker"},
{"cases per FTE", "saker per årsverk"},
{"persons", "personer"},
{"services per person", "tjenester per person"},
{"hand-offs per person", "overganger per person"},
{"bounces per person", "returer per person"},
{"per person", "per person"},
{"hours", "timer"},
{"arrivals", "henvist"},
{"referrals that reached the service", "henvisninger som kom fram til tjenesten"},
{"accepted", "tatt imot"},
{"referrals accepted (eligible, or accepted by the rule)", "henvisninger som ble tatt imot (har rett, eller tatt imot etter regelen)"},
{"rejected", "avvist"},
{"referrals rejected (the person leaves, or is sent back)", "henvisninger som ble avvist (personen går, eller sendes tilbake)"},
{"redirected", "videresendt"},
{"referrals sent on to another service at intake", "henvisninger sendt videre til en annen tjeneste ved inntak"},
{"admitted", "første kontakt"},
{"cases that got first contact (left the queue)", "saker som fikk første kontakt (gikk ut av køen)"},
{"completed", "avsluttet"},
{"episodes completed", "avsluttede forløp"},
{"wait days", "ventedager"},
{"mean days from the referral reaching the service to first contact (a decision meeting included), for those who got it: the wait of those helped (queue_time_mean counts everyone)", "gjennomsnittlig antall dager fra henvisningen kom fram til første kontakt (et vedtaksmøte medregnet), for dem som fikk den: ventetiden for dem som fikk hjelp (queue_time_mean teller alle)"},
{"wait med", "vent median"},
{"median of the same", "medianen av det samme"},
{"wait p90", "vent p90"},
{"90th percentile of the same", "90-persentilen av det samme"},
{"wait max", "vent maks"},
{"longest of the same", "lengste av det samme"},
{"over tgt %", "over mål %"},
{"share of first contacts that waited longer than the target", "andel første kontakter som ventet lenger enn målet"},
{"queue", "kø"},
{"time-average number of referrals waiting for first contact (or for a decision meeting)", "tidsgjennomsnitt av antall henvisninger som venter på første kontakt (eller på et vedtaksmøte)"},
{"queue end", "kø ved slutt"},
{"number of cases waiting at the end of the horizon", "antall saker som venter ved slutten av perioden"},
{"queue trend", "køtrend"},
{"change per month", "endring per måned"},
{"how fast the queue still grows (+) or shrinks (-) over the measured window, cases a month: the least-squares slope of queue length on time, or with seasons the change of the window's mean from a year earlier (trend.c); 0 in a steady state",
 "hvor fort køen fortsatt vokser (+) eller krymper (-) over måleperioden, saker per måned: stigningstallet (minste kvadraters metode) for kølengde mot tid, eller med sesonger endringen i periodens gjennomsnitt fra et år før (trend.c); 0 i en stabil tilstand"},
{"caseload", "saksmengde"},
{"time-average number of open cases (in intake or episode)", "tidsgjennomsnitt av antall åpne saker (i inntak eller forløp)"},
{"cases/FTE", "saker/årsverk"},
{"time-average caseload divided by the FTE serving the modelled population (fte x staff_share; all of fte when the service serves no one else)",
 "tidsgjennomsnittlig saksmengde delt på årsverkene som betjener den modellerte befolkningen (fte x staff_share; alle årsverk når tjenesten ikke betjener andre)"},
{"util %", "utnyttet %"},
{"share of the capacity in force (case slots, staffed hours or places, after any summer cut that applies to them) that is in use, time-averaged; never above 100 %", "andelen av gjeldende kapasitet (saksplasser, bemannede timer eller plasser, etter et sommerkutt som gjelder dem) som er i bruk, tidsgjennomsnitt; aldri over 100 %"},
{"over cap %", "over kap. %"},
{"cases carried above the capacity in force (open when a summer cut came, or one case larger than the whole service), as a share of that capacity, time-averaged", "saker utover gjeldende kapasitet (åpne da et sommerkutt kom, eller én sak større enn hele tjenesten), som andel av den kapasiteten, tidsgjennomsnitt"},
{"joined", "satt i kø"},
{"referrals that joined the queue: accepted, or waiting for the service's decision meeting", "henvisninger som kom i kø: tatt imot, eller venter på tjenestens vedtaksmøte"},
{"in queue", "i kø"},
{"mean days in the queue of everyone who left it in the measured period, with first contact or without (escalated, at an age boundary, turned away at the decision meeting); queue_mean = joined per day x this (Little's law)", "gjennomsnittlig antall dager i kø for alle som gikk ut av den i måleperioden, med eller uten første kontakt (henvist videre, ved en aldersgrense, avvist i vedtaksmøtet); queue_mean = satt i kø per dag x dette (Littles lov)"},
{"in queue max", "i kø maks"},
{"left queue", "ut av kø"},
{"persons who left the queue without first contact: escalated, left_queue_at_age and left_queue_turned_away together", "personer som gikk ut av køen uten første kontakt: escalated, left_queue_at_age og left_queue_turned_away til sammen"},
{"turned away", "avvist"},
{"persons turned away (rejected or sent on) by the decision meeting they had waited for", "personer avvist (eller sendt videre) av vedtaksmøtet de ventet på"},
{"left at age", "ut ved alder"},
{"persons taken out of the queue at an age boundary (moved to another service, or discharged)", "personer tatt ut av køen ved en aldersgrense (flyttet til en annen tjeneste, eller avsluttet)"},
{"persons who left the system in the measured period, whenever they came (in_system_start + persons + relapses - exited = in_system_end)", "personer som gikk ut av tjenestene i måleperioden, uansett når de kom (in_system_start + persons + relapses - exited = in_system_end)"},
{"mean days from the concern to leaving, over the stays completed in the measured period (stays still going at the end are censored: time_in_system_censored_mean)", "gjennomsnittlig antall dager fra bekymringen til de gikk ut, for oppholdene som ble avsluttet i måleperioden (opphold som pågår ved slutten er sensurert: time_in_system_censored_mean)"},
{"90th percentile of the same completed stays", "90-persentilen av de samme avsluttede oppholdene"},
{"in system at start", "i tjenestene ved start"},
{"persons in the system when the measured period began (after warm-up)", "personer i tjenestene da måleperioden begynte (etter innkjøringsperioden)"},
{"censored stays", "sensurerte opphold"},
{"mean days so far of the persons still in the system at the end: stays cut by the horizon (censored), kept apart from the completed stays", "gjennomsnittlig antall dager så langt for personene som fortsatt er i tjenestene ved slutten: opphold kuttet av tidshorisonten (sensurert), holdt atskilt fra de avsluttede"},
{"bounces", "returer"},
{"referrals sent back: not eligible (wrong door) or rejected at a hand-off", "henvisninger sendt tilbake: uten rett (feil dør) eller avvist i en overgang"},
{"reassessed", "vurdert på nytt"},
{"assessments repeated because information was lost at a hand-off", "vurderinger gjort på nytt fordi opplysninger gikk tapt i en overgang"},
{"lost", "falt ut"},
{"persons lost on their way to this service", "personer som falt ut på veien til denne tjenesten"},
{"in time %", "i tide %"},
{"share of decisions (episodes) done within decision_limit_days of the referral", "andel vedtak (forløp) gjort innen decision_limit_days etter henvisningen"},
{"interim letters", "foreløpige svar"},
{"decisions later than decision_limit_days: an interim letter was due", "vedtak senere enn decision_limit_days: et foreløpig svar skulle vært sendt"},
{"worsened", "ble verre"},
{"persons whose severity rose while waiting untreated", "personer som ble sykere mens de ventet uten behandling"},
{"escalated", "sendt videre"},
{"persons referred on (escalate_to) because they grew too ill while waiting", "personer henvist videre (escalate_to) fordi de ble for syke mens de ventet"},
{"persons arrived", "personer kommet"},
{"persons whose first concern arrived after warm-up", "personer der første bekymring kom etter innkjøringsperioden"},
{"persons exited", "personer gått ut"},
{"persons who left the system", "personer som gikk ut av tjenestene"},
{"time in system", "tid i tjenestene"},
{"mean days from first concern to leaving, for those who left", "gjennomsnittlig antall dager fra første bekymring til de gikk ut, for dem som gikk ut"},
{"time in system p90", "tid i tjenestene p90"},
{"90th percentile of days from first concern to leaving", "90-persentilen av dager fra første bekymring til de gikk ut"},
{"services visited", "tjenester brukt"},
{"distinct services a person who left had been referred to", "ulike tjenester en person som gikk ut hadde vært henvist til"},
{"hand-offs", "overganger"},
{"transitions between services, per person who left", "overganger mellom tjenester, per person som gikk ut"},
{"rejections", "avvisninger"},
{"referrals rejected anywhere", "henvisninger avvist, i alle tjenester"},
{"in system at end", "i tjenestene ved slutt"},
{"persons still in the system at the end of the horizon", "personer som fortsatt er i tjenestene ved slutten av perioden"},
{"to first help", "til første hjelp"},
{"mean days from first concern to first contact with any service", "gjennomsnittlig antall dager fra første bekymring til første kontakt med en tjeneste"},
{"to right help", "til riktig hjelp"},
{"mean days from first concern to first contact with the service that discharged them", "gjennomsnittlig antall dager fra første bekymring til første kontakt med tjenesten som avsluttet saken"},
{"referrals sent back, per person who left", "henvisninger sendt tilbake, per person som gikk ut"},
{"repeated assessments", "gjentatte vurderinger"},
{"assessments repeated after information was lost, per person who left", "vurderinger gjort på nytt etter at opplysninger gikk tapt, per person som gikk ut"},
{"lost at a transition", "falt ut i en overgang"},
{"persons who never arrived at the next service, or gave up after max_bounces", "personer som aldri kom fram til neste tjeneste, eller ga opp etter max_bounces"},
{"lost at an age boundary", "falt ut ved en aldersgrense"},
{"persons discharged at an age boundary while still waiting or in care", "personer avsluttet ved en aldersgrense mens de ventet eller fikk hjelp"},
{"hand-offs in a unit", "overganger i en enhet"},
{"hand-offs within one unit (or under one leader)", "overganger innen én enhet (eller under én leder)"},
{"hand-offs in a sector", "overganger i en sektor"},
{"hand-offs between units of one sector", "overganger mellom enheter i én sektor"},
{"hand-offs across sectors", "overganger mellom sektorer"},
{"hand-offs between sectors of the municipality", "overganger mellom kommunens sektorer"},
{"hand-offs outside", "overganger ut av kommunen"},
{"hand-offs to or from services outside the municipality", "overganger til eller fra tjenester utenfor kommunen"},
{"wait for meeting", "venter på møte"},
{"mean days a concern waited at a door for the meeting that decided it", "gjennomsnittlig antall dager en bekymring ventet ved en dør på møtet som avgjorde den"},
{"at first meeting", "i første møte"},
{"share of concerns at meeting doors decided at the first meeting after they arose", "andel bekymringer ved møtedører som ble avgjort i første møte etter at de oppsto"},
{"entitled to a plan", "rett til plan"},
{"persons with long-term and complex needs (individual plan and coordinator, hol. 7-1, 7-2)", "personer med langvarige og sammensatte behov (individuell plan og koordinator, hol. 7-1, 7-2)"},
{"offered a plan", "tilbudt plan"},
{"share of the entitled offered an individual plan", "andel med rett som ble tilbudt individuell plan"},
{"given a coordinator", "fått koordinator"},
{"share of the entitled who got a coordinator", "andel med rett som fikk koordinator"},
{"time to coordinator", "tid til koordinator"},
{"mean days from entitlement to a coordinator", "gjennomsnittlig antall dager fra rett til koordinator"},
{"cases per coordinator", "saker per koordinator"},
{"time-average cases per coordinator", "tidsgjennomsnitt av saker per koordinator"},
{"ansvarsgruppe hours", "timer i ansvarsgrupper"},
{"staff hours spent in responsibility-group meetings", "ansattes timer i ansvarsgruppemøter"},
{"relapses", "tilbakefall"},
{"discharged persons who came back", "avsluttede personer som kom tilbake"},
{"children given a barnekoordinator", "barn som fikk barnekoordinator"},
{"of children entitled to a barnekoordinator (hol. 7-2 a), the share who got a coordinator", "av barn med rett til barnekoordinator (hol. 7-2 a), andelen som fikk koordinator"},
{"accepted a plan", "takket ja til plan"},
{"share of the entitled who accepted an individual plan (it needs consent and may be declined)", "andelen med rett som takket ja til individuell plan (den krever samtykke og kan avslås)"},
{"coordinator, no plan", "koordinator uten plan"},
{"of the entitled without an individual plan (declined, or never offered one), the share who got a coordinator (hol. 7-2: offered even when the plan is declined)", "av dem med rett som ikke har individuell plan (takket nei, eller fikk aldri tilbud), andelen som fikk koordinator (hol. 7-2: tilbys selv om planen avslås)"},
{"children entitled", "barn med rett"},
{"children entitled to a barnekoordinator (hol. 7-2 a, from 1 August 2022)", "barn med rett til barnekoordinator (hol. 7-2 a, fra 1. august 2022)"},

/* ---- the results table (output.c) ---- */
{"System", "Hele systemet"},
{"Scenario      %s\n", "Scenario      %s\n"},
{"File          %s\n", "Fil           %s\n"},
{"Replications  %d, seed %" PRIu64 "\n", "Replikasjoner %d, frø %" PRIu64 "\n"},
{"Replications  %d of %d, seed %" PRIu64 "\n", "Replikasjoner %d av %d, frø %" PRIu64 "\n"},
{"Period        from %s, %g days, of which %g days warm-up (not counted)\n", "Periode       fra %s, %g dager, av dem %g dager innkjøring (ikke talt med)\n"},
{"Warning: no steady state\n", "Advarsel: ingen stabil tilstand\n"},
{"over the measured period", "i den målte perioden"},
{"over %.4s", "i %.4s"},
{"over %s to %s", "fra %s til %s"},
{"%s: queue still growing (%+.1f a month %s); lengthen the warm-up or check that demand does not exceed capacity",
 "%s: køen vokser fortsatt (%+.1f i måneden %s); forleng innkjøringsperioden eller sjekk at etterspørselen ikke er større enn kapasiteten"},
{"%s: queue still growing (%+.1f a month %s) with the demand surge %s in this window: its figures are a moment in a changing queue, not a steady state",
 "%s: køen vokser fortsatt (%+.1f i måneden %s) med etterspørselstoppen %s i dette vinduet: tallene er et øyeblikk i en kø som endrer seg, ikke en stabil tilstand"},
{"%s: queue still shrinking (%+.1f a month %s) with the demand surge %s in this window: its figures are a moment in a changing queue, not a steady state",
 "%s: køen krymper fortsatt (%+.1f i måneden %s) med etterspørselstoppen %s i dette vinduet: tallene er et øyeblikk i en kø som endrer seg, ikke en stabil tilstand"},
{"%s: queue still shrinking (%+.1f a month %s); lengthen the warm-up (the queue has not settled since the start or a change)",
 "%s: køen krymper fortsatt (%+.1f i måneden %s); forleng innkjøringsperioden (køen har ikke funnet sitt nivå etter starten eller en endring)"},
{"Figures are means over replications; \u00b1 is half the width of the 95 % confidence interval\n(on the log scale, or the logit scale for shares, so it stays within the figure's range;\nJSON and CSV give its ends).\n\n",
 "Tallene er gjennomsnitt over replikasjonene; \u00b1 er halve bredden av 95 %-konfidensintervallet\n(på logaritmisk skala, eller logit-skala for andeler, så det holder seg innenfor tallets mulige verdier;\nJSON og CSV gir endepunktene).\n\n"},

/* ---- explain (explain.c) ---- */
{" days", " dager"},
{"  wait              %s on average, p90 %s", "  ventetid          %s i snitt, p90 %s"},
{"; %s over the target of %.0f days", "; %s over målet på %.0f dager"},
{"  demand            %s a year accepted into the queue\n", "  etterspørsel      %s i året tatt inn i køen\n"},
{"  capacity          about %s a year at full use (%s first contacts a year made)\n", "  kapasitet         omkring %s i året ved full bruk (%s første kontakter i året gjort)\n"},
{"  capacity          unlimited (%s first contacts a year made)\n", "  kapasitet         ubegrenset (%s første kontakter i året gjort)\n"},
{"  demand/capacity   %s\n", "  etterspørsel/kap. %s\n"},
{"  busy              %s of the capacity in use, on average\n", "  i bruk            %s av kapasiteten i bruk, i snitt\n"},
{"  left the queue    %s a year grew too ill while waiting and went elsewhere (%s of those accepted)\n", "  gikk ut av køen   %s i året ble for syke mens de ventet og gikk et annet sted (%s av dem som ble tatt imot)\n"},
{"  left the queue    nobody: the scenario has no deterioration while waiting at %s\n", "  gikk ut av køen   ingen: scenarioet har ingen forverring mens man venter ved %s\n"},
{"  queue             %s waiting when the measured period began, %s at its end: %s a year\n", "  kø                %s ventet da måleperioden begynte, %s ved slutten: %s i året\n"},
{"so: %s\n", "altså: %s\n"},
{"capacity is unlimited: the wait is intake and meeting time, not a queue for staff.", "kapasiteten er ubegrenset: ventetiden er inntak og møtetid, ikke kø for de ansatte."},
{"more comes in than the service can take and the queue grows, so the wait depends on how long\n"
 "  it has grown (the warm-up and the horizon), not on a steady state; more capacity or less demand\n"
 "  shortens it.",
 "det kommer inn mer enn tjenesten kan ta imot, og køen vokser, så ventetiden avhenger av hvor lenge\n"
 "  den har vokst (innkjøringsperioden og horisonten), ikke av en likevekt; mer kapasitet eller\n"
 "  mindre etterspørsel gjør den kortere."},
{"more comes in than the service can take; the queue stops growing only because people leave it\n"
 "  (they grow too ill and go elsewhere), so the wait is about as long as they last in the queue.\n"
 "  More capacity or less demand shortens it.",
 "det kommer inn mer enn tjenesten kan ta imot; køen slutter å vokse bare fordi folk går ut av den\n"
 "  (de blir for syke og går et annet sted), så ventetiden er omtrent så lang som de holder ut i køen.\n"
 "  Mer kapasitet eller mindre etterspørsel gjør den kortere."},
{"more comes in than the service can take, yet the queue did not grow in the measured period:\n"
 "  look at the warm-up and at the queue over time ('chart queue' in the REPL).",
 "det kommer inn mer enn tjenesten kan ta imot, men køen vokste ikke i måleperioden:\n"
 "  se på innkjøringsperioden og på køen over tid ('chart queue' i REPL-en)."},
{"the service is nearly always full: at this load waits are long and sensitive, and a little more\n"
 "  capacity (or a little less demand) moves them a lot.",
 "tjenesten er nesten alltid full: ved denne belastningen er ventetidene lange og følsomme, og litt mer\n"
 "  kapasitet (eller litt mindre etterspørsel) flytter dem mye."},
{"there is room: the wait comes from intake and from bursts of demand, not from a lack of capacity.", "det er plass: ventetiden kommer fra inntaket og fra topper i etterspørselen, ikke fra mangel på kapasitet."},
{"cited", "med kilde"},
{"tuned", "kalibrert"},
{"assumed", "antatt"},
{"no source", "uten kilde"},
{"assumed effect", "antatt effekt"},
{"no source and no assumption", "verken kilde eller antakelse"},
{"\ninputs behind it (%s*): %d cited, %d tuned to fit observed figures, %d assumed, %d without a source", "\ninndata bak (%s*): %d med kilde, %d kalibrert mot observerte tall, %d antatt, %d uten kilde"},
{", %d assumed effects", ", %d antatte effekter"},
{"%s: %s, %.1f FTE serving the modelled population; %d replications, seed %llu, measured over %.0f days after %.0f days of warm-up\n", "%s: %s, %.1f årsverk for den modellerte befolkningen; %d replikasjoner, frø %llu, målt over %.0f dager etter %.0f dagers innkjøring\n"},

/* ---- the REPL: commands and help (repl/commands.c) ---- */
{"Load a scenario file as the model.\n"
 "Overlays and set values are dropped ('undo' brings them back).",
 "Last inn en scenariofil som modell.\n"
 "Overlegg og satte verdier forsvinner ('undo' henter dem tilbake)."},
{"Apply an organisational model (an overlay file) on top of the model.\n"
 "Overlays apply in the order given, before any set values.",
 "Legg en organisasjonsmodell (en overleggsfil) oppå modellen.\n"
 "Overlegg legges på i den rekkefølgen de gis, før satte verdier."},
{"Remove an overlay (the last one applied, when none is named).", "Fjern et overlegg (det siste som ble lagt på, når ingen er nevnt)."},
{"Change one parameter, e.g. set services.fph_barn.fte 10\n"
 "VALUE is read as Lua: 10, 10.5 (or 10,5), \"text\", {0, 18}; a bare word is text.\n"
 "+2, -1, *1.1 and /2 change the number there now (a negative number is written (-1)).\n"
 "An invalid value changes nothing.  'show params' lists the paths; Tab completes them.",
 "Endre én parameter, f.eks. set services.fph_barn.fte 10\n"
 "VERDI leses som Lua: 10, 10.5 (eller 10,5), \"tekst\", {0, 18}; et ord alene er tekst.\n"
 "+2, -1, *1.1 og /2 endrer tallet som står der nå (et negativt tall skrives (-1)).\n"
 "En ugyldig verdi endrer ingenting.  'show params' viser stiene; Tab fullfører dem."},
{"Take back the last load, apply, unapply or set.", "Angre siste load, apply, unapply eller set."},
{"Do again what undo took back.", "Gjør igjen det undo angret."},
{"Describe the model; with no word, what is loaded and what you changed.\n"
 "  services          the services with staff (FTE), capacity and target wait\n"
 "  params [PREFIX]   every parameter and its value, e.g. show params services.fph_barn\n"
 "  sources [PREFIX]  where each number comes from (a cited source or an assumption)\n"
 "  diff              what differs from the scenario file as loaded: old -> new\n"
 "  lua               the whole model as a Lua scenario",
 "Beskriv modellen; uten ord: hva som er lastet og hva du har endret.\n"
 "  services          tjenestene med bemanning (årsverk), kapasitet og mål for ventetid\n"
 "  params [PREFIKS]  hver parameter og verdien, f.eks. show params services.fph_barn\n"
 "  sources [PREFIKS] hvor hvert tall kommer fra (en kilde eller en antakelse)\n"
 "  diff              hva som er ulikt scenariofilen slik den ble lastet: gammel -> ny\n"
 "  lua               hele modellen som et Lua-scenario"},
{"Simulate the model and show the main figures.\n"
 "Without REPS: replications are added (from 10, at most 20) until every key interval is\n"
 "within 10 % of its mean, and the output says whether it got there.  REPS replications\n"
 "instead (and from then on) with study seed SEED (default 1); both are remembered for\n"
 "later runs.  Ctrl-C stops a run and keeps the model and the results you had.",
 "Simuler modellen og vis hovedtallene.\n"
 "Uten REPS: det legges til replikasjoner (fra 10, høyst 20) til hvert hovedintervall er\n"
 "innenfor 10 % av gjennomsnittet, og utskriften sier om det lyktes.  REPS replikasjoner\n"
 "i stedet (og fra nå av) med frø SEED (standard 1); begge huskes til senere\n"
 "kjøringer.  Ctrl-C stopper en kjøring og beholder modellen og resultatene du hadde."},
{"The last run's figures with 95% confidence intervals.\n"
 "All services, one service in full, or the whole system (persons, time in system,\n"
 "hand-offs).",
 "Tallene fra siste kjøring med 95-prosents konfidensintervall.\n"
 "Alle tjenester, én tjeneste i sin helhet, eller hele systemet (personer, tid i tjenestene,\n"
 "overganger)."},
{"Compare the model with the baseline, or with another scenario.\n"
 "The baseline is the scenario file as loaded, unless 'baseline now' made it the model as\n"
 "it was then; undo, redo and earlier runs never change it.  Both run with the same seed\n"
 "and replications, so the difference is paired and sharp.  * marks differences whose\n"
 "interval excludes zero; measures that did not change at all are left out.\n"
 "'compare robust [N]' also runs both at N samples (default 32) of their plausible\n"
 "assumptions (every number with a range), and the verdict says how often each of its\n"
 "judgements holds and which numbers decide it.  A number you set is your choice: it keeps\n"
 "its value where you set it and is not sampled there (the verdict lists it).",
 "Sammenlign modellen med grunnlaget, eller med et annet scenario.\n"
 "Grunnlaget er scenariofilen slik den ble lastet, med mindre 'baseline now' gjorde det til\n"
 "modellen slik den var da; undo, redo og tidligere kjøringer endrer det aldri.  Begge kjøres\n"
 "med samme frø og replikasjoner, så forskjellen er parvis og skarp.  * merker forskjeller der\n"
 "intervallet ikke rommer null; mål som ikke endret seg i det hele tatt er utelatt.\n"
 "'compare robust [N]' kjører også begge i N utvalg (standard 32) av de plausible\n"
 "antakelsene (hvert tall med et spenn), og vurderingen sier hvor ofte hver av dens\n"
 "konklusjoner holder og hvilke tall som avgjør den.  Et tall du setter er ditt valg: det\n"
 "beholder verdien der du satte det og trekkes ikke der (vurderingen viser det)."},
{"Show or choose the base of 'compare'.\n"
 "  now      the model as it is now becomes the baseline (until 'baseline loaded' or 'load')\n"
 "  loaded   the scenario file as loaded, without overlays and set values (the default)",
 "Vis eller velg grunnlaget for 'compare'.\n"
 "  now      modellen slik den er nå blir grunnlaget (til 'baseline loaded' eller 'load')\n"
 "  loaded   scenariofilen slik den ble lastet, uten overlegg og satte verdier (standard)"},
{"Why the service's wait is what it is, in the model as it is now.\n"
 "Demand a year against what the service can take a year, how busy it is, who leaves the\n"
 "queue before first contact, the queue's trend over the measured period, and which inputs\n"
 "behind it are cited, tuned or assumed, with the citations.  Runs the model first when the\n"
 "last run is not of it.",
 "Hvorfor ventetiden i tjenesten er som den er, i modellen slik den er nå.\n"
 "Etterspørsel i året mot hva tjenesten kan ta imot i året, hvor full den er, hvem som går ut\n"
 "av køen før første kontakt, køens utvikling i måleperioden, og hvilke inndata bak som har\n"
 "kilde, er kalibrert eller antatt, med kildene.  Kjører modellen først når siste kjøring\n"
 "ikke var av den."},
{"Follow one person through the services, step by step with dates.\n"
 "Persons are numbered 1, 2, ... in the order their first concern arises; the trace is\n"
 "of replication 1 of the model as it is now, and ends with how long they waited where.",
 "Følg én person gjennom tjenestene, steg for steg med datoer.\n"
 "Personene er nummerert 1, 2, ... i den rekkefølgen første bekymring oppstår; sporet er\n"
 "fra replikasjon 1 av modellen slik den er nå, og slutter med hvor lenge de ventet hvor."},
{"Small charts of the last run.\n"
 "  waits              mean wait per service, as bars (the default)\n"
 "  queue SERVICE      cases waiting over time, as a sparkline\n"
 "  caseload SERVICE   open cases over time, as a sparkline\n"
 "  hist SERVICE       how long people waited, in two-week bins",
 "Små diagrammer fra siste kjøring.\n"
 "  waits              gjennomsnittlig ventetid per tjeneste, som søyler (standard)\n"
 "  queue TJENESTE     saker som venter over tid, som en minikurve\n"
 "  caseload TJENESTE  åpne saker over tid, som en minikurve\n"
 "  hist TJENESTE      hvor lenge folk ventet, i intervaller på to uker"},
{"Save the model as a scenario file that extends the original.\n"
 "The file holds what your overlays and set values changed; it is loaded back at once to\n"
 "check that it gives the same model, and so the same results.",
 "Lagre modellen som en scenariofil som bygger på originalen.\n"
 "Filen inneholder det overleggene og de satte verdiene endret; den lastes inn igjen med en\n"
 "gang for å sjekke at den gir samme modell, og dermed samme resultater."},
{"Write the last run's results as CSV (FILE.csv) or JSON (FILE.json).", "Skriv resultatene fra siste kjøring som CSV (FIL.csv) eller JSON (FIL.json)."},
{"Run the commands and Lua in FILE, line by line; errors say FILE:LINE:.", "Kjør kommandoene og Lua i FIL, linje for linje; feil sier FIL:LINJE:."},
{"List the commands, or tell more about one.", "Vis kommandoene, eller fortell mer om én."},
{"Leave samsim (Ctrl-D does the same).", "Avslutt samsim (Ctrl-D gjør det samme)."},
{"Leave samsim (the same as quit).", "Avslutt samsim (det samme som quit)."},
{"unknown command '%s' (did you mean %s?)", "ukjent kommando '%s' (mente du %s?)"},
{"unknown command '%s' ('help' lists the commands; Lua that is not a statement starts with '=', e.g. = 1 + 1)", "ukjent kommando '%s' ('help' viser kommandoene; Lua som ikke er en setning begynner med '=', f.eks. = 1 + 1)"},
{"missing argument (usage: %s)", "argument mangler (bruk: %s)"},
{"unexpected argument '%s' (usage: %s)", "uventet argument '%s' (bruk: %s)"},
{"Commands (Tab completes them and their arguments; 'help COMMAND' tells more):\n", "Kommandoer (Tab fullfører dem og argumentene; 'help KOMMANDO' forteller mer):\n"},
{"Commands may be typed in any case.  Lua is the rest: a line that starts with '=' prints\n"
 "what follows, and statements run; 'model' (the scenario as resolved) and 'results' (the\n"
 "last run; 'previous' is the run before) are read-only, for example:\n"
 "  = results.services.fph_barn.wait_mean          mean wait at fph_barn [95%% interval]\n"
 "  = results.services.fph_barn.wait_mean.ci_high  the upper end of that interval\n"
 "  = model.services.fph_barn.fte                  a parameter's value\n"
 "A statement that is not finished continues on the next line.\n",
 "Kommandoer kan skrives med store eller små bokstaver.  Resten er Lua: en linje som begynner\n"
 "med '=' skriver ut det som følger, og setninger kjøres; 'model' (scenarioet slik det er løst\n"
 "opp) og 'results' (siste kjøring; 'previous' er kjøringen før) kan bare leses, for eksempel:\n"
 "  = results.services.fph_barn.wait_mean          snittventetid ved fph_barn [95 %% intervall]\n"
 "  = results.services.fph_barn.wait_mean.ci_high  den øvre enden av intervallet\n"
 "  = model.services.fph_barn.fte                  verdien til en parameter\n"
 "En setning som ikke er ferdig fortsetter på neste linje.\n"},
{"no command '%s'%s%s%s", "ingen kommando '%s'%s%s%s"},
{" (did you mean '", " (mente du '"},
{"usage: %s\n%s\n", "bruk: %s\n%s\n"},
{"files read each other more than %d deep (does one read itself?)", "filene leser hverandre mer enn %d nivåer dypt (leser én seg selv?)"},
{"cannot open %s (%s)", "kan ikke åpne %s (%s)"},
{"the planner's workbench. 'help' lists the commands, Tab completes, Ctrl-D leaves.\n", "planleggerens verksted. 'help' viser kommandoene, Tab fullfører, Ctrl-D avslutter.\n"},

/* ---- the REPL: the model (repl/edit.c, repl/show.c, repl/save.c, repl/tree.c) ---- */
{"no scenario loaded: 'load FILE' first (Tab completes the files under scenarios/)", "ingen scenario er lastet: 'load FIL' først (Tab fullfører filene under scenarios/)"},
{"(the baseline is %s as loaded again)\n", "(grunnlaget er igjen %s slik den ble lastet)\n"},
{"loaded %s: ", "lastet %s: "},
{"  %d services, %d doors; %.0f days from %s, the first %.0f not counted (warm-up)\n", "  %d tjenester, %d dører; %.0f dager fra %s, de første %.0f ikke talt med (innkjøring)\n"},
{"%s is already applied", "%s er allerede lagt på"},
{"too many overlays (at most %d)", "for mange overlegg (høyst %d)"},
{"applied %s: 1 value changed ('show diff' lists it)\n", "la på %s: 1 verdi endret ('show diff' viser den)\n"},
{"applied %s: %d values changed ('show diff' lists them)\n", "la på %s: %d verdier endret ('show diff' viser dem)\n"},
{"no overlay is applied", "ingen overlegg er lagt på"},
{"%s is not applied (applied: %s)", "%s er ikke lagt på (lagt på: %s)"},
{"removed %s\n", "fjernet %s\n"},
{"(not set)", "(ikke satt)"},
{"unknown %s '%s' (did you mean %s?)", "ukjent %s '%s' (mente du %s?)"},
{"unknown %s '%s' ('show services' lists them)", "ukjent %s '%s' ('show services' viser dem)"},
{" (did you mean 'set %s.%s %s'?)", " (mente du 'set %s.%s %s'?)"},
{" (%s is in %s: its parameters are %s.PARAMETER, e.g. %s.fte)", " (%s er i %s: parameterne er %s.PARAMETER, f.eks. %s.fte)"},
{"no parameter '%s' in the model%s", "ingen parameter '%s' i modellen%s"},
{"'%s' is not a parameter path (like services.fph.fte)", "'%s' er ikke en parametersti (som services.fph.fte)"},
{"missing value (usage: set PATH VALUE)", "verdien mangler (bruk: set STI VERDI)"},
{"%c%s changes a number, and %s is not one", "%c%s endrer et tall, og %s er ikke et tall"},
{"cannot divide by 0", "kan ikke dele på 0"},
{"too many set values (at most %d)", "for mange satte verdier (høyst %d)"},
{"nothing to undo", "ingenting å angre"},
{"nothing to redo", "ingenting å gjøre om"},
{"cannot undo '%s': %s", "kan ikke angre '%s': %s"},
{"cannot redo '%s': %s", "kan ikke gjøre om '%s': %s"},
{"undone: %s\n", "angret: %s\n"},
{"redone: %s\n", "gjort om: %s\n"},
{"(no scenario loaded now)\n", "(ingen scenario er lastet nå)\n"},
{"scenario", "scenario"},
{"overlays", "overlegg"},
{"set", "satt"},
{"undo", "angre"},
{"redo", "gjør om"},
{"baseline", "grunnlag"},
{"last run", "siste kjøring"},
{"previous", "forrige"},
{"next run", "neste kjøring"},
{"%d replications, seed %llu, %s", "%d replikasjoner, frø %llu, %s"},
{"%d replications, seed %llu", "%d replikasjoner, frø %llu"},
{"of the model as it is now", "av modellen slik den er nå"},
{"of an earlier model", "av en tidligere modell"},
{"no scenario loaded ('load FILE')\n", "ingen scenario er lastet ('load FIL')\n"},
{"%.0f cases", "%.0f saker"},
{"%.0f h/week", "%.0f t/uke"},
{"unlimited", "ubegrenset"},
{"FTE", "årsverk"},
{"for cases", "til saker"},
{"capacity", "kapasitet"},
{"ages", "alder"},
{"target wait", "mål ventetid"},
{"%.0f days", "%.0f dager"},
{"capacity is at full strength, for individual cases; FTE are all staff\n", "kapasiteten er ved full bemanning, til enkeltsaker; årsverk er alle ansatte\n"},
{"no number under '%s' (show params lists the paths)", "ingen tall under '%s' (show params viser stiene)"},
{"(removed)", "(fjernet)"},
{"(the same value, another note)", "(samme verdi, en annen merknad)"},
{"(the same value: was %s, now %s)", "(samme verdi: var %s, nå %s)"},
{"an assumption", "en antakelse"},
{"%s cannot be loaded on its own to compare with", "%s kan ikke lastes alene for å sammenlignes med"},
{"no differences from %s as loaded\n", "ingen forskjeller fra %s slik den ble lastet\n"},
{"1 difference from %s as loaded:\n", "1 forskjell fra %s slik den ble lastet:\n"},
{"%d differences from %s as loaded:\n", "%d forskjeller fra %s slik den ble lastet:\n"},
{"show what? services, params, sources, diff or lua%s%s%s", "vise hva? services, params, sources, diff eller lua%s%s%s"},
{"not saved: the file would not load: %s", "ikke lagret: filen ville ikke la seg laste: %s"},
{"not saved: loading the file gave a different model (do its rule files resolve elsewhere?)", "ikke lagret: filen ga en annen modell da den ble lastet (peker regelfilene et annet sted?)"},
{"saved %s: the whole model, as an overlay removed %s (extends cannot express that); loading it gives the same model\n", "lagret %s: hele modellen, fordi et overlegg fjernet %s (extends kan ikke uttrykke det); den gir samme modell når den lastes\n"},
{"saved %s: %s with 1 change; loading it gives the same model\n", "lagret %s: %s med 1 endring; den gir samme modell når den lastes\n"},
{"saved %s: %s with %d changes; loading it gives the same model\n", "lagret %s: %s med %d endringer; den gir samme modell når den lastes\n"},
{"a scenario file name ends in .lua", "navnet på en scenariofil slutter på .lua"},
{"%s cannot be loaded on its own to extend it", "%s kan ikke lastes alene for å bygges videre på"},
{"no folder to save %s in (%s)", "ingen mappe å lagre %s i (%s)"},
{" (did you mean '%s%s%s'?)", " (mente du '%s%s%s'?)"},

/* ---- the REPL: runs, results, charts, trace, compare (repl/runs.c, repl/chart_cmd.c) ---- */
{"interrupted: the model and the results you had are as they were", "avbrutt: modellen og resultatene du hadde er som før"},
{"no results yet: 'run' first", "ingen resultater ennå: 'run' først"},
{"unknown service '%s' (did you mean %s?)", "ukjent tjeneste '%s' (mente du %s?)"},
{"unknown service '%s' ('show services' lists them)", "ukjent tjeneste '%s' ('show services' viser dem)"},
{"%d replications, seed %" PRIu64 ": %s", "%d replikasjoner, frø %" PRIu64 ": %s"},
{"over target", "over mål"},
{"busy", "i bruk"},
{"%s persons came in; %s hand-offs per person; %s days from first concern to leaving\n", "%s personer kom inn; %s overganger per person; %s dager fra første bekymring til de gikk ut\n"},
{"warning: %s\n", "advarsel: %s\n"},
{"expected a number of replications from 1 to %d", "ventet et antall replikasjoner fra 1 til %d"},
{"expected a seed, a whole number from 0 to %" PRId64, "ventet et frø, et heltall fra 0 til %" PRId64},
{"%s: %s (%.1f FTE serving the modelled population), %d replications, seed %" PRIu64 "\n", "%s: %s (%.1f årsverk for den modellerte befolkningen), %d replikasjoner, frø %" PRIu64 "\n"},
{"the whole system, %d replications, seed %" PRIu64 "\n", "hele systemet, %d replikasjoner, frø %" PRIu64 "\n"},
{"(the model has changed since this run: 'run' to see its results)\n", "(modellen er endret siden denne kjøringen: 'run' for å se resultatene)\n"},
{"the file name must end in .csv or .json (that says the format)", "filnavnet må slutte på .csv eller .json (det sier formatet)"},
{"cannot write %s (%s)", "kan ikke skrive %s (%s)"},
{"could not write all of %s", "kunne ikke skrive hele %s"},
{"wrote the last run's results (%d replications, seed %" PRIu64 ") to %s\n", "skrev resultatene fra siste kjøring (%d replikasjoner, frø %" PRIu64 ") til %s\n"},
{"there is no person %ld: replication 1 has %lld persons, numbered 1 to %lld as their first concern arises", "det finnes ingen person %ld: replikasjon 1 har %lld personer, nummerert 1 til %lld etter når første bekymring oppstår"},
{"person %ld, replication 1 (seed %" PRIu64 ") of %s:\n", "person %ld, replikasjon 1 (frø %" PRIu64 ") av %s:\n"},
{"waited %.1f days (%.1f weeks) in queues before first contact: %s", "ventet %.1f dager (%.1f uker) i køer før første kontakt: %s"},
{"never reached first contact at a service", "fikk aldri første kontakt med en tjeneste"},
{"; %.1f days on the way between services", "; %.1f dager på veien mellom tjenester"},
{"expected a person number (1, 2, ...)", "ventet et personnummer (1, 2, ...)"},
{"wait, days", "ventetid, dager"},
{"wait p90, days", "ventetid p90, dager"},
{"waiting", "venter"},
{"days in system", "dager i tjenestene"},
{"system", "systemet"},
{"base    %s%s\noption  %s\n", "grunnlag    %s%s\nalternativ  %s\n"},
{"option - base, paired over %d replications (seed %" PRIu64 "), 95%% intervals; * = the interval excludes 0\n", "alternativ - grunnlag, parvis over %d replikasjoner (frø %" PRIu64 "), 95 %% intervall; * = intervallet rommer ikke 0\n"},
{"measure", "mål"},
{"base", "grunnlag"},
{"option", "alternativ"},
{"difference", "forskjell"},
{"relative", "relativt"},
{"no measure changed\n", "ingen mål endret seg\n"},
{"staff serving the modelled population: %.1f FTE in the base, %.1f FTE in the option\n", "bemanning for den modellerte befolkningen: %.1f årsverk i grunnlaget, %.1f årsverk i alternativet\n"},
{"%s as loaded", "%s slik den ble lastet"},
{"the scenario", "scenarioet"},
{"the baseline (%s) cannot be loaded: %s", "grunnlaget (%s) kan ikke lastes: %s"},
{"the model is the baseline (%s): change something first, or 'compare SCENARIO'", "modellen er grunnlaget (%s): endre noe først, eller 'compare SCENARIO'"},
{" (the baseline, set by 'baseline now')", " (grunnlaget, satt med 'baseline now')"},
{" (the baseline; 'baseline now' sets another)", " (grunnlaget; 'baseline now' setter et annet)"},
{"baseline what? 'now' (the model as it is) or 'loaded' (the scenario file as loaded)", "grunnlag for hva? 'now' (modellen slik den er) eller 'loaded' (scenariofilen slik den ble lastet)"},
{"baseline: %s\n", "grunnlag: %s\n"},
/* ---- the verdict before compare's table (verdict_text.c), in the report's words (report_words.h) ---- */
{"Verdict: %s against %s%s\n", "Vurdering: %s mot %s%s\n"},
{" (base)", " (grunnlag)"},
{"(a stored run whose scenario text could not be read)", "(en lagret kjøring der scenarioteksten ikke kunne leses)"},
{"  %s is better on %d, worse on %d and not clearly different on %d of %d key measures\n"
 "  (✓ better, ✗ worse, ≈ no clear difference: the 95%% paired interval holds 0; shares in percentage points):\n",
 "  %s er bedre på %d, dårligere på %d og uten klar forskjell på %d av %d nøkkelmål\n"
 "  (✓ bedre, ✗ dårligere, ≈ ingen klar forskjell: det parvise 95 %%-intervallet omfatter 0; andeler i prosentpoeng):\n"},
{"key measure", "nøkkelmål"},
{"[%d%% interval]", "[%d %%-intervall]"},
{"  Staff serving the modelled population: equal, %.1f FTE in both", "  Bemanning for den modellerte befolkningen: lik, %.1f årsverk i begge"},
{"  Staff serving the modelled population: %+.1f FTE (%.1f against %.1f)", "  Bemanning for den modellerte befolkningen: %+.1f årsverk (%.1f mot %.1f)"},
{"; the same yearly cost.\n", "; samme årlige kostnad.\n"},
{"; yearly cost %s NOK.\n", "; årlig kostnad %s kr.\n"},
{"; the scenarios give no cost per FTE (costs.nok_per_fte).\n", "; scenarioene oppgir ingen kostnad per årsverk (costs.nok_per_fte).\n"},
{"      %s = %s in %s: %s\n", "      %s = %s i %s: %s\n"},
{"      %s = %s in %s (effect assumption, %s): %s\n", "      %s = %s i %s (effektantakelse, %s): %s\n"},
{"  Effect assumptions: none declared by either model; every difference comes from the mechanisms.\n",
 "  Effektantakelser: ingen av modellene har noen; alle forskjeller kommer fra mekanismene.\n"},
{"  Effect assumptions: the models declare the same %d (", "  Effektantakelser: modellene har de samme %d ("},
{");\n    a difference may still rest on them where one model brings them into play (services put in one\n"
 "    building meet the co-location effects); which do takes a sensitivity study.\n",
 ");\n    en forskjell kan likevel hvile på dem der én modell tar dem i bruk (tjenester samlet i ett\n"
 "    bygg møter effektene av samlokalisering); hvilke som gjør det, krever en følsomhetsanalyse.\n"},
{"  Effect assumptions: unknown (a model's scenario text could not be read).\n",
 "  Effektantakelser: ukjente (en lagret scenariotekst kunne ikke leses).\n"},
{"  * may rest on the %d effect assumption (effect()) in which the models differ; which of them\n"
 "    decides a difference takes a sensitivity study:\n",
 "  * kan hvile på %d effektantakelse (effect()) som modellene skiller seg i; om den avgjør\n"
 "    en forskjell, krever en følsomhetsanalyse:\n"},
{"  * may rest on the %d effect assumptions (effect()) in which the models differ; which of them\n"
 "    decides a difference takes a sensitivity study:\n",
 "  * kan hvile på de %d effektantakelsene (effect()) som modellene skiller seg i; hvilken av dem\n"
 "    som avgjør en forskjell, krever en følsomhetsanalyse:\n"},
{"  Robustness: %s\n", "  Robusthet: %s\n"},
{"  Robustness: not assessed (no sensitivity study of these models over their plausible assumptions).\n",
 "  Robusthet: ikke vurdert (ingen følsomhetsanalyse av disse modellene over de plausible antakelsene).\n"},
{"mean wait for first contact, days, %d replications [95%% interval]\n", "gjennomsnittlig ventetid til første kontakt, dager, %d replikasjoner [95 %% intervall]\n"},
{" (target %.0f)", " (mål %.0f)"},
{"this run has no time series", "denne kjøringen har ingen tidsserier"},
{"%s at %s over time: mean of %d replications, one column = %.0f days\n", "%s ved %s over tid: snitt av %d replikasjoner, én kolonne = %.0f dager\n"},
{"cases waiting", "saker som venter"},
{"open cases", "åpne saker"},
{"  %s  %.1f to %.1f\n  %-*s%s\n", "  %s  %.1f til %.1f\n  %-*s%s\n"},
{"  (the first %.0f days are warm-up, not counted in the results)\n", "  (de første %.0f dagene er innkjøring, ikke talt med i resultatene)\n"},
{"waits for first contact at %s, in weeks: persons per replication (share)\n", "ventetid til første kontakt ved %s, i uker: personer per replikasjon (andel)\n"},
{"wk", "uker"},
{"chart what? waits, queue, caseload or hist%s%s%s", "diagram over hva? waits, queue, caseload eller hist%s%s%s"},
{"%s%s (%s where %s)", "%s%s (%s der %s)"},
{"; decided by ", "; avgjøres av "},
{"better", "bedre"},
{"higher", "høyere"},
{"number", "tall"},
{"numbers", "tall"},
{"not measured at the samples", "ikke målt i utvalget"},
{"holds in %.0f %% of the plausible assumptions%s", "holder i %.0f %% av de plausible antakelsene%s"},
{"holds in %.0f %%%s", "holder i %.0f %%%s"},
{"no key measure was measured at the samples", "ingen nøkkelmål ble målt i utvalget"},
{"no clear difference on any key measure; the least sure, %s: %s", "ingen klar forskjell på noe nøkkelmål; det minst sikre, %s: %s"},
{"in both models", "i begge modellene"},
{"in the option", "i alternativet"},
{"in the base", "i grunnlaget"},
{"    kept at the value set, not sampled, %s: %s\n", "    holdt på verdien som er satt, ikke trukket, %s: %s\n"},
{"a calibrated ensemble", "et kalibrert ensemble"},
{"a Sobol sequence", "en Sobol-følge"},
{"a Latin hypercube", "en latinsk hyperkube"},
{"  Robustness over %ld samples of the plausible assumptions (%d ranged %s, %s):\n", "  Robusthet over %ld utvalg av de plausible antakelsene (%d %s med spenn, %s):\n"},
{"      better in %.0f %%, worse in %.0f %%, unclear in %.0f %%; the difference %s (median), %s to %s (5 to 95 %%)\n", "      bedre i %.0f %%, dårligere i %.0f %%, uklart i %.0f %%; forskjellen %s (median), %s til %s (5 til 95 %%)\n"},
{"      higher in %.0f %%, lower in %.0f %%, unclear in %.0f %%; the difference %s (median), %s to %s (5 to 95 %%)\n", "      høyere i %.0f %%, lavere i %.0f %%, uklart i %.0f %%; forskjellen %s (median), %s til %s (5 til 95 %%)\n"},
{"compare robust needs at least 2 replications for a paired interval at each sample (run 10 sets them)", "compare robust trenger minst 2 replikasjoner for et parvis intervall i hvert utvalg (run 10 setter dem)"},
{"running the baseline and the model at %d samples of their plausible assumptions, %d replications each\n", "kjører grunnlaget og modellen i %d utvalg av de plausible antakelsene, %d replikasjoner hver\n"},
{"compare robust N: N samples, a whole number from 1 to 100000", "compare robust N: N utvalg, et helt tall fra 1 til 100000"},
{"compare takes one scenario, or 'robust [N]'", "compare tar ett scenario, eller 'robust [N]'"},
{"all", "alle"},
{"yes", "ja"},
{"no", "nei"},
{"result", "resultat"},
{"change", "endring"},
{"beyond noise", "utover støyen"},
{"paired/unpaired", "parvis/uparet"},
{"%s - %s (paired)", "%s - %s (parvis)"},
{"\nAll results: %s '%s' against %s '%s' (base)\n", "\nAlle resultater: %s '%s' mot %s '%s' (grunnlag)\n"},
{"Pairing: no result has an interval to narrow.\n", "Parvis sammenligning: ingen resultater har et intervall å gjøre smalere.\n"},
{"Pairing: paired intervals are a median %.2f of the unpaired widths (%d results): common random numbers narrowed them by %.0f%%.\n",
 "Parvis sammenligning: de parvise intervallene er i median %.2f av bredden uten paring (%d resultater): felles tilfeldige tall gjorde dem %.0f%% smalere.\n"},
{"Comparison  %d models, %d replications each, seed %llu, common random numbers\n", "Sammenligning  %d modeller, %d replikasjoner hver, frø %llu, felles tilfeldige tall\n"},
{"\n--all shows all %d results with each model's estimate; --json, --csv or --markdown\ngive them to programs.\n",
 "\n--all viser alle %d resultatene med hver modells anslag; --json, --csv eller --markdown\ngir dem til programmer.\n"},
{"\nFigures are means with 95%% confidence intervals over replications; the difference is paired by replication.\nBeyond noise: the paired interval excludes 0.  Paired/unpaired: the paired interval's width over the unpaired one's.\n",
 "\nTallene er gjennomsnitt med 95 %% konfidensintervall over replikasjonene; forskjellen er parvis, replikasjon for replikasjon.\nUtover støyen: det parvise intervallet omfatter ikke 0.  Parvis/uparet: bredden av det parvise intervallet delt på bredden av det uparede.\n"},
{"a yearly cost difference of %s NOK (%s NOK per FTE)", "en forskjell i årlig kostnad på %s kr (%s kr per årsverk)"},
{"the scenarios give no cost per FTE (costs.nok_per_fte), so the difference is in FTE only", "scenarioene oppgir ingen kostnad per årsverk (costs.nok_per_fte), så forskjellen er bare i årsverk"},
{"the models differ in total FTE serving the modelled population (fte x staff_share): %s has %.1f and %s (base) %.1f (%+.1f FTE%s%s); %s",
 "modellene har ulik bemanning for den modellerte befolkningen (årsverk ganger andelen som betjener den): %s har %.1f og %s (grunnlag) %.1f (%+.1f årsverk%s%s); %s"},
{"warning", "advarsel"},
{"\nWarning: %s.\n", "\nAdvarsel: %s.\n"},

/* ---- compare --headline (compare_print.c, verdict_text.c) ---- */
{"What changes in %s if the services are organised otherwise?\n", "Hva endres i %s hvis tjenestene organiseres annerledes?\n"},
{"%s against %s, %d replications, 95%% paired intervals:\n", "%s mot %s, %d replikasjoner, parvise 95 %% intervall:\n"},
{"  Robustness over %ld samples of the plausible assumptions: %s\n", "  Robusthet over %ld utvalg av de plausible antakelsene: %s\n"},
{" (may rest on effect assumptions)", " (kan hvile på effektantakelser)"},
{"  ≈ no clear difference on any of the %d key measures\n", "  ≈ ingen klar forskjell på noen av de %d nøkkelmålene\n"},
{"  ... and %d more beyond noise; %d of %d key measures show no clear difference\n",
 "  ... og %d til utover støyen; %d av %d nøkkelmål viser ingen klar forskjell\n"},
{"  %d of %d key measures show no clear difference\n", "  %d av %d nøkkelmål viser ingen klar forskjell\n"},

/* ---- samsim audit --lang nb (audit_view.c) ---- */
{"The auditors' criteria: seed %" PRIu64 ", %d replications, 95 %% intervals; met when the whole\n"
 "interval is on the right side of the threshold, unclear when it straddles it\n",
 "Revisjonskriteriene: frø %" PRIu64 ", %d replikasjoner, 95 %% intervall; oppfylt når hele\n"
 "intervallet ligger på riktig side av terskelen, uavklart når det krysser den\n"},
{"The scenario lists no audit criteria (audit = { ... }).\n", "Scenarioet har ingen revisjonskriterier (audit = { ... }).\n"},
{"Criteria a simulation cannot check:\n", "Kriterier en simulering ikke kan sjekke:\n"},
{"    why not: %s\n", "    hvorfor ikke: %s\n"},
{"  the audit found: %s (%s)\n  the run against it:", "  revisjonen fant: %s (%s)\n  kjøringen mot det:"},
{"    the audit found: %s (%s)\n", "    revisjonen fant: %s (%s)\n"},
{"met", "oppfylt"},
{"not met", "ikke oppfylt"},
{"partly met", "delvis oppfylt"},
{"unclear", "uavklart"},
{"no value", "ingen verdi"},
{"not simulated", "ikke simulert"},
{"not in this model", "ikke i denne modellen"},
{"at least", "minst"},
{"at most", "høyst"},
{"agrees", "stemmer overens"},
{"does not agree", "stemmer ikke overens"},
{"cannot be compared", "kan ikke sammenlignes"},
