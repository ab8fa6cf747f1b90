/* report_words.h: the report's words as an X-macro list (no include guard): WORD(id, English,
 * Norwegian bokmål).  Included twice, by report_parts.h for the ids and by report_words.c for the
 * texts, so an id and its words cannot drift apart. */
WORD(S_TITLE,
     "Comparison of organisational models",
     "Sammenligning av organisasjonsmodeller")
WORD(S_DATABASE,
     "Database",
     "Database")
WORD(S_CONTENTS,
     "Contents",
     "Innhold")
WORD(S_QUESTION,
     "The question and the models compared",
     "Spørsmålet og modellene som sammenlignes")
WORD(S_QUESTION_TEXT,
     "What happens to waiting times, queues, caseloads and hand-offs in %s if the services are organised as in %s instead of as in %s? And how sure can we be?",
     "Hva skjer med ventetider, køer, saksmengde og overganger i %s hvis tjenestene organiseres som i %s i stedet for som i %s? Og hvor sikre kan vi være?")
WORD(S_QUESTION_SINGLE,
     "How do waiting times, queues, caseloads and hand-offs look in %s, and how sure can we be?",
     "Hvordan ser ventetider, køer, saksmengde og overganger ut i %s, og hvor sikre kan vi være?")
WORD(S_MODEL,
     "Model",
     "Modell")
WORD(S_SCENARIO,
     "Scenario",
     "Scenario")
WORD(S_RUN,
     "Run",
     "Kjøring")
WORD(S_FTE_TOTAL,
     "FTE serving the modelled population",
     "Årsverk for den modellerte befolkningen")
WORD(S_REPS,
     "Replications",
     "Replikasjoner")
WORD(S_SEED,
     "Seed",
     "Frø")
WORD(S_BASE,
     "base",
     "utgangspunkt")
WORD(S_CHANGES,
     "What each model changes",
     "Hva hver modell endrer")
WORD(S_CHANGES_VS,
     "%s compared with %s",
     "%s sammenlignet med %s")
WORD(S_NO_CHANGES,
     "No parameter differs: %s is the same scenario as %s.",
     "Ingen parametere er ulike: %s er samme scenario som %s.")
WORD(S_PARAM,
     "Parameter",
     "Parameter")
WORD(S_OLD,
     "Before",
     "Før")
WORD(S_NEW,
     "After",
     "Etter")
WORD(S_ADDED,
     "added",
     "lagt til")
WORD(S_REMOVED,
     "removed",
     "fjernet")
WORD(S_RULES_SAME,
     "The rule files are the same.",
     "Regelfilene er de samme.")
WORD(S_RULES_ONLY,
     "Rule files and functions only %s uses: %s.",
     "Regelfiler og funksjoner bare %s bruker: %s.")
WORD(S_RULES_EDITED,
     "The models name the same rule files, but their contents differ (rules hash %.12s against %.12s): a rule file was edited between the runs.",
     "Modellene bruker de samme regelfilene, men innholdet er ulikt (regel-hash %.12s mot %.12s): en regelfil ble endret mellom kjøringene.")
WORD(S_CHANGED_INSIDE,
     ", changed inside",
     ", med endret innhold")
WORD(S_TABLE_OF,
     "a table of %d entries",
     "en tabell med %d oppføringer")
WORD(S_FTE_WARN,
     "Warning: the models differ in the staff serving the modelled population (the FTE of each service times its share serving that population): %s has %s FTE and %s has %s FTE (%s FTE).",
     "Advarsel: modellene har ulik bemanning for den modellerte befolkningen (hver tjenestes årsverk ganger andelen som betjener denne befolkningen): %s har %s årsverk og %s har %s årsverk (%s årsverk).")
WORD(S_FTE_SAME,
     "Both models have the same staff serving the modelled population (%s FTE: the FTE of each service times its share serving that population).",
     "Begge modellene har samme bemanning for den modellerte befolkningen (%s årsverk: hver tjenestes årsverk ganger andelen som betjener denne befolkningen).")
