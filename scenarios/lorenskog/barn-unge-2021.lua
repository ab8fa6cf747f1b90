-- Lørenskog kommune: services for children and young people 0-23 with mental-health and/or
-- substance problems, 2021.
--
-- Source: the performance audit "Psykisk helse og rus – barn og unge" (Romerike revisjon, report
-- 7-2021), seeds/000_a041c0c789af3bb7.txt, digested in seeds/seed-000.md.  "seed-000 Lnnn" is a
-- line of the Norwegian source file.  Where this file borrows from the 2015 audit of adult
-- services it says "seed-001 Lnnn".
--
-- What the source gives: the organisation (two sectors, the units, who does what), the
-- interdisciplinary meetings (every 4 weeks in schools, every 6 in kindergartens and health
-- centres), the age limits of each service, the coordinating unit and its coordinators (2
-- full-time, 59 part-time), NAV's youth team (20 staff), and for the preventive mental-health
-- service (FPH): 16 psychologists, about 1,100 cases a year, 50-60 % of its resources on
-- system-level work and a wait of about three months in May 2021.
-- What it does not give (seed-000 digest §2.4): population by age, incidence, staffing of every
-- service but FPH and NAV youth, episode lengths, processing times, the share of meetings held.
-- Those are assumptions below, each with its reason, gathered at the top where a planner would
-- vary them.  The organisation charts in the report did not come through (L263-272), so the
-- buildings are assumptions too: every service in its own building, none co-located.
--
-- CALIBRATION (FPH), by command, not by hand.  The 24 numbers marked calibrated(...) below take
-- their values from the stored result scenarios/lorenskog/barn-unge-2021.calibrated.json (copied
-- into CALIBRATED at the top), which this command writes:
--   samsim calibrate scenarios/lorenskog/barn-unge-2021.lua --points 32 --reps 3 -j 2 --point-out FILE
-- It history-matches the 24, each within its range (the incidences of the mild and moderate
-- mental-health streams, FPH's slots per clinical FTE, episode lengths and deterioration times, the
-- pandemic's surge), to calibration.targets at the end: FPH's ~1,100 cases a year (L333, measured
-- over 2019) and its wait of about three months in May 2021 (L333, L489).  Its whole output is
-- tests/cli/lorenskog_calibrate.out, rerun on every `make test`, which fails when the point the
-- command chooses, the stored file or the values in CALIBRATED differ.
-- What the command finds: two figures cannot pin down 24 numbers, and they pin none: the kept
-- (non-implausible) points cover at least nine tenths of every range, so every number is "left
-- free".  By the command's rule (README, "The calibrated point") a number left free takes the
-- middle of its range and a number the targets pin down or narrow the value of the kept point
-- closest to the targets; the command then runs that point and writes it only when it meets both
-- targets (the file has its implausibility and each target there).  So the values below are the
-- middles of the ranges, and the ranges are the assumptions: the incidences +-20 % around levels
-- set by hand so that FPH takes ~1,100 cases (MH_CHILD, MH_ADULT), and the range given at each
-- number.  A verdict that hangs on one of them belongs in `samsim compare ... --robust` (over the
-- ranges) or `--robust --ensemble FILE` (over the kept points: `samsim calibrate ... --ensemble-out
-- FILE`).  After a change to the model, the rules or a range: run the command with --point-out
-- scenarios/lorenskog/barn-unge-2021.calibrated.json and copy its values into CALIBRATED.
-- No database or ensemble file is kept here (it would go stale with every change to the model or
-- the rules); a reviewer's ensemble, stored and written as a file:
--   samsim calibrate scenarios/lorenskog/barn-unge-2021.lua --points 128 --reps 10 --db calib.db \
--     --ensemble-out lorenskog-2021.json
-- The seed gives no other 2021 figure the model produces that could pin more down: the
-- coordinators (2 full-time, 59 part-time, L583) and NAV's youth team (20, L541) are staff, inputs
-- here; the coordinating unit "har oversikt over antallet individuelle planer" (L605), but the
-- report gives no count; the velferdsrab pilot's twelve cases (L451) are not modelled.
-- How the calibrated numbers reach the targets at all (the mechanism the ranges rest on):
--   1. Clinical capacity: 16 psychologists (L331) x 0.45 case share (50-60 % goes to system-level
--      work, L335) = 7.2 clinical FTE.  With episodes of about 10 weeks including assessment,
--      1,100 cases a year need about 1,100 x 70 / 365 = 210 open cases, about 29 per clinical FTE.
--   2. Before the pandemic the queue is stable: "om lag 1100 saker årlig" is the department's
--      normal volume, and the same line goes on "men som følge av pandemien opplever tjenesten
--      stor pågang" (L333; for children L489).  With slots per FTE a little above the 29 of step
--      1 (range 28 to 36), capacity exceeds demand, FPH takes about 1,100 cases in 2019 with a
--      wait of one to two weeks, and the trend check is quiet over 2019 (fph_cases is measured
--      over 2019).
--   3. The pandemic (surges.pandemic, from 12 March 2020): the mild and moderate mental-health
--      streams times the surge's multiplier (range 1.2 to 1.5) exceed FPH's capacity, so the queue grows,
--      slowed by those who do not wait it out (waiting untreated, a case worsens one step in
--      about a year on average, and past moderate goes to BUP or DPS, L337, L485); the wait of
--      those reaching first contact in May 2021 (fph_wait, measured over May 2021 alone) is what
--      the surge's range is held to.
--   4. The run starts in 2016 so that three years fill the queues and the long episodes
--      (barnevern measures, RPH) before 2019, the year fph_cases is measured; 2021 is the
--      scenario's measured year.  Over 2021 the FPH queues still grow (the surge is still on, as
--      the source says in May 2021), and BUP's and DPS's a little with the cases that worsen
--      while waiting: the trend warnings for fph_barn, fph_voksen, bup and dps are deliberate,
--      and say that 2021's figures there are a moment in a growing queue, not a steady state.
--   Not modelled: FPH "nylig er styrket med to psykologstillinger, som en direkte følge av
--   pandemien" (L333): the 16 psychologists (L331) are the staff throughout.
-- Figures reached at the values below (seed 1, 10 replications, each target over its own
-- period): tests/cli/lorenskog_calibration.out, by tests/calibration/targets.lua.
-- Age reading: "0-23" (L325, L343, L347) and "up to 23" (L96, L108) are read as up to the 23rd
-- birthday, the boundary the issue names (age_boundaries 23; HS, HFU and Utekontakten ages
-- { ..., 23 }).  For the inclusive reading, make those 24 (and the boundary 23 in
-- rules/common/age_transition.lua with them).

------------------------------------------------------------------------------------------------
-- Assumptions a planner varies (each wrapped where it is used)
------------------------------------------------------------------------------------------------

