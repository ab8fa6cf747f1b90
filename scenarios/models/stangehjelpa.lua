-- Stangehjelpa (Stange): prevention, follow-up and treatment of children's and families' mental
-- health in one service, in one business unit (virksomhet) with the health centre.
--
-- Source: seed-002 L39: "Stangehjelpa i Stange kommune er eksempel på en helhetlig satsing på
-- psykisk helse for barn og familie, der tjenesten har ansvar for både forebygging, oppfølging og
-- behandling.  I tillegg jobber Stangehjelpa tett sammen med helsestasjon og
-- skolehelsetjenesten, og med barneverntjenesten som er organisert under samme virksomhet."
-- L41 (a municipality's own words): "Tilbudet til barn og unge er organisert under virksomhet barn
-- og familie og omfatter tjenesten Stangehjelpa og helsestasjonstjenesten."
-- Whether barnevern belongs to the virksomhet is ambiguous (digest M7): L39 says it is organised
-- under the same virksomhet, L41 lists only Stangehjelpa and the health centre.  So two variants:
--   * this overlay alone: the virksomhet holds Stangehjelpa and the health centre (L41's reading);
--   * this overlay and then stangehjelpa-barnevern.lua: barnevern in the virksomhet too (L39's).
-- No effects are claimed in the source, and none is assumed here: what changes is who does what
-- and who answers to whom, and the engine's hand-off costs and queues do the rest.
--
-- What the overlay changes in the Lørenskog 2021 baseline:
--   * FPH's child team (0-20) becomes Stangehjelpa, a unit of its own in the virksomhet "barn og
--     familie"; the health centre and school health (HS, HFU) join the same virksomhet (one
--     leader).  In Lørenskog they share a leader with FPH's adult team (hefo); that team stays
--     there with the other adult services.  The sector stays helse, omsorg og mestring, where
--     all of them are today (seed-000 L423).  No service moves building (the source says nothing).
--   * follow-up and treatment in one service: the child team no longer refers cases on for help
--     over time (the baseline's 12 % of moderate and 4 % of mild cases to BUP,
--     rules/lorenskog/fph_next.lua); Stangehjelpa follows them up itself
--     (rules/models/stangehjelpa.lua), and only severe illness goes to specialist care.
--   * that follow-up costs Stangehjelpa's time: those cases stay about six months longer (an
--     assumption), which lengthens the mean episode by the share kept x 180 days, with the
--     spread of the mixture.  FTE stay equal: no staff are added or moved.
--
-- What it gives on Lørenskog 2021 (10 replications, seed 1; tests/cli/overlays_claims): the child
-- team's mean wait rises from about 83 to about 134 days, since the follow-up it keeps takes the
-- same staff's time; with barnevern in the virksomhet, more hand-offs are inside one unit (968
-- against 938 a year) and more cross sectors (1,188 against 1,161), as barnevern leaves the
-- schools' sector.  The source claims neither.
--
-- Fits: scenarios/lorenskog/barn-unge-2021.lua (services fph_barn, hs, hfu; units hefo_hs,
-- hefo_fph).

local MODEL = "Stangehjelpa (Stange)"
local FITS = "it fits scenarios/lorenskog/barn-unge-2021.lua"
local FOLLOW_UP_DAYS = 180
local KEPT = { moderate = 0.12, mild = 0.04 }   -- the baseline's onward shares (rules/lorenskog/fph_next.lua)
local NEED_NB = { moderate = "moderate plager", mild = "lette plager" }

local function val(x)   -- a number from the scenario, with or without its cite()/assume()
  if type(x) == "table" and x.kind ~= nil and x.text ~= nil then return x.value end
  return x
end

local function check(s)
  if type(s.services) ~= "table" then error(MODEL .. ": the baseline has no services; " .. FITS, 0) end
  for _, id in ipairs({ "fph_barn", "hs", "hfu" }) do
    if s.services[id] == nil then error(MODEL .. ": the baseline has no service '" .. id .. "'; " .. FITS, 0) end
  end
  local units = type(s.organisation) == "table" and s.organisation.units
  if type(units) ~= "table" or units.hefo_hs == nil or units.hefo_fph == nil then
    error(MODEL .. ": the baseline has no units hefo_hs and hefo_fph; " .. FITS, 0)
  end