WORD(S_NO_COST,
     "The scenarios give no cost per FTE, so the difference is shown in FTE only.",
     "Scenarioene oppgir ingen kostnad per årsverk, så forskjellen vises bare i årsverk.")
WORD(S_COST,
     "At %s NOK per FTE a year (the cost of a full-time position in the scenarios), that is %s NOK a year.",
     "Med %s kroner per årsverk i året (scenarioenes kostnad for et årsverk) er det %s kroner i året.")
WORD(S_RESULTS,
     "Key results",
     "Hovedresultater")
WORD(S_HOWTO,
     "Each figure is the mean over %d replications with its 95 %% confidence interval in brackets. The difference is paired: replication i of every model saw the same people arrive at the same times (common random numbers), so it is estimated replication by replication. \"Beyond noise\" means that the paired interval excludes zero.",
     "Hvert tall er gjennomsnittet over %d replikasjoner med 95 %% konfidensintervall i klammer. Forskjellen er parvis: replikasjon i av hver modell fikk de samme personene på de samme tidspunktene (felles tilfeldige tall), så den beregnes replikasjon for replikasjon. «Utenfor støyen» betyr at det parvise intervallet ikke inneholder null.")
WORD(S_SERVICE,
     "Service",
     "Tjeneste")
WORD(S_RESULT,
     "Result",
     "Resultat")
WORD(S_DIFF,
     "difference",
     "forskjell")
WORD(S_CHANGE,
     "Change",
     "Endring")
WORD(S_BEYOND,
     "Beyond noise",
     "Utenfor støyen")
WORD(S_NARROW,
     "Paired / unpaired width",
     "Parvis / uparet bredde")
WORD(S_YES,
     "yes",
     "ja")
WORD(S_NO,
     "no",
     "nei")
WORD(S_ALL_SERVICES,
     "All services",
     "Alle tjenester")
WORD(S_PAIRING,
     "Pairing narrowed the intervals: the paired intervals are a median %.0f %% as wide as unpaired ones would be (%d results).",
     "Parvis sammenligning gjorde intervallene smalere: de parvise intervallene er i median %.0f %% så brede som uparede ville vært (%d resultater).")
WORD(S_KEY_FOLDED_DIFF,
     "Key results per service: %d results at %d services, %d beyond noise",
     "Nøkkelresultater per tjeneste: %d resultater ved %d tjenester, %d utenfor støyen")
WORD(S_KEY_FOLDED,
     "Key results per service: %d results at %d services",
     "Nøkkelresultater per tjeneste: %d resultater ved %d tjenester")
WORD(S_ALL_RESULTS,
     "All results (every metric)",
     "Alle resultater (alle mål)")
WORD(S_CHARTS,
     "Charts",
     "Figurer")
WORD(S_FIG_WAITS,
     "Waiting-time distribution per service",
     "Fordeling av ventetid per tjeneste")
WORD(S_FIG_WAITS_NOTE,
     "Share of first contacts by days waited from referral to first contact, in two-week bins; mean over replications. What to see: the model whose bars stand further left gives help sooner; a long tail to the right is the few who wait longest.",
     "Andel første kontakter etter antall dager fra henvisning til første kontakt, i bolker på to uker; gjennomsnitt over replikasjonene. Se etter: modellen med søylene lengst til venstre gir hjelp raskere; en lang hale mot høyre er de få som venter lengst.")
WORD(S_AX_WAIT_X,
     "days from referral to first contact",
     "dager fra henvisning til første kontakt")
WORD(S_AX_WAIT_Y,
     "% of first contacts",
     "% av første kontakter")
WORD(S_FIG_QUEUES,
     "Queue length over time",
     "Kø over tid")