local POPULATION = 42000      -- "about 42,000" inhabitants in 2021: EXTERNAL (SSB), not in the source
local GROWTH = 0.01           -- population growth a year: EXTERNAL (Lørenskog grows about 1 % a year)
local YEARS_TO_2021 = 5       -- the run starts 1 January 2016; counts are given for 2021
local MH_CHILD = 1.45         -- the middle of the calibrated incidences' ranges (fph_cases), 0-19: set by hand
local MH_ADULT = 1.0          -- the same from 20 (FPH's adult team)

-- The calibrated point: scenarios/lorenskog/barn-unge-2021.calibrated.json, written by `samsim
-- calibrate` (the command is in the head of this file and in the file), copied here by key path;
-- tests/cli/lorenskog_calibrate.cmd fails when a value differs from the file's.  The incidences are
-- written as decimals (10.0): a whole number (10) would make them whole-number parameters, sampled
-- in whole steps.
local CALIBRATED = {
  ["demand.1.per_1000_per_year"] = 17.4,
  ["demand.4.per_1000_per_year"] = 65.25,
  ["demand.5.per_1000_per_year"] = 20.3,
  ["demand.9.per_1000_per_year"] = 116.0,
  ["demand.10.per_1000_per_year"] = 58.0,
  ["demand.15.per_1000_per_year"] = 116.0,
  ["demand.16.per_1000_per_year"] = 65.25,
  ["demand.21.per_1000_per_year"] = 101.5,
  ["demand.22.per_1000_per_year"] = 65.25,
  ["demand.26.per_1000_per_year"] = 50.0,
  ["demand.27.per_1000_per_year"] = 35.0,
  ["demand.31.per_1000_per_year"] = 10.0,
  ["demand.32.per_1000_per_year"] = 7.0,
  ["demand.35.per_1000_per_year"] = 5.0,
  ["demand.36.per_1000_per_year"] = 3.0,
  ["services.fph_barn.capacity.slots_per_fte"] = 32,
  ["services.fph_barn.deterioration.mean_days"] = 455,
  ["services.fph_barn.episode.by_need.mild.mean"] = 55,
  ["services.fph_barn.episode.by_need.moderate.mean"] = 90,
  ["services.fph_voksen.capacity.slots_per_fte"] = 32,
  ["services.fph_voksen.deterioration.mean_days"] = 455,
  ["services.fph_voksen.episode.by_need.mild.mean"] = 50,
  ["services.fph_voksen.episode.by_need.moderate.mean"] = 90,
  ["surges.pandemic.multiplier"] = 1.35,
}
local function at(path)
  return CALIBRATED[path] or error("CALIBRATED has no value for " .. path .. ": copy it from the calibrated point", 2)
end

-- National age structure 1 January 2021 (approximate shares, EXTERNAL: SSB table 07459; Lørenskog's
-- own figures should replace them).  The source gives no population (seed-000 digest §2.4).
local SHARE = { ["0-5"] = 0.064, ["6-12"] = 0.083, ["13-15"] = 0.036, ["16-17"] = 0.024,
                ["18-19"] = 0.024, ["20-22"] = 0.038, ["23-66"] = 0.568, ["67+"] = 0.163 }

local function cohort(id, lo, hi)
  return {
    ages = assume({ lo, hi }, { "age band of the cohort", nb = "aldersgruppen til kohorten" }),
    count = assume(POPULATION * SHARE[id] / (1 + GROWTH) ^ YEARS_TO_2021,
                   { "2021: about 42,000 inhabitants x the national share aged " .. id ..
                     " (EXTERNAL, SSB), taken back to 1 January 2016 at 1 % growth a year",
                     nb = "2021: om lag 42 000 innbyggere × landets andel i alderen " .. id ..
                          " år (EKSTERN, SSB), regnet tilbake til 1. januar 2016 med 1 % vekst i året" }),
    growth = assume(GROWTH, { "Lørenskog grows about 1 % a year (EXTERNAL, SSB)",
                              nb = "Lørenskog vokser om lag 1 % i året (EKSTERN, SSB)" }),
  }
end

-- Severity mixes (1 = mild, 2 = moderate, 3 = severe: specialist care).
local SEV_MILD = assume({ 0.8, 0.2 }, { "most mild problems stay mild; a fifth need more than advice",
                                        nb = "de fleste lette plager forblir lette; en femtedel trenger mer enn råd" })
local SEV_MODERATE = assume({ 0.1, 0.8, 0.1 }, { "moderate problems: a few turn out milder or more severe",
                                                 nb = "moderate plager: noen få viser seg å være lettere eller alvorligere" })
local SEV_SEVERE = assume({ 0, 0.3, 0.7 }, { "severe illness: mostly severity 3",
                                             nb = "alvorlig sykdom: for det meste alvorlighetsgrad 3" })
local SEV_OTHER = assume({ 0.5, 0.35, 0.15 }, { "substance, family, learning and welfare concerns: half mild",
                                                nb = "rus-, familie-, lærings- og velferdsbekymringer: halvparten lette" })

-- Where concerns first land, by age (shares of the doors; no figures in the source).
local D_PRESCHOOL = assume({ health_centre = 0.45, kindergarten = 0.3, gp = 0.15, self = 0.1 },
  { "pre-school children are seen at the health centre and kindergarten (seed-000 L325, L394, L396)",
    nb = "barn under skolealder møtes på helsestasjonen og i barnehagen (seed-000 L325, L394, L396)" })
local D_SCHOOL = assume({ school = 0.3, school_nurse = 0.35, gp = 0.2, self = 0.15 },
  { "school age: the school (BU-faglig møte, L395) and the school nurse who meets everyone (L325-327)",
    nb = "skolealder: skolen (BU-faglig møte, L395) og helsesykepleieren som møter alle (L325-327)" })
local D_SCHOOL_MOD = assume({ school = 0.2, school_nurse = 0.3, gp = 0.4, self = 0.1 },
  { "moderate problems reach the GP more often than mild ones", nb = "moderate plager når fastlegen oftere enn lette" })
local D_UPPER = assume({ school_nurse = 0.45, gp = 0.35, self = 0.2 },
  { "upper secondary is the county's (L497): no municipal school meeting; the school nurse remains",
    nb = "videregående skole er fylkeskommunens (L497): intet kommunalt skolemøte; helsesykepleieren er der fortsatt" })
local D_UPPER_MOD = assume({ school_nurse = 0.3, gp = 0.6, self = 0.1 },
  { "moderate problems at 16-17 reach the GP more often", nb = "moderate plager i alderen 16-17 år når oftere fastlegen" })
local D_YOUNG_ADULT = assume({ gp = 0.6, self = 0.25, school_nurse = 0.15 },
  { "18-22: the GP first; HS still serves to 23 (L325)",
    nb = "18-22 år: fastlegen først; helsestasjonen gir tilbud til 23 år (L325)" })
local D_ADULT = assume({ gp = 0.65, self = 0.35 }, { "adults: the GP, or direct contact (no referral needed, L276)",
                                                     nb = "voksne: fastlegen, eller direkte kontakt (ingen henvisning trengs, L276)" })
local D_SEVERE = assume({ gp = 0.9, school_nurse = 0.1 }, { "severe illness goes through the GP to specialist care (L302)",
                                                            nb = "alvorlig sykdom går via fastlegen til spesialisthelsetjenesten (L302)" })
local D_SUBST_YOUNG = assume({ police = 0.3, outreach = 0.3, school_nurse = 0.2, gp = 0.1, self = 0.1 },
  { "youth substance use surfaces through police (ruskontrakt, L764-765), Utekontakten (L347) and HFU (L327)",
    nb = "rusbruk blant ungdom kommer fram gjennom politiet (ruskontrakt, L764-765), Utekontakten (L347) og HFU (L327)" })
local D_SUBST_ADULT = assume({ gp = 0.45, outreach = 0.2, self = 0.25, tildeling = 0.1 },
  { "young adults: the GP, Utekontakten (to 23, L347), RPH directly (L296) or an application to SAMFOR (L290)",
    nb = "unge voksne: fastlegen, Utekontakten (til 23 år, L347), rus og psykisk helse direkte (L296) eller søknad til SAMFOR (L290)" })
local D_SUBST_OLDER = assume({ gp = 0.55, self = 0.3, tildeling = 0.15 },
  { "adults: the GP, RPH directly (L296) or an application to Samhandling og forvaltning (L290)",
    nb = "voksne: fastlegen, rus og psykisk helse direkte (L296) eller søknad til Samhandling og forvaltning (L290)" })
local D_FAMILY = assume({ school = 0.45, school_nurse = 0.2, police = 0.15, gp = 0.1, self = 0.1 },
  { "care concerns come from school and health staff (duty to report, L505) and the police",
    nb = "bekymring for omsorgen kommer fra ansatte i skole og helse (opplysningsplikt, L505) og fra politiet" })
local D_FAMILY_YOUNG = assume({ health_centre = 0.45, kindergarten = 0.35, gp = 0.1, self = 0.1 },
  { "pre-school care concerns: health centre and kindergarten",
    nb = "bekymring for omsorgen før skolealder: helsestasjon og barnehage" })
local D_LEARNING = assume({ school = 0.9, gp = 0.1 }, { "learning difficulties are raised at school (L392)",
                                                        nb = "lærevansker tas opp på skolen (L392)" })
local D_LEARNING_YOUNG = assume({ kindergarten = 0.75, health_centre = 0.25 },
  { "pre-school learning and development concerns: kindergarten and health centre",
    nb = "bekymring for læring og utvikling før skolealder: barnehage og helsestasjon" })
local D_WELFARE = assume({ self = 0.6, outreach = 0.25, school_nurse = 0.15 },
  { "young people contact NAV themselves or are found by Utekontakten (L347)",
    nb = "unge tar selv kontakt med NAV eller blir funnet av Utekontakten (L347)" })

local streams = 0   -- demand entries made so far: the next one's index in demand (its key path)
local function stream(need, id, per_1000, why, severity, doors, complex)
  streams = streams + 1
  return { need = need, cohort = id, per_1000_per_year = assume(per_1000, why), severity = severity,
           door = doors, complex_share = complex, seasonal = true }
end
local NO_INCIDENCE = { "incidence not in the source (seed-000 digest §2.4)",
                      nb = "insidensen er ikke i kilden (seed-000 digest §2.4)" }
-- A reason with more said after it, in both its texts ({ "English", nb = "Norsk" }).
local function more(why, en, nb) return { why[1] .. en, nb = why.nb .. nb } end
local function mh(x) return x * MH_CHILD end
local function mh_adult(x) return x * MH_ADULT end
-- A mental-health stream calibrated to FPH's ~1,100 cases a year, not an incidence from a source:
-- its range is centred on the level set through MH_CHILD or MH_ADULT, its value the calibrated
-- point's (CALIBRATED, by the stream's key path).
local function tuned(need, id, per_1000, why, severity, doors, complex)
  local st = stream(need, id, per_1000, why, severity, doors, complex)
  -- Range: +-20 %, twice the target's own tolerance (1,100 +- 10 %), since several streams share it.
  st.per_1000_per_year = calibrated(at("demand." .. streams .. ".per_1000_per_year"), "fph_cases",
                                    more(why, "; the level is set so that FPH takes about 1,100 cases a year",
                                         "; nivået er satt slik at FPH tar om lag 1 100 saker i året"),
                                    { per_1000 * 0.8, per_1000 * 1.2 })
  st.name = "mh_mild_moderate"   -- the pandemic surge multiplies these streams (surges.pandemic)
  return st
end

local COMPLEX_LOW = assume(0.05, { "few mild or moderate cases need long-term coordinated services",
                                   nb = "få lette eller moderate saker trenger langvarige, koordinerte tjenester" })
local COMPLEX_MID = assume(0.15, { "some need two or more services over time (L581)",
                                   nb = "noen trenger to eller flere tjenester over tid (L581)" })
local COMPLEX_HIGH = assume(0.4, { "severe illness and substance dependence often need several services",
                                   nb = "alvorlig sykdom og rusavhengighet krever ofte flere tjenester" })

------------------------------------------------------------------------------------------------

