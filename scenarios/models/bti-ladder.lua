-- BTI, Bedre Tverrfaglig Innsats: an escalation ladder with a shared relay log (stafettlogg).
--
-- Source: seed-002 L63-65.  Several municipalities use BTI, a collaboration model whose aim is
-- that children, young people and families get the help they need as early as possible, and
-- "holistic and coordinated effort without breaks in follow-up".  From one municipality: "if the
-- kindergarten has worked with measures through the stafettlogg and gets no further, it can ask
-- for assistance", so far from PPT and the educational support service, with the public-health
-- nurse to come; the PPT psychologist joins where needed.  Systematic routines are a success
-- factor for cooperation across sectors (SINTEF 2017, L63).  "Experienced as a good routine so
-- far" is the only effect claimed.
--
-- What the overlay changes in the baseline:
--   * level 0: a concern in a kindergarten or school starts at once with the arena's own
--     measures, logged in the stafettlogg, instead of waiting for the 4- or 6-weekly meeting
--     (the meeting doors lose their meeting and route by rules/models/bti.lua); severe illness
--     and serious care concerns (the duty to report, seed-000 L505) go straight to the service;
--   * level 1: when the arena's measures end without resolving the concern, the arena asks PPT,
--     the school nurse, FPH, HFU or barnevern for assistance (rules/models/bti.lua, next); the
--     arena tries for about six weeks, as in the baseline (an assumption);
--   * the stafettlogg: organisation.shared_log = true, so the log travels with the child and the
--     next service does not start from scratch (the baseline's handoffs.shared_log multipliers,
--     declared effect assumptions: the source claims no size, the engine produces none).
--     The engine has one shared log for the whole municipality, so every hand-off profits, not
--     only the child services' (a limit of the engine).
-- FTE are untouched: BTI's cost is the teachers' and kindergarten staff's time, which the model
-- does not hold as services.
--
-- Fits: scenarios/lorenskog/barn-unge-2021.lua (services arena, hs, ppt, fph_barn, hfu, bvt_und;
-- doors school, kindergarten).

local MODEL = "BTI escalation ladder with a stafettlogg"
local MODEL_NB = "BTI-modellen: tiltaksnivåer med stafettlogg"
local FITS = "it fits scenarios/lorenskog/barn-unge-2021.lua"

local function val(x)   -- a number from the scenario, with or without its cite()/assume()
  if type(x) == "table" and x.kind ~= nil and x.text ~= nil then return x.value end
  return x
end

-- The log's benefit is the multipliers on the hand-off costs (handoffs.shared_log, the
-- baseline's where it has them), not a mechanism: declared as effect assumptions.
-- Ranges (no source measures them): from almost no effect to about twice the assumed reduction;
-- the baseline's own range where it gives one.  The reasons in English and Norwegian.
local STAFETTLOGG = {
  delay = { 0.8, "the log travels with the case", { 0.6, 1.0 }, "loggen følger saken" },
  info_loss = { 0.3, "the next service reads the log", { 0.1, 0.6 }, "neste tjeneste leser loggen" },
  rejection = { 0.7, "the log shows what was tried", { 0.4, 0.95 }, "loggen viser hva som er prøvd" },
  lost = { 0.5, "no break in follow-up (002 L63)", { 0.2, 0.9 }, "ingen brudd i oppfølgingen (002 L63)" },
}

local function check(s, services, doors)
  if type(s.services) ~= "table" then error(MODEL .. ": the baseline has no services; " .. FITS, 0) end
  for _, id in ipairs(services) do
    if s.services[id] == nil then error(MODEL .. ": the baseline has no service '" .. id .. "'; " .. FITS, 0) end
  end
  for _, id in ipairs(doors) do
    if type(s.doors) ~= "table" or s.doors[id] == nil then
      error(MODEL .. ": the baseline has no door '" .. id .. "'; " .. FITS, 0)
    end
  end
  if type(s.handoffs) ~= "table" then error(MODEL .. ": the baseline has no handoffs; " .. FITS, 0) end
end

return {
  model = { MODEL, nb = MODEL_NB },
  description = {
    "BTI (seed-002 L63-65): concerns in kindergartens and schools start at once with the arena's own " ..
      "measures logged in a stafettlogg (no waiting for the 4/6-weekly meeting); when they do not help, the arena asks " ..
      "PPT, the school nurse or FPH for assistance; the log travels with the child (shared_log). FTE untouched. " ..
      "Fits scenarios/lorenskog/barn-unge-2021.lua.",
    nb = "BTI (seed-002 L63-65): bekymringer i barnehager og skoler møtes straks med arenaens egne tiltak, loggført i " ..
      "en stafettlogg (ingen venting på møtet hver 4. eller 6. uke); når tiltakene ikke hjelper, ber arenaen PPT, " ..
      "helsesykepleier eller FPH om bistand; loggen følger barnet (felles logg). Årsverkene er uendret. Passer til " ..
      "scenarios/lorenskog/barn-unge-2021.lua.",
  },
  changes_capacity = false,
  applies_to = { "../lorenskog/barn-unge-2021.lua",
                 why = "it replaces Lørenskog 2021's school and kindergarten meetings by the BTI ladder" },

  apply = function(s)
    check(s, { "arena", "hs", "ppt", "fph_barn", "hfu", "bvt_und" }, { "school", "kindergarten" })
    s.organisation = s.organisation or {}
    s.organisation.shared_log = true
    local sl = s.handoffs.shared_log or {}
    for key, default in pairs(STAFETTLOGG) do
      local base = type(sl[key]) == "table" and sl[key] or {}
      -- in Norwegian too when the baseline's reason has a Norwegian text (or there is none)
      local why, why_nb = base.text or default[2], base.nb or (base.text == nil and default[4] or nil)
      local en = MODEL .. ": " .. why .. " (an assumed effect of the stafettlogg)"
      sl[key] = effect(val(sl[key]) or default[1],
                       why_nb and { en, nb = MODEL_NB .. ": " .. why_nb .. " (en antatt effekt av stafettloggen)" } or en,
                       base.range or default[3])
    end
    s.handoffs.shared_log = sl
    for _, id in ipairs({ "school", "kindergarten" }) do
      local d = s.doors[id]
      d.meeting = nil
      d.route = "rules/models/bti.lua"
      d.name = (id == "school" and "Skole" or "Barnehage") .. ": BTI nivå 0 (stafettlogg)"
    end
    local arena = s.services.arena
    arena.name = "BTI nivå 0: tiltak i barnehage og skole (stafettlogg)"
    arena.episode = assume({ "gamma", mean = 42, sd = 21 },
      { MODEL .. ": about six weeks of logged measures before asking for help (as the baseline's arena)",
        nb = MODEL_NB .. ": om lag seks uker med loggførte tiltak før arenaen ber om hjelp (som arenaen i grunnlaget)" })
    arena.next = "rules/models/bti.lua"
    return s
  end,
}