WORD(S_FIG_QUEUES_NOTE,
     "Cases waiting for first contact, at the services where a queue builds. The line is the mean over replications; the band holds the middle 80 % of replications. The grey area is the warm-up, which is not counted in the results. What to see: where the models' lines part after the warm-up, and whether a line still climbs at the end (demand above capacity: the figures then depend on the horizon).",
     "Saker som venter på første kontakt, ved tjenestene der det bygger seg opp kø. Linjen er gjennomsnittet over replikasjonene; båndet rommer de midterste 80 % av replikasjonene. Det grå feltet er innkjøringsperioden, som ikke telles med i resultatene. Se etter: hvor modellenes linjer skiller lag etter innkjøringsperioden, og om en linje fortsatt stiger på slutten (etterspørselen er større enn kapasiteten, og tallene avhenger da av tidshorisonten).")
WORD(S_AX_QUEUE_Y,
     "cases waiting",
     "saker i kø")
WORD(S_WARMUP,
     "warm-up",
     "innkjøring")
WORD(S_FIG_CASELOAD,
     "Caseload per FTE per service",
     "Saker per årsverk per tjeneste")
WORD(S_FIG_CASELOAD_NOTE,
     "Time-average open cases per FTE; the whiskers are the 95 % confidence interval. What to see: a service whose bar rises under a model carries more cases per person there; bars whose whiskers overlap do not clearly differ.",
     "Tidsgjennomsnitt av åpne saker per årsverk; strekene viser 95 % konfidensintervall. Se etter: en tjeneste med høyere søyle i en modell har flere saker per ansatt der; søyler med overlappende streker er ikke klart forskjellige.")
WORD(S_AX_CASELOAD_Y,
     "open cases per FTE",
     "åpne saker per årsverk")
WORD(S_FIG_FLOWS,
     "Flows between services",
     "Flyt mellom tjenester")
WORD(S_FIG_FLOWS_NOTE,
     "Persons moving from one service to another, entering or leaving: mean per replication over the %g measured days.",
     "Personer som går fra én tjeneste til en annen, kommer inn eller går ut: gjennomsnitt per replikasjon over de %g målte dagene.")
WORD(S_FROM,
     "From",
     "Fra")
WORD(S_TO,
     "To",
     "Til")
WORD(S_NEW_CONCERN,
     "new concern",
     "ny henvendelse")
WORD(S_LEAVES,
     "leaves",
     "går ut")
WORD(S_AX_FLOWS_X,
     "persons per replication",
     "personer per replikasjon")
WORD(S_FIG_COMPLIANCE,
     "Coordination and compliance",
     "Koordinering og lovkrav")
WORD(S_COMPLIANCE_NOTE,
     "Targets, legal time limits and coordination, with 95 % confidence intervals: every such figure these runs hold.",
     "Mål, lovens frister og koordinering, med 95 % konfidensintervall: alle slike tall disse kjøringene har.")
WORD(S_NO_COORDINATION,
     "These runs have no coordination figures (individual plan, coordinator, responsibility groups; helse- og omsorgstjenesteloven §§ 7-1 to 7-3): the scenario does not model coordination, so none are shown.",
     "Disse kjøringene har ingen tall for koordinering (individuell plan, koordinator, ansvarsgrupper; helse- og omsorgstjenesteloven §§ 7-1 til 7-3): scenarioet modellerer ikke koordinering, så ingen slike tall vises.")
WORD(S_NO_COORDINATION_ENGINE,
     "The engine does not yet measure coordination (individual plan, coordinator; helse- og omsorgstjenesteloven §§ 7-1 to 7-3), so there are no such figures.",
     "Motoren måler ennå ikke koordinering (individuell plan, koordinator; helse- og omsorgstjenesteloven §§ 7-1 til 7-3), så det finnes ingen slike tall.")
WORD(S_NO_COMPLIANCE,
     "No service in these runs has a target wait, so there are no compliance figures to show.",
     "Ingen tjeneste i disse kjøringene har mål for ventetid, så det finnes ingen tall for lovkrav å vise.")
WORD(S_AX_COMPLIANCE_Y,
     "% over the target wait",
     "% over målet for ventetid")
WORD(S_FIG_COORDINATION,
     "Coordination and decisions, all services",
     "Koordinering og vedtak, alle tjenester")