return {
  name = "Lørenskog kommune, barn og unge 0-23, 2021",
  description = { "Children and young people 0-23 with mental-health and/or substance problems in Lørenskog, " ..
    "2021 (audit 7-2021): two sectors, many doors, interdisciplinary meetings, FPH calibrated to about " ..
    "1,100 cases a year and a three-month wait.",
    nb = "Barn og unge 0-23 år med psykiske helseplager og/eller rusproblemer i Lørenskog, 2021 (revisjon " ..
         "7-2021): to sektorer, mange innganger, tverrfaglige møter, FPH kalibrert til om lag 1 100 saker i året og " ..
         "tre måneders ventetid." },

  calendar = {
    start = "2016-01-01",
    horizon_days = assume(2192, { "2016-2021: five warm-up years and 2021 measured",
                                  nb = "2016-2021: fem års innkjøring, og 2021 måles" }),
    warmup_days = assume(1827, { "2016-2020: four years before the pandemic fill the queues and the long episodes " ..
                                 "(the trend check is quiet over 2019), then the pandemic's first year; 2021 is measured",
                                 nb = "2016-2020: fire år før pandemien fyller køene og de lange forløpene (trendsjekken er rolig gjennom " ..
                                        "2019), så pandemiens første år; 2021 måles" }),
    working_days = "mon-fri",
    holidays = "norway",
    summer = { from = "07-01", to = "08-09",
               capacity = assume(0.6, { "about 40 % of staff on leave in fellesferie (no figure in the source); " ..
                                   "range: a quarter to half away",
                                        nb = "om lag 40 % av de ansatte har ferie i fellesferien (intet tall i kilden); spenn: fra en " ..
                                               "fjerdedel til halvparten borte" }, { 0.5, 0.75 }),
               applies_to = assume({ "staffed_hours", "case_slots" }, { "staff take leave; dwellings and residential places stay open",
                                                                        nb = "de ansatte tar ferie; boliger og institusjonsplasser holder åpent" }) },
    seasonality = assume({ 1.1, 1.1, 1.1, 1.0, 1.0, 0.8, 0.4, 0.7, 1.2, 1.2, 1.2, 1.0 },
      { "school-year pattern: concerns come through schools, school nurses and their meetings (L392-396)",
        nb = "skoleårsmønster: bekymringer kommer via skolene, helsesykepleierne og møtene deres (L392-396)" }),
  },

  needs = { "mild", "moderate", "severe", "substance", "family", "learning", "welfare" },

  -- 16: upper secondary (county, L497); 18: age of majority, BUP -> DPS, RPH from 18 (L296, L501);
  -- 20: FPH child team 0-20, adult team 20+ (L331); 23: the 0-23 services end (L325, L343, L347).
  age_boundaries = cite({ 16, 18, 20, 23 }, { "seed-000 L331, L343, L497, L501 (digest P6)",
                                              nb = "seed-000 L331, L343, L497, L501 (digest P6)" }),

  organisation = {
    sectors = {
      hom = "Helse, omsorg og mestring",     -- L261, L269, L280
      ous = "Oppvekst og utdanning",         -- L261, L269, L341
      spes = { name = "Spesialisthelsetjenesten (Ahus)", external = true },  -- L361
      fylke = { name = "Fylkeskommunen (videregående, PPT/OT)", external = true },  -- L497
      politi = { name = "Politiet (Lørenskog lensmannskontor)", external = true },  -- L376, L764
    },
    -- Buildings: not in the source (the charts did not come through, L263-272): an assumption of
    -- one building per virksomhet, nothing co-located.
    buildings = {
      radhuset = "Rådhuset", helsestasjon = "Helsestasjonene (Lørenskog, Fjellhamar)",
      fph = "Forebyggende psykisk helsetjeneste", tih = "Tjenester i hjemmet", nav = "NAV Lørenskog",
      barnevern = "Barneverntjenesten", ppt = "PP-tjenesten", skoler = "Skolene", barnehager = "Barnehagene",
      ahus = "Ahus (BUP, DPS Nedre Romerike, ARA Lillestrøm)", fylke = "Fylkeskommunen", politi = "Lensmannskontoret",
    },
    -- Units are departments; units of the same virksomhet share a leader (L269-272: sector ->
    -- virksomhet -> avdeling), so a hand-off inside a virksomhet counts as the same unit.
    units = {
      samfor = { name = "Samhandling og forvaltning (MUK, koordinerende enhet)", sector = "hom",
                 building = "radhuset", leader = "samfor" },                                   -- L286, L292
      hefo_hs = { name = "Helsestasjons- og skolehelsetjenesten (inkl. HFU)", sector = "hom",
                  building = "helsestasjon", leader = "hefo" },                                -- L313, L325
      hefo_fph = { name = "Forebyggende psykisk helsetjeneste", sector = "hom", building = "fph",
                   leader = "hefo" },                                                          -- L313, L331
      tih_rph = { name = "Avdeling rus og psykisk helse (Tjenester i hjemmet)", sector = "hom",
                  building = "tih", leader = "tih" },                                          -- L286
      nav = { name = "NAV Lørenskog, ungdomsavdelingen", sector = "hom", building = "nav", leader = "nav" },  -- L269, L541
      bvt = { name = "Barneverntjenesten", sector = "ous", building = "barnevern", leader = "bvt" },  -- L269, L343
      ppt = { name = "PP-tjenesten", sector = "ous", building = "ppt", leader = "ppt" },       -- L423
      skole = { name = "Virksomhet skole (skolene, Utekontakten)", sector = "ous", building = "skoler",
                leader = "skole" },                                                            -- L347
      barnehage = { name = "Barnehagene", sector = "ous", building = "barnehager", leader = "barnehage" },  -- L269
      ahus = { name = "Ahus: BUP, DPS Nedre Romerike, ARA", sector = "spes", building = "ahus", leader = "ahus" },
      fk = { name = "Fylkeskommunens PPT og oppfølgingstjeneste", sector = "fylke", building = "fylke", leader = "fk" },
      politi = { name = "Politiet", sector = "politi", building = "politi", leader = "politi" },
    },
    shared_log = false,   -- no shared case log; the digital platform was being planned (L565-573)
  },

  -- Hand-off costs by organisational distance.  The source says only that the sector split gives
  -- "a somewhat high threshold for cooperation" (L423), that transitions to the county can break
  -- services (L497) and that overview across departments is lacking (L469): the values are
  -- assumptions ordered by distance.
  handoffs = {
    same_unit = { delay = assume({ "exponential", mean = 2 }, { "an internal referral takes a day or two",
                                                                nb = "en intern henvisning tar en dag eller to" }),
                  info_loss = assume(0.05, { "little is lost inside one virksomhet",
                                             nb = "lite går tapt innad i én virksomhet" }),
                  rejection = assume(0.02, { "the colleague knows the offer", nb = "kollegaen kjenner tilbudet" }),
                  lost = assume(0.005, { "almost nobody is lost inside a unit",
                                         nb = "nesten ingen faller ut innad i en enhet" }) },
    same_sector = { delay = assume({ "exponential", mean = 7 }, { "a referral within the sector: about a week",
                                                                  nb = "en henvisning innad i sektoren: om lag en uke" }),
                    info_loss = assume(0.15, { "different record systems within the sector; range: half to double",
                                               nb = "ulike journalsystemer innad i sektoren; spenn: fra halvparten til det dobbelte" }, { 0.075, 0.3 }),
                    rejection = assume(0.05, { "some referrals miss the service's remit; range: half to double",
                                               nb = "noen henvisninger treffer ikke tjenestens mandat; spenn: fra halvparten til det dobbelte" }, { 0.025, 0.1 }),
                    lost = assume(0.01, { "a few do not turn up", nb = "noen få møter ikke opp" }) },
    across_sectors = { delay = assume({ "exponential", mean = 14 }, { "across sectors: about two weeks (the 'high threshold', L423)",
                                                                      nb = "på tvers av sektorer: om lag to uker ('en noe høy terskel for samarbeid', L423)" }),
                       info_loss = assume(0.3, { "confidentiality and separate systems (L507); range: half to 1.5 times",
                                                 nb = "taushetsplikt og atskilte systemer (L507); spenn: fra halvparten til 1,5 ganger" }, { 0.15, 0.45 }),
                       rejection = assume(0.1, { "wrong door: the sender lacks overview (L469); range: half to double",
                                                 nb = "feil inngang: avsenderen mangler oversikt (L469); spenn: fra halvparten til det dobbelte" }, { 0.05, 0.2 }),
                       lost = assume(0.03, { "some give up between sectors; range: a third to double",
                                             nb = "noen gir opp mellom sektorene; spenn: fra en tredjedel til det dobbelte" }, { 0.01, 0.06 }) },
    outside = { delay = assume({ "exponential", mean = 21 }, { "to specialist care or the county: about three weeks",
                                                               nb = "til spesialisthelsetjenesten eller fylkeskommunen: om lag tre uker" }),
                info_loss = assume(0.4, { "specialist care and the county assess anew",
                                          nb = "spesialisthelsetjenesten og fylkeskommunen kartlegger på nytt" }),
                rejection = assume(0.15, { "specialist care turns down part of the referrals",
                                           nb = "spesialisthelsetjenesten avslår en del av henvisningene" }),
                lost = assume(0.05, { "a break in services at the move to the county (L497)",
                                      nb = "brudd i tjenestene ved overgangen til fylkeskommunen (L497)" }) },
    -- Effect assumptions (effect()): what sharing a building or a record is assumed to do to the
    -- costs above.  No source measures them; the models that co-locate services or share a record
    -- rest on them.
    -- Ranges: no source measures any of them, so each runs from almost no effect (a factor
    -- near 1) to about twice the assumed reduction.
    co_location = { delay = effect(0.7, { "same building: a quicker hand-over",
                                          nb = "samme bygg: raskere overlevering" }, { 0.4, 0.95 }),
                    info_loss = effect(0.7, { "talk in the corridor", nb = "en prat i korridoren" }, { 0.4, 0.95 }),
                    rejection = effect(0.8, { "know each other's offer", nb = "kjenner hverandres tilbud" }, { 0.6, 1.0 }), lost = effect(0.7, { "walked over", nb = "fulgt over til den andre tjenesten" }, { 0.4, 0.95 }) },
    shared_log = { delay = effect(0.8, { "the log travels with the case", nb = "loggen følger saken" }, { 0.6, 1.0 }),
                   info_loss = effect(0.3, { "the next service reads the log (BTI stafettlogg, seed-002 L63-65)",
                                             nb = "neste tjeneste leser loggen (BTI-stafettlogg, seed-002 L63-65)" }, { 0.1, 0.6 }),
                   rejection = effect(0.7, { "the log shows what was tried", nb = "loggen viser hva som er prøvd" }, { 0.4, 0.95 }), lost = effect(0.5, { "nobody falls out of the log", nb = "ingen faller ut av loggen" }, { 0.2, 0.9 }) },
    reassessment = assume({ "uniform", min = 3, max = 10 }, { "a new kartlegging takes one to two weeks",
                                                              nb = "en ny kartlegging tar en til to uker" }),
    max_bounces = assume(3, { "after three rejections a family gives up", nb = "etter tre avvisninger gir en familie opp" }),
  },

  doors = {
    gp = { name = "Fastlege", route = "rules/lorenskog/gp_route.lua" },           -- L290, L302; no unit: across sectors
    school_nurse = { name = "Skolehelsetjenesten / helsesykepleier", unit = "hefo_hs",
                     route = { by_need = { substance = "hfu" }, default = "hs" } },  -- L325-327, HFU L327
    school = { name = "Skole: barne- og ungdomsfaglig møte", unit = "skole", route = "rules/lorenskog/bu_meeting.lua",
               meeting = { every_weeks = cite(4, { "seed-000 L395: hver fjerde uke på skolene",
                                                   nb = "seed-000 L395: hver fjerde uke på skolene" }), weekday = "tue",
                           held = assume(0.9, { "the coordinator who checks the meetings is vacant (L471-475); most are held; range: three in four to all",
                                                nb = "stillingen som koordinator for møtene står vakant (L471-475); de fleste møtene " ..
                                                       "holdes; spenn: fra tre av fire til alle" }, { 0.75, 1.0 }),
                           postpone = assume(0.15, { "some concerns wait for more mapping (L411); range: 5-25 %",
                                                     nb = "noen bekymringer venter på mer kartlegging (L411); spenn: 5-25 %" }, { 0.05, 0.25 }) } },
    kindergarten = { name = "Barnehage: barne- og ungdomsfaglig møte", unit = "barnehage", route = "rules/lorenskog/bu_meeting.lua",
                     meeting = { every_weeks = cite(6, { "seed-000 L394: hver sjettede uke i alle barnehager",
                                                         nb = "seed-000 L394: hver sjettede uke i alle barnehager" }), weekday = "wed",
                                 held = assume(0.9, { "the coordinator who checks the meetings is vacant (L471-475)",
                                                      nb = "stillingen som koordinator for møtene står vakant (L471-475)" }, { 0.75, 1.0 }),
                                 postpone = assume(0.15, { "some concerns wait for more mapping (L411); range: 5-25 %",
                                                           nb = "noen bekymringer venter på mer kartlegging (L411); spenn: 5-25 %" }, { 0.05, 0.25 }) } },
    health_centre = { name = "Helsestasjon: barne- og ungdomsfaglig møte", unit = "hefo_hs", route = "rules/lorenskog/bu_meeting.lua",
                      meeting = { every_weeks = cite(6, { "seed-000 L396: hver sjettede uke ved helsestasjonene",
                                                          nb = "seed-000 L396: hver sjettede uke ved helsestasjonene" }), weekday = "thu",
                                  held = assume(0.9, { "the coordinator who checks the meetings is vacant (L471-475)",
                                                       nb = "stillingen som koordinator for møtene står vakant (L471-475)" }, { 0.75, 1.0 }),
                                  postpone = assume(0.15, { "some concerns wait for more mapping (L411); range: 5-25 %",
                                                            nb = "noen bekymringer venter på mer kartlegging (L411); spenn: 5-25 %" }, { 0.05, 0.25 }) } },
    police = { name = "Politi / SLT (ruskontrakt)", unit = "politi",
               route = assume({ by_need = { substance = { hfu = 0.7, ute = 0.3 }, family = { bvt_und = 1 } },
                                default = { hfu = 0.5, ute = 0.5 } },
                 { "police cases go to ruskontrakt at HFU with Utekontakten (L761-765), care concerns to barnevern (L505)",
                   nb = "politisaker går til ruskontrakt ved HFU sammen med Utekontakten (L761-765), bekymring for omsorgen til barnevernet (L505)" }) },
    tildeling = { name = "Samhandling og forvaltning (søknad om helse- og omsorgstjenester)", unit = "samfor",
                  route = "samfor" },                                                          -- L290
    outreach = { name = "Utekontakten (oppsøkende)", unit = "skole",
                 route = assume({ by_need = { welfare = { ute = 0.6, nav_ung = 0.4 } }, default = { ute = 1 } },
                   { "outreach youth workers take the youths on themselves and pass some on (L347)",
                     nb = "de oppsøkende ungdomsarbeiderne følger selv opp ungdommene og formidler noen videre (L347)" }) },
    self = { name = "Egenhenvendelse (ingen henvisning)", unit = "hefo_hs",
             route = "rules/lorenskog/self_route.lua" },                                    -- L276, L469
  },

  services = {
    -- ---------------------------------------------------------------- helse, omsorg og mestring
    hs = {
      name = "Helsestasjon og skolehelsetjenesten (0-23)", unit = "hefo_hs",
      -- Every child is in the modelled population, so all 38 serve it (no staff_share); their
      -- caseload per FTE is low (about 1.4) because universal work is not cases (case_share).
      fte = assume(38, { "public-health nurses for about 12,000 aged 0-22 in two districts (L155-156); no figure in the source",
                         nb = "helsesykepleiere for om lag 12 000 i alderen 0-22 år i to distrikter (L155-156); intet tall i kilden" }),
      case_share = assume(0.25, { "most of a nurse's time goes to universal work: consultations, vaccination, classes; " ..
                            "range: 15-35 %",
                                  nb = "det meste av helsesykepleierens tid går til universelt arbeid: konsultasjoner, vaksinasjon, " ..
                                         "undervisning; spenn: 15-35 %" }, { 0.15, 0.35 }),
      capacity = { slots_per_fte = assume(25, { "short supportive talks: many open cases per case-FTE",
                                                nb = "korte støttesamtaler: mange åpne saker per saksårsverk" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte har: sommerferien gir færre" }) },
      eligibility = { ages = cite({ 0, 23 }, { "seed-000 L325: alle barn og unge i alderen 0-23 år",
                                               nb = "seed-000 L325: alle barn og unge i alderen 0-23 år" }) },
      intake = assume({ "uniform", min = 0, max = 3 }, { "the nurse is at school: a first talk within days",
                                                         nb = "helsesykepleieren er på skolen: en første samtale innen få dager" }),
      episode = assume({ "gamma", mean = 35, sd = 20 }, { "a handful of supportive talks", nb = "en håndfull støttesamtaler" }),
      next = "rules/lorenskog/hs_next.lua",
      at_age = "rules/common/age_transition.lua",
    },
    hfu = {
      name = "Helsestasjon for ungdom (ruskontrakt, 13-23)", unit = "hefo_hs",
      fte = assume(4, { "a small clinic inside HS; the report names one hourly-paid retired nurse (L161)",
                        nb = "et lite tilbud innenfor helsestasjonen; rapporten nevner én timelønnet pensjonert helsesykepleier (L161)" }),
      case_share = assume(0.8, { "mostly individual follow-up", nb = "for det meste individuell oppfølging" }),
      capacity = { slots_per_fte = assume(20, { "ruskontrakt follow-up: tests and talks every week or two",
                                                nb = "oppfølging av ruskontrakt: tester og samtaler hver eller annenhver uke" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte har: sommerferien gir færre" }) },
      eligibility = { ages = cite({ 13, 23 }, { "seed-000 L761: ruskontrakt for unge i alderen 13-23 år",
                                                nb = "seed-000 L761: ruskontrakt for unge i alderen 13-23 år" }) },
      intake = assume({ "uniform", min = 2, max = 10 }, { "the contract is drawn up in a meeting with the youth (L761)",
                                                          nb = "kontrakten settes opp i et møte med ungdommen (L761)" }),
      episode = { by_need = {
          substance = cite({ "gamma", mean = 270, sd = 30 }, { "seed-000 L761-765: inntil/som regel 9 måneder",
                                                               nb = "seed-000 L761-765: inntil/som regel 9 måneder" }),
        }, default = assume({ "gamma", mean = 30, sd = 15 }, { "conversations and advice at HFU (L327)",
                                                               nb = "samtaler og råd ved HFU (L327)" }) },
      next = "rules/common/step_up.lua:next",
      at_age = "rules/common/age_transition.lua",
    },
    fph_barn = {
      -- CALIBRATED with fph_voksen: see the head of the file and the figures at fph_voksen.
      name = "Forebyggende psykisk helsetjeneste, barneteam (0-20)", unit = "hefo_fph",
      fte = assume(8, { "16 psychologists in the two teams (seed-000 L331); the split is not given: half each",
                        nb = "16 psykologer i de to teamene (seed-000 L331); fordelingen er ikke oppgitt: halvparten hver" }),
      case_share = cite(0.45, { "seed-000 L335: om lag 50-60 prosent av ressursene til arbeid på systemnivå; 40-50 % left, the midpoint",
                                nb = "seed-000 L335: om lag 50-60 prosent av ressursene til arbeid på systemnivå; 40-50 % igjen, midtpunktet" },
                        { 0.40, 0.50 }),
      capacity = { slots_per_fte = calibrated(at("services.fph_barn.capacity.slots_per_fte"), "fph_cases", { "about 1,100 cases a year x ~70 days / 365 / 7.2 clinical FTE = 29, " ..
                                                "a little more so that before the pandemic the queue is stable with a wait of a few weeks " ..
                                                "(the source gives no wait before 2021); range: 28 to 36",
                                                                                                             nb = "om lag 1 100 saker i året × ~70 dager / 365 / 7,2 kliniske årsverk = 29, litt " ..
                                                                                                                    "mer slik at køen før pandemien er stabil med noen ukers ventetid (kilden oppgir " ..
                                                                                                                    "ingen ventetid før 2021); spenn: 28 til 36" }, { 28, 36 }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte har: sommerferien gir færre" }) },
      eligibility = { ages = cite({ 0, 20 }, { "seed-000 L331: barneteam rettet mot aldersgruppen 0-20 år",
                                               nb = "seed-000 L331: barneteam rettet mot aldersgruppen 0-20 år" }),
                      needs = { "mild", "moderate" },                                          -- L333
                      max_severity = assume(2, { "mild to moderate only (L333): severity 3 belongs to specialist care (L337)",
                                                 nb = "bare lette til moderate plager (L333): alvorlighetsgrad 3 hører til " ..
                                                        "spesialisthelsetjenesten (L337)" }) },
      intake = assume({ "uniform", min = 3, max = 10 }, { "assessment talks before treatment",
                                                          nb = "kartleggingssamtaler før behandling" }),
      episode = { by_need = {
          mild = { "gamma", mean = calibrated(at("services.fph_barn.episode.by_need.mild.mean"), "fph_cases", { "short-term therapy, advice and guidance (L333), about 5 sessions; " ..
                                                "range: 4 to 7 sessions",
                                                                                                                nb = "korttidsterapi, råd og veiledning (L333), om lag 5 samtaler; spenn: 4 til 7 samtaler" }, { 40, 70 }),
                   sd = assume(25, { "about half the mean: lengths vary",
                                     nb = "om lag halvparten av gjennomsnittet: lengdene varierer" }) },
          moderate = { "gamma", mean = calibrated(at("services.fph_barn.episode.by_need.moderate.mean"), "fph_cases", { "structured psychological treatment, about three months; " ..
                                                    "range: two to four months",
                                                                                                                        nb = "strukturert psykologisk behandling, om lag tre måneder; spenn: to til fire måneder" }, { 60, 120 }),
                       sd = assume(40, { "about half the mean: lengths vary",
                                         nb = "om lag halvparten av gjennomsnittet: lengdene varierer" }) },
        }, default = assume({ "gamma", mean = 60, sd = 30 }, { "short-term offer (L333)", nb = "korttidstilbud (L333)" }) },
      queue = "fifo",
      deterioration = { mean_days = calibrated(at("services.fph_barn.deterioration.mean_days"), "fph_wait", { "untreated, a case worsens one step in about a year on average; past moderate it goes to BUP; " ..
                                                  "those who leave the queue so keep the wait near three months; " ..
                                                  "range: half a year to two years (no figure in the source)",
                                                                                                              nb = "ubehandlet blir en sak ett trinn verre på om lag ett år i snitt; forbi moderat " ..
                                                                                                                     "går den til BUP; de som forlater køen slik, holder ventetiden nær tre måneder; " ..
                                                                                                                     "spenn: et halvt år til to år (intet tall i kilden)" }, { 180, 730 }),
                        escalate_to = "bup" },
      relapse = { share = assume(0.08, { "some come back within a year or two; range: 3-15 %",
                                         nb = "noen kommer tilbake innen et år eller to; spenn: 3-15 %" }, { 0.03, 0.15 }),
                  after = assume({ "gamma", mean = 365, sd = 180 }, { "after about a year", nb = "etter om lag ett år" }) },
      next = "rules/lorenskog/fph_next.lua",
      at_age = "rules/common/age_transition.lua",
    },
    fph_voksen = {
      -- CALIBRATED with fph_barn: see the head of the file for the method and the figures.
      name = "Forebyggende psykisk helsetjeneste, voksenteam (20+)", unit = "hefo_fph",
      fte = assume(8, { "16 psychologists in the two teams (seed-000 L331); the split is not given: half each",
                        nb = "16 psykologer i de to teamene (seed-000 L331); fordelingen er ikke oppgitt: halvparten hver" }),
      case_share = cite(0.45, { "seed-000 L335: 50-60 % to system-level work; 40-50 % left, the midpoint",
                                nb = "seed-000 L335: 50-60 % til arbeid på systemnivå; 40-50 % igjen, midtpunktet" }, { 0.40, 0.50 }),
      capacity = { slots_per_fte = calibrated(at("services.fph_voksen.capacity.slots_per_fte"), "fph_cases", { "as the child team",
                                                                                                               nb = "som barneteamet" }, { 28, 36 }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte har: sommerferien gir færre" }) },
      eligibility = { ages = cite({ 20, 120 }, { "seed-000 L331: voksenteam fra 20 år og oppover",
                                                 nb = "seed-000 L331: voksenteam fra 20 år og oppover" }),
                      needs = { "mild", "moderate" },
                      max_severity = assume(2, { "mild to moderate only (L333, L485): severity 3 belongs to specialist care",
                                                 nb = "bare lette til moderate plager (L333, L485): alvorlighetsgrad 3 hører til spesialisthelsetjenesten" }) },
      intake = assume({ "uniform", min = 3, max = 10 }, { "assessment talks before treatment",
                                                          nb = "kartleggingssamtaler før behandling" }),
      episode = { by_need = {
          mild = { "gamma", mean = calibrated(at("services.fph_voksen.episode.by_need.mild.mean"), "fph_cases", { "short-term therapy (L485); range as the child team's",
                                                                                                                  nb = "korttidsterapi (L485); spenn som barneteamets" }, { 35, 65 }),
                   sd = assume(25, { "about half the mean: lengths vary",
                                     nb = "om lag halvparten av gjennomsnittet: lengdene varierer" }) },
          moderate = { "gamma", mean = calibrated(at("services.fph_voksen.episode.by_need.moderate.mean"), "fph_cases", { "structured psychological treatment; range: two to four months",
                                                                                                                          nb = "strukturert psykologisk behandling; spenn: to til fire måneder" },
                                                  { 60, 120 }),
                       sd = assume(40, { "about half the mean: lengths vary",
                                         nb = "om lag halvparten av gjennomsnittet: lengdene varierer" }) },
        }, default = assume({ "gamma", mean = 60, sd = 30 }, { "short-term offer (L485)", nb = "korttidstilbud (L485)" }) },
      queue = "fifo",
      deterioration = { mean_days = calibrated(at("services.fph_voksen.deterioration.mean_days"), "fph_wait", { "as the child team; worsened adults go to DPS first (L485)",
                                                                                                                nb = "som barneteamet; voksne som blir verre, går først til DPS (L485)" }, { 180, 730 }),
                        escalate_to = "dps" },
      relapse = { share = assume(0.08, { "some come back within a year or two; range: 3-15 %",
                                         nb = "noen kommer tilbake innen et år eller to; spenn: 3-15 %" }, { 0.03, 0.15 }),
                  after = assume({ "gamma", mean = 365, sd = 180 }, { "after about a year", nb = "etter om lag ett år" }) },
      next = "rules/lorenskog/fph_next.lua",
    },
    samfor = {
      name = "Samhandling og forvaltning: mottak, kartlegging og vedtak", unit = "samfor",
      fte = assume(7, { "2015: seven case officers at the intake office (seed-001 L1778); no 2021 figure",
                        nb = "2015: sju saksbehandlere ved tildelingskontoret (seed-001 L1778); intet tall for 2021" }),
      -- The office makes about 3,000 vedtak a year for all ages (seed-001 L6152-6154), mostly
      -- home nursing and supportive talks (L6160-6162): those applicants are not modelled as
      -- persons; only the part of the office's staff that this scenario's applicants use counts
      -- (staff_share), so that its capacity and its caseload per FTE are those of that part.
      staff_share = assume(0.1, { "this scenario's applicants (RPH's follow-up, ~190 vedtak a year here) are a small part of the " ..
                             "office's ~3,000 vedtak a year (seed-001 L6152-6154), mostly home nursing; range: 5-20 %",
                                  nb = "søkerne i dette scenarioet (oppfølging ved rus og psykisk helse, ~190 vedtak i året her) er en " ..
                                         "liten del av kontorets ~3 000 vedtak i året (seed-001 L6152-6154), for det meste hjemmesykepleie; spenn: 5-20 %" }, { 0.05, 0.2 }),
      case_share = assume(1, { "the case officers' work is processing applications",
                               nb = "saksbehandlernes arbeid er å behandle søknader" }),
      capacity = { slots_per_fte = assume(25, { "cases an officer has under way at once (Little's law: ~3,000 a year x ~3 weeks, seed-001 L6152)",
                                                nb = "saker en saksbehandler har under arbeid samtidig (Littles lov: ~3 000 i året × ~3 uker, seed-001 L6152)" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte har: sommerferien gir færre" }) },
      intake = assume(0, { "the mapping is part of the processing time",
                           nb = "kartleggingen er en del av saksbehandlingstiden" }),
      episode = assume({ "gamma", mean = 14, sd = 8 }, { "mapping and vedtak (L290); no processing time in the source",
                                                         nb = "kartlegging og vedtak (L290); ingen saksbehandlingstid i kilden" }),
      decision_limit_days = assume(21, { "the municipality's own rule in 2015: an interim letter after 3 weeks (seed-001 L6236, L6326)",
                                         nb = "kommunens egen regel i 2015: foreløpig svar etter 3 uker (seed-001 L6236, L6326)" }),
      next = "rph",                                                                             -- L290, L459
    },
    rph = {
      name = "Rus og psykisk helse (18+)", unit = "tih_rph",
      fte = assume(28, { "the adult department for the whole municipality; no figure in the source",
                         nb = "voksenavdelingen for hele kommunen; intet tall i kilden" }),
      case_share = assume(0.75, { "mostly individual follow-up; some groups and activities (L298)",
                                  nb = "for det meste individuell oppfølging; noen grupper og aktiviteter (L298)" }),
      capacity = { hours_per_fte_week = assume(37.5, { "a full-time week", nb = "en heltidsuke" }),
                   case_hours = assume({ "gamma", mean = 2, sd = 1.5 }, { "guidance and coping talks, housing follow-up: about two hours a week",
                                                                          nb = "veilednings- og mestringssamtaler, oppfølging i bolig: om lag to timer i uken" }),
                   kind = assume("staffed_hours", { "staff hours: summer leave shortens them",
                                                    nb = "arbeidstimer: sommerferien gir færre" }) },
      eligibility = { ages = cite({ 18, 120 }, { "seed-000 L296: personer over 18 år",
                                                 nb = "seed-000 L296: personer over 18 år" }) },
      intake = assume({ "uniform", min = 7, max = 30 }, { "mapping conversations (kartleggingsamtaler, L298)",
                                                          nb = "kartleggingssamtaler (L298)" }),
      episode = assume({ "lognormal", mean = 365, sd = 300 }, { "follow-up over months to years: prevention, rehabilitation, aftercare (L298)",
                                                                nb = "oppfølging over måneder til år: forebygging, rehabilitering, ettervern (L298)" }),
      next = assume({ by_need = { substance = { discharge = 0.85, tsb = 0.15 } }, default = { discharge = 0.9, dps = 0.1 } },
        { "RPH refers some on to TSB (detox, treatment, LAR, L298) or DPS; no shares in the source",
          nb = "rus og psykisk helse henviser noen videre til TSB (avrusning, behandling, LAR, L298) eller DPS; ingen andeler i kilden" }),
    },
    nav_ung = {
      name = "NAV Lørenskog, ungdomsavdelingen", unit = "nav",
      fte = cite(20, { "seed-000 L541: NAV sin ungdomsavdeling, som teller 20 ansatte",
                       nb = "seed-000 L541: NAV sin ungdomsavdeling, som teller 20 ansatte" }),
      -- NAV's youth department serves every young person who needs work, activity or income;
      -- only the part of its staff for this scenario's young people counts here (staff_share).
      staff_share = assume(0.1, { "young people with the mental-health and substance needs modelled here: the 2 of 20 who do " ..
                             "ansvarsgruppe and IP work (seed-000 L541), the others' portfolios being mostly other young people; " ..
                             "range: 8-20 %",
                                  nb = "unge med de psykiske helse- og rusbehovene som modelleres her: de 2 av 20 som arbeider med " ..
                                         "ansvarsgruppe og IP (seed-000 L541), mens de andres porteføljer for det meste er andre unge; spenn: 8-20 %" }, { 0.08, 0.2 }),
      case_share = assume(0.75, { "an adviser's time for individual follow-up; the rest is employers, courses and reports",
                                  nb = "en veileders tid til individuell oppfølging; resten er arbeidsgivere, kurs og rapporter" }),
      capacity = { slots_per_fte = assume(30, { "an adviser's portfolio of young people",
                                                nb = "en veileders portefølje av unge" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte har: sommerferien gir færre" }) },
      eligibility = { ages = assume({ 16, 30 }, { "NAV's youth work: under 30 (EXTERNAL; the report gives no age)",
                                                  nb = "NAVs ungdomsarbeid: under 30 år (EKSTERN; rapporten oppgir ingen alder)" }) },
      intake = assume({ "uniform", min = 5, max = 20 }, { "an appointment with an adviser; NAV is hard to reach (L533-541)",
                                                          nb = "en avtale med en veileder; NAV er vanskelig å nå (L533-541)" }),
      episode = assume({ "gamma", mean = 180, sd = 120 }, { "work, activity, income: about half a year",
                                                            nb = "arbeid, aktivitet, inntekt: om lag et halvt år" }),
      next = "discharge",
    },
    -- ---------------------------------------------------------------- oppvekst og utdanning
    arena = {
      name = "Tiltak i barnehage og skole (etter tverrfaglig møte)", unit = "skole",
      capacity = "unlimited",   -- teachers' and kindergarten staff's time is not modelled
      intake = assume(0, { "measures start after the meeting", nb = "tiltakene starter etter møtet" }),
      episode = assume({ "gamma", mean = 42, sd = 21 }, { "six weeks of measures at school or kindergarten, then a new look",
                                                          nb = "seks uker med tiltak i skolen eller barnehagen, så en ny vurdering" }),
      next = assume({ by_need = { learning = { discharge = 0.75, ppt = 0.25 } },
                      default = { discharge = 0.8, hs = 0.2 } },
        { "most concerns are met by the arena's own measures (L411); some go on to PPT or the school nurse",
          nb = "de fleste bekymringer møtes med arenaens egne tiltak (L411); noen går videre til PPT eller helsesykepleieren" }),
    },
    bvt_und = {
      name = "Barneverntjenesten: undersøkelse", unit = "bvt",
      fte = assume(12, { "caseworkers for investigations; no figure in the source",
                         nb = "saksbehandlere for undersøkelser; intet tall i kilden" }),
      staff_share = assume(0.35, { "investigations of the children modelled here (mental-health or substance problems in the child " ..
                             "or the parents) against all the service's investigations: about a third of reports name such a reason " ..
                             "(EXTERNAL: Bufdir/SSB child-welfare statistics, not in the source); range: 30-50 %",
                                   nb = "undersøkelser av barna som modelleres her (psykiske helse- eller rusproblemer hos barnet eller " ..
                                          "foreldrene) mot alle tjenestens undersøkelser: om lag en tredjedel av meldingene oppgir en slik " ..
                                          "grunn (EKSTERN: barnevernsstatistikk fra Bufdir/SSB, ikke i kilden); spenn: 30-50 %" }, { 0.3, 0.5 }),
      case_share = assume(0.85, { "investigation is the team's work", nb = "undersøkelser er teamets arbeid" }),
      capacity = { slots_per_fte = assume(8, { "investigations a caseworker has under way",
                                               nb = "undersøkelser en saksbehandler har under arbeid" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte har: sommerferien gir færre" }) },
      eligibility = { ages = assume({ 0, 18 }, { "barnevernloven: children under 18 (EXTERNAL)",
                                                 nb = "barnevernloven: barn under 18 år (EKSTERN)" }) },
      intake = assume({ "uniform", min = 1, max = 7 }, { "a report is reviewed within a week (barnevernloven, EXTERNAL; digest §3.3)",
                                                         nb = "en melding gjennomgås innen en uke (barnevernloven, EKSTERN; digest §3.3)" }),
      episode = assume({ "uniform", min = 20, max = 90 }, { "an investigation: up to three months (EXTERNAL)",
                                                            nb = "en undersøkelse: inntil tre måneder (EKSTERN)" }),
      decision_limit_days = assume(90, { "barnevernloven: investigation within 3 months (EXTERNAL; seed-000 digest §3.3)",
                                         nb = "barnevernloven: undersøkelse innen 3 måneder (EKSTERN; seed-000 digest §3.3)" }),
      next = assume({ discharge = 0.55, bvt_tiltak = 0.45 }, { "about half of investigations lead to measures (national pattern, EXTERNAL)",
                                                               nb = "om lag halvparten av undersøkelsene fører til tiltak (nasjonalt mønster, EKSTERN)" }),
      at_age = "rules/common/age_transition.lua",
    },
    bvt_tiltak = {
      name = "Barneverntjenesten: hjelpetiltak", unit = "bvt",
      fte = assume(20, { "caseworkers following up measures; no figure in the source",
                         nb = "saksbehandlere som følger opp tiltak; intet tall i kilden" }),
      staff_share = assume(0.4, { "children with measures whose reasons include mental-health or substance problems in the child or " ..
                             "the parents, a little more than among investigations, as such cases more often lead to measures " ..
                             "(EXTERNAL: Bufdir/SSB child-welfare statistics, not in the source); range: 35-55 %",
                                  nb = "barn med tiltak der grunnene omfatter psykiske helse- eller rusproblemer hos barnet eller " ..
                                         "foreldrene, litt flere enn blant undersøkelsene, siden slike saker oftere fører til tiltak " ..
                                         "(EKSTERN: barnevernsstatistikk fra Bufdir/SSB, ikke i kilden); spenn: 35-55 %" }, { 0.35, 0.55 }),
      case_share = assume(0.8, { "follow-up of families (L357)", nb = "oppfølging av familier (L357)" }),
      capacity = { slots_per_fte = assume(12, { "children a caseworker follows", nb = "barn en saksbehandler følger" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte har: sommerferien gir færre" }) },
      eligibility = { ages = assume({ 0, 23 }, { "measures to 18, aftercare to 23 (EXTERNAL)",
                                                 nb = "tiltak til 18 år, ettervern til 23 år (EKSTERN)" }) },
      intake = assume({ "uniform", min = 3, max = 14 }, { "a plan for the measures", nb = "en plan for tiltakene" }),
      episode = assume({ "lognormal", mean = 400, sd = 300 }, { "measures over a year or more",
                                                                nb = "tiltak over ett år eller mer" }),
      next = "discharge",
      at_age = "rules/common/age_transition.lua",
    },
    ppt = {
      name = "PP-tjenesten", unit = "ppt",
      fte = assume(14, { "educational psychologists and advisers; no figure in the source",
                         nb = "pedagogisk-psykologiske rådgivere; intet tall i kilden" }),
      case_share = assume(0.75, { "the rest is system work in kindergartens and schools (TIBIR, L729)",
                                  nb = "resten er systemarbeid i barnehager og skoler (TIBIR, L729)" }),
      capacity = { slots_per_fte = assume(20, { "assessments and follow-up under way",
                                                nb = "utredninger og oppfølging under arbeid" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte har: sommerferien gir færre" }) },
      eligibility = { ages = cite({ 0, 16 }, { "seed-000 L497: at upper secondary PPT moves from the municipality to the county",
                                               nb = "seed-000 L497: i videregående skole går PPT over fra kommunen til fylkeskommunen" }) },
      intake = assume({ "uniform", min = 14, max = 45 }, { "observation and tests before the expert assessment",
                                                           nb = "observasjon og tester før den sakkyndige vurderingen" }),
      episode = assume({ "gamma", mean = 120, sd = 60 }, { "expert assessment (sakkyndig vurdering) and advice to the school",
                                                           nb = "sakkyndig vurdering og råd til skolen" }),
      next = "discharge",
      at_age = "rules/common/age_transition.lua",
    },
    ute = {
      name = "Utekontakten (13-23)", unit = "skole",
      fte = assume(5, { "a small outreach team; no figure in the source", nb = "et lite oppsøkende team; intet tall i kilden" }),
      case_share = assume(0.5, { "half the time is outreach in the streets and schools (L347)",
                                 nb = "halve tiden er oppsøkende arbeid i gatene og på skolene (L347)" }),
      capacity = { slots_per_fte = assume(15, { "youths followed individually", nb = "ungdommer som følges opp individuelt" }),
                   kind = assume("case_slots", { "open cases the staff carry: summer leave shortens it",
                                                 nb = "åpne saker de ansatte har: sommerferien gir færre" }) },
      eligibility = { ages = cite({ 13, 23 }, { "seed-000 L347: ungdom mellom 13-23 år",
                                                nb = "seed-000 L347: ungdom mellom 13-23 år" }) },
      intake = assume({ "uniform", min = 0, max = 5 }, { "contact where the young people are", nb = "kontakt der de unge er" }),
      episode = assume({ "gamma", mean = 90, sd = 60 }, { "motivation and support talks over some months (L347)",
                                                          nb = "motivasjons- og støttesamtaler over noen måneder (L347)" }),
      next = assume({ by_need = { substance = { discharge = 0.7, hfu = 0.3 },
                                  welfare = { discharge = 0.6, nav_ung = 0.4 } },
                      default = { discharge = 0.8, hs = 0.2 } },
        { "Utekontakten passes youths on (videreformidling, L347)",
          nb = "Utekontakten formidler ungdommer videre (videreformidling, L347)" }),
      at_age = "rules/common/age_transition.lua",
    },
    -- ---------------------------------------------------------------- outside the municipality
    bup = {
      name = "BUP (Ahus)", unit = "ahus", capacity = "unlimited",
      eligibility = { ages = assume({ 0, 18 }, { "child and adolescent psychiatry: under 18",
                                                 nb = "psykisk helsevern for barn og unge: under 18 år" }) },
      external_wait = { "uniform",
        min = assume(20, { "the shortest wait for a start in specialist care: about three weeks",
                           nb = "den korteste ventetiden til oppstart i spesialisthelsetjenesten: om lag tre uker" }),
        max = assume(90,
          { "from referral to the start of treatment at BUP; no figure in the source (treatment is the specialist service's task, seed-000 L493); " ..
            "uniform 20-90 days, mean 55, inside the 45-60 days that national mean waits in child and adolescent psychiatry were in these years (EXTERNAL: Helsedirektoratet's waiting-time statistics; check against the region's own figures)" ..
            "; range of the longest wait: 70 to 100 days, a mean of 45 to 60, the national means of these years",
            nb = "fra henvisning til oppstart av behandling ved BUP; intet tall i kilden (behandling er spesialisthelsetjenestens " ..
                   "oppgave, seed-000 L493); uniformt fordelt 20-90 dager, snitt 55, innenfor de 45-60 dagene som var den nasjonale " ..
                   "gjennomsnittlige ventetiden i psykisk helsevern for barn og unge i disse årene (EKSTERN: Helsedirektoratets " ..
                   "ventetidsstatistikk; sjekk mot regionens egne tall); spenn for den lengste ventetiden: 70 til 100 dager, et snitt på 45 " ..
                   "til 60, de nasjonale snittene i disse årene" }, { 70, 100 }) },
      episode = assume({ "gamma", mean = 180, sd = 100 }, { "specialist treatment over months",
                                                            nb = "spesialistbehandling over måneder" }),
      next = "rules/common/step_up.lua:next_rph",
      at_age = "rules/common/age_transition.lua",
    },
    dps = {
      name = "DPS Nedre Romerike (Ahus)", unit = "ahus", capacity = "unlimited",                  -- L361
      eligibility = { ages = assume({ 18, 120 }, { "adult psychiatry", nb = "psykisk helsevern for voksne" }) },
      external_wait = { "uniform",
        min = assume(20, { "the shortest wait for a start in specialist care: about three weeks",
                           nb = "den korteste ventetiden til oppstart i spesialisthelsetjenesten: om lag tre uker" }),
        max = assume(70,
          { "from referral to the start of treatment at the DPS; no figure in the source; " ..
            "uniform 20-70 days, mean 45, the middle of the 40-50 days that national mean waits in adult psychiatry were in these years (EXTERNAL: Helsedirektoratet's waiting-time statistics; check against the region's own figures)" ..
            "; range of the longest wait: 60 to 80 days, a mean of 40 to 50, the national means of these years",
            nb = "fra henvisning til oppstart av behandling ved DPS; intet tall i kilden; uniformt fordelt 20-70 dager, snitt 45, midt i " ..
                   "de 40-50 dagene som var den nasjonale gjennomsnittlige ventetiden i psykisk helsevern for voksne i disse årene " ..
                   "(EKSTERN: Helsedirektoratets ventetidsstatistikk; sjekk mot regionens egne tall); spenn for den lengste ventetiden: 60 " ..
                   "til 80 dager, et snitt på 40 til 50, de nasjonale snittene i disse årene" }, { 60, 80 }) },
      episode = assume({ "gamma", mean = 180, sd = 100 }, { "specialist treatment over months",
                                                            nb = "spesialistbehandling over måneder" }),
      next = "rules/common/step_up.lua:next_rph",
    },
    tsb = {
      name = "ARA / TSB (Ahus)", unit = "ahus", capacity = "unlimited",                           -- L298, L361
      eligibility = { ages = assume({ 18, 120 }, { "specialised substance treatment for adults",
                                                   nb = "tverrfaglig spesialisert rusbehandling for voksne" }) },
      external_wait = { "triangular",
        min = assume(14, { "the shortest wait for a start in specialised substance treatment: about two weeks",
                           nb = "den korteste ventetiden til oppstart i tverrfaglig spesialisert rusbehandling: om lag to uker" }),
        mode = assume(16, { "most start after about two weeks", nb = "de fleste starter etter om lag to uker" }),
        max = assume(60,
          { "from referral to a start in specialised substance treatment; no figure in the source " ..
            "(EXTERNAL: TSB waits nationally averaged about a month); triangular 14-60 days, most near two weeks, mean 30" ..
            "; range of the longest wait: 45 to 75 days, a mean of 25 to 35, about a month",
            nb = "fra henvisning til oppstart i tverrfaglig spesialisert rusbehandling; intet tall i kilden (EKSTERN: ventetiden i TSB " ..
                   "var i snitt om lag en måned nasjonalt); triangelfordelt 14-60 dager, de fleste nær to uker, snitt 30; spenn for den " ..
                   "lengste ventetiden: 45 til 75 dager, et snitt på 25 til 35, om lag en måned" }, { 45, 75 }) },
      episode = assume({ "gamma", mean = 120, sd = 80 }, { "detoxification, outpatient or institutional treatment (L298)",
                                                           nb = "avrusning, poliklinisk behandling eller behandling i institusjon (L298)" }),
      next = "rules/common/step_up.lua:next_rph",
    },
    fk_ot = {
      name = "Fylkeskommunens PPT og oppfølgingstjeneste", unit = "fk", capacity = "unlimited",   -- L497, L737
      eligibility = { ages = assume({ 16, 21 }, { "upper-secondary age; OT to 21 (EXTERNAL)",
                                                  nb = "alder for videregående skole; oppfølgingstjenesten til 21 år (EKSTERN)" }) },
      episode = assume({ "gamma", mean = 180, sd = 100 }, { "follow-up through upper secondary",
                                                            nb = "oppfølging gjennom videregående skole" }),
      next = "discharge",
    },
  },

  population = {
    ["0-5"] = cohort("0-5", 0, 6),
    ["6-12"] = cohort("6-12", 6, 13),
    ["13-15"] = cohort("13-15", 13, 16),
    ["16-17"] = cohort("16-17", 16, 18),
    ["18-19"] = cohort("18-19", 18, 20),
    ["20-22"] = cohort("20-22", 20, 23),
    ["23-66"] = cohort("23-66", 23, 67),
    ["67+"] = cohort("67+", 67, 95),
  },

  -- New concerns per 1,000 a year by need and age.  The source has no incidence
  -- (seed-000 digest §2.4); the mental-health levels are calibrated to FPH's volume (L333).
  demand = {
    tuned("mild", "0-5", mh(12), more(NO_INCIDENCE, "; early worries raised with the health centre", "; tidlige bekymringer tas opp med helsestasjonen"), SEV_MILD, D_PRESCHOOL, COMPLEX_LOW),
    stream("family", "0-5", 15, more(NO_INCIDENCE, "; care concerns in the youngest", "; bekymring for omsorgen for de minste"), SEV_OTHER, D_FAMILY_YOUNG, COMPLEX_MID),
    stream("learning", "0-5", 15, more(NO_INCIDENCE, "; development concerns in kindergarten", "; bekymring for utviklingen i barnehagen"), SEV_OTHER, D_LEARNING_YOUNG, COMPLEX_MID),

    tuned("mild", "6-12", mh(45), NO_INCIDENCE, SEV_MILD, D_SCHOOL, COMPLEX_LOW),
    tuned("moderate", "6-12", mh(14), NO_INCIDENCE, SEV_MODERATE, D_SCHOOL_MOD, COMPLEX_MID),
    stream("severe", "6-12", 1.5, NO_INCIDENCE, SEV_SEVERE, D_SEVERE, COMPLEX_HIGH),
    stream("family", "6-12", 25, NO_INCIDENCE, SEV_OTHER, D_FAMILY, COMPLEX_MID),
    stream("learning", "6-12", 25, NO_INCIDENCE, SEV_OTHER, D_LEARNING, COMPLEX_LOW),

    tuned("mild", "13-15", mh(80), NO_INCIDENCE, SEV_MILD, D_SCHOOL, COMPLEX_LOW),
    tuned("moderate", "13-15", mh(40), NO_INCIDENCE, SEV_MODERATE, D_SCHOOL_MOD, COMPLEX_MID),
    stream("severe", "13-15", 5, NO_INCIDENCE, SEV_SEVERE, D_SEVERE, COMPLEX_HIGH),
    stream("substance", "13-15", 8, NO_INCIDENCE, SEV_OTHER, D_SUBST_YOUNG, COMPLEX_MID),
    stream("family", "13-15", 25, NO_INCIDENCE, SEV_OTHER, D_FAMILY, COMPLEX_MID),
    stream("learning", "13-15", 10, NO_INCIDENCE, SEV_OTHER, D_LEARNING, COMPLEX_LOW),

    tuned("mild", "16-17", mh(80), NO_INCIDENCE, SEV_MILD, D_UPPER, COMPLEX_LOW),
    tuned("moderate", "16-17", mh(45), NO_INCIDENCE, SEV_MODERATE, D_UPPER_MOD, COMPLEX_MID),
    stream("severe", "16-17", 7, NO_INCIDENCE, SEV_SEVERE, D_SEVERE, COMPLEX_HIGH),
    stream("substance", "16-17", 25, NO_INCIDENCE, SEV_OTHER, D_SUBST_YOUNG, COMPLEX_MID),
    stream("family", "16-17", 15, NO_INCIDENCE, SEV_OTHER, D_FAMILY, COMPLEX_MID),
    stream("welfare", "16-17", 10, NO_INCIDENCE, SEV_OTHER, D_WELFARE, COMPLEX_MID),

    tuned("mild", "18-19", mh(70), NO_INCIDENCE, SEV_MILD, D_YOUNG_ADULT, COMPLEX_LOW),
    tuned("moderate", "18-19", mh(45), NO_INCIDENCE, SEV_MODERATE, D_YOUNG_ADULT, COMPLEX_MID),
    stream("severe", "18-19", 8, NO_INCIDENCE, SEV_SEVERE, D_SEVERE, COMPLEX_HIGH),
    stream("substance", "18-19", 30, NO_INCIDENCE, SEV_OTHER, D_SUBST_ADULT, COMPLEX_HIGH),
    stream("welfare", "18-19", 30, NO_INCIDENCE, SEV_OTHER, D_WELFARE, COMPLEX_MID),

    tuned("mild", "20-22", mh_adult(50), NO_INCIDENCE, SEV_MILD, D_YOUNG_ADULT, COMPLEX_LOW),
    tuned("moderate", "20-22", mh_adult(35), NO_INCIDENCE, SEV_MODERATE, D_YOUNG_ADULT, COMPLEX_MID),
    stream("severe", "20-22", 8, NO_INCIDENCE, SEV_SEVERE, D_SEVERE, COMPLEX_HIGH),
    stream("substance", "20-22", 25, NO_INCIDENCE, SEV_OTHER, D_SUBST_ADULT, COMPLEX_HIGH),
    stream("welfare", "20-22", 25, NO_INCIDENCE, SEV_OTHER, D_WELFARE, COMPLEX_MID),

    -- Adults: the shared adult services (FPH's adult team, RPH, SAMFOR) carry their whole load.
    tuned("mild", "23-66", mh_adult(10), more(NO_INCIDENCE, "; FPH's adult team", "; FPHs voksenteam"), SEV_MILD, D_ADULT, COMPLEX_LOW),
    tuned("moderate", "23-66", mh_adult(7), more(NO_INCIDENCE, "; FPH's adult team", "; FPHs voksenteam"), SEV_MODERATE, D_ADULT, COMPLEX_MID),
    stream("severe", "23-66", 3, NO_INCIDENCE, SEV_SEVERE, D_ADULT, COMPLEX_HIGH),
    stream("substance", "23-66", 8, more(NO_INCIDENCE, "; RPH's adult load", "; voksenbelastningen i rus og psykisk helse"), SEV_OTHER, D_SUBST_OLDER, COMPLEX_HIGH),
    tuned("mild", "67+", mh_adult(5), NO_INCIDENCE, SEV_MILD, D_ADULT, COMPLEX_LOW),
    tuned("moderate", "67+", mh_adult(3), NO_INCIDENCE, SEV_MODERATE, D_ADULT, COMPLEX_MID),
  },

  -- The pandemic: "Totalt har avdelingen om lag 1100 saker årlig, men som følge av pandemien
  -- opplever tjenesten stor pågang" (seed-000 L333) and, for children and young people, "Som følge
  -- av pandemien opplever denne tjenesten stor pågang, og ventetiden er om lag tre måneder (status
  -- per mai 2021)" (L489).  The source gives neither a start nor a size: the start is the national
  -- lockdown of 12 March 2020 (EXTERNAL), the end is past the run (still so in May 2021), and the
  -- size is calibrated to the wait of about three months in May 2021 (calibration.targets.fph_wait).
  -- It multiplies the mild and moderate mental-health streams that reach FPH (named
  -- "mh_mild_moderate" in demand above).  Not modelled: FPH "nylig er styrket med to
  -- psykologstillinger, som en direkte følge av pandemien" (L333); the 16 psychologists (L331) are
  -- taken as the staff throughout.
  surges = {
    pandemic = {
      from = assume("2020-03-12", { "EXTERNAL: the national lockdown; the source says only 'som følge av pandemien' (L333, L489)",
                                    nb = "EKSTERN: den nasjonale nedstengningen; kilden sier bare 'som følge av pandemien' (L333, L489)" }),
      to = assume("2021-12-31", { "still in force in May 2021 (L333, L489); the run ends with 2021",
                                  nb = "gjaldt fortsatt i mai 2021 (L333, L489); kjøringen slutter med 2021" }),
      multiplier = calibrated(at("surges.pandemic.multiplier"), "fph_wait", { "'stor pågang' (L333, L489): mild and moderate mental-health " ..
                                "referrals times this from March 2020, set so that FPH's wait reaches about three months " ..
                                "in May 2021; range: a fifth more to half again as many",
                                                                              nb = "'stor pågang' (L333, L489): lette og moderate henvisninger for psykisk helse " ..
                                                                                     "ganget med dette fra mars 2020, satt slik at ventetiden i FPH når om lag tre " ..
                                                                                     "måneder i mai 2021; spenn: fra en femtedel flere til halvannen gang så mange" }, { 1.2, 1.5 }),
      streams = { "mh_mild_moderate" },
    },
  },

  -- what a year of one FTE costs, so that a comparison can show staffing changes in NOK
  costs = { nok_per_fte = assume(900000, { "EXTERNAL: salary and social costs of a municipal FTE, about 0.9 MNOK a year (not in the sources); check locally",
                                           nb = "EKSTERN: lønn og sosiale kostnader for et kommunalt årsverk, om lag 0,9 mill. kr i året " ..
                                                  "(ikke i kildene); sjekk lokalt" }) },

  -- The figures FPH was tuned to meet (see the head of the file): inputs, not findings.
  calibration = {
    targets = {
      fph_cases = {
        what = { "FPH (child and adult teams) has about 1,100 cases a year, before the pandemic brought its heavy demand (L333 " ..
                 "gives the figure, then 'men som følge av pandemien opplever tjenesten stor pågang'): measured over 2019",
                 nb = "FPH (barne- og voksenteam) har om lag 1 100 saker i året før pandemien ga stor pågang (L333 gir tallet, så 'men " ..
                        "som følge av pandemien opplever tjenesten stor pågang'): målt gjennom 2019" },
        metric = "accepted", services = { "fph_barn", "fph_voksen" }, per_year = true,
        value = cite(1100, { "seed-000 L333: Totalt har avdelingen om lag 1100 saker årlig",
                             nb = "seed-000 L333: Totalt har avdelingen om lag 1100 saker årlig" }),
        tolerance = assume(0.1, { "'om lag': within 10 %", nb = "'om lag': innenfor 10 %" }),
        from = "2019-01-01", to = "2019-12-31",
      },
      fph_wait = {
        what = { "the wait for FPH is close to three months in May 2021",
                 nb = "ventetiden i FPH nærmer seg tre måneder i mai 2021" },
        metric = "wait_mean", services = { "fph_barn", "fph_voksen" },
        value = cite(90, { "seed-000 L333, L489: status per mai 2021 ... ventelisten nærmer seg tre måneder",
                           nb = "seed-000 L333, L489: status per mai 2021 ... ventelisten nærmer seg tre måneder" }),
        tolerance = assume(0.2, { "'nærmer seg tre måneder', 'om lag tre måneder': within 20 %",
                                  nb = "'nærmer seg tre måneder', 'om lag tre måneder': innenfor 20 %" }),
        from = "2021-05-01", to = "2021-05-31",
      },
    },
  },

  coordination = {
    unit = "samfor",   -- the coordinating unit sits in Samhandling og forvaltning (L292, L577)
    notified = assume(0.85, { "the municipality complies with the law on IP and coordinator (L57, L605); most are reported",
                              nb = "kommunen følger loven om IP og koordinator (L57, L605); de fleste blir meldt" }),
    offer_delay = assume({ "gamma", mean = 21, sd = 10 }, { "KE handles the application and makes a vedtak (L581)",
                                                            nb = "koordinerende enhet behandler søknaden og fatter vedtak (L581)" }),
    consent = assume(0.6, { "several young people decline the plan: paperwork and digital reluctance (L549, L607)",
                            nb = "flere unge takker nei til planen: papirarbeid og digital motvilje (L549, L607)" }),
    -- who is owed a plan and a coordinator (hol. §§ 7-1, 7-2; § 7-2 a from August 2022 only)
    rule = "rules/common/coordination.lua",
    -- the coordinator is offered also to those who decline the plan (hol. § 7-2; seed-004 L701)
    coordinator_consent = assume(0.9, { "the municipality offers a coordinator to all who need one (L609); " ..
                                        "the source gives no share who decline it: most are taken to accept",
                                        nb = "kommunen tilbyr en koordinator til alle som har behov for det (L609); kilden oppgir ikke " ..
                                               "hvor mange som takker nei: de fleste antas å takke ja" }),
    coordinators = cite(61, { "seed-000 L583: 2 heltidsansatte koordinatorer + 59 deltidskoordinatorer (May 2021), all in HOM",
                              nb = "seed-000 L583: 2 heltidsansatte koordinatorer + 59 deltidskoordinatorer (mai 2021), alle i HOM" }),
    -- all coordinators belong to helse, omsorg og mestring (L583): a person is coordinated once
    -- a service of that sector knows them
    sectors = { "hom" },
    -- The source gives no caseload (digest §2.4 GAP).  The audit found that the coordinating unit
    -- assigns a coordinator to every child entitled (L605) and offers one to all who need it
    -- (L609), so the pool is not what limits coordination: with an unlimited pool this scenario
    -- has about 250 coordinated at a time (247 at the calibrated point, 10 replications; 256 at
    -- the hand-tuned point before it, 210 before the pandemic surge), and 61 x 5 = 305 places hold
    -- them.  (The earlier guess,
    -- 2 full-time with 15 cases and 59 part-time with 2, gave 148 places, a queue of about four
    -- months for a coordinator and 44 % coordinated: a contradiction of L605 and L609; 4 cases
    -- each, 244 places, left 69 % coordinated after the recalibration.)
    cases_per_coordinator = assume(5, { "no caseload in the source (GAP); the audit found every entitled child given a " ..
        "coordinator (L605, L609): 305 places hold the ~256 coordinated at a time this scenario produces",
                                        nb = "ingen saksmengde i kilden (GAP); revisjonen fant at alle barn med rett fikk koordinator " ..
                                               "(L605, L609): 305 plasser rommer de ~256 som til enhver tid er koordinert i dette scenarioet" }),
    responsibility_group = { every_weeks = assume(8, { "ansvarsgruppe meetings a few times a year (L551, L559)",
                                                       nb = "ansvarsgruppemøter noen ganger i året (L551, L559)" }),
                             hours = assume(1.5, { "a meeting and its minutes (L559)", nb = "et møte og referatet (L559)" }) },
  },

  -- The auditors' criteria (revisjonskriterier, L245-248, repeated at L372; digest §6.1) and
  -- their conclusions (L57-58, L605-611).  `samsim audit` reads a run against them.  The report
  -- gives no statutory time limits (digest §3.3), so no criterion is about waits or decision
  -- times; the barnekoordinator (hol. § 7-2 a) came into force on 1 August 2022, after this
  -- audit, so it is not a criterion here.
  audit = {
    cooperation = {
      order = 1,
      text = "Kommunen skal legge til rette for samhandling mellom ulike deltjenester i kommunen, og med andre tjenesteytere",
      source = "seed-000 L248", law = "hol. § 3-4",
      not_simulated = { "shown by arenas and agreements (the TFS, a fixed arena with specialist care and GPs, L611), not by a rate a run produces",
                        nb = "vises gjennom arenaer og avtaler (TFS, en fast arena med spesialisthelsetjenesten og fastlegene, L611), " ..
                               "ikke gjennom en rate en kjøring gir" },
      finding = "met", finding_source = { "seed-000 L58: i det alt vesentlige lagt til rette for samhandling (with room for improvement)",
                                          nb = "seed-000 L58: i det alt vesentlige lagt til rette for samhandling (med rom for forbedring)" },
    },
    coordinating_unit = {
      order = 2,
      text = "Kommunen skal ha en koordinerende enhet",
      source = "seed-000 L248", law = "hol. § 7-3",
      not_simulated = { "whether the unit exists, trains coordinators and keeps an overview is a fact about the organisation",
                        nb = "om enheten finnes, lærer opp koordinatorer og har oversikt, er et faktum om organisasjonen" },
      finding = "met", finding_source = { "seed-000 L605: Kommunen oppfyller således kravene i helse- og omsorgstjenesteloven § 7-3",
                                          nb = "seed-000 L605: Kommunen oppfyller således kravene i helse- og omsorgstjenesteloven § 7-3" },
    },
    plan_offered = {
      order = 3,
      text = "Kommunen skal sikre at personer med langvarige og sammensatte behov tilbys individuell plan",
      source = "seed-000 L248", law = "hol. § 7-1; pbrl. § 2-5",
      metric = "plan_offered_share",
      at_least = assume(0.8, { "the auditors ask for a system that offers the plan to the entitled, not for every case; a run " ..
                               "shows such a system when at least 4 in 5 of the entitled are offered one within the period",
                               nb = "revisorene ber om et system som tilbyr planen til dem som har rett på den, ikke om hver enkelt sak; " ..
                                      "en kjøring viser et slikt system når minst 4 av 5 med rett får tilbud i perioden" }),
      finding = "met", finding_source = { "seed-000 L57: overholder sentrale lovkrav knyttet til koordinerende enhet, individuell plan og koordinator",
                                          nb = "seed-000 L57: overholder sentrale lovkrav knyttet til koordinerende enhet, individuell plan og koordinator" },
    },
    coordinator_appointed = {
      order = 4,
      text = "Kommunen skal sikre at personer med langvarige og sammensatte behov tilbys koordinator",
      source = "seed-000 L248", law = "hol. § 7-2",
      metric = "coordinator_share",
      at_least = assume(0.8, { "as for the plan: at least 4 in 5 of the entitled have a coordinator within the period",
                               nb = "som for planen: minst 4 av 5 med rett har koordinator i perioden" }),
      finding = "met", finding_source = { "seed-000 L57; L609: kommunen tilbyr en koordinator til alle som har behov for dette",
                                          nb = "seed-000 L57; L609: kommunen tilbyr en koordinator til alle som har behov for dette" },
    },
  },
}