end

-- The episode of need `need` with the follow-up of the kept share added: mean + p F, and the
-- variance of the mixture, sd^2 + p (1 - p) F^2.
local function with_follow_up(episode, need)
  local d, p = val(episode), KEPT[need]
  if type(d) ~= "table" or d[1] ~= "gamma" or not p then
    error(MODEL .. ": expected a gamma episode for " .. need .. " at fph_barn; " .. FITS, 0)
  end
  local mean, sd = val(d.mean), val(d.sd)
  local new = { "gamma", mean = mean + p * FOLLOW_UP_DAYS,
                sd = math.sqrt(sd * sd + p * (1 - p) * FOLLOW_UP_DAYS * FOLLOW_UP_DAYS) }
  local nb = string.format("%s: grunnlagets %g dager, pluss oppfølging i om lag %d dager for de %g %% " ..
    "av sakene med %s som grunnlaget henviser videre (rules/lorenskog/fph_next.lua), som nå beholdes (antakelse i overlegget)",
    MODEL, mean, FOLLOW_UP_DAYS, p * 100, NEED_NB[need])
  return assume(new, { string.format("%s: the baseline's %g days, plus follow-up of about %d days for the %g %% " ..
    "of %s cases the baseline refers on (rules/lorenskog/fph_next.lua), now kept (overlay assumption)",
    MODEL, mean, FOLLOW_UP_DAYS, p * 100, need),
    nb = (nb:gsub("(%d)%.(%d)", "%1,%2")) })
end

return {
  model = MODEL,
  description = {
    "Stange (seed-002 L39, L41): FPH's child team becomes Stangehjelpa, responsible for prevention, " ..
      "follow-up and treatment, in one virksomhet with the health centre and school health; it follows up the cases " ..
      "the baseline refers on, and only severe illness goes to specialist care. Barnevern stays outside (L41's reading; " ..
      "stangehjelpa-barnevern.lua adds it, L39's). FTE equal. Fits scenarios/lorenskog/barn-unge-2021.lua.",
    nb = "Stange (seed-002 L39, L41): FPHs barneteam blir Stangehjelpa, med ansvar for forebygging, oppfølging og " ..
      "behandling, i én virksomhet med helsestasjonen og skolehelsetjenesten; teamet følger selv opp sakene " ..
      "grunnlaget henviser videre, og bare alvorlig sykdom går til spesialisthelsetjenesten. Barnevernet står " ..
      "utenfor (lesningen i L41; stangehjelpa-barnevern.lua legger det til, lesningen i L39). Like mange årsverk. " ..
      "Passer til scenarios/lorenskog/barn-unge-2021.lua.",
  },
  changes_capacity = false,
  applies_to = { "../lorenskog/barn-unge-2021.lua",
                 why = "it turns Lørenskog 2021's FPH child team (fph_barn) into Stangehjelpa and joins it with hs and hfu" },

  apply = function(s)
    check(s)
    local org = s.organisation
    local fph = org.units.hefo_fph
    org.units.stangehjelpa = { name = "Stangehjelpa (virksomhet barn og familie)", sector = fph.sector,
                               building = fph.building, leader = "barn_og_familie" }
    org.units.hefo_hs.leader = "barn_og_familie"
    org.units.hefo_hs.name = org.units.hefo_hs.name .. " (virksomhet barn og familie)"

    local sv = s.services.fph_barn
    sv.name = "Stangehjelpa: forebygging, oppfølging og behandling (0-20)"
    sv.unit = "stangehjelpa"
    sv.next = "rules/models/stangehjelpa.lua"
    local by_need = sv.episode and sv.episode.by_need
    if type(by_need) ~= "table" then error(MODEL .. ": fph_barn has no episode by need; " .. FITS, 0) end
    for _, need in ipairs({ "moderate", "mild" }) do by_need[need] = with_follow_up(by_need[need], need) end
    return s
  end,
}