WORD(S_NO_GNUPLOT,
     "Charts are missing: %s. The tables hold every figure.",
     "Figurene mangler: %s. Tabellene inneholder alle tallene.")
WORD(S_CHART_FAILED,
     "This chart could not be drawn: %s",
     "Denne figuren kunne ikke tegnes: %s")
WORD(S_REGISTER,
     "Assumptions register",
     "Antakelsesregister")
WORD(S_REGISTER_NOTE,
     "Every number in the base model (%s) with its source or the assumption behind it, read from the resolved scenario stored with the run.",
     "Hvert tall i utgangsmodellen (%s) med kilde eller antakelsen bak, lest fra det ferdige scenarioet som er lagret med kjøringen.")
WORD(S_KIND,
     "Kind",
     "Type")
WORD(S_SOURCE_OR_REASON,
     "Source or reason",
     "Kilde eller begrunnelse")
WORD(S_VALUE,
     "Value",
     "Verdi")
WORD(S_KIND_SOURCE,
     "source",
     "kilde")
WORD(S_KIND_ASSUMPTION,
     "assumption",
     "antakelse")
WORD(S_KIND_CALIBRATED,
     "calibrated",
     "kalibrert")
WORD(S_KIND_EFFECT,
     "effect assumption",
     "antatt effekt")
WORD(S_MISSING,
     "%d numbers have neither a source nor a stated assumption",
     "%d tall har verken kilde eller oppgitt antakelse")
WORD(S_REGISTER_CHANGED,
     "Values that differ in %s",
     "Verdier som er ulike i %s")
WORD(S_REGISTER_SAME,
     "%s rests on the same sources and assumptions as %s.",
     "%s bygger på de samme kildene og antakelsene som %s.")
WORD(S_REPRO,
     "Reproducibility",
     "Reproduserbarhet")
WORD(S_REPRO_NOTE,
     "The same engine version, scenario (hash), rules (hash), seed and number of replications give the same figures, byte for byte.",
     "Samme motorversjon, scenario (hash), regler (hash), frø og antall replikasjoner gir de samme tallene, byte for byte.")
WORD(S_ENGINE,
     "Engine version",
     "Motorversjon")
WORD(S_SCEN_HASH,
     "Scenario hash",
     "Scenario-hash")
WORD(S_RULES_HASH,
     "Rules hash",
     "Regel-hash")
WORD(S_PERIOD,
     "Period",
     "Periode")
WORD(S_PERIOD_FMT,
     "from %s, %g days, of which %g days warm-up",
     "fra %s, %g dager, hvorav %g dager innkjøring")
WORD(S_COMMAND,
     "Command",
     "Kommando")
WORD(S_STARTED,
     "Run at",
     "Kjørt")
WORD(S_COMPARE_CMD,
     "The comparison was made with",
     "Sammenligningen ble laget med")
WORD(S_REPORT_CMD,
     "This report was built from the database alone, without running anything again, with",
     "Denne rapporten ble laget fra databasen alene, uten ny kjøring, med")
WORD(S_MD_CHARTS,
     "The charts are in the HTML version of this report.",
     "Figurene finnes i HTML-versjonen av rapporten.")
WORD(S_ONLY_BASE,
     "Only one model: there is nothing to compare it with.",
     "Bare én modell: det er ingenting å sammenligne med.")
WORD(S_IN_WORDS,
     "In plain words",
     "Med vanlige ord")
WORD(S_NO_QUEUE,
     "No service has a queue worth drawing (a mean below half a case).",
     "Ingen tjeneste har kø verdt å tegne (under en halv sak i snitt).")
WORD(S_NO_STEADY_STATE,
     "No steady state: in model %s, %s. Its figures depend on the warm-up and the horizon chosen.",
     "Ingen stabil tilstand: i modell %s, %s. Tallene avhenger av innkjøringsperioden og horisonten som er valgt.")
WORD(S_QUEUES_NONE,
     "Not drawn, as no queue builds there (under half a case waiting on average, in every model): %s.",
     "Ikke tegnet, siden det ikke bygger seg opp kø der (under en halv sak venter i snitt, i alle modellene): %s.")
