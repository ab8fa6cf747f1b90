-- Småby kommune: mental health and substance use services for children and young people 0-23.
--
-- The bundled default scenario: a small municipality's service chain that a planner recognises,
-- built on the shape of Lørenskog's services (seed 000) but scaled to a town of about 12,000
-- inhabitants.  The real municipalities live in scenarios/lorenskog/ and scenarios/klepp/.
-- Every number says where it comes from: cite(value, "seed line") or assume(value, "why");
-- `samsim show --sources scenarios/default.lua` lists them.
return {
  name = "Småby kommune, barn og unge 0-23 (default)",
  description = "A small municipality's doors, services and referral paths for children and young people with mental-health and substance problems.",

  calendar = {
    start = "2024-01-01",
    horizon_days = assume(1096, "three years: one of warm-up and two measured"),
    warmup_days = assume(365, "the first year fills the queues from empty"),
    working_days = "mon-fri",
    holidays = "norway",
    -- fellesferie: most staff take three weeks in July
    summer = { from = "07-01", to = "08-09", capacity = assume(0.6, "about 40 % of staff on leave in fellesferie") },
    -- concerns follow the school year: few in July, more in autumn and late winter
    seasonality = assume({ 1.1, 1.1, 1.1, 1.0, 1.0, 0.8, 0.4, 0.7, 1.2, 1.2, 1.2, 1.1 },
                         "school-year pattern: referrals come through schools and school nurses (seed-000 L491)"),
  },

  -- what a year of one FTE costs, so that a comparison can show staffing changes in NOK
  costs = { nok_per_fte = assume(900000, "EXTERNAL: salary and social costs of a municipal health worker, about 0.9 MNOK a year; check locally") },

  needs = { "mild", "moderate", "severe", "substance" },
  age_boundaries = cite({ 18 }, "seed-000 L96: adult services from 18"),

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
    same_unit = { delay = assume(1, "a word with a colleague"), info_loss = assume(0.05, "same team, same notes") },
    same_sector = { delay = assume(5, "a referral letter inside the sector"),
                    info_loss = assume(0.3, "different journals in one sector"),
                    rejection = assume(0.05, "occasional wrong door") },
    across_sectors = { delay = assume(10, "referral across sectors, consent forms"),
                       info_loss = assume(0.6, "no shared case log across sectors"),
                       rejection = assume(0.1, "the door does not know the whole offer"),
                       lost = assume(0.03, "some families do not follow up a referral") },
    outside = { delay = assume({ "exponential", mean = 14 }, "a referral to specialist care"),
                info_loss = assume(0.5, "specialist care assesses anew"),
                rejection = assume(0.15, "specialist care rejects some referrals (seed-000 L337)"),
                lost = assume(0.02, "some never arrive") },
    -- Effect assumptions (effect()): what sharing a building or a record is assumed to do to the
    -- costs above.  No source measures them; the models that co-locate services or share a record
    -- rest on them.
    co_location = { delay = effect(0.5, "colleagues in the same building meet in the corridor; range: from almost no effect to twice it",
                                   { 0.25, 0.95 }),
                    info_loss = effect(0.7, "and talk; range: from almost no effect to twice it", { 0.4, 0.95 }) },
    reassessment = assume({ "uniform", min = 3, max = 10 }, "a new assessment talk or two"),
    max_bounces = assume(2, "after two refusals a family gives up"),
  },

  population = {
    ["0-5"] = { ages = assume({ 0, 6 }, "the cohort\'s age band (upper bound not included)"), count = assume(900, "a town of about 12,000: about 7.5 % aged 0-5"), growth = assume(0.005, "slow growth") },
    ["6-12"] = { ages = assume({ 6, 13 }, "the cohort\'s age band (upper bound not included)"), count = assume(1100, "about 9 % aged 6-12"), growth = assume(0.005, "slow growth") },
    ["13-17"] = { ages = assume({ 13, 18 }, "the cohort\'s age band (upper bound not included)"), count = assume(800, "about 6.5 % aged 13-17"), growth = assume(0.005, "slow growth") },
    ["18-23"] = { ages = assume({ 18, 24 }, "the cohort\'s age band (upper bound not included)"), count = assume(850, "about 7 % aged 18-23"), growth = assume(0.005, "slow growth") },
  },

  -- New concerns per 1,000 a year.  The sources give no incidence (seed-000 L291 lists it as a gap),
  -- so these are assumptions a planner should vary.
  demand = {
    { need = "mild", cohort = "6-12", per_1000_per_year = assume(60, "incidence not in the sources (seed-000 L291)"),
      severity = assume({ 1 }, "severity mix: the sources give no distribution"), door = assume({ school_nurse = 0.4, school = 0.2, gp = 0.2, self = 0.2 }, "which door a concern comes in by: not in the sources") },
    { need = "mild", cohort = "13-17", per_1000_per_year = assume(110, "incidence not in the sources (seed-000 L291)"),
      severity = assume({ 0.8, 0.2 }, "severity mix: the sources give no distribution"), door = assume({ school_nurse = 0.35, school = 0.15, gp = 0.3, self = 0.2 }, "which door a concern comes in by: not in the sources") },
    { need = "moderate", cohort = "13-17", per_1000_per_year = assume(45, "incidence not in the sources (seed-000 L291)"),
      severity = assume({ 0.5, 0.5 }, "severity mix: the sources give no distribution"), complex_share = assume(0.1, "some need coordinated help over time"),
      door = assume({ gp = 0.5, school_nurse = 0.3, school = 0.1, self = 0.1 }, "which door a concern comes in by: not in the sources") },
    { need = "moderate", cohort = "18-23", per_1000_per_year = assume(40, "incidence not in the sources (seed-000 L291)"),
      severity = assume({ 0.5, 0.5 }, "severity mix: the sources give no distribution"), door = assume({ gp = 0.7, self = 0.3 }, "which door a concern comes in by: not in the sources") },
    { need = "severe", cohort = "13-17", per_1000_per_year = assume(4, "incidence not in the sources (seed-000 L291)"),
      severity = assume({ 0, 0.3, 0.7 }, "severity mix: the sources give no distribution"), complex_share = assume(0.5, "severe illness often needs several services"),
      door = assume({ gp = 0.8, school_nurse = 0.2 }, "which door a concern comes in by: not in the sources") },
    { need = "severe", cohort = "18-23", per_1000_per_year = assume(5, "incidence not in the sources (seed-000 L291)"),
      severity = assume({ 0, 0.3, 0.7 }, "severity mix: the sources give no distribution"), complex_share = assume(0.5, "severe illness often needs several services"),
      door = assume({ gp = 1.0 }, "which door a concern comes in by: not in the sources") },
    { need = "substance", cohort = "13-17", per_1000_per_year = assume(4, "incidence not in the sources (seed-000 L291)"),
      severity = assume({ 0.6, 0.4 }, "severity mix: the sources give no distribution"), door = assume({ school_nurse = 0.5, gp = 0.2, self = 0.3 }, "which door a concern comes in by: not in the sources") },
    { need = "substance", cohort = "18-23", per_1000_per_year = assume(8, "incidence not in the sources (seed-000 L291)"),
      severity = assume({ 0.5, 0.3, 0.2 }, "severity mix: the sources give no distribution"), complex_share = assume(0.3, "substance problems often come with other needs"),
      door = assume({ gp = 0.6, self = 0.4 }, "which door a concern comes in by: not in the sources") },
  },

  doors = {
    school_nurse = { name = "Skolehelsetjenesten", unit = "hefo", route = "hs" },
    -- concerns raised at school wait for the interdisciplinary meeting (seed-000 L491; every 4 weeks)
    school = { name = "Tverrfaglig møte på skolen", unit = "skole",
               route = assume({ by_need = { substance = "rph", severe = "bup" }, default = { hs = 0.5, fph = 0.5 } }, "the meeting sends mild cases to the nurse or FPH alike"),
               meeting = { every_weeks = assume(4, "the school's interdisciplinary meeting every 4 weeks"),
                           weekday = "tue", held = assume(0.9, "a meeting is sometimes cancelled"),
                           postpone = assume(0.2, "some cases wait for more information") } },
    gp = { name = "Fastlege", unit = "legekontor", route = "rules/default/gp_triage.lua" },
    self = { name = "Self-referral", route = { by_need = { substance = "rph" }, default = "fph" } },
  },

  -- Individual plan and coordinator for long-term and complex needs (hol. §§ 7-1, 7-2)
  coordination = {
    unit = "hefo",
    notified = assume(0.7, "services do not always report to the coordinating unit (seed-001 audit finding)"),
    offer_delay = assume({ "uniform", min = 7, max = 30 }, "from report to an offer"),
    consent = assume(0.85, "most accept a plan"),
    coordinators = assume(6, "a small pool of part-time coordinators"),
    cases_per_coordinator = assume(2, "part-time coordinators take one or two each"),
    responsibility_group = { every_weeks = assume(8, "an ansvarsgruppe meets a few times a year"),
                             hours = assume(1.5, "a meeting with preparation") },
  },

  services = {
    hs = {
      order = 1,
      name = "Helsestasjon og skolehelsetjenesten",
      unit = "hefo",
      fte = assume(8, "school nurses for about 2,800 children aged 0-17"),
      case_share = assume(0.3, "most of a school nurse's time goes to universal work"),
      capacity = { slots_per_fte = assume(25, "short supportive talks: many open cases per case-FTE") },
      eligibility = { ages = assume({ 0, 20 }, "the age band the service serves") },
      intake = assume({ "uniform", min = 1, max = 5 }, "a first talk within the week"),
      episode = { "gamma", mean = assume(30, "a handful of supportive talks"), sd = assume(20, "varies") },
      target_wait_days = assume(14, "local service goal"),
      -- school nurses pass on what they cannot treat (seed-000 L491)
      next = assume({ by_need = { mild = { discharge = 0.8, fph = 0.2 }, substance = { discharge = 0.5, rph = 0.5 } },
                      default = { discharge = 0.3, fph = 0.6, bup = 0.1 } },
                    "shares referred on: the sources give none"),
    },
    fph = {
      order = 2,
      name = "Forebyggende psykisk helsetjeneste",
      unit = "hefo",
      fte = assume(4, "a quarter of Lørenskog's 16 psychologists (seed-000 L333) for a quarter of its size"),
      case_share = cite(0.45, "seed-000 L335: 50-60 % of FPH resources go to system-level work"),
      capacity = { slots_per_fte = assume(20, "open short-term cases per clinical FTE") },
      eligibility = { ages = assume({ 0, 24 }, "the age band the service serves"), needs = { "mild", "moderate" }, max_severity = assume(2, "mild to moderate problems only (seed-000 L329-339)") },
      intake = assume({ "uniform", min = 2, max = 10 }, "assessment talks"),
      episode = { by_need = {
        mild = { "gamma", mean = assume(60, "short-term treatment, a few months"), sd = assume(30, "varies") },
        moderate = { "gamma", mean = assume(100, "structured treatment, about three months"), sd = assume(40, "varies") },
      }, default = { "gamma", mean = assume(90, "short-term treatment"), sd = assume(40, "varies") } },
      queue = { "priority", by_severity = assume({ 3, 2, 1 }, "the most severe first") },
      target_wait_days = assume(42, "local service goal of six weeks"),
      -- waiting untreated, some get worse (seed-000 L489-493: school nurses carry the waiting cases)
      deterioration = { mean_days = assume(240, "about a third worsen during a three-month wait"), escalate_to = "bup" },
      next = assume({ by_need = { moderate = { discharge = 0.8, bup = 0.15, rph = 0.05 } }, default = { discharge = 0.95, bup = 0.05 } },
                    "heavier problems go on to specialist care (seed-000 L337); shares assumed"),
      at_age = { [18] = "continue" },
    },
    rph = {
      order = 3,
      name = "Rus og psykisk helse 18+",
      unit = "rph",
      fte = assume(6, "a small adult team for substance use and mental health"),
      case_share = assume(0.8, "mostly individual follow-up"),
      capacity = { hours_per_fte_week = assume(37.5, "a full-time week"),
                   case_hours = { "gamma", mean = assume(2.5, "hours a week per user"), sd = assume(1.5, "varies") } },
      eligibility = { ages = assume({ 16, 120 }, "the age band the service serves") },
      intake = assume({ "uniform", min = 5, max = 20 }, "assessment and a formal decision (vedtak)"),
      relapse = { share = assume(0.15, "substance problems often return"), after = assume({ "exponential", mean = 180 }, "months later") },
      episode = { "lognormal", mean = assume(180, "follow-up over months"), sd = assume(120, "a long tail") },
      target_wait_days = assume(30, "local service goal"),
      next = assume({ discharge = 0.85, dps = 0.15 }, "worsening adults go to DPS (seed-000 L485); shares assumed"),
    },
    bup = {
      order = 4,
      name = "BUP (specialist care, children)",
      unit = "spes",
      capacity = "unlimited",
      eligibility = { ages = assume({ 0, 18 }, "the age band the service serves") },
      episode = { "gamma", mean = assume(150, "specialist treatment over months"), sd = assume(80, "varies") },
      next = assume({ discharge = 0.7, fph = 0.3 }, "some come back to the municipal service; shares assumed"),
      at_age = { [18] = "dps" },
    },
    dps = {
      order = 5,
      name = "DPS (specialist care, adults)",
      unit = "spes",
      capacity = "unlimited",
      eligibility = { ages = assume({ 18, 120 }, "the age band the service serves") },
      episode = { "gamma", mean = assume(150, "specialist treatment over months"), sd = assume(80, "varies") },
      next = assume({ discharge = 0.7, rph = 0.3 }, "some come back to the municipal service; shares assumed"),
    },
  },
}
