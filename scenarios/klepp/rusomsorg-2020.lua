-- Klepp kommune: substance-use care (rusomsorg) and mental health for adults and young adults, 2020.
--
-- Source: Deloitte's performance audit "Forvaltningsrevisjon av rusomsorg", Klepp kommune
-- (November 2020, nynorsk), seeds/004_15bdc4ceb907a75c.txt, digested in seeds/seed-004.md.
-- "seed-004 Lnnn" is a line of the source file.
--
-- The shape: a purchaser-provider split (L387).  Tenestekontoret (two case workers for mental
-- health and substance use, L375) maps the need and makes the vedtak, about one month on average
-- (L393).  Its draft vedtak goes to the service's weekly koordinerings- og fagmøte (department
-- leader, senior nurse, senior social educator and doctor), which reviews it, proposes the wording
-- where Tenestekontoret is in doubt and assigns a contact person; the case then goes back to
-- Tenestekontoret, which finalises the vedtak and sends it (L391).  So the meeting is part of
-- making the vedtak, before it is final, not at the provider's door: here it is the stage
-- "fagmote" between Tenestekontoret's draft and the provider, and the providers take the user
-- without a meeting of their own.  The providers: the day department (Team 1 and 2, about 280
-- users, L628; and Pluss 16, 67 users aged 16-30, L176) and the 24-hour department (23 users:
-- four in the base's flats in Fredtunvegen, the rest followed by the ambulant team in evenings,
-- nights and weekends, L299, L626).  38.63 FTE in all (L638; split below by assumption).
-- Housing: Bustadkontoret decides on municipal dwellings (L178, L1030); there is no waiting list
-- for new dwellings for this group (L1034); acute housing is NAV's (L981, L1513-1517).
-- Aftercare: the contact person's, starting before discharge from treatment (L487), and the
-- intermunicipal Ny Start Jæren (L1086-1104).  Individual plans: only 3 users with substance
-- problems have one in SamPro (L754); the others get a simpler action plan (L756).
--
-- The 24-hour department's capacity is in hours: a user may have a vedtak of 3 hours a week while
-- the need varies from 0 to 7 (L640).  The engine draws one weekly need per case (case_hours),
-- so the spread between users stands in for the spread from week to week.
--
-- CALIBRATION (no figure in the source but the user counts): incidence, severity mixes and
-- episode lengths are calibrated(...) so that the mean caseloads come near 280 (day teams), 67
-- (Pluss 16) and 23 (24-hour department) -- calibration.targets, at the end: inputs, not
-- findings -- and Tenestekontoret's processing so that application to vedtak takes about a month.
-- The run starts seven years early (follow-up lasts years) and measures 2020.

-- Figures reached (`samsim run scenarios/klepp/rusomsorg-2020.lua --reps 10`, seed 1): mean
-- caseloads day teams ~273 (280, L628), Pluss 16 ~69 (67, L176), 24-hour department ~22 (23,
-- L626) -- the calibration targets, inputs not findings; Tenestekontoret: about 188 vedtak a year,
-- the draft after about 18 days (84 % within 30), then about 3.5 days' wait for the fagmøte, a
-- hand-off and the finishing: about 27 days from application to vedtak (a month, L393).

local POPULATION = 19700   -- EXTERNAL (SSB, 2020); the source gives none.  Its own bound: the
                           -- 18-66 population is under about 12,350 (digest §2.4, from L186).

-- The severity mixes are assumptions, not calibrated numbers: their shares must sum to 1, so no one
-- of them can carry a range of its own; the 24-hour count (dogn_users) is met through the
-- calibrated incidences and episode lengths below, which carry ranges.
local SEV = assume({ 0.36, 0.6, 0.04 }, { "users of a municipal service are mostly moderate; a few resource-intensive (23 of 370, L176)",
                                          nb = "brukere av en kommunal tjeneste har for det meste moderate plager; noen få er ressurskrevende (23 av 370, L176)" })
local SEV_ROP = assume({ 0.2, 0.6, 0.2 }, { "ROP users need more; a fifth resource-intensive (L308-311)",
                                            nb = "ROP-brukere trenger mer; en femtedel er ressurskrevende (L308-311)" })
-- A source quoted in Norwegian reads the same in both languages.
local function quoted(text) return { text, nb = text } end
local NO_INCIDENCE = { "incidence not in the source; set so that the user counts come out (L176, L626, L628)",
                       nb = "forekomsten står ikke i kilden; satt slik at brukertallene stemmer (L176, L626, L628)" }
-- Incidence streams whose levels were set to meet a user count (calibration.targets).
-- Range: +-25 % (the user counts are single figures, and several streams meet each).
-- An age band held at its 2020 size through the warm-up; count is its share of POPULATION.
local function cohort(lo, hi, count, why)
  return {
    ages = assume({ lo, hi }, { "age band", nb = "aldersgruppe" }),
    count = assume(count, why),
    growth = assume(0, { "held at the 2020 size through the warm-up", nb = "holdt på 2020-nivået gjennom innkjøringsperioden" }),
  }
end

local function incidence(per_1000, target, why)
  return calibrated(per_1000, target, why or NO_INCIDENCE, { per_1000 * 0.75, per_1000 * 1.25 })
end