WORD(S_WAITS_QUICK,
     "Every first contact came within two weeks, in every model, at: %s.",
     "Alle første kontakter kom innen to uker, i alle modellene, ved: %s.")
WORD(S_AS_A_WHOLE,
     "as a whole",
     "som helhet")
WORD(S_AUDIT,
     "The auditors' criteria",
     "Revisjonskriteriene")
WORD(S_AUDIT_NOTE,
     "The criteria the audit applied, from the scenario's source, each run read against those a simulation can check: met when the whole 95 % interval is on the right side of the threshold, not met when it is wholly on the wrong side, unclear when it straddles it; beside them what the audit itself found. samsim audit prints the same.",
     "Kriteriene revisjonen brukte, fra scenarioets kilde, og hver kjøring målt mot dem en simulering kan sjekke: oppfylt når hele 95 %-intervallet ligger på riktig side av terskelen, ikke oppfylt når det ligger helt på feil side, uavklart når det krysser den; ved siden av det revisjonen selv fant. samsim audit skriver det samme.")
WORD(S_AUDIT_SUMMARY_NOTE,
     "The audit's criteria a run can check: met when the whole 95 %% interval is on the right side of the threshold, unclear when it straddles it. %d more only documents can show; the section on the auditors' criteria lists all, with their sources.",
     "Revisjonens kriterier en kjøring kan sjekke: oppfylt når hele 95 %%-intervallet ligger på riktig side av terskelen, uavklart når det krysser den. %d til kan bare dokumenter vise; delen om revisjonskriteriene viser alle, med kilder.")
WORD(S_AUDIT_CRITERION,
     "Criterion (source)",
     "Kriterium (kilde)")
WORD(S_AUDIT_INDICATOR,
     "Indicator and threshold",
     "Indikator og terskel")
WORD(S_AUDIT_FOUND,
     "The audit found",
     "Revisjonen fant")
WORD(S_AUDIT_AT_LEAST,
     "at least",
     "minst")
WORD(S_AUDIT_AT_MOST,
     "at most",
     "høyst")
WORD(S_AUDIT_MET,
     "met",
     "oppfylt")
WORD(S_AUDIT_PARTLY,
     "partly met",
     "delvis oppfylt")
WORD(S_AUDIT_NOT_MET,
     "not met",
     "ikke oppfylt")
WORD(S_AUDIT_UNCLEAR,
     "unclear",
     "uavklart")
WORD(S_AUDIT_NO_VALUE,
     "no value",
     "ingen verdi")
WORD(S_AUDIT_NOT_SIMULATED,
     "not checkable by simulation",
     "kan ikke sjekkes ved simulering")
WORD(S_AUDIT_DAYS,
     "days",
     "dager")
WORD(S_SUMMARY,
     "Summary",
     "Sammendrag")
WORD(S_VERDICT_OF,
     "Verdict: %s against %s",
     "Vurdering: %s mot %s")
WORD(S_VERDICT_COUNTS,
     "%s is better on %d, worse on %d and not clearly different on %d of %d key measures. A measure is better or worse only when the 95 %% interval of the paired difference excludes 0; shares are in percentage points (pp).",
     "%s er bedre på %d, dårligere på %d og uten klar forskjell på %d av %d nøkkelmål. Et mål er bedre eller dårligere bare når 95 %%-intervallet for den parvise forskjellen ikke omfatter 0; andeler er i prosentpoeng (pp).")
WORD(S_KEY_MEASURE,
     "Key measure",
     "Nøkkelmål")
WORD(S_JUDGEMENT,
     "Verdict",
     "Vurdering")
WORD(S_AT_SERVICE,
     "at",
     "ved")
WORD(S_MAY_REST,
     "may rest on effect assumptions",
     "kan hvile på effektantakelser")
