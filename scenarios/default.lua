-- Småby kommune: mental health and substance use services for children and young people 0-23.
--
-- The bundled default scenario: a small municipality's service chain that a planner recognises,
-- built on the shape of Lørenskog's services (seed 000) but scaled to a town of about 12,000
-- inhabitants.  The real municipalities live in scenarios/lorenskog/ and scenarios/klepp/.
-- Every number says where it comes from: cite(value, "seed line") or assume(value, "why");
-- `samsim show --sources scenarios/default.lua` lists them.
-- The reasons the demand streams below share, in English and Norwegian.
local NO_INCIDENCE = { "incidence not in the sources (seed-000 L291)", nb = "insidensen er ikke i kildene (seed-000 L291)" }
local NO_MIX = { "severity mix: the sources give no distribution",
                 nb = "fordeling på alvorlighetsgrad: kildene gir ingen fordeling" }
local NO_DOOR = { "which door a concern comes in by: not in the sources",
                  nb = "hvilken inngang en bekymring kommer inn gjennom: ikke i kildene" }

return {
  name = "Småby kommune, barn og unge 0-23 (default)",
  description = { "A small municipality's doors, services and referral paths for children and young people with mental-health and substance problems.",
                  nb = "Inngangene, tjenestene og henvisningsveiene i en liten kommune for barn og unge med psykiske helseplager og rusproblemer." },

  calendar = {
    start = "2024-01-01",
    horizon_days = assume(1096, { "three years: one of warm-up and two measured",
                                  nb = "tre år: ett års innkjøring og to som måles" }),
    warmup_days = assume(365, { "the first year fills the queues from empty", nb = "det første året fyller køene fra tomme" }),
    working_days = "mon-fri",
    holidays = "norway",
    -- fellesferie: most staff take three weeks in July
    summer = { from = "07-01", to = "08-09", capacity = assume(0.6, { "about 40 % of staff on leave in fellesferie",
                                                                      nb = "om lag 40 % av de ansatte har ferie i fellesferien" }) },
    -- concerns follow the school year: few in July, more in autumn and late winter
    seasonality = assume({ 1.1, 1.1, 1.1, 1.0, 1.0, 0.8, 0.4, 0.7, 1.2, 1.2, 1.2, 1.1 },
                         { "school-year pattern: referrals come through schools and school nurses (seed-000 L491)",
                           nb = "skoleårsmønster: henvisninger kommer via skolene og helsesykepleierne (seed-000 L491)" }),
  },

  -- what a year of one FTE costs, so that a comparison can show staffing changes in NOK
  costs = { nok_per_fte = assume(900000, { "EXTERNAL: salary and social costs of a municipal health worker, about 0.9 MNOK a year; check locally",
                                           nb = "EKSTERN: lønn og sosiale kostnader for en kommunal helsearbeider, om lag 0,9 mill. kr i året; sjekk lokalt" }) },

  needs = { "mild", "moderate", "severe", "substance" },
  age_boundaries = cite({ 18 }, { "seed-000 L96: adult services from 18", nb = "seed-000 L96: tjenester for voksne fra 18 år" }),

  organisation = {
    sectors = {
      hom = "Helse, omsorg og mestring",
      ous = "Oppvekst og utdanning",
      spes = { name = "Spesialisthelsetjenesten (outside the municipality)", external = true },
    },
    buildings = { radhuset = "Rådhuset", helsehuset = "Helsehuset", sykehus = "Sykehuset" },
    units = {
      hefo = { name = "Helsefremmende og forebyggende tjenester", sector = "hom", building = "helsehuset" },
      rph = { name = "Rus og psykisk helse", sector = "hom", building = "radhuset" },
      skole = { name = "Skolene", sector = "ous", building = "radhuset" },
      legekontor = { name = "Fastlegekontorene", sector = "hom" },
      spes = { name = "BUP and DPS", sector = "spes", building = "sykehus" },
    },
  },

  -- What a referral costs by organisational distance (seed-000 L337 and L485 describe referrals
  -- on to specialist care; the sizes of the costs are not in the sources).
  handoffs = {
    same_unit = { delay = assume(1, { "a word with a colleague", nb = "et ord med en kollega" }), info_loss = assume(0.05, { "same team, same notes", nb = "samme team, samme notater" }) },
    same_sector = { delay = assume(5, { "a referral letter inside the sector", nb = "et henvisningsbrev innad i sektoren" }),
                    info_loss = assume(0.3, { "different journals in one sector", nb = "ulike journaler i én sektor" }),
                    rejection = assume(0.05, { "occasional wrong door", nb = "av og til feil inngang" }) },
    across_sectors = { delay = assume(10, { "referral across sectors, consent forms",
                                            nb = "henvisning på tvers av sektorer, samtykkeskjemaer" }),
                       info_loss = assume(0.6, { "no shared case log across sectors",
                                                 nb = "ingen felles sakslogg på tvers av sektorer" }),
                       rejection = assume(0.1, { "the door does not know the whole offer",
                                                 nb = "inngangen kjenner ikke hele tilbudet" }),
                       lost = assume(0.03, { "some families do not follow up a referral",
                                             nb = "noen familier følger ikke opp en henvisning" }) },
    outside = { delay = assume({ "exponential", mean = 14 }, { "a referral to specialist care",
                                                               nb = "en henvisning til spesialisthelsetjenesten" }),
                info_loss = assume(0.5, { "specialist care assesses anew", nb = "spesialisthelsetjenesten kartlegger på nytt" }),
                rejection = assume(0.15, { "specialist care rejects some referrals (seed-000 L337)",
                                           nb = "spesialisthelsetjenesten avslår noen henvisninger (seed-000 L337)" }),
                lost = assume(0.02, { "some never arrive", nb = "noen kommer aldri fram" }) },
    -- Effect assumptions (effect()): what sharing a building or a record is assumed to do to the
    -- costs above.  No source measures them; the models that co-locate services or share a record
    -- rest on them.
    co_location = { delay = effect(0.5, { "colleagues in the same building meet in the corridor; range: from almost no effect to twice it",
                                          nb = "kolleger i samme bygg møtes i korridoren; spenn: fra nesten ingen virkning til det dobbelte" },
                                   { 0.25, 0.95 }),
                    info_loss = effect(0.7, { "and talk; range: from almost no effect to twice it",
                                              nb = "og snakker sammen; spenn: fra nesten ingen virkning til det dobbelte" }, { 0.4, 0.95 }) },
    reassessment = assume({ "uniform", min = 3, max = 10 }, { "a new assessment talk or two",
                                                              nb = "en ny kartleggingssamtale eller to" }),
    max_bounces = assume(2, { "after two refusals a family gives up", nb = "etter to avslag gir en familie opp" }),
  },

  population = {
    ["0-5"] = { ages = assume({ 0, 6 }, { "the cohort\'s age band (upper bound not included)", nb = "aldersgruppen til kohorten (øvre grense ikke med)" }), count = assume(900, { "a town of about 12,000: about 7.5 % aged 0-5", nb = "en by med om lag 12 000 innbyggere: om lag 7,5 % i alderen 0-5 år" }), growth = assume(0.005, { "slow growth", nb = "langsom vekst" }) },
    ["6-12"] = { ages = assume({ 6, 13 }, { "the cohort\'s age band (upper bound not included)", nb = "aldersgruppen til kohorten (øvre grense ikke med)" }), count = assume(1100, { "about 9 % aged 6-12", nb = "om lag 9 % i alderen 6-12 år" }), growth = assume(0.005, { "slow growth", nb = "langsom vekst" }) },
    ["13-17"] = { ages = assume({ 13, 18 }, { "the cohort\'s age band (upper bound not included)", nb = "aldersgruppen til kohorten (øvre grense ikke med)" }), count = assume(800, { "about 6.5 % aged 13-17", nb = "om lag 6,5 % i alderen 13-17 år" }), growth = assume(0.005, { "slow growth", nb = "langsom vekst" }) },
    ["18-23"] = { ages = assume({ 18, 24 }, { "the cohort\'s age band (upper bound not included)", nb = "aldersgruppen til kohorten (øvre grense ikke med)" }), count = assume(850, { "about 7 % aged 18-23", nb = "om lag 7 % i alderen 18-23 år" }), growth = assume(0.005, { "slow growth", nb = "langsom vekst" }) },
  },

  -- New concerns per 1,000 a year.  The sources give no incidence (seed-000 L291 lists it as a gap),
  -- so these are assumptions a planner should vary.
  demand = {
    { need = "mild", cohort = "6-12", per_1000_per_year = assume(60, NO_INCIDENCE),
      severity = assume({ 1 }, NO_MIX), door = assume({ school_nurse = 0.4, school = 0.2, gp = 0.2, self = 0.2 }, NO_DOOR) },
    { need = "mild", cohort = "13-17", per_1000_per_year = assume(110, NO_INCIDENCE),
      severity = assume({ 0.8, 0.2 }, NO_MIX), door = assume({ school_nurse = 0.35, school = 0.15, gp = 0.3, self = 0.2 }, NO_DOOR) },
    { need = "moderate", cohort = "13-17", per_1000_per_year = assume(45, NO_INCIDENCE),
      severity = assume({ 0.5, 0.5 }, NO_MIX), complex_share = assume(0.1, { "some need coordinated help over time", nb = "noen trenger koordinert hjelp over tid" }),
      door = assume({ gp = 0.5, school_nurse = 0.3, school = 0.1, self = 0.1 }, NO_DOOR) },
    { need = "moderate", cohort = "18-23", per_1000_per_year = assume(40, NO_INCIDENCE),
      severity = assume({ 0.5, 0.5 }, NO_MIX), door = assume({ gp = 0.7, self = 0.3 }, NO_DOOR) },
    { need = "severe", cohort = "13-17", per_1000_per_year = assume(4, NO_INCIDENCE),
      severity = assume({ 0, 0.3, 0.7 }, NO_MIX), complex_share = assume(0.5, { "severe illness often needs several services", nb = "alvorlig sykdom krever ofte flere tjenester" }),
      door = assume({ gp = 0.8, school_nurse = 0.2 }, NO_DOOR) },
    { need = "severe", cohort = "18-23", per_1000_per_year = assume(5, NO_INCIDENCE),
      severity = assume({ 0, 0.3, 0.7 }, NO_MIX), complex_share = assume(0.5, { "severe illness often needs several services", nb = "alvorlig sykdom krever ofte flere tjenester" }),
      door = assume({ gp = 1.0 }, NO_DOOR) },
    { need = "substance", cohort = "13-17", per_1000_per_year = assume(4, NO_INCIDENCE),
      severity = assume({ 0.6, 0.4 }, NO_MIX), door = assume({ school_nurse = 0.5, gp = 0.2, self = 0.3 }, NO_DOOR) },
    { need = "substance", cohort = "18-23", per_1000_per_year = assume(8, NO_INCIDENCE),
      severity = assume({ 0.5, 0.3, 0.2 }, NO_MIX), complex_share = assume(0.3, { "substance problems often come with other needs", nb = "rusproblemer kommer ofte sammen med andre behov" }),
      door = assume({ gp = 0.6, self = 0.4 }, NO_DOOR) },
  },

  doors = {
    school_nurse = { name = "Skolehelsetjenesten", unit = "hefo", route = "hs" },
    -- concerns raised at school wait for the interdisciplinary meeting (seed-000 L491; every 4 weeks)
    school = { name = "Tverrfaglig møte på skolen", unit = "skole",
               route = assume({ by_need = { substance = "rph", severe = "bup" }, default = { hs = 0.5, fph = 0.5 } }, { "the meeting sends mild cases to the nurse or FPH alike",
                                                                                                                        nb = "møtet sender lette saker til helsesykepleieren eller FPH om hverandre" }),
               meeting = { every_weeks = assume(4, { "the school's interdisciplinary meeting every 4 weeks",
                                                     nb = "skolens tverrfaglige møte hver fjerde uke" }),
                           weekday = "tue", held = assume(0.9, { "a meeting is sometimes cancelled",
                                                                 nb = "et møte blir av og til avlyst" }),
                           postpone = assume(0.2, { "some cases wait for more information",
                                                    nb = "noen saker venter på mer informasjon" }) } },
    gp = { name = "Fastlege", unit = "legekontor", route = "rules/default/gp_triage.lua" },
    self = { name = "Self-referral", route = { by_need = { substance = "rph" }, default = "fph" } },
  },

  -- Individual plan and coordinator for long-term and complex needs (hol. §§ 7-1, 7-2)
  coordination = {
    unit = "hefo",
    notified = assume(0.7, { "services do not always report to the coordinating unit (seed-001 audit finding)",
                             nb = "tjenestene melder ikke alltid til koordinerende enhet (seed-001, funn i revisjonen)" }),
    offer_delay = assume({ "uniform", min = 7, max = 30 }, { "from report to an offer", nb = "fra melding til et tilbud" }),
    consent = assume(0.85, { "most accept a plan", nb = "de fleste takker ja til en plan" }),
    coordinators = assume(6, { "a small pool of part-time coordinators", nb = "en liten gruppe deltidskoordinatorer" }),
    cases_per_coordinator = assume(2, { "part-time coordinators take one or two each",
                                        nb = "deltidskoordinatorer tar én eller to hver" }),
    responsibility_group = { every_weeks = assume(8, { "an ansvarsgruppe meets a few times a year",
                                                       nb = "en ansvarsgruppe møtes noen ganger i året" }),
                             hours = assume(1.5, { "a meeting with preparation", nb = "et møte med forberedelser" }) },
  },

  services = {
    hs = {
      order = 1,
      name = "Helsestasjon og skolehelsetjenesten",
      unit = "hefo",
      fte = assume(8, { "school nurses for about 2,800 children aged 0-17",
                        nb = "helsesykepleiere for om lag 2 800 barn i alderen 0-17 år" }),
      case_share = assume(0.3, { "most of a school nurse's time goes to universal work",
                                 nb = "det meste av helsesykepleierens tid går til universelt arbeid" }),
      capacity = { slots_per_fte = assume(25, { "short supportive talks: many open cases per case-FTE",
                                                nb = "korte støttesamtaler: mange åpne saker per saksårsverk" }) },
      eligibility = { ages = assume({ 0, 20 }, { "the age band the service serves",
                                                 nb = "aldersgruppen tjenesten gir tilbud til" }) },
      intake = assume({ "uniform", min = 1, max = 5 }, { "a first talk within the week", nb = "en første samtale innen en uke" }),
      episode = { "gamma", mean = assume(30, { "a handful of supportive talks", nb = "en håndfull støttesamtaler" }), sd = assume(20, { "varies", nb = "varierer" }) },
      target_wait_days = assume(14, { "local service goal", nb = "tjenestens lokale mål" }),
      -- school nurses pass on what they cannot treat (seed-000 L491)
      next = assume({ by_need = { mild = { discharge = 0.8, fph = 0.2 }, substance = { discharge = 0.5, rph = 0.5 } },
                      default = { discharge = 0.3, fph = 0.6, bup = 0.1 } },
                    { "shares referred on: the sources give none", nb = "andeler som henvises videre: kildene gir ingen" }),
    },
    fph = {
      order = 2,
      name = "Forebyggende psykisk helsetjeneste",
      unit = "hefo",
      fte = assume(4, { "a quarter of Lørenskog's 16 psychologists (seed-000 L333) for a quarter of its size",
                        nb = "en fjerdedel av Lørenskogs 16 psykologer (seed-000 L333) for en kommune på en fjerdedel av størrelsen" }),
      case_share = cite(0.45, { "seed-000 L335: 50-60 % of FPH resources go to system-level work",
                                nb = "seed-000 L335: 50-60 % av ressursene i FPH går til arbeid på systemnivå" }),
      capacity = { slots_per_fte = assume(20, { "open short-term cases per clinical FTE",
                                                nb = "åpne korttidssaker per klinisk årsverk" }) },
      eligibility = { ages = assume({ 0, 24 }, { "the age band the service serves", nb = "aldersgruppen tjenesten gir tilbud til" }), needs = { "mild", "moderate" }, max_severity = assume(2, { "mild to moderate problems only (seed-000 L329-339)", nb = "bare lette til moderate plager (seed-000 L329-339)" }) },
      intake = assume({ "uniform", min = 2, max = 10 }, { "assessment talks", nb = "kartleggingssamtaler" }),
      episode = { by_need = {
        mild = { "gamma", mean = assume(60, { "short-term treatment, a few months", nb = "korttidsbehandling, noen måneder" }), sd = assume(30, { "varies", nb = "varierer" }) },
        moderate = { "gamma", mean = assume(100, { "structured treatment, about three months", nb = "strukturert behandling, om lag tre måneder" }), sd = assume(40, { "varies", nb = "varierer" }) },
      }, default = { "gamma", mean = assume(90, { "short-term treatment", nb = "korttidsbehandling" }), sd = assume(40, { "varies", nb = "varierer" }) } },
      queue = { "priority", by_severity = assume({ 3, 2, 1 }, { "the most severe first", nb = "de alvorligste først" }) },
      target_wait_days = assume(42, { "local service goal of six weeks", nb = "tjenestens lokale mål på seks uker" }),
      -- waiting untreated, some get worse (seed-000 L489-493: school nurses carry the waiting cases)
      deterioration = { mean_days = assume(240, { "about a third worsen during a three-month wait",
                                                  nb = "om lag en tredjedel blir verre i løpet av tre måneders venting" }), escalate_to = "bup" },
      next = assume({ by_need = { moderate = { discharge = 0.8, bup = 0.15, rph = 0.05 } }, default = { discharge = 0.95, bup = 0.05 } },
                    { "heavier problems go on to specialist care (seed-000 L337); shares assumed",
                      nb = "tyngre plager går videre til spesialisthelsetjenesten (seed-000 L337); andelene er antatt" }),
      at_age = { [18] = "continue" },
    },
    rph = {
      order = 3,
      name = "Rus og psykisk helse 18+",
      unit = "rph",
      fte = assume(6, { "a small adult team for substance use and mental health",
                        nb = "et lite voksenteam for rus og psykisk helse" }),
      case_share = assume(0.8, { "mostly individual follow-up", nb = "for det meste individuell oppfølging" }),
      capacity = { hours_per_fte_week = assume(37.5, { "a full-time week", nb = "en heltidsuke" }),
                   case_hours = { "gamma", mean = assume(2.5, { "hours a week per user", nb = "timer i uken per bruker" }), sd = assume(1.5, { "varies", nb = "varierer" }) } },
      eligibility = { ages = assume({ 16, 120 }, { "the age band the service serves",
                                                   nb = "aldersgruppen tjenesten gir tilbud til" }) },
      intake = assume({ "uniform", min = 5, max = 20 }, { "assessment and a formal decision (vedtak)",
                                                          nb = "kartlegging og et formelt vedtak" }),
      relapse = { share = assume(0.15, { "substance problems often return", nb = "rusproblemer kommer ofte tilbake" }), after = assume({ "exponential", mean = 180 }, { "months later", nb = "måneder senere" }) },
      episode = { "lognormal", mean = assume(180, { "follow-up over months", nb = "oppfølging over måneder" }), sd = assume(120, { "a long tail", nb = "en lang hale" }) },
      target_wait_days = assume(30, { "local service goal", nb = "tjenestens lokale mål" }),
      next = assume({ discharge = 0.85, dps = 0.15 }, { "worsening adults go to DPS (seed-000 L485); shares assumed",
                                                        nb = "voksne som blir verre, går til DPS (seed-000 L485); andelene er antatt" }),
    },
    bup = {
      order = 4,
      name = "BUP (specialist care, children)",
      unit = "spes",
      capacity = "unlimited",
      eligibility = { ages = assume({ 0, 18 }, { "the age band the service serves",
                                                 nb = "aldersgruppen tjenesten gir tilbud til" }) },
      episode = { "gamma", mean = assume(150, { "specialist treatment over months", nb = "spesialistbehandling over måneder" }), sd = assume(80, { "varies", nb = "varierer" }) },
      next = assume({ discharge = 0.7, fph = 0.3 }, { "some come back to the municipal service; shares assumed",
                                                      nb = "noen kommer tilbake til den kommunale tjenesten; andelene er antatt" }),
      at_age = { [18] = "dps" },
    },
    dps = {
      order = 5,
      name = "DPS (specialist care, adults)",
      unit = "spes",
      capacity = "unlimited",
      eligibility = { ages = assume({ 18, 120 }, { "the age band the service serves",
                                                   nb = "aldersgruppen tjenesten gir tilbud til" }) },
      episode = { "gamma", mean = assume(150, { "specialist treatment over months", nb = "spesialistbehandling over måneder" }), sd = assume(80, { "varies", nb = "varierer" }) },
      next = assume({ discharge = 0.7, rph = 0.3 }, { "some come back to the municipal service; shares assumed",
                                                      nb = "noen kommer tilbake til den kommunale tjenesten; andelene er antatt" }),
    },
  },
}