return {
  name = "Klepp kommune, rusomsorg og psykisk helse, 2020",
  description = {
    "Adults and young adults with substance and/or mental-health problems in Klepp, 2020 (Deloitte audit): " ..
      "Tenestekontoret (vedtak), day and 24-hour departments, Pluss 16, housing, aftercare.",
    nb = "Voksne og unge voksne med rusproblemer og/eller psykiske plager i Klepp, 2020 (Deloittes revisjon): " ..
      "Tenestekontoret (vedtak), dag- og døgnavdelingen, Pluss 16, bolig, ettervern.",
  },

  calendar = {
    start = "2013-01-01",
    horizon_days = assume(2922, { "2013-2020: seven warm-up years (follow-up and tenancies last years) and 2020 measured",
                                  nb = "2013–2020: sju års innkjøring (oppfølging og leieforhold varer i årevis), og 2020 måles" }),
    warmup_days = assume(2556, { "2013-2019", nb = "2013–2019" }),
    working_days = "mon-fri",
    holidays = "norway",
    summer = { from = "07-01", to = "08-09",
               capacity = assume(0.7, { "summer leave; the 24-hour service is staffed through the summer",
                                        nb = "sommerferie; døgntjenesten er bemannet hele sommeren" }),
               applies_to = assume({ "staffed_hours", "case_slots" }, { "staff take leave; dwellings and residential places stay open",
                                                                        nb = "de ansatte tar ferie; boliger og botilbud holder åpent" }) },
  },

  needs = { "psych", "substance", "rop", "housing" },

  -- 30: Pluss 16 is for ages 16-30 (L176, L628); after that the adult day teams.
  age_boundaries = cite({ 30 }, quoted("seed-004 L176: Pluss 16 for unge mellom 16 og 30 år")),

  organisation = {
    sectors = {
      hv = "Helse og velferd (kommunalsjef)",                                          -- L170
      spes = { name = "Spesialisthelsetenesta (Helse Stavanger, Jæren DPS, TSB)", external = true },  -- L417-485
      jaeren = { name = "Interkommunalt (Ny Start Jæren)", external = true },              -- L1086
    },
    -- Buildings: the source names only the 24-hour base in Fredtunvegen (L626) and that the
    -- housing office sits with Tenestekontoret (L948); the rest are assumptions.
    buildings = { inngangen = "Inngangen (Tenestekontoret og Bustadkontoret)", dag = "Dagtenesta",
                  fredtunvegen = "Døgnbase Fredtunvegen", nav = "NAV Klepp", spes = "Jæren DPS / TSB",
                  nystart = "Ny Start Jæren" },
    units = {
      -- The day and 24-hour departments were split on 1.1.2020 (L176) but the day leader holds the
      -- budget for both and supervises the 24-hour leader (L319), and they share cars, medicine
      -- room and senior nurse (L297): one leader for hand-offs.
      dag = { name = "Avdeling for dagtenester (Team 1, Team 2, Pluss 16)", sector = "hv", building = "dag", leader = "psykrus" },
      dogn = { name = "Avdeling for døgntenester (base og ambulant team)", sector = "hv", building = "fredtunvegen", leader = "psykrus" },
      inngangen = { name = "Inngangen: Tenestekontoret og Bustadkontoret", sector = "hv", building = "inngangen", leader = "inngangen" },
      nav = { name = "NAV Klepp", sector = "hv", building = "nav", leader = "nav" },                 -- L170
      spes = { name = "Jæren DPS, TSB-institusjonar", sector = "spes", building = "spes", leader = "spes" },
      nystart = { name = "Ny Start Jæren", sector = "jaeren", building = "nystart", leader = "nystart" },
    },
    shared_log = false,
  },

  -- Hand-off costs by distance (assumptions).  The source: the service usually does not know the
  -- case until the vedtak is made, and a long processing time can weaken motivation (L393);
  -- Tenestekontoret lacks knowledge of the users (L377); some DPS wards discharge without telling
  -- the municipality (L465).
  handoffs = {
    same_unit = { delay = assume({ "exponential", mean = 2 }, { "within the department", nb = "innen avdelingen" }),
                  info_loss = assume(0.05, { "the contact person knows the user (L750)", nb = "kontaktpersonen kjenner brukeren (L750)" }),
                  rejection = assume(0.02, { "little", nb = "lite" }), lost = assume(0.005, { "almost nobody", nb = "nesten ingen" }) },
    same_sector = { delay = assume({ "exponential", mean = 5 }, { "vedtak sent, then the service makes contact (L393)",
                                                                  nb = "vedtaket sendes, så tar tjenesten kontakt (L393)" }),
                    info_loss = assume(0.2, { "Tenestekontoret lacks knowledge of the users (L377)",
                                              nb = "Tenestekontoret mangler kjennskap til brukerne (L377)" }),
                    rejection = assume(0.03, { "the vedtak has been through the fagmøte, which adjusts rather than refuses (L391)",
                                               nb = "vedtaket har vært gjennom fagmøtet, som heller justerer enn avslår (L391)" }),
                    lost = assume(0.04, { "motivation fades while waiting for the vedtak (L393)",
                                          nb = "motivasjonen svekkes mens brukeren venter på vedtaket (L393)" }) },
    across_sectors = { delay = assume({ "exponential", mean = 10 }, { "across sectors", nb = "mellom sektorer" }),
                       info_loss = assume(0.3, { "separate systems", nb = "atskilte systemer" }),
                       rejection = assume(0.1, { "wrong door", nb = "feil dør" }), lost = assume(0.05, { "some give up", nb = "noen gir opp" }) },
    outside = { delay = assume({ "exponential", mean = 14 }, { "to or from specialist care", nb = "til eller fra spesialisthelsetjenesten" }),
                info_loss = assume(0.4, { "some wards discharge without notice (L465)", nb = "noen sengeposter skriver ut uten å varsle (L465)" }),
                rejection = assume(0.1, { "specialist care turns down part of the referrals",
                                          nb = "spesialisthelsetjenesten avviser en del av henvisningene" }),
                lost = assume(0.05, { "missed follow-up at discharge (L465)", nb = "manglende oppfølging ved utskriving (L465)" }) },
    -- Effect assumptions (effect()): what sharing a building or a record is assumed to do to the
    -- costs above.  No source measures them; the models that co-locate services or share a record
    -- rest on them.
    -- Ranges: no source measures any of them, so each runs from almost no effect (a factor
    -- near 1) to about twice the assumed reduction.
    co_location = { delay = effect(0.7, { "same building", nb = "samme bygg" }, { 0.4, 0.95 }),
                    info_loss = effect(0.7, { "talk in the corridor", nb = "prat i korridoren" }, { 0.4, 0.95 }),
                    rejection = effect(0.8, { "know each other's offer", nb = "kjenner hverandres tilbud" }, { 0.6, 1.0 }),
                    lost = effect(0.7, { "walked over", nb = "fulgt over til neste tjeneste" }, { 0.4, 0.95 }) },
    shared_log = { delay = effect(0.8, { "the log travels with the case", nb = "loggen følger saken" }, { 0.6, 1.0 }),
                   info_loss = effect(0.3, { "the next service reads the log", nb = "neste tjeneste leser loggen" }, { 0.1, 0.6 }),
                   rejection = effect(0.7, { "the log shows what was tried", nb = "loggen viser hva som er prøvd" }, { 0.4, 0.95 }),
                   lost = effect(0.5, { "nobody falls out of the log", nb = "ingen faller ut av loggen" }, { 0.2, 0.9 }) },
    reassessment = assume({ "uniform", min = 3, max = 10 }, { "a new kartleggingssamtale (L377, L385)",
                                                              nb = "en ny kartleggingssamtale (L377, L385)" }),
    max_bounces = assume(3, { "after three rejections a person gives up", nb = "etter tre avvisninger gir personen opp" }),
  },

  doors = {
    gp = { name = "Fastlege (tilvising)", route = "tenestekontoret" },                          -- L377, L433
    institusjon = { name = "Behandlingsinstitusjon / spesialisthelsetenesta (tilvising, pakkeforløp)", unit = "spes",
                    route = "tenestekontoret" },                                                  -- L377, L433
    soknad = { name = "Søknad (eigen)", unit = "inngangen",
               route = { by_need = { housing = "bustad" }, default = "tenestekontoret" } },       -- L433, L1030
    parorande = { name = "Pårørande eller ny brukar direkte til avdelinga", unit = "dag",
                  route = "tenestekontoret" },                                                     -- L395
    nav = { name = "NAV (vekentleg møte med Pluss 16; mellombels bustad)", unit = "nav",
            route = { by_need = { housing = "nav_mellombels" }, default = "pluss16" } },            -- L407, L981
  },

  services = {
    tenestekontoret = {
      name = "Tenestekontoret (kartlegging og vedtak)", unit = "inngangen",
      fte = cite(2, quoted("seed-004 L375: to sakhandsamarar/tenestekoordinatorar for psykisk helse og rus")),
      case_share = assume(0.9, { "case work; the pathway coordinator is also here (L435)",
                                 nb = "saksbehandling; forløpskoordinatoren er også her (L435)" }),
      capacity = { slots_per_fte = assume(12, { "applications a case worker has under way (Little's law: ~200 a year x ~25 days)",
                                                nb = "søknader en saksbehandler har under arbeid (Littles lov: ~200 i året x ~25 dager)" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte kan ha: sommerferien reduserer antallet" }) },
      intake = assume(0, { "the mapping interview is part of the processing", nb = "kartleggingssamtalen er en del av saksbehandlingen" }),
      -- Set so that application to vedtak takes about a month (L393); not a listed target, as that
      -- time spans two stages (this and fagmote) and no single result measures it.
      episode = assume({ "gamma", mean = 18, sd = 10 }, { "mapping and the draft vedtak; with the weekly fagmøte and the finishing, about one month (L393)",
                                                          nb = "kartlegging og utkast til vedtak; med det ukentlige fagmøtet og " ..
                                                                "ferdigstillingen om lag en måned (L393)" }),
      -- The engine measures a decision limit per service: here from the application to the draft;
      -- the fagmøte and the finishing add about a week (the stage fagmote).
      decision_limit_days = assume(30, { "forvaltningsloven § 11 a: a preliminary reply when a case takes over a month (EXTERNAL, seed-001 digest R29)",
                                         nb = "forvaltningsloven § 11 a: foreløpig svar når en sak tar mer enn en måned (ekstern kilde, " ..
                                               "seed-001 digest R29)" }),
      next = "fagmote",
    },
    fagmote = {
      -- The draft waits for the service's weekly meeting; the episode is Tenestekontoret finishing
      -- the vedtak and sending it.  The case stays Tenestekontoret's, so the stage is its unit.
      name = "Koordinerings- og fagmøtet (utkast til vedtak, kontaktperson), så ferdigstilling", unit = "inngangen",
      capacity = "unlimited",
      meeting = { every_weeks = cite(1, quoted("seed-004 L391: eit fast koordinerings- og fagmøte ... kvar veke; forslag til vedtak frå Tenestekontoret blir gjennomgått")),
                  weekday = "tue", held = assume(1, { "a fixed weekly meeting", nb = "et fast ukentlig møte" }) },
      episode = assume({ "uniform", min = 1, max = 5 }, { "back to Tenestekontoret for ferdigstilling og utsending (L391)",
                                                          nb = "tilbake til Tenestekontoret for ferdigstilling og utsending (L391)" }),
      next = "rules/klepp/vedtak_route.lua",
    },
    dag = {
      name = "Dagtenesta, Team 1 og 2 (vaksne)", unit = "dag",
      fte = assume(17, { "of the 38.63 FTE (L638): 31 staff in the day department, 18 of them full-time (L638), less Pluss 16",
                         nb = "av de 38,63 årsverkene (L638): 31 ansatte i dagavdelingen, 18 av dem på heltid (L638), minus Pluss 16" }),
      case_share = assume(0.75, { "the rest: groups, reporting, cooperation, the leader's tasks (L319)",
                                  nb = "resten: grupper, rapportering, samarbeid, lederoppgaver (L319)" }),
      capacity = { hours_per_fte_week = assume(37.5, { "a full-time week", nb = "en heltidsuke" }),
                   case_hours = { "gamma", mean = calibrated(1.5, "dag_users", { "talks and follow-up, about 1.5 hours a week per user; " ..
                                                               "range: one to two hours",
                                                                                 nb = "samtaler og oppfølging, om lag 1,5 timer i uka per bruker; spenn: én " ..
                                                                                       "til to timer" }, { 1, 2 }),
                                  sd = assume(1, { "lengths vary: about two thirds of the mean",
                                                   nb = "lengden varierer: om lag to tredjedeler av snittet" }) },
                   kind = assume("staffed_hours", { "staff hours: summer leave shortens them", nb = "de ansattes timer: sommerferien reduserer dem" }) },
      eligibility = { ages = assume({ 18, 120 }, { "adults; the young go to Pluss 16", nb = "voksne; de unge går til Pluss 16" }) },
      intake = assume({ "uniform", min = 3, max = 14 }, { "first meeting with the contact person named at the fagmøte (L391), tiltaksplan (L1247)",
                                                          nb = "første møte med kontaktpersonen som ble utpekt i fagmøtet (L391), tiltaksplan " ..
                                                                "(L1247)" }),
      episode = { "lognormal", mean = calibrated(650, "dag_users", { "follow-up over years; vedtak renewed (L1247); range: 1.25 to 2.5 years",
                                                                     nb = "oppfølging over flere år; vedtak fornyes (L1247); spenn: 1,25 til 2,5 " ..
                                                                           "år" },
                                                 { 450, 900 }),
                  sd = assume(450, { "follow-up lengths vary widely", nb = "oppfølgingen varer svært ulikt" }) },
      next = assume({ discharge = 0.8, tsb = 0.15, dps = 0.05 },
        { "most end; some are helped into treatment (innsøking, L309); a few need the DPS",
          nb = "de fleste avslutter; noen får hjelp inn i behandling (innsøking, L309); noen få trenger DPS" }),
    },
    pluss16 = {
      name = "Pluss 16 (16-30 år)", unit = "dag",
      fte = assume(6.5, { "of the 38.63 FTE (L638): one of three teams of 6-9 staff (L628)",
                          nb = "av de 38,63 årsverkene (L638): ett av tre team med 6–9 ansatte (L628)" }),
      case_share = assume(0.8, { "outreach, groups and availability in the evening (L914)",
                                 nb = "oppsøkende arbeid, grupper og tilgjengelighet på kveldstid (L914)" }),
      capacity = { slots_per_fte = calibrated(15, "pluss16_users", { "about 67 users (L176) for about 5 case-FTE; range: 10-20",
                                                                     nb = "om lag 67 brukere (L176) på om lag 5 årsverk til saker; spenn: 10–20" },
                                              { 10, 20 }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte kan ha: sommerferien reduserer antallet" }) },
      eligibility = { ages = cite({ 16, 30 }, quoted("seed-004 L176, L628: aldersgruppa 16 til 30 år")) },
      meeting = { every_weeks = cite(1, quoted("seed-004 L407: samarbeidsmøte med NAV kvar veke")), weekday = "thu",
                  held = assume(1, { "a fixed weekly meeting", nb = "et fast ukentlig møte" }) },
      intake = assume({ "uniform", min = 3, max = 14 }, { "meeting the young person where they are (L914)",
                                                          nb = "møter den unge der den unge er (L914)" }),
      episode = { "lognormal", mean = calibrated(450, "pluss16_users", { "follow-up over a year or more; range: 9 months to 2 years",
                                                                         nb = "oppfølging over ett år eller mer; spenn: 9 måneder til 2 år" },
                                                 { 270, 730 }),
                  sd = assume(300, { "follow-up lengths vary widely", nb = "oppfølgingen varer svært ulikt" }) },
      next = assume({ discharge = 0.85, dag = 0.1, tsb = 0.05 }, { "most end; some need adult follow-up or treatment",
                                                                   nb = "de fleste avslutter; noen trenger oppfølging for voksne eller behandling" }),
      at_age = "rules/common/age_transition.lua",
    },
    dogn_base = {
      name = "Døgntenesta: døgnbase Fredtunvegen (4 leilegheiter)", unit = "dogn",
      fte = assume(7.13, { "of the 38.63 FTE (L638): staffed round the clock for four residents (168 h x ~1.5 staff / 35.5 h)",
                           nb = "av de 38,63 årsverkene (L638): døgnbemannet for fire beboere (168 t x ~1,5 ansatte / 35,5 t)" }),
      staff_share = assume(1, { "the staff serve these residents only: a few residents per FTE is what staffing round the clock means, " ..
                             "not spare capacity",
                                nb = "de ansatte betjener bare disse beboerne: få beboere per årsverk er det døgnbemanning innebærer, ikke " ..
                                      "ledig kapasitet" }),
      case_share = assume(1, { "the staff are with the residents", nb = "de ansatte er hos beboerne" }),
      capacity = { slots = cite(4, quoted("seed-004 L626: fire brukarar som bur i kvar sin leilegheit")),
                   kind = cite("places", { "seed-004 L626: fire brukarar som bur i kvar sin leilegheit (apartments: they do not close in July)",
                                           nb = "seed-004 L626: fire brukarar som bur i kvar sin leilegheit (leiligheter: de stenger ikke i juli)" }) },
      intake = assume({ "uniform", min = 7, max = 30 }, { "moving in", nb = "innflytting" }),
      episode = assume({ "lognormal", mean = 1460, sd = 900 }, { "residents stay years", nb = "beboerne blir boende i årevis" }),
      next = assume({ dogn_ambulant = 0.5, discharge = 0.5 }, { "moving out, half still need the ambulant team",
                                                                nb = "ved utflytting trenger halvparten fortsatt det ambulante teamet" }),
    },
    dogn_ambulant = {
      name = "Døgntenesta: ambulant team (kveld, natt, helg)", unit = "dogn",
      fte = assume(8, { "of the 38.63 FTE (L638): 33 staff, only 8 in 80-100 % positions (L638)",
                        nb = "av de 38,63 årsverkene (L638): 33 ansatte, bare 8 i 80–100 % stilling (L638)" }),
      case_share = assume(0.35, { "much time is readiness in evenings, nights and weekends (L299), TUD medication (L467) and the DPS ACT team's tasks (L471)",
                                  nb = "mye av tiden er beredskap kveld, natt og helg (L299), TUD-medisinering (L467) og oppgaver for " ..
                                        "ACT-teamet ved DPS (L471)" }),
      capacity = { hours_per_fte_week = assume(35.5, { "a rota week", nb = "en turnusuke" }),
                   case_hours = cite({ "triangular", min = 0, mode = 3, max = 7 }, quoted("seed-004 L640: vedtak på tre timar per veke, behov frå ingen til sju timar")),
                   kind = assume("staffed_hours", { "staff hours: summer leave shortens them", nb = "de ansattes timer: sommerferien reduserer dem" }) },
      intake = assume({ "uniform", min = 2, max = 10 }, { "the contact person and the plan", nb = "kontaktpersonen og planen" }),
      episode = { "lognormal", mean = calibrated(730, "dogn_users", { "resource-intensive users are followed for years; range: 1.5 to 3 years",
                                                                      nb = "ressurskrevende brukere følges i årevis; spenn: 1,5 til 3 år" },
                                                 { 550, 1100 }),
                  sd = assume(500, { "follow-up lengths vary widely", nb = "oppfølgingen varer svært ulikt" }) },
      next = assume({ discharge = 0.7, dag = 0.2, tsb = 0.1 }, { "some move to the day teams, some into treatment",
                                                                 nb = "noen går over til dagteamene, noen inn i behandling" }),
    },
    bustad = {
      name = "Bustadkontoret (søknad om kommunal bustad)", unit = "inngangen",
      fte = assume(1, { "the leader of Bustadkontoret processes all applications (L1030)",
                        nb = "lederen av Bustadkontoret behandler alle søknadene (L1030)" }),
      staff_share = cite(0.3, { "seed-004 L1036-1038: of the 99 applications decided in a year (109 less 10 not finished), 26 " ..
                           "allocations or extensions and 3 refusals concerned substance and/or mental health: 29 / 99; " ..
                           "range: the allocations alone (26 / 99) to those with the refusals of unknown cause",
                                nb = "seed-004 L1036-1038: av de 99 søknadene som ble avgjort i løpet av et år (109 minus 10 som ikke var " ..
                                      "ferdigbehandlet), var det 26 tildelinger eller forlengelser og 3 avslag som gjaldt rus og/eller psykisk " ..
                                      "helse: 29 / 99; spenn: fra tildelingene alene (26 / 99) til tildelingene pluss avslagene med ukjent grunn" },
                         { 0.25, 0.4 }),
      case_share = assume(0.5, { "half the leader's time goes to applications (109 a year of all kinds, L1036)",
                                 nb = "halvparten av lederens tid går til søknader (109 i året av alle slag, L1036)" }),
      capacity = { slots_per_fte = assume(20, { "applications under way", nb = "søknader under behandling" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte kan ha: sommerferien reduserer antallet" }) },
      episode = assume({ "gamma", mean = 21, sd = 10 }, { "processing; no time in the source", nb = "saksbehandling; ingen tid oppgitt i kilden" }),
      next = assume({ kommunal_bustad = 0.9, discharge = 0.1 },
        { "June 2019-June 2020, 22 applications of all kinds were refused (L1038), but only 3 of the 22 concerned tenants with " ..
          "substance problems (L1038), against 26 of the 77 allocations or extensions that concerned substance and/or mental health " ..
          "(L1036): about 3 / (26 + 3) = 0.1 (DERIVED; refusals for mental health alone are not given)",
          nb = "juni 2019–juni 2020 fikk 22 søknader av alle slag avslag (L1038), men bare 3 av de 22 gjaldt leietakere med rusproblemer " ..
                "(L1038), mot 26 av de 77 tildelingene eller forlengelsene som gjaldt rus og/eller psykisk helse (L1036): om lag 3 / (26 + 3) = " ..
                "0,1 (utledet; avslag for psykisk helse alene er ikke oppgitt)" }),
    },
    kommunal_bustad = {
      name = "Kommunal bustad (rus og psykisk helse)", unit = "inngangen",
      capacity = { slots = assume(100, { "more than 80 with substance dependence or ROP in permanent housing (L989), and vacant units (28 of 224 empty, L987)",
                                         nb = "mer enn 80 med rusavhengighet eller ROP i fast bolig (L989), og ledige boliger (28 av 224 " ..
                                               "tomme, L987)" }),
                   kind = assume("places", { "dwellings (L987: 224 units): they do not shrink in July",
                                             nb = "boliger (L987: 224 enheter): de blir ikke færre i juli" }) },
      eligibility = { ages = cite({ 18, 120 }, quoted("seed-004 L1021: søkar må ha fylt 18 år")) },
      intake = assume({ "uniform", min = 7, max = 30 }, { "contract meeting and moving in (L1032)", nb = "kontraktsmøte og innflytting (L1032)" }),
      episode = assume({ "lognormal", mean = 2190, sd = 1400 }, { "3-year contracts (L1032), usually renewed: about six years",
                                                                  nb = "treårskontrakter (L1032), som regel fornyet: om lag seks år" }),
      next = "discharge",
    },
    nav_mellombels = {
      name = "NAV: mellombels bustad", unit = "nav", capacity = "unlimited",
      intake = assume(0, { "decided the same day (rundskriv 35 on sosialtenestelova § 27, L1513)",
                           nb = "avgjort samme dag (rundskriv 35 til sosialtenestelova § 27, L1513)" }),
      episode = cite({ "uniform", min = 7, max = 90 }, quoted("seed-004 L1517: aldri vare meir enn 3 månadar")),
      next = assume({ bustad = 0.5, discharge = 0.5 }, { "half apply for a municipal dwelling", nb = "halvparten søker om kommunal bolig" }),
    },
    ny_start = {
      name = "Ny Start Jæren (ettervern)", unit = "nystart",
      fte = assume(0.5, { "Klepp's quarter of 2.0 FTE for four municipalities (L1096)",
                          nb = "Klepps fjerdedel av 2,0 årsverk for fire kommuner (L1096)" }),
      case_share = assume(0.9, { "individual follow-up and the programme (L1096)", nb = "individuell oppfølging og programmet (L1096)" }),
      capacity = { slots_per_fte = assume(12, { "a small group, five days a week (L1104)", nb = "en liten gruppe, fem dager i uka (L1104)" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte kan ha: sommerferien reduserer antallet" }) },
      intake = assume({ "uniform", min = 3, max = 14 }, { "a mapping interview, no application (L1098)",
                                                          nb = "en kartleggingssamtale, ingen søknad (L1098)" }),
      episode = assume({ "gamma", mean = 300, sd = 150 }, { "a programme of months, towards work (L1126)",
                                                            nb = "et program over flere måneder, med arbeid som mål (L1126)" }),
      next = "discharge",
    },
    tsb = {
      name = "TSB-institusjonar (rusbehandling)", unit = "spes", capacity = "unlimited",          -- L475-485
      eligibility = { ages = assume({ 18, 120 }, { "specialised substance treatment for adults",
                                                   nb = "tverrfaglig spesialisert rusbehandling (TSB) for voksne" }) },
      -- The municipality applies for a place on the user's behalf (seed-004 L309: "Innsøking til
      -- behandling"); the report gives no waiting time for TSB (seed-004 digest: the only time figure
      -- in the report is the case-processing month, L393), so the wait is an assumption.
      external_wait = { "triangular",
        min = assume(14, { "the shortest wait for a start in specialised substance treatment: about two weeks",
                           nb = "den korteste ventetiden før start i tverrfaglig spesialisert rusbehandling: om lag to uker" }),
        mode = assume(16, { "most start after about two weeks", nb = "de fleste starter etter om lag to uker" }),
        max = assume(60,
          { "from the application (innsøking, seed-004 L309) to the start of treatment: 2 weeks to 2 months; " ..
          "no figure in the source (EXTERNAL: TSB waits nationally averaged about a month); triangular 14-60 days, most near two weeks, mean 30" ..
          "; range of the longest wait: 45 to 75 days, a mean of 25 to 35, about a month",
          nb = "fra søknaden (innsøking, seed-004 L309) til behandlingsstart: 2 uker til 2 måneder; " ..
               "ingen tall i kilden (ekstern kilde: ventetiden i TSB var nasjonalt om lag en måned i snitt); triangelfordelt 14–60 dager, de fleste nær to uker, snitt 30" ..
               "; spenn for den lengste ventetiden: 45 til 75 dager, et snitt på 25 til 35, om lag en måned" }, { 45, 75 }) },
      episode = assume({ "gamma", mean = 150, sd = 90 }, { "institutional or outpatient treatment",
                                                            nb = "behandling i institusjon eller poliklinisk" }),
      next = "rules/klepp/aftercare.lua",
    },
    dps = {
      name = "Jæren DPS", unit = "spes", capacity = "unlimited",                                 -- L439-471
      eligibility = { ages = assume({ 18, 120 }, { "adult psychiatry", nb = "psykisk helsevern for voksne" }) },
      external_wait = { "uniform",
        min = assume(20, { "the shortest wait for a start in specialist care: about three weeks",
                           nb = "den korteste ventetiden før start i spesialisthelsetjenesten: om lag tre uker" }),
        max = assume(70,
          { "from referral to the start of treatment at the DPS; no figure in the source (seed-004 L140: specialist care was not audited); " ..
          "uniform 20-70 days, mean 45, the middle of the 40-50 days that national mean waits in adult psychiatry were in these years (EXTERNAL: Helsedirektoratet's waiting-time statistics; check against the region's own figures)" ..
          "; range of the longest wait: 60 to 80 days, a mean of 40 to 50, the national means of these years",
          nb = "fra henvisning til behandlingsstart ved DPS; ingen tall i kilden (seed-004 L140: spesialisthelsetjenesten ble ikke revidert); " ..
               "jevnt fordelt 20–70 dager, snitt 45, midt i de 40–50 dagene som var nasjonal gjennomsnittlig ventetid i psykisk helsevern for voksne i disse årene (ekstern kilde: Helsedirektoratets ventetidsstatistikk; kontroller mot regionens egne tall)" ..
               "; spenn for den lengste ventetiden: 60 til 80 dager, et snitt på 40 til 50, de nasjonale snittene i disse årene" }, { 60, 80 }) },
      episode = assume({ "gamma", mean = 120, sd = 80 }, { "specialist treatment", nb = "behandling i spesialisthelsetjenesten" }),
      next = "rules/common/step_up.lua:next_dag",
    },
  },

  population = {
    ["16-17"] = cohort(16, 18, POPULATION * 0.028, { "about 2.8 % of the population (EXTERNAL)",
                                                    nb = "om lag 2,8 % av befolkningen (ekstern kilde)" }),
    ["18-29"] = cohort(18, 30, POPULATION * 0.15, { "about 15 % (EXTERNAL)", nb = "om lag 15 % (ekstern kilde)" }),
    ["30-66"] = cohort(30, 67, POPULATION * 0.47, { "about 47 % (EXTERNAL; 18-66 under ~12,350, §2.4)",
                                                   nb = "om lag 47 % (ekstern kilde; 18–66 år under ~12 350, jf. L186)" }),
    ["67+"] = cohort(67, 95, POPULATION * 0.13, { "about 13 % (EXTERNAL)", nb = "om lag 13 % (ekstern kilde)" }),
  },


  demand = {
    { need = "psych", cohort = "16-17", per_1000_per_year = incidence(8, "pluss16_users"), severity = SEV,
      door = assume({ nav = 0.5, gp = 0.5 }, { "most young people come via NAV (L914)",
                                               nb = "de fleste unge kommer via NAV (L914)" }), seasonal = false,
      complex_share = assume(0.2, { "some need several services", nb = "noen trenger flere tjenester" }) },
    { need = "psych", cohort = "18-29", per_1000_per_year = incidence(15, "pluss16_users"), severity = SEV,
      door = assume({ nav = 0.5, gp = 0.3, soknad = 0.2 }, { "most young people come via NAV (L407, L914)",
                                                             nb = "de fleste unge kommer via NAV (L407, L914)" }), seasonal = false,
      complex_share = assume(0.2, { "some need several services", nb = "noen trenger flere tjenester" }) },
    { need = "substance", cohort = "18-29", per_1000_per_year = incidence(6, "pluss16_users"), severity = SEV,
      door = assume({ nav = 0.3, gp = 0.4, institusjon = 0.2, soknad = 0.1 }, { "GP and institutions refer most (L377)",
                                                                                nb = "fastlege og institusjoner henviser de fleste (L377)" }), seasonal = false,
      complex_share = assume(0.3, { "substance problems often come with other needs", nb = "rusproblemer kommer ofte sammen med andre behov" }) },
    { need = "rop", cohort = "18-29", per_1000_per_year = incidence(1.5, "dogn_users"), severity = SEV_ROP,
      door = assume({ gp = 0.5, institusjon = 0.5 }, { "ROP users come through GP and specialist care (L377, L433)",
                                                       nb = "ROP-brukere kommer via fastlege og spesialisthelsetjenesten (L377, L433)" }), seasonal = false,
      complex_share = assume(0.6, { "ROP: long-term and coordinated needs", nb = "ROP: langvarige behov for koordinerte tjenester" }) },
    { need = "psych", cohort = "30-66", per_1000_per_year = incidence(9, "dag_users"), severity = SEV,
      door = assume({ gp = 0.6, institusjon = 0.2, soknad = 0.15, parorande = 0.05 }, { "the GP is the main referrer (L377)",
                                                                                        nb = "fastlegen er den viktigste henviseren (L377)" }),
      seasonal = false, complex_share = assume(0.2, { "some need several services", nb = "noen trenger flere tjenester" }) },
    { need = "substance", cohort = "30-66", per_1000_per_year = incidence(5, "dag_users"), severity = SEV,
      door = assume({ gp = 0.5, institusjon = 0.3, soknad = 0.1, parorande = 0.1 },
        { "GP and institutions (L377); relatives contact the department a few times a year (L395)",
          nb = "fastlege og institusjoner (L377); pårørende kontakter avdelingen noen få ganger i året (L395)" }), seasonal = false,
      complex_share = assume(0.3, { "substance problems often come with other needs", nb = "rusproblemer kommer ofte sammen med andre behov" }) },
    { need = "rop", cohort = "30-66", per_1000_per_year = incidence(1.2, "dogn_users"), severity = SEV_ROP,
      door = assume({ gp = 0.5, institusjon = 0.5 }, { "ROP users come through GP and specialist care",
                                                       nb = "ROP-brukere kommer via fastlege og spesialisthelsetjenesten" }), seasonal = false,
      complex_share = assume(0.6, { "ROP: long-term and coordinated needs", nb = "ROP: langvarige behov for koordinerte tjenester" }) },
    { need = "psych", cohort = "67+", per_1000_per_year = incidence(3, "dag_users"), severity = SEV,
      door = assume({ gp = 1 }, { "the GP", nb = "fastlegen" }), seasonal = false,
      complex_share = assume(0.2, { "some need several services", nb = "noen trenger flere tjenester" }) },
    { need = "substance", cohort = "67+", per_1000_per_year = incidence(1.5, "dag_users",
        { NO_INCIDENCE[1] .. "; older users lack adapted offers (L1003)",
          nb = NO_INCIDENCE.nb .. "; eldre brukere mangler tilpassede tilbud (L1003)" }),
      severity = SEV, door = assume({ gp = 1 }, { "the GP", nb = "fastlegen" }), seasonal = false,
      complex_share = assume(0.3, { "often with somatic needs", nb = "ofte med somatiske behov" }) },
    { need = "housing", cohort = "18-29", per_1000_per_year = assume(2,
        { "26 allocations or extensions a year concerned rus/psych (L1036)",
          nb = "26 tildelinger eller forlengelser i året gjaldt rus/psykisk helse (L1036)" }),
      severity = assume({ 0.6, 0.4 }, { "urgent or not", nb = "haster eller haster ikke" }),
      door = assume({ soknad = 0.8, nav = 0.2 }, { "applications; acute need to NAV (L981)", nb = "søknader; akutt behov til NAV (L981)" }),
      seasonal = false, complex_share = assume(0.3, { "housing need with substance or mental-health problems",
                                                      nb = "behov for bolig sammen med rusproblemer eller psykiske plager" }) },
    { need = "housing", cohort = "30-66", per_1000_per_year = assume(1.2,
        { "26 allocations or extensions a year concerned rus/psych (L1036)",
          nb = "26 tildelinger eller forlengelser i året gjaldt rus/psykisk helse (L1036)" }),
      severity = assume({ 0.6, 0.4 }, { "urgent or not", nb = "haster eller haster ikke" }),
      door = assume({ soknad = 0.8, nav = 0.2 }, { "applications; acute need to NAV (L981)", nb = "søknader; akutt behov til NAV (L981)" }),
      seasonal = false, complex_share = assume(0.3, { "housing need with substance or mental-health problems",
                                                      nb = "behov for bolig sammen med rusproblemer eller psykiske plager" }) },
  },

  -- The user counts the scenario was tuned to meet (see the head of the file).
  calibration = {
    targets = {
      dag_users = {
        what = { "the day department's Team 1 and 2 follow about 280 users (May-June 2020)",
                 nb = "Team 1 og 2 i dagavdelingen følger om lag 280 brukere (mai–juni 2020)" },
        metric = "caseload_mean", services = { "dag" },
        value = cite(280, quoted("seed-004 L176, L628: 280 brukarar mottar tenester frå dagtenesta")),
        tolerance = assume(0.1, { "a count on one day against a yearly average", nb = "en telling på én dag mot et årsgjennomsnitt" }),
        from = "2020-05-01", to = "2020-06-30",
      },
      pluss16_users = {
        what = { "Pluss 16 follows 67 young people aged 16-30 (May-June 2020)", nb = "Pluss 16 følger 67 unge i alderen 16–30 år (mai–juni 2020)" },
        metric = "caseload_mean", services = { "pluss16" },
        value = cite(67, quoted("seed-004 L176, L628: 67 brukarar av dagtenestene som hører til satsinga Pluss 16")),
        tolerance = assume(0.1, { "a count on one day against a yearly average", nb = "en telling på én dag mot et årsgjennomsnitt" }),
        from = "2020-05-01", to = "2020-06-30",
      },
      dogn_users = {
        what = { "the 24-hour department serves 23 users, four of them in the base's flats (June 2020)",
                 nb = "døgnavdelingen gir tjenester til 23 brukere, fire av dem i basens leiligheter (juni 2020)" },
        metric = "caseload_mean", services = { "dogn_base", "dogn_ambulant" },
        value = cite(23, quoted("seed-004 L176, L626: til saman 23 brukarar som mottar tenester frå døgntenesta")),
        tolerance = assume(0.15, { "a small count on one day against a yearly average", nb = "en liten telling på én dag mot et årsgjennomsnitt" }),
        from = "2020-06-01", to = "2020-06-30",
      },
    },
  },

  coordination = {
    unit = "inngangen",   -- Tenestekontoret and KE handle IP and coordinator applications together (L358, L363)
    notified = assume(0.9, { "every user has a contact person who is also coordinator (L750); IP is offered",
                             nb = "hver bruker har en kontaktperson som også er koordinator (L750); IP tilbys" }),
    offer_delay = assume({ "gamma", mean = 14, sd = 7 }, { "offered by the contact person early in the follow-up (L756)",
                                                           nb = "tilbys av kontaktpersonen tidlig i oppfølgingen (L756)" }),
    plan_offer = assume(0.5, { "an IP is not always judged appropriate for users with extensive substance problems (L754), " ..
                               "and the auditors could not see that it had been offered (L780); the source gives no share",
                               nb = "IP blir ikke alltid vurdert som hensiktsmessig for brukere med omfattende rusproblemer (L754), og " ..
                                     "revisjonen kunne ikke se at det var tilbudt (L780); kilden oppgir ingen andel" }),
    consent = assume(0.03, { "only 3 users with substance problems have an IP in SamPro (L754); most get a tiltaksplan (L756)",
                             nb = "bare 3 brukere med rusproblemer har IP i SamPro (L754); de fleste får en tiltaksplan (L756)" }),
    rule = "rules/common/coordination.lua",  -- who is owed a plan and a coordinator (hol. §§ 7-1, 7-2)
    coordinator_consent = assume(0.95, { "every user is given a contact person who is also coordinator (L750), " ..
                                         "whatever the plan; almost all accept an ansvarsgruppe (L766)",
                                         nb = "hver bruker får en kontaktperson som også er koordinator (L750), uansett plan; nesten alle " ..
                                               "takker ja til ansvarsgruppe (L766)" }),
    coordinators = assume(64, { "every staff member can be a contact person: 31 + 33 employees (L638)",
                                nb = "alle ansatte kan være kontaktperson: 31 + 33 ansatte (L638)" }),
    cases_per_coordinator = assume(2, { "a few users each", nb = "noen få brukere hver" }),
    responsibility_group = { every_weeks = assume(8, { "ansvarsgruppe for all with a tiltaksplan; almost all accept (L766)",
                                                       nb = "ansvarsgruppe for alle med tiltaksplan; nesten alle takker ja (L766)" }),
                             hours = assume(1.5, { "a meeting with GP and others invited (L772)",
                                                   nb = "et møte der fastlegen og andre er invitert (L772)" }) },
  },

  -- The auditors' criteria by audit question (revisjonskriterium sections, e.g. 5.2 at L687-707,
  -- and the appendix L1348-1587; digest §6.1: Q1 organisation and collaboration, Q2 competence,
  -- Q3 the individual plan, Q4a advice, Q4b housing, Q4c aftercare, Q5 users and relatives) and
  -- their assessments (vurderingar, digest §6.2).
  -- `samsim audit` reads a run against them.  The barnekoordinator (hol. § 7-2 a, in force
  -- 1 August 2022) does not apply to 2020.
  audit = {
    organisation = {
      order = 1,
      text = "Klart korleis ansvar, oppgåver og mynde er fordelt; dokumentasjonen til ei kvar tid oppdatert og tilgjengeleg",
      source = "seed-004 L1366-1368", law = "forskrift om leiing og kvalitetsforbetring §§ 5, 6 a",
      not_simulated = { "task descriptions and the revision of routine documents are documents",
                        nb = "oppgavebeskrivelser og revisjon av rutinedokumenter er dokumenter" },
      finding = "partly met", finding_source = quoted("seed-004 L493: fleire av dokumenta ... utarbeidd ei stund tilbake i tid, og det går ikkje fram om desse dokumenta er reviderte"),
    },
    collaboration = {
      order = 2,
      text = "Samarbeidsformer og rolleavklaring tenestene imellom ... vel så viktig å avklare samarbeidet internt i kommunen, som mellom kommunen og spesialisthelsetenesta",
      source = "seed-004 L224, L1398", law = "hol. § 3-1; forskrift om leiing og kvalitetsforbetring § 7 c; Sammen om mestring",
      not_simulated = { "shown by written routines for the cooperation (with NAV, Tenestekontoret and Jæren DPS), not by a rate a run produces",
                        nb = "vises i skriftlige rutiner for samarbeidet (med NAV, Tenestekontoret og Jæren DPS), ikke i en rate en kjøring gir" },
      finding = "partly met", finding_source = quoted("seed-004 L499: det er behov for avklaringar eller rutineforbetringer knytt til tenestene sitt samarbeid og samhandling både internt i kommunen og med eksterne aktørar; L501: manglande retningslinjer for samarbeidet mellom psykisk helse- og rustenesta og NAV"),
    },
    competence_overview = {
      order = 3,
      text = "Oversikt over medarbeidarane sin kompetanse og behov for opplæring",
      source = "seed-004 L531-533, L1446-1448", law = "forskrift om leiing og kvalitetsforbetring § 6 f",
      not_simulated = { "a competence plan is a document", nb = "en kompetanseplan er et dokument" },
      finding = "not met", finding_source = quoted("seed-004 L673: ikkje i tilstrekkeleg grad har sikra oversikt over medarbeidarane sin kompetanse"),
    },
    plan_offered = {
      order = 4,
      text = "Personar som har behov for langvarige og koordinerte tenester, har rett til å få utarbeidd ein individuell plan",
      source = "seed-004 L691, L1458", law = "hol. kap. 7; pbrl. § 2-5",
      metric = "plan_offered_share",
      at_least = assume(0.8, { "the auditors ask for a system that offers the plan to the entitled, not for every case; a run " ..
                               "shows such a system when at least 4 in 5 of the entitled are offered one within the period",
                               nb = "revisjonen etterspør et system som sikrer at de som har rett, får tilbud om plan, ikke at hver enkelt sak " ..
                                     "er i orden; en kjøring viser et slikt system når minst 4 av 5 av dem som har rett, får tilbud om plan i " ..
                                     "perioden" }),
      finding = "not met", finding_source = { "seed-004 L780: ... dersom det samtidig er sikra at brukaren har fått tilbod om individuell plan; " ..
                                              "L754: not always judged appropriate to offer it; L1336: recommendation 4",
                                              nb = "seed-004 L780: ... dersom det samtidig er sikra at brukaren har fått tilbod om individuell " ..
                                                    "plan; L754: ikke alltid vurdert som hensiktsmessig å tilby den; L1336: anbefaling 4" },
    },
    coordinator_appointed = {
      order = 5,
      text = "Koordinator ... skal også tilbys selv om vedkommende takker nei til individuell plan",
      source = "seed-004 L701, L1473", law = "hol. § 7-2; nasjonal fagleg retningslinje",
      metric = "coordinator_share",
      at_least = assume(0.8, { "as for the plan: at least 4 in 5 of the entitled have a coordinator within the period",
                               nb = "som for planen: minst 4 av 5 av dem som har rett, har koordinator i perioden" }),
      finding = "met", finding_source = { "seed-004 L750: alle brukarar ... får tildelt ein kontaktperson ... fungerer som ... koordinator " ..
                                          "(a fact the assessment at L780-782 does not dispute)",
                                          nb = "seed-004 L750: alle brukarar ... får tildelt ein kontaktperson ... fungerer som ... " ..
                                                "koordinator (et faktum vurderingen i L780-782 ikke bestrider)" },
    },
    tiltaksplan_routines = {
      order = 6,
      text = "Retningslinjer og rutinar for arbeidet med tiltaksplanar",
      source = "seed-004 L782",
      not_simulated = { "written routines are documents", nb = "skriftlige rutiner er dokumenter" },
      finding = "not met", finding_source = quoted("seed-004 L782: Kommunen har heller ikkje retningslinjer og rutinar som omhandlar korleis det skal arbeidast med tiltaksplanar"),
    },
    advice_and_guidance = {
      order = 7,
      text = "kommunen skal gi opplysning, råd og rettleiing som kan bidra til å løyse eller førebygge sosiale problem",
      source = "seed-004 L802-808, L1479-1485", law = "hol. §§ 3-1, 3-3; sosialtenestelova § 17",
      not_simulated = { "the advice and guidance on offer, and who it reaches, are judged from the services and interviews; the source gives no share to hold a run to",
                        nb = "tilbudet om råd og veiledning, og hvem det når, vurderes ut fra tjenestene og intervjuer; kilden gir ingen andel å holde en kjøring opp mot" },
      finding = "partly met", finding_source = quoted("seed-004 L920: Klepp kommune har etablert eit godt tilbod om råd og rettleiing; L922: risiko for at personar med rusproblem ikkje blir fanga opp; L924: kommunen bør utvikle retningsliner og rutinar"),
    },
    housing = {
      order = 8,
      text = "Kommunen skal medvirke til å skaffe boliger til personer som ikke selv kan ivareta sine interesser på boligmarkedet",
      source = "seed-004 L816, L1493", law = "hol. §§ 3-2 nr. 6, 3-7; pbrl. § 2-7",
      not_simulated = { "access to housing and a safe housing environment: the source gives no wait or share to hold the run to (the run's wait at Kommunal bustad is among its results)",
                        nb = "tilgang til bolig og et trygt bomiljø: kilden gir ingen ventetid eller andel å holde kjøringen opp mot (kjøringens ventetid ved Kommunal bustad står blant resultatene)" },
      finding = "partly met", finding_source = quoted("seed-004 L1060: god tilgang til bustader for rusmisbrukarar, men ... utfordringar knytt til bustadtilbodet; L1066: eit tilstrekkeleg tilbod for å bistå og følge opp brukarar"),
    },
    aftercare = {
      order = 9,
      text = "kommunen skal tilby sosial, psykososial og medisinsk habilitering og rehabilitering",
      source = "seed-004 L842, L1532", law = "hol. § 3-2 nr. 5",
      not_simulated = { "the range of aftercare (meeting places, Ny Start Jæren, economic guidance) is a fact about the services, not a rate a run produces",
                        nb = "bredden i ettervernet (møteplasser, Ny Start Jæren, økonomiveiledning) er et faktum om tjenestene, ikke en rate en kjøring gir" },
      finding = "met", finding_source = quoted("seed-004 L1142: Klepp kommune har eit tilstrekkeleg brent spekter av ettervernstilbod i rusomsorga"),
    },
    user_involvement = {
      order = 10,
      text = "Pasient eller bruker har rett til å medvirke ved gjennomføring av helse- og omsorgstjenester",
      source = "seed-004 L1162, L1569", law = "pbrl. § 3-1; forskrift om leiing og kvalitetsforbetring § 8 d",
      not_simulated = { "the involvement of users and relatives is shown by fora, strategies and surveys, not by a rate a run produces",
                        nb = "medvirkning fra brukere og pårørende vises i fora, strategier og undersøkelser, ikke i en rate en kjøring gir" },
      finding = "partly met", finding_source = quoted("seed-004 L1265: kommunen legg godt til rette for individuell medverknad frå brukarane; L1267: Kommunen har ikkje utarbeidd strategi, retningslinjer eller rutinar for involvering av pårørande"),
    },
  },
}