WORD(S_EFFECTS_DIFFER,
     "Effect assumptions the models differ in, assumed and not measured by any source: %d. A difference marked * may rest on them; which one decides it takes a sensitivity study.",
     "Effektantakelser modellene skiller seg i, antatt og ikke målt i noen kilde: %d. En forskjell merket * kan hvile på dem; hvilken som avgjør den, krever en følsomhetsanalyse.")
WORD(S_EFFECT_IN_RULE,
     "effect assumption in the rule file",
     "effektantakelse i regelfilen")
WORD(S_EFFECTS_SHARED,
     "Both models declare the same %d effect assumptions (%s); a difference may still rest on them where one model brings them into play, as services moved into one building meet the co-location effects. Which do takes a sensitivity study.",
     "Begge modellene har de samme %d effektantakelsene (%s); en forskjell kan likevel hvile på dem der én modell tar dem i bruk, slik tjenester som flyttes inn i ett bygg møter effektene av samlokalisering. Hvilke som gjør det, krever en følsomhetsanalyse.")
WORD(S_EFFECTS_NONE,
     "Neither model declares an effect assumption: every difference comes from the mechanisms.",
     "Ingen av modellene har effektantakelser: alle forskjeller kommer fra mekanismene.")
WORD(S_EFFECTS_UNKNOWN,
     "The effect assumptions are unknown: a stored scenario text could not be read.",
     "Effektantakelsene er ukjente: en lagret scenariotekst kunne ikke leses.")
WORD(S_HOLDS,
     "Over the plausible assumptions",
     "Over de plausible antakelsene")
WORD(S_ROBUST_NONE,
     "Robustness: not assessed (no sensitivity study of these models over their plausible assumptions).",
     "Robusthet: ikke vurdert (ingen følsomhetsanalyse av disse modellene over de plausible antakelsene).")
WORD(S_ROBUST,
     "Robustness: both models run at %ld samples of their plausible assumptions (%d numbers with a range); the last column says how often each judgement holds.",
     "Robusthet: begge modellene kjørt ved %ld utvalg av de plausible antakelsene (%d tall med et spenn); siste kolonne viser hvor ofte hver vurdering holder.")
WORD(S_PROVENANCE,
     "Where the figures come from (%s): %d from the sources, %d assumptions, %d calibrated to a target, %d effect assumptions; section 5 lists each.",
     "Hvor tallene kommer fra (%s): %d fra kildene, %d antakelser, %d kalibrert mot et mål, %d effektantakelser; del 5 viser hvert av dem.")
WORD(S_PLANNED_NOT_SAMPLED,
     "a planned input: the same at every sample",
     "planlagt inndata: likt i alle utvalg")
WORD(S_CAL_TITLE,
     "Calibration targets: inputs, not findings",
     "Kalibreringsmål: inndata, ikke funn")
WORD(S_CAL_NOTE,
     "The scenario was tuned to meet these figures from its sources: the parameters in the last column were set so that the model reproduces them. That a model meets them says the calibration holds, not how the services perform; they are marked (calibration target) in the results. Each figure is the mean over the replications with its 95 % interval, within or outside the target's tolerance.",
     "Scenarioet er justert for å treffe disse tallene fra kildene: parameterne i siste kolonne er satt slik at modellen gjenskaper dem. At en modell treffer dem, viser at kalibreringen holder, ikke hvordan tjenestene yter; de er merket (kalibreringsmål) i resultatene. Hvert tall er snittet over replikasjonene med 95 %-intervall, innenfor eller utenfor målets toleranse.")
WORD(S_CAL_TARGET,
     "Target",
     "Mål")
WORD(S_CAL_OUTPUT,
     "Output",
     "Resultat")
WORD(S_CAL_SOURCE,
     "Figure from the source",
     "Tall fra kilden")
WORD(S_CAL_TUNED,
     "Tuned to meet it",
     "Justert for å treffe det")
WORD(S_CAL_PER_YEAR,
     "a year",
     "i året")
WORD(S_CAL_GOAL,
     "%s, %s to %s",
     "%s, %s til %s")
