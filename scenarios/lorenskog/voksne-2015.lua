-- Lørenskog kommune: mental-health and substance services for adults (18+), 2015.
--
-- Source: the performance audit "Psykisk helse og rus" (Romerike Revisjon, 2015),
-- seeds/001_3e1457f27ae690e0.txt, digested in seeds/seed-001.md.  "seed-001 Lnnn" is a line of
-- the Norwegian source file.
--
-- The shape: a purchaser-provider split.  Mottaks- og utredningskontoret (MU), the
-- municipality's "bestiller-kontor" (L6139-6141), receives applications from everyone, maps the
-- need and makes the vedtak for all health and care services except the substance field, where
-- the substance team (Rustjenesten) assesses (up to three months, L6530) and MU's leader
-- approves the vedtak once a week (L6496).  The providers are the departments of Bolig, rus og
-- psykisk helse (BRP, created 1.1.2014, L1466-1500): the housing office, the department for
-- substance use and mental health (Rustjenesten and Psykisk helse team), the co-located housing
-- (Sykehusveien 75 and Rugdeveien A, 19 places; Vallerud, 8 places) and MAI.  Housing is
-- allocated from a waiting list at a monthly allocation meeting (L3418, L6892-6900).
--
-- MU is a service whose slots are its case officers' cases under way and whose episode is the
-- processing time; its `next` sends the person on to the providing service.  The brief's literal
-- "slots = case officers" would give 7 cases at a time, i.e. about 180 vedtak a year at two-week
-- processing; the source's ~3,000 a year (L6152-6154) need about 120-170 cases under way
-- (Little's law: 3,000 x 15-20 days / 365), so the slots are 7 officers x about 25 cases each.
-- The interim-letter rule (a letter when processing passes 3 weeks, L6236, L6326) is the
-- decision limit: results give the share decided within 21 days and the letters due.
--
-- Most of MU's vedtak are home nursing and supportive talks for all ages (L6160-6162): those
-- applicants ("care") are modelled as persons who leave once the vedtak is made, so that MU
-- carries its real load; they do count in the system-wide figures.
--
-- Not in the source (seed-001 §0, §9): FTE of every service but MU and KE, caseloads, processing
-- times, population, incidence, IP counts.  All assumptions below, with reasons.  LAR (about 40
-- users, L5098) lasts years, so the run starts ten years early to fill it; the population is held
-- at its 2015 size through the warm-up.

-- Figures reached (`samsim run scenarios/lorenskog/voksne-2015.lua --reps 10`, seed 1).  MU's vedtak
-- and the housing list are calibration targets (calibration.targets, below): the applicants put in
-- for MU and the housing incidence were set to meet them, so they are inputs, not findings.  MU about
-- 2,890 vedtak a year plus about 120 substance vedtak approved at the weekly approval, ~3,000 in
-- all (L6152-6154); 83 % decided within 21 days, so about 490 interim letters due; the housing list
-- averages about 30 (25 in L3438-3440) with a median wait near 6 months and a 90th percentile near
-- 17 months ("from a month to a year", L3440); LAR about 43 users (~40, L5098); the co-located
-- housing full (19 and 8 places) with short waiting lists.

local POPULATION_18_66 = 23500   -- EXTERNAL (SSB): Lørenskog had about 36,000 inhabitants in 2015
local POPULATION_67 = 4700       -- EXTERNAL (SSB)

local SEV_MILD = assume({ 0.8, 0.2 }, { "mild problems: mostly severity 1", nb = "lette plager: for det meste alvorlighetsgrad 1" })
local SEV_MOD = assume({ 0.2, 0.7, 0.1 }, { "moderate problems: mostly severity 2", nb = "moderate plager: for det meste alvorlighetsgrad 2" })
local SEV_SEVERE = assume({ 0, 0.3, 0.7 }, { "severe illness: mostly severity 3", nb = "alvorlig sykdom: for det meste alvorlighetsgrad 3" })
local SEV_SUBST = assume({ 0.35, 0.4, 0.25 }, { "substance dependence: spread over the three levels",
                                                nb = "rusavhengighet: fordelt over de tre nivåene" })
local SEV_HOUSING = assume({ 0.5, 0.5 }, { "housing applicants: urgent or not; none acutely homeless yet",
                                           nb = "boligsøkere: haster eller haster ikke; ingen er akutt bostedsløse ennå" })
-- A source quoted in Norwegian reads the same in both languages.
local function quoted(text) return { text, nb = text } end
local NO_INCIDENCE = { "incidence not in the source (seed-001 §9)", nb = "forekomsten står ikke i kilden (seed-001 §9)" }

return {
  name = "Lørenskog kommune, psykisk helse og rus for voksne, 2015",
  description = {
    "Adults 18+ with mental-health and/or substance problems in Lørenskog, 2015 (audit 2015): " ..
      "purchaser-provider split with Mottaks- og utredningskontoret, Bolig, rus og psykisk helse, housing queue, LAR, NAV.",
    nb = "Voksne over 18 år med psykiske plager og/eller rusproblemer i Lørenskog, 2015 (revisjonen 2015): " ..
      "bestiller–utfører-modell med Mottaks- og utredningskontoret, Bolig, rus og psykisk helse, boligkø, LAR, NAV.",
  },

  calendar = {
    start = "2005-01-01",
    horizon_days = assume(4017, { "2005-2015: ten warm-up years (LAR and housing tenancies last years) and 2015 measured",
                                  nb = "2005–2015: ti års innkjøring (LAR og leieforhold i kommunal bolig varer i årevis), og 2015 måles" }),
    warmup_days = assume(3652, { "2005-2014 fill LAR (about 40 users, L5098) and the dwellings",
                                 nb = "2005–2014 fyller LAR (om lag 40 brukere, L5098) og boligene" }),
    working_days = "mon-fri",
    holidays = "norway",
    summer = { from = "07-01", to = "08-09",
               capacity = assume(0.6, { "about 40 % of staff on leave in fellesferie (no figure in the source)",
                                        nb = "om lag 40 % av de ansatte har ferie i fellesferien (ikke tall i kilden)" }),
               applies_to = assume({ "staffed_hours", "case_slots" }, { "staff take leave; dwellings and residential places stay open",
                                                                        nb = "de ansatte tar ferie; boliger og botilbud holder åpent" }) },
  },

  needs = { "mild", "moderate", "severe", "substance", "housing", "care" },

  organisation = {
    sectors = {
      ho = "Helse og omsorg",                                                    -- L1396-1424
      ahus = { name = "Ahus, Divisjon psykisk helsevern", external = true },     -- L4606-4640
    },
    -- Co-location (the one thing the source says about buildings): BRP's departments are not
    -- co-located (L134-138); the substance and mental-health department shares a building with
    -- NAV (L3727-3729); the housing office shares "Lørenskog hus" with home care (L292-294).
    buildings = {
      radhuset = "Rådhuset (Samhandling og forvaltning)", arp_nav = "Bygget til rus og psykisk helse og NAV",
      lorenskog_hus = "Lørenskog hus (Boligkontoret, hjemmetjenesten)", sykehusveien = "Sykehusveien 75 og Rugdeveien A",
      vallerud = "Vallerud bosenter", hft = "Helsefremmende og forebyggende tjeneste", ahus = "Ahus",
    },
    -- Units are departments; a virksomhet's departments share its leader (one leader).
    units = {
      mu = { name = "Mottaks- og utredningskontoret", sector = "ho", building = "radhuset", leader = "samfor" },    -- L1761-1785
      ke = { name = "Koordinerende enhet", sector = "ho", building = "radhuset", leader = "samfor" },             -- L512, L1817
      bk = { name = "Boligkontoret", sector = "ho", building = "lorenskog_hus", leader = "brp" },                -- L1502-1569
      arp = { name = "Avdeling for rus og psykisk helse", sector = "ho", building = "arp_nav", leader = "brp" },   -- L1609
      srb = { name = "Sykehusveien 75 og Rugdeveien A", sector = "ho", building = "sykehusveien", leader = "brp" },-- L1700-1716
      val = { name = "Vallerud bosenter", sector = "ho", building = "vallerud", leader = "brp" },                 -- L1719-1733
      fph = { name = "Forebyggende psykisk helsetjeneste", sector = "ho", building = "hft", leader = "hft" },       -- L1905-1928
      nav = { name = "NAV Lørenskog (kommunal del)", sector = "ho", building = "arp_nav", leader = "nav" },        -- L1948-1954
      ahus = { name = "Ahus: DPS Nedre Romerike, ARA", sector = "ahus", building = "ahus", leader = "ahus" },
    },
    shared_log = false,
  },

  -- Hand-off costs: assumptions ordered by distance, as in the 2021 scenario.  The survey found
  -- responsibilities unclear for ~27 % inside BRP (L3287-3291) and cooperation with the specialist
  -- service "about half" good (L5141-5147).
  handoffs = {
    same_unit = { delay = assume({ "exponential", mean = 2 }, { "an internal referral takes a day or two",
                                                                nb = "en intern henvisning tar en dag eller to" }),
                  info_loss = assume(0.05, { "little is lost inside one virksomhet", nb = "lite går tapt innen én virksomhet" }),
                  rejection = assume(0.02, { "the colleague knows the offer", nb = "kollegaen kjenner tilbudet" }),
                  lost = assume(0.005, { "almost nobody is lost inside a unit", nb = "nesten ingen faller ut innen en enhet" }) },
    same_sector = { delay = assume({ "exponential", mean = 7 }, { "a referral within the sector: about a week",
                                                                  nb = "en henvisning innen sektoren: om lag en uke" }),
                    info_loss = assume(0.15, { "MU writes little in the vedtak; the journal goes along (L6162-6166)",
                                               nb = "MU skriver lite i vedtaket; journalen følger med (L6162-6166)" }),
                    rejection = assume(0.05, { "some referrals miss the service's remit",
                                               nb = "noen henvisninger faller utenfor tjenestens oppdrag" }),
                    lost = assume(0.02, { "vedtak never started: 'not many', no overview (L6344-6354)",
                                          nb = "vedtak som aldri blir iverksatt: «ikke mange», ingen oversikt (L6344-6354)" }) },
    across_sectors = { delay = assume({ "exponential", mean = 14 }, { "across sectors: about two weeks", nb = "mellom sektorer: om lag to uker" }),
                       info_loss = assume(0.3, { "separate systems", nb = "atskilte systemer" }),
                       rejection = assume(0.1, { "wrong door", nb = "feil dør" }),
                       lost = assume(0.03, { "some give up", nb = "noen gir opp" }) },
    outside = { delay = assume({ "exponential", mean = 14 }, { "to or from specialist care: PLO messages, next working day (L5011-5019), then a waiting time",
                                                               nb = "til eller fra spesialisthelsetjenesten: PLO-meldinger, neste virkedag " ..
                                                                     "(L5011-5019), deretter ventetid" }),
                info_loss = assume(0.4, { "discharge without a PLO message or meeting happens (L383-387, L5255-5269)",
                                          nb = "det hender at pasienter skrives ut uten PLO-melding eller møte (L383-387, L5255-5269)" }),
                rejection = assume(0.15, { "specialist care turns down part of the referrals",
                                           nb = "spesialisthelsetjenesten avviser en del av henvisningene" }),
                lost = assume(0.05, { "missed follow-up after discharge (L5255-5269)", nb = "manglende oppfølging etter utskriving (L5255-5269)" }) },
    -- Effect assumptions (effect()): what sharing a building or a record is assumed to do to the
    -- costs above.  No source measures them; the models that co-locate services or share a record
    -- rest on them.
    -- Ranges: no source measures any of them, so each runs from almost no effect (a factor
    -- near 1) to about twice the assumed reduction.
    co_location = { delay = effect(0.7, { "same building lowers the threshold (L3727-3729)",
                                          nb = "samme bygg senker terskelen (L3727-3729)" }, { 0.4, 0.95 }),
                    info_loss = effect(0.7, { "talk in the corridor", nb = "prat i korridoren" }, { 0.4, 0.95 }),
                    rejection = effect(0.8, { "know each other's offer", nb = "kjenner hverandres tilbud" }, { 0.6, 1.0 }),
                    lost = effect(0.7, { "walked over", nb = "fulgt over til neste tjeneste" }, { 0.4, 0.95 }) },
    shared_log = { delay = effect(0.8, { "the log travels with the case", nb = "loggen følger saken" }, { 0.6, 1.0 }),
                   info_loss = effect(0.3, { "the next service reads the log", nb = "neste tjeneste leser loggen" }, { 0.1, 0.6 }),
                   rejection = effect(0.7, { "the log shows what was tried", nb = "loggen viser hva som er prøvd" }, { 0.4, 0.95 }),
                   lost = effect(0.5, { "nobody falls out of the log", nb = "ingen faller ut av loggen" }, { 0.2, 0.9 }) },
    reassessment = assume({ "uniform", min = 3, max = 10 }, { "a new mapping takes one to two weeks", nb = "en ny kartlegging tar en til to uker" }),
    max_bounces = assume(3, { "after three rejections a person gives up", nb = "etter tre avvisninger gir personen opp" }),
  },

  doors = {
    gp = { name = "Fastlege (28 leger, 7 legesentre)",                                 -- L1979-1981
           route = assume({ by_need = { mild = "fph", moderate = "mu", severe = { dps = 0.7, mu = 0.3 },
                                        substance = "rus_utredning", housing = "mu", care = "mu" },
                            default = "mu" },
             { "GPs refer to specialist care and to MU (written referrals, L4498-4500); substance to Rustjenesten (L1619)",
               nb = "fastlegene henviser til spesialisthelsetjenesten og til MU (skriftlige henvisninger, L4498-4500); rus til Rustjenesten " ..
                     "(L1619)" }) },
    self = { name = "Søknad / egen henvendelse", unit = "mu",                         -- L1781-1785
             route = assume({ by_need = { mild = "fph", substance = "rus_utredning" }, default = "mu" },
               { "MU receives applications from everyone (L1781-1785); FPH needs no referral (L1875-1877)",
                 nb = "MU tar imot søknader fra alle (L1781-1785); FPH krever ikke henvisning (L1875-1877)" }) },
    apen_stue = { name = "Rustjenestens lavterskeltilbud (åpen stue)", unit = "arp",     -- L1629-1644, L6371-6375
                  route = "rus_utredning" },
    plo = { name = "Spesialisthelsetjenesten (PLO-melding ved utskriving)", unit = "ahus",  -- L5044-5064
            route = "mu" },
    nav = { name = "NAV (akutt bostedsløs)", unit = "nav", route = "nav_akutt" },          -- L3546-3552
  },

  services = {
    mu = {
      name = "Mottaks- og utredningskontoret (vedtak)", unit = "mu",
      fte = cite(7, quoted("seed-001 L1778: sju fagkonsulenter i følge kommunens organisasjonskart")),
      case_share = assume(0.85, { "the rest is information and guidance (L1781)", nb = "resten er informasjon og veiledning (L1781)" }),
      capacity = { slots_per_fte = calibrated(25, "mu_vedtak",
                     { "cases an officer has under way: ~3,000 a year x ~15 days / 365 / 7 (Little's law), with room to spare; " ..
                       "range: the 18 of that sum to about 1.5 times it",
                       nb = "saker en saksbehandler har under arbeid: ~3 000 i året x ~15 dager / 365 / 7 (Littles lov), " ..
                            "med noe å gå på; spenn: 18 etter den utregningen til om lag 1,5 ganger det" }, { 18, 30 }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte kan ha: sommerferien reduserer antallet" }) },
      intake = assume(0, { "the mapping is part of the processing time", nb = "kartleggingen er en del av saksbehandlingstiden" }),
      episode = assume({ "gamma", mean = 12, sd = 7 }, { "mapping and vedtak; no processing times in the source (§0); the 3-week letter rule suggests most are faster",
                                                         nb = "kartlegging og vedtak; ingen saksbehandlingstider i kilden (§0); regelen om " ..
                                                               "brev etter 3 uker tyder på at de fleste går raskere" }),
      decision_limit_days = cite(21, { "seed-001 L6236, L6326: forvaltningsbrev when processing passes 3 weeks",
                                       nb = "seed-001 L6236, L6326: forvaltningsbrev når saksbehandlingen går over 3 uker" }),
      next = assume({ by_need = { care = "discharge", housing = "bolig", moderate = "pht",
                                  severe = { pht = 0.95, srb = 0.05 } },
                      default = "pht" },
        { "MU decides all mental-health services and housing (L1791-1795, L6850-6854); home nursing etc. leave the model",
          nb = "MU fatter vedtak om alle tjenester innen psykisk helse og om bolig (L1791-1795, L6850-6854); hjemmesykepleie o.l. går ut av " ..
                "modellen" }),
    },
    mu_godkjenning = {
      name = "MU-leders godkjenning av rusvedtak (ukentlig)", unit = "mu", capacity = "unlimited",
      meeting = { every_weeks = cite(1, quoted("seed-001 L6496: melding om vedtak til leder MU en gang pr. uke")), weekday = "fri",
                  held = assume(1, { "the weekly approval is done by e-mail (L6496)", nb = "den ukentlige godkjenningen skjer på e-post (L6496)" }) },
      episode = assume({ "uniform", min = 1, max = 5 }, { "approved in Profil, signed and returned (L6496-6504)",
                                                          nb = "godkjent i Profil, signert og sendt tilbake (L6496-6504)" }),
      next = "rus",
    },
    rus_utredning = {
      name = "Rustjenesten: kartlegging (inntil 3 måneder)", unit = "arp",
      fte = assume(4, { "part of Rustjenesten's staff; no figure in the source", nb = "en del av de ansatte i Rustjenesten; ikke tall i kilden" }),
      case_share = assume(0.8, { "mostly individual work", nb = "mest individuelt arbeid" }),
      capacity = { slots_per_fte = assume(10, { "assessments under way per case-FTE", nb = "kartlegginger under arbeid per årsverk til saker" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte kan ha: sommerferien reduserer antallet" }) },
      eligibility = { ages = assume({ 18, 120 }, { "adults over 18 (L1617)", nb = "voksne over 18 år (L1617)" }), needs = { "substance" } },
      intake = assume(0, { "the assessment is the episode", nb = "kartleggingen er selve forløpet" }),
      episode = cite({ "uniform", min = 21, max = 90 }, quoted("seed-001 L6530: kartleggingsfasen kan vare i opptil 3 måneder")),
      next = assume({ mu_godkjenning = 0.74, ara = 0.15, vallerud = 0.01, discharge = 0.1 },
        { "most lead to a vedtak drafted for MU's approval (L6473-6504); some are referred to TSB (L1619-1623); a few homeless apply to Vallerud (L1725)",
          nb = "de fleste ender i et utkast til vedtak som MU godkjenner (L6473-6504); noen henvises til TSB (L1619-1623); noen få bostedsløse " ..
                "søker Vallerud (L1725)" }),
    },
    rus = {
      name = "Rustjenesten: oppfølging etter vedtak", unit = "arp",
      fte = assume(12, { "follow-up staff in Rustjenesten; no figure in the source",
                         nb = "ansatte som gir oppfølging i Rustjenesten; ikke tall i kilden" }),
      case_share = assume(0.75, { "the rest is the low-threshold offer (åpen stue, L1629-1652)",
                                  nb = "resten er lavterskeltilbudet (åpen stue, L1629-1652)" }),
      capacity = { hours_per_fte_week = assume(37.5, { "a full-time week", nb = "en heltidsuke" }),
                   case_hours = assume({ "gamma", mean = 2.5, sd = 1.5 }, { "supportive talks and housing follow-up, 'up to x hours a month' (L6620, L6626)",
                                                                            nb = "støttesamtaler og oppfølging i bolig, «inntil x timer pr. måned» " ..
                                                                                  "(L6620, L6626)" }),
                   kind = assume("staffed_hours", { "staff hours: summer leave shortens them", nb = "de ansattes timer: sommerferien reduserer dem" }) },
      eligibility = { ages = assume({ 18, 120 }, { "adults over 18 (L1617)", nb = "voksne over 18 år (L1617)" }) },
      intake = assume({ "uniform", min = 3, max = 10 }, { "a start-up talk", nb = "en oppstartsamtale" }),
      episode = assume({ "lognormal", mean = 300, sd = 200 }, { "time-limited vedtak renewed while needed (L6355-6365)",
                                                                nb = "tidsavgrensede vedtak som fornyes så lenge behovet er der (L6355-6365)" }),
      next = assume({ discharge = 0.85, ara = 0.15 }, { "some are referred to TSB or LAR (L1619-1623)",
                                                        nb = "noen henvises til TSB eller LAR (L1619-1623)" }),
    },
    lar = {
      name = "LAR-oppfølging (ruskonsulent, fastlege, apotek)", unit = "arp",
      fte = assume(2, { "substance consultants following LAR users; no figure in the source",
                        nb = "ruskonsulenter som følger opp LAR-brukere; ikke tall i kilden" }),
      case_share = assume(0.8, { "individual follow-up and LAR meetings (L4472-4486)", nb = "individuell oppfølging og LAR-møter (L4472-4486)" }),
      capacity = { slots_per_fte = assume(30, { "LAR users a consultant follows", nb = "LAR-brukere én ruskonsulent følger opp" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte kan ha: sommerferien reduserer antallet" }) },
      episode = assume({ "lognormal", mean = 2555, sd = 1500 }, { "LAR lasts years: about seven on average",
                                                                  nb = "LAR varer i årevis: om lag sju år i snitt" }),
      next = "discharge",
    },
    pht = {
      name = "Psykisk helse team (støttesamtaler, bo-trening)", unit = "arp",
      fte = assume(12, { "no figure in the source", nb = "ikke tall i kilden" }),
      case_share = assume(0.8, { "mostly individual follow-up", nb = "mest individuell oppfølging" }),
      capacity = { hours_per_fte_week = assume(37.5, { "a full-time week", nb = "en heltidsuke" }),
                   case_hours = assume({ "gamma", mean = 1.5, sd = 1 }, { "supportive talks weekly, fortnightly or monthly (L6463-6467)",
                                                                          nb = "støttesamtaler hver uke, annenhver uke eller hver måned (L6463-6467)" }),
                   kind = assume("staffed_hours", { "staff hours: summer leave shortens them", nb = "de ansattes timer: sommerferien reduserer dem" }) },
      intake = assume({ "uniform", min = 3, max = 14 }, { "a start-up talk and assessment (L1670-1674)",
                                                          nb = "en oppstartsamtale og kartlegging (L1670-1674)" }),
      episode = assume({ "gamma", mean = 270, sd = 150 }, { "supportive talks last at least three months by definition (L6465)",
                                                            nb = "støttesamtaler varer per definisjon minst tre måneder (L6465)" }),
      next = assume({ discharge = 0.89, dps = 0.1, srb = 0.01 }, { "most end; some need specialist care, a few co-located housing",
                                                                   nb = "de fleste avslutter; noen trenger spesialisthelsetjenesten, noen få " ..
                                                                         "samlokalisert bolig" }),
    },
    srb = {
      name = "Sykehusveien 75 og Rugdeveien A (bemannet dag og kveld)", unit = "srb",
      fte = assume(12, { "staffed day and evening for 19 residents (L1704-1706); no FTE in the source",
                         nb = "bemannet dag og kveld for 19 beboere (L1704-1706); ikke årsverk i kilden" }),
      staff_share = assume(1, { "the staff serve these residents only: a few residents per FTE is what staffing day and evening means, " ..
                             "not spare capacity",
                                nb = "de ansatte betjener bare disse beboerne: få beboere per årsverk er det bemanning dag og kveld innebærer, " ..
                                      "ikke ledig kapasitet" }),
      case_share = assume(1, { "all staff time is with the residents", nb = "de ansatte bruker all tiden på beboerne" }),
      capacity = { slots = cite(19, quoted("seed-001 L2270: Sykehusveien og Rugdeveien: 19 plasser")),
                   kind = cite("places", { "seed-001 L2270: 19 plasser (staffed dwellings: they do not close in July)",
                                           nb = "seed-001 L2270: 19 plasser (bemannede boliger: de stenger ikke i juli)" }) },
      eligibility = { needs = { "moderate", "severe" } },                                     -- L1710-1712
      intake = assume({ "uniform", min = 7, max = 30 }, { "moving in", nb = "innflytting" }),
      episode = assume({ "lognormal", mean = 1460, sd = 1000 }, { "residents stay years; the aim is independent living (L1710-1716)",
                                                                  nb = "beboerne blir boende i årevis; målet er å bo selvstendig (L1710-1716)" }),
      next = "discharge",
    },
    vallerud = {
      name = "Vallerud bosenter (døgnbemannet)", unit = "val",
      fte = assume(10, { "staffed 24 hours for 8 residents (L1719-1721); no FTE in the source",
                         nb = "døgnbemannet for 8 beboere (L1719-1721); ikke årsverk i kilden" }),
      staff_share = assume(1, { "the staff serve these residents only: a few residents per FTE is what staffing round the clock means, " ..
                             "not spare capacity",
                                nb = "de ansatte betjener bare disse beboerne: få beboere per årsverk er det døgnbemanning innebærer, ikke " ..
                                      "ledig kapasitet" }),
      case_share = assume(1, { "all staff time is with the residents", nb = "de ansatte bruker all tiden på beboerne" }),
      capacity = { slots = cite(8, quoted("seed-001 L2272: Vallerud bosenter: 8 plasser (heldøgns bemanning)")),
                   kind = cite("places", { "seed-001 L2272: 8 plasser (staffed dwellings: they do not close in July)",
                                           nb = "seed-001 L2272: 8 plasser (bemannede boliger: de stenger ikke i juli)" }) },
      eligibility = { needs = { "substance" } },                                              -- L1725-1729: bostedsløse rusmiddelavhengige
      intake = assume({ "uniform", min = 7, max = 21 }, { "Vallerud's own assessment interview decides the place (L6821-6841)",
                                                          nb = "Valleruds egen vurderingssamtale avgjør plassen (L6821-6841)" }),
      episode = assume({ "lognormal", mean = 540, sd = 360 }, { "aim: ordinary housing later (L1729-1733)",
                                                                nb = "mål: ordinær bolig senere (L1729-1733)" }),
      next = assume({ discharge = 0.6, mu = 0.4 }, { "some apply for an ordinary municipal dwelling afterwards (L1729-1733)",
                                                     nb = "noen søker etterpå om en ordinær kommunal bolig (L1729-1733)" }),
    },
    bolig = {
      name = "Kommunal bolig (venteliste, månedlig tildelingsmøte)", unit = "bk",
      capacity = { slots = assume(150, { "the part of the municipal dwellings let to people in this scenario: L1504 reads 'omtrent 4907 boliger', " ..
                                         "taken as about 490 with footnote 7 (L1547-1548, the municipality's website) — an interpretation, not the source's figure",
                                         nb = "den delen av de kommunale boligene som leies ut til personer i dette scenarioet: L1504 har " ..
                                               "«omtrent 4907 boliger», lest som om lag 490 med fotnote 7 (L1547-1548, kommunens nettsted) — en " ..
                                               "tolkning, ikke kildens tall" }),
                   kind = assume("places", { "dwellings: let or vacant, they do not shrink in July",
                                             nb = "boliger: utleid eller ledig, de blir ikke færre i juli" }) },
      eligibility = { max_severity = assume(2, { "past severity 2 the person is acutely homeless: NAV's task (L3548-3552)",
                                                 nb = "over alvorlighetsgrad 2 er personen akutt bostedsløs: det er NAVs oppgave (L3548-3552)" }) },
      -- Urgent applicants first: some get a dwelling within a month, others wait up to a year
      -- (L3440); one who worsens while waiting moves up, and past severity 2 is NAV's case.
      queue = { "priority", by_severity = assume({ 2, 1 }, { "severity 2 (urgent) before severity 1",
                                                             nb = "alvorlighetsgrad 2 (haster) før alvorlighetsgrad 1" }) },
      meeting = { every_weeks = cite(52 / 12, quoted("seed-001 L3418: det månedlige tildelingsmøtet")), weekday = "tue",
                  held = assume(1, { "a fixed meeting (L6896-6898)", nb = "et fast møte (L6896-6898)" }) },
      intake = assume({ "uniform", min = 7, max = 30 }, { "a follow-up plan before the dwelling is allocated (L6696), moving in",
                                                          nb = "en oppfølgingsplan før boligen tildeles (L6696), innflytting" }),
      episode = assume({ "lognormal", mean = 1825, sd = 1200 }, { "a tenancy: about five years", nb = "et leieforhold: om lag fem år" }),
      deterioration = { mean_days = assume(300, { "waiting for a dwelling, some lose their place to live; waits up to a year (L3440)",
                                                  nb = "mens de venter på bolig, mister noen stedet de bor; ventetid opptil et år (L3440)" }),
                        escalate_to = "nav_akutt" },
      next = "discharge",
    },
    nav_akutt = {
      name = "NAV: midlertidig bolig (hospits)", unit = "nav", capacity = "unlimited",       -- L3546-3552
      intake = assume(0, { "the same day", nb = "samme dag" }),
      episode = assume({ "gamma", mean = 45, sd = 30 }, { "a hospits stay of weeks (L3779-3785)",
                                                          nb = "et hospitsopphold på noen uker (L3779-3785)" }),
      next = assume({ by_need = { substance = { vallerud = 0.2, discharge = 0.8 } }, default = "discharge" },
        { "NAV should use Vallerud more for homeless substance users (L6862-6866)",
          nb = "NAV bør bruke Vallerud mer for bostedsløse rusavhengige (L6862-6866)" }),
    },
    fph = {
      name = "Forebyggende psykisk helsetjeneste (voksne)", unit = "fph",
      fte = assume(6, { "two teams with psychologists (L1917); no FTE in the source", nb = "to team med psykologer (L1917); ikke årsverk i kilden" }),
      case_share = assume(0.6, { "the rest is training of staff and courses (L1919-1921)",
                                 nb = "resten er opplæring av ansatte og kurs (L1919-1921)" }),
      capacity = { slots_per_fte = assume(20, { "short courses of 1-5 consultations", nb = "korte forløp på 1–5 konsultasjoner" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte kan ha: sommerferien reduserer antallet" }) },
      eligibility = { ages = cite({ 18, 120 }, quoted("seed-001 L1905-1909: voksne (over 18 år)")), needs = { "mild", "moderate" },
                      max_severity = assume(2, { "mild to moderate problems (L1907-1913)", nb = "lette til moderate plager (L1907-1913)" }) },
      intake = assume({ "uniform", min = 1, max = 5 }, quoted("raskt inn (L1917-1919)")),
      episode = cite({ "gamma", mean = 35, sd = 20 }, { "seed-001 L1917: 1-5 konsultasjoner, raskt inn - raskt ut (about a month)",
                                                        nb = "seed-001 L1917: 1-5 konsultasjoner, raskt inn - raskt ut (om lag en måned)" }),
      -- The one-to-two-week aim belongs to the pilot "Rask psykisk helsehjelp" that Lørenskog takes
      -- part in (L1920-1926: adults with mild to moderate depression and anxiety), not to all of FPH;
      -- the model does not separate the pilot's cases, so the aim is a yardstick here.
      target_wait_days = assume(14, { "the pilot Rask psykisk helsehjelp's aim, 'et tilbud innen en til to uker' (seed-001 L1920-1926), " ..
                                      "used as a yardstick for all of FPH; the source gives no target for FPH as a whole",
                                      nb = "målet i piloten Rask psykisk helsehjelp, «et tilbud innen en til to uker» (seed-001 L1920-1926), " ..
                                            "brukt som målestokk for hele FPH; kilden gir ikke noe mål for FPH som helhet" }),
      deterioration = { mean_days = assume(365, { "untreated, a problem worsens in about a year",
                                                  nb = "uten behandling forverres plagene i løpet av om lag et år" }), escalate_to = "dps" },
      next = assume({ discharge = 0.93, dps = 0.07 }, { "long-term needs go straight to specialist care (L4124-4128)",
                                                        nb = "langvarige behov går direkte til spesialisthelsetjenesten (L4124-4128)" }),
    },
    dps = {
      name = "DPS Nedre Romerike (Ahus)", unit = "ahus", capacity = "unlimited",              -- L4646-4708
      eligibility = { ages = assume({ 18, 120 }, { "adult psychiatry", nb = "psykisk helsevern for voksne" }) },
      external_wait = { "uniform",
        min = assume(20, { "the shortest wait for a start in specialist care: about three weeks",
                           nb = "den korteste ventetiden før start i spesialisthelsetjenesten: om lag tre uker" }),
        max = assume(70,
          { "from referral to the start of treatment at the DPS; no figure in the source; " ..
          "uniform 20-70 days, mean 45, the middle of the 40-50 days that national mean waits in adult psychiatry were in these years (EXTERNAL: Helsedirektoratet's waiting-time statistics; check against the region's own figures)" ..
          "; range of the longest wait: 60 to 80 days, a mean of 40 to 50, the national means of these years",
          nb = "fra henvisning til behandlingsstart ved DPS; ingen tall i kilden; " ..
               "jevnt fordelt 20–70 dager, snitt 45, midt i de 40–50 dagene som var nasjonal gjennomsnittlig ventetid i psykisk helsevern for voksne i disse årene (ekstern kilde: Helsedirektoratets ventetidsstatistikk; kontroller mot regionens egne tall)" ..
               "; spenn for den lengste ventetiden: 60 til 80 dager, et snitt på 40 til 50, de nasjonale snittene i disse årene" }, { 60, 80 }) },
      episode = assume({ "gamma", mean = 180, sd = 100 }, { "specialist treatment over months",
                                                             nb = "behandling i spesialisthelsetjenesten over flere måneder" }),
      next = "rules/common/step_up.lua:next_mu",
    },
    ara = {
      name = "ARA (Ahus): vurderingsteam og TSB", unit = "ahus", capacity = "unlimited",       -- L4712-4737
      eligibility = { ages = assume({ 18, 120 }, { "specialised substance treatment for adults",
                                                     nb = "tverrfaglig spesialisert rusbehandling (TSB) for voksne" }) },
      external_wait = { "triangular",
        min = assume(14, { "the shortest wait for a start in specialised substance treatment: about two weeks",
                           nb = "den korteste ventetiden før start i tverrfaglig spesialisert rusbehandling: om lag to uker" }),
        mode = assume(16, { "most start after about two weeks", nb = "de fleste starter etter om lag to uker" }),
        max = assume(60,
          { "from referral to a start: the assessment team assesses and coordinates referrals to TSB (seed-001 L4731-4733); " ..
          "no waiting time in the source (EXTERNAL: TSB waits nationally averaged about a month); triangular 14-60 days, most near two weeks, mean 30" ..
          "; range of the longest wait: 45 to 75 days, a mean of 25 to 35, about a month",
          nb = "fra henvisning til start: vurderingsteamet vurderer og koordinerer henvisninger til TSB (seed-001 L4731-4733); " ..
               "ingen ventetid i kilden (ekstern kilde: ventetiden i TSB var nasjonalt om lag en måned i snitt); triangelfordelt 14–60 dager, de fleste nær to uker, snitt 30" ..
               "; spenn for den lengste ventetiden: 45 til 75 dager, et snitt på 25 til 35, om lag en måned" }, { 45, 75 }) },
      episode = cite({ "uniform", min = 90, max = 365 }, quoted("seed-001 L4733-4735: TSB korttid 3-6 måneder, langtid 6-12 måneder")),
      next = assume({ lar = 0.25, mu_godkjenning = 0.45, discharge = 0.3 },
        { "ARA decides LAR (L4735); aftercare by the municipality needs a vedtak (ettervern, L1627); some need nothing more",
          nb = "ARA avgjør LAR (L4735); oppfølging fra kommunen etter behandlingen krever vedtak (ettervern, L1627); noen trenger ikke mer" }),
    },
  },

  population = {
    ["18-66"] = { ages = assume({ 18, 67 }, { "working-age adults", nb = "voksne i yrkesaktiv alder" }),
                  count = assume(POPULATION_18_66, { "Lørenskog 2015 (EXTERNAL: SSB); not in the source",
                                                     nb = "Lørenskog 2015 (ekstern kilde: SSB); står ikke i kilden" }),
                  growth = assume(0, { "held at the 2015 size through the warm-up", nb = "holdt på 2015-nivået gjennom innkjøringsperioden" }) },
    ["67+"] = { ages = assume({ 67, 95 }, { "the elderly", nb = "eldre" }),
                count = assume(POPULATION_67, { "Lørenskog 2015 (EXTERNAL: SSB); not in the source",
                                                nb = "Lørenskog 2015 (ekstern kilde: SSB); står ikke i kilden" }),
                growth = assume(0, { "held at the 2015 size through the warm-up", nb = "holdt på 2015-nivået gjennom innkjøringsperioden" }) },
  },

  demand = {
    { need = "mild", cohort = "18-66", per_1000_per_year = assume(12, NO_INCIDENCE), severity = SEV_MILD,
      door = assume({ gp = 0.5, self = 0.5 }, { "FPH needs no referral (L1875-1877)",
                                                nb = "FPH krever ikke henvisning (L1875-1877)" }), seasonal = false,
      complex_share = assume(0.02, { "mild problems are seldom long-term and complex", nb = "lette plager er sjelden langvarige og sammensatte" }) },
    { need = "moderate", cohort = "18-66", per_1000_per_year = assume(9, NO_INCIDENCE), severity = SEV_MOD,
      door = assume({ gp = 0.6, self = 0.4 }, { "GP referral or own application to MU",
                                                nb = "henvisning fra fastlege eller egen søknad til MU" }), seasonal = false,
      complex_share = assume(0.2, { "supportive talks over months; some need several services",
                                    nb = "støttesamtaler over flere måneder; noen trenger flere tjenester" }) },
    { need = "severe", cohort = "18-66", per_1000_per_year = assume(3, NO_INCIDENCE), severity = SEV_SEVERE,
      door = assume({ gp = 0.6, plo = 0.4 }, { "GP referral, or a PLO message at discharge from Ahus (L5044-5064)",
                                               nb = "henvisning fra fastlege, eller PLO-melding ved utskriving fra Ahus (L5044-5064)" }), seasonal = false,
      complex_share = assume(0.6, { "severe illness usually needs coordinated services",
                                    nb = "alvorlig sykdom krever som regel koordinerte tjenester" }) },
    { need = "substance", cohort = "18-66", per_1000_per_year = assume(7, NO_INCIDENCE), severity = SEV_SUBST,
      door = assume({ apen_stue = 0.4, gp = 0.35, self = 0.15, nav = 0.1 },
        { "Rustjenesten is often the first to know (L6371-6375); homeless users end up at NAV (L3767-3785)",
          nb = "Rustjenesten får ofte vite det først (L6371-6375); bostedsløse brukere havner hos NAV (L3767-3785)" }),
      seasonal = false, complex_share = assume(0.5, { "substance dependence often comes with housing, work and health needs",
                                                      nb = "rusavhengighet kommer ofte sammen med behov for bolig, arbeid og helsehjelp" }) },
    { need = "housing", cohort = "18-66", per_1000_per_year = calibrated(1.9, "housing_list",
        { NO_INCIDENCE[1] .. "; set so that the list is about 25; range: +-30 %",
          nb = NO_INCIDENCE.nb .. "; satt slik at listen blir om lag 25; spenn: ±30 %" }, { 1.3, 2.5 }),
      severity = SEV_HOUSING, door = assume({ self = 0.85, gp = 0.15 }, { "applications to MU, some with the GP's help",
                                                                          nb = "søknader til MU, noen med hjelp fra fastlegen" }),
      seasonal = false, complex_share = assume(0.3, { "housing need with mental-health or substance problems",
                                                      nb = "behov for bolig sammen med psykiske plager eller rusproblemer" }) },
    -- Not a finding: these applicants are put in so that MU makes its ~3,000 vedtak (calibration.targets.mu_vedtak).
    { need = "care", rate_per_year = calibrated(2600, "mu_vedtak",
        { "the applicants MU decides on besides this scenario's services: " ..
          "most home nursing and supportive talks (L6160-6162); set so that the vedtak come to about 3,000; " ..
          "range: +-15 %",
          nb = "søkerne MU fatter vedtak for utenom tjenestene i dette scenarioet: mest hjemmesykepleie og støttesamtaler " ..
               "(L6160-6162); satt slik at vedtakene blir om lag 3 000; spenn: ±15 %" }, { 2200, 3000 }),
      ages = assume({ 18, 95 }, { "all adult ages", nb = "alle voksne aldre" }), severity = assume({ 1 }, { "not followed further", nb = "følges ikke videre" }),
      door = assume({ self = 0.5, gp = 0.3, plo = 0.2 }, { "applications, GP referrals and PLO messages (L5060-5064)",
                                                           nb = "søknader, henvisninger fra fastlege og PLO-meldinger (L5060-5064)" }), seasonal = false },
  },

  -- The figures the scenario was tuned to meet.  They are inputs, not findings: MU's ~3,000
  -- vedtak come out because 2,600 applicants a year are put in for them, and the housing list of
  -- about 25 because the housing incidence was set for it.
  calibration = {
    targets = {
      mu_vedtak = {
        what = { "MU makes about 3,000 vedtak a year (all ages, all fields but NAV and barnevern), with the substance vedtak MU's leader approves",
                 nb = "MU fatter om lag 3 000 vedtak i året (alle aldre, alle fagområder unntatt NAV og barnevern), medregnet rusvedtakene som " ..
                       "lederen av MU godkjenner" },
        metric = "completed", services = { "mu", "mu_godkjenning" }, per_year = true,
        value = cite(3000, quoted("seed-001 L6152-6154: Mottaks- og utredningskontoret nå fatter om lag 3000 vedtak årlig")),
        tolerance = assume(0.1, { "'om lag': within 10 %", nb = "«om lag»: innenfor 10 %" }),
        from = "2015-01-01", to = "2015-12-31",
      },
      housing_list = {
        what = { "the waiting list for a municipal dwelling is about 25 people", nb = "ventelisten til kommunal bolig er på om lag 25 personer" },
        metric = "queue_mean", services = { "bolig" },
        value = cite(25, quoted("seed-001 L3438-3440: ventelisten på bolig ... halvert fra 50 personer ... til 25 i dag")),
        tolerance = assume(0.25, { "'25 i dag' is one count on one day; the model's list is a yearly average",
                                   nb = "«25 i dag» er én telling på én dag; modellens liste er et årsgjennomsnitt" }),
        from = "2015-01-01", to = "2015-12-31",
      },
    },
  },

  coordination = {
    unit = "ke",   -- Koordinerende enhet under Samhandling og forvaltning (L512-518, L1817-1843)
    notified = assume(0.6, { "survey: IP offered 'always' 5 %, 'often but not always' >50 %, 'rarely' 9 % (L5656-5658)",
                             nb = "spørreundersøkelse: IP tilbys «alltid» 5 %, «ofte, men ikke alltid» >50 %, «sjelden» 9 % (L5656-5658)" }),
    offer_delay = assume({ "gamma", mean = 30, sd = 15 }, { "a form to KE, written decision (L5527-5537)",
                                                            nb = "et skjema til KE, skriftlig vedtak (L5527-5537)" }),
    consent = assume(0.5, { "many decline an IP (L447, L5794-5796)", nb = "mange takker nei til IP (L447, L5794-5796)" }),
    rule = "rules/common/coordination.lua",  -- who is owed a plan and a coordinator (hol. §§ 7-1, 7-2)
    coordinator_consent = assume(0.9, { "a coordinator is offered also without a plan (hol. § 7-2); the source gives " ..
                                        "no share who decline it: as assumed for 2021 (seed-000)",
                                        nb = "koordinator tilbys også uten plan (hol. § 7-2); kilden oppgir ikke hvor mange som takker nei: " ..
                                              "som antatt for 2021 (seed-000)" }),
    coordinators = assume(60, { "appointed in the services (L5535-5537); the 2015 count could not be produced (L5934-5948): about as many as in 2021 (61, seed-000 L583)",
                                nb = "oppnevnt i tjenestene (L5535-5537); antallet for 2015 kunne ikke framskaffes (L5934-5948): om lag like " ..
                                      "mange som i 2021 (61, seed-000 L583)" }),
    cases_per_coordinator = assume(3, { "part-time coordinators with a few cases each", nb = "koordinatorer på deltid med noen få saker hver" }),
    responsibility_group = { every_weeks = assume(8, { "ansvarsgruppe by need (L187-199, L3628-3664)",
                                                       nb = "ansvarsgruppe etter behov (L187-199, L3628-3664)" }),
                             hours = assume(1.5, { "a meeting and its minutes", nb = "et møte og referatet fra det" }) },
  },

  -- The auditors' criteria (revisjonskriterier, L2639-2671 and L2932-2944; digest §6.1) and their
  -- conclusions (ch. 7, L7198-7362, summarised at L7472-7521).  `samsim audit` reads a run against
  -- them.  The barnekoordinator (hol. § 7-2 a, in force 1 August 2022) does not apply to 2015.
  audit = {
    holistic_service = {
      order = 1,
      text = "Kommunen skal legge til rette tjenestene slik at den enkelte pasient eller bruker gis et helhetlig og koordinert helse- og omsorgstjenestetilbud",
      source = "seed-001 L2649-2653", law = "hol. § 4-1",
      not_simulated = { "judged from fora, routines and interviews as a whole, not from a rate a run produces",
                        nb = "vurdert ut fra fora, rutiner og intervjuer samlet, ikke ut fra en andel en kjøring gir" },
      finding = "partly met", finding_source = quoted("seed-001 L7476: kommunen i ganske stor grad sikrer dette ... potensial for forbedring"),
    },
    cooperation = {
      order = 2,
      text = "Kommunen skal legge til rette for samhandling mellom ulike deltjenester i kommunen, og med andre tjenesteytere",
      source = "seed-001 L2655-2659", law = "hol. § 3-4",
      not_simulated = { "shown by fora and agreements, not by a rate a run produces",
                        nb = "vises gjennom fora og avtaler, ikke gjennom en andel en kjøring gir" },
      finding = "partly met", finding_source = quoted("seed-001 L7476: i ganske stor grad; særlig samarbeidet med Nav og spesialisthelsetjenesten kan bli bedre"),
    },
    cooperation_agreement = {
      order = 3,
      text = "Kommunestyret skal vedta samarbeidsavtale med det regionale helseforetaket i helseregionen",
      source = "seed-001 L2661-2663", law = "hol. § 6-1",
      not_simulated = { "a council decision (adopted 8.2.2012, L7178-7184)", nb = "et kommunestyrevedtak (vedtatt 8.2.2012, L7178-7184)" },
      finding = "met", finding_source = quoted("seed-001 L7485: i svært stor grad har gjort det de skal"),
    },
    plan_offered = {
      order = 4,
      text = "Kommunen skal ha et system som sikrer at personer med langvarige og sammensatte behov tilbys en individuell plan",
      source = "seed-001 L2665-2669", law = "hol. § 7-1; pbrl. § 2-5",
      metric = "plan_offered_share",
      at_least = assume(0.8, { "the auditors ask for a system that offers the plan to the entitled, not for every case; a run " ..
                               "shows such a system when at least 4 in 5 of the entitled are offered one within the period",
                               nb = "revisjonen etterspør et system som sikrer at de som har rett, får tilbud om plan, ikke at hver enkelt sak " ..
                                     "er i orden; en kjøring viser et slikt system når minst 4 av 5 av dem som har rett, får tilbud om plan i " ..
                                     "perioden" }),
      finding = "not met", finding_source = quoted("seed-001 L7200: det ikke alltid tilbys IP til de som har krav på dette"),
    },
    coordinator_appointed = {
      order = 5,
      text = "... og en koordinator",
      source = "seed-001 L2669", law = "hol. § 7-2",
      metric = "coordinator_share",
      at_least = assume(0.8, { "as for the plan: at least 4 in 5 of the entitled have a coordinator within the period",
                               nb = "som for planen: minst 4 av 5 av dem som har rett, har koordinator i perioden" }),
      finding = "not met", finding_source = quoted("seed-001 L797, L7535: tiltak som sikrer den enkeltes rett til individuell plan og koordinator"),
    },
    coordinating_unit = {
      order = 6,
      text = "... samt at kommunen skal ha en koordinerende enhet",
      source = "seed-001 L2671", law = "hol. § 7-3",
      not_simulated = { "training, registration and visibility of the unit are facts about the organisation",
                        nb = "opplæring, registrering og synlighet for enheten er forhold ved organisasjonen" },
      finding = "not met", finding_source = quoted("seed-001 L7253: koordinerende enhet ikke fungerer fullt ut etter lovkravet"),
    },
    responsibility_and_authority = {
      order = 7,
      text = "Kommunen skal ha skriftlige systemer som sikrer at det blir fattet (enkelt)vedtak etter lovens krav, herunder avklart hvem som har ansvar og myndighet",
      source = "seed-001 L2932-2944", law = "kommuneloven §§ 6, 23 nr. 4",
      not_simulated = { "written delegation is a document", nb = "skriftlig delegering er et dokument" },
      finding = "partly met", finding_source = quoted("seed-001 L7318: kriteriet ikke fullt ut er oppfylt"),
    },
    case_routines = {
      order = 8,
      text = "... og rutiner for saksbehandling, innhold og hjemmel",
      source = "seed-001 L2932-2944",
      not_simulated = { "routines and templates are documents (the auditors found them in place but outdated, L7511-7515)",
                        nb = "rutiner og maler er dokumenter (revisjonen fant at de fantes, men var utdaterte, L7511-7515)" },
      finding = "partly met", finding_source = quoted("seed-001 L7511: kommunen har noen svakheter her"),
    },
    vedtak_in_time = {
      order = 9,
      text = { "MU's routine: a vedtak within 3 weeks, else a forvaltningsbrev (interim letter)",
               nb = "MUs rutine: vedtak innen 3 uker, ellers forvaltningsbrev (foreløpig svar)" },
      source = "seed-001 L6236, L6324-6326", law = { "the municipality's routine (fvl. § 11 a asks for a preliminary reply after a month)",
                                                     nb = "kommunens rutine (fvl. § 11 a krever et foreløpig svar etter en måned)" },
      metric = "decisions_within_limit_share", service = "mu",
      at_least = assume(0.8, { "the routine treats a longer processing time as what happens 'noen ganger' (L6324): " ..
                               "at least 4 in 5 decided within the 3 weeks, the rest get the letter",
                               nb = "rutinen omtaler lengre saksbehandlingstid som noe som skjer «noen ganger» (L6324): minst 4 av 5 avgjort " ..
                                     "innen 3 uker, resten får brevet" }),
    },
  },
}