WORD(S_CAL_WITHIN,
     "within",
     "innenfor")
WORD(S_CAL_OUTSIDE,
     "outside",
     "utenfor")
WORD(S_CAL_NOT_MEASURED,
     "not measured by this run (a run whose warm-up ends at the target's first day and horizon at its last measures it)",
     "ikke målt i denne kjøringen (en kjøring der innkjøringsperioden slutter på målets første dag og horisonten på dets siste, måler det)")
WORD(S_CAL_MARK,
     "calibration target",
     "kalibreringsmål")
/* the charts' captions: what to see, written from the data (report_captions.c) */
WORD(S_CAP_AND,
     " and ",
     " og ")
WORD(S_CAP_WAIT,
     "%s: a mean wait of %s days%s; one in ten waits longer than %s days.",
     "%s: gjennomsnittlig ventetid %s dager%s; én av ti venter lenger enn %s dager.")
WORD(S_CAP_QUEUE,
     "%s: %s cases waiting on average after the warm-up%s%s.",
     "%s: %s saker venter i snitt etter innkjøringsperioden%s%s.")
WORD(S_CAP_GROWING,
     "; still growing at the end in %s (%s a month)",
     "; vokser fortsatt på slutten i %s (%s i måneden)")
WORD(S_CAP_SHRINKING,
     "; still shrinking at the end in %s (%s a month)",
     "; krymper fortsatt på slutten i %s (%s i måneden)")
WORD(S_CAP_MOST,
     "%s: the most at %s, %s.%s%s",
     "%s: flest ved %s, %s.%s%s")
WORD(S_CAP_WEAKEST,
     "%s: the weakest is %s, %s.%s%s",
     "%s: svakest er %s, %s.%s%s")
WORD(S_CAP_LINE,
     " The auditors' line there: %s.",
     " Revisjonens terskel der: %s.")
WORD(S_CAP_BELOW_LINE,
     " That is below the auditors' line there (%s).",
     " Det er under revisjonens terskel der (%s).")
WORD(S_CAP_BEYOND,
     " Different beyond noise: %s.",
     " Forskjell utover støyen: %s.")
WORD(S_CAP_NONE_BEYOND,
     " No service differs beyond noise between the models.",
     " Ingen tjeneste skiller seg fra grunnlaget utover støyen.")
WORD(S_CAP_FLOWS,
     "The largest flow: %s → %s, %s a year (%s). %s%s",
     "Den største strømmen: %s → %s, %s i året (%s). %s%s")
WORD(S_CAP_LOST,
     "The most people are lost on the way to %s: %s.",
     "Flest faller ut på veien til %s: %s.")
WORD(S_CAP_NONE_LOST,
     "Nobody is lost on the way between services in these runs.",
     "Ingen faller ut på veien mellom tjenestene i disse kjøringene.")
WORD(S_CAP_FLOW_CHANGE,
     " The flow that changes most: %s → %s, %s (%s) against %s (%s).",
     " Strømmen som endres mest: %s → %s, %s (%s) mot %s (%s).")
WORD(S_CAP_DUTY,
     "%s (%s) in %s",
     "%s (%s) i %s")
WORD(S_CAP_LINES,
     "Dashed: the auditors' thresholds for %s.",
     "Stiplet: revisjonens terskler for %s.")
WORD(S_CAP_BELOW,
     " Below its line: %s.",
     " Under terskelen: %s.")
WORD(S_CAP_NONE_BELOW,
     " No duty is below its line.",
     " Ingen plikt er under terskelen.")
WORD(S_CAP_STRADDLE,
     " Too close to call (the interval straddles the line): %s.",
     " For nær til å avgjøre (intervallet krysser terskelen): %s.")
WORD(S_CAP_NO_LINES,
     "Coordination and decisions, all services: the scenario gives no auditors' thresholds for these shares.",
     "Koordinering og vedtak, alle tjenester: scenarioet gir ingen terskler fra revisjonen for disse andelene.")
WORD(S_TO_TARGET,
     "to target",
     "kalibreringsmål")
