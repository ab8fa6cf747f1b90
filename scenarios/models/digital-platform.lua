-- Digital delivery and a shared digital platform (samhandlingsløsning).
--
-- Source: Lørenskog's fourth option: deliver services digitally; "more digital cooperation
-- solutions can in some cases replace physical meetings and paperwork (sending minutes etc.), and
-- the municipality can deliver the services faster and more cost-effectively" (seed-000 L429-431).
-- A digital platform was being planned where the citizen sees all their services, contacts and
-- appointments in one place ("en dør inn"), books and changes appointments, and the services
-- cooperate; families with complex needs want it; at first an addition to the individual plan,
-- not a replacement (L565-573, L607).  Against it: NAV's digital-only meetings in the pandemic
-- were "not optimal" (L541).
--
-- What the overlay changes in the baseline (the sizes are assumptions; vary them here):
--   * organisation.shared_log = true: every service reads the same record, so hand-offs use the
--     baseline's handoffs.shared_log multipliers (less delay, less information lost, fewer sent
--     back); a baseline without them gets delay 0.8, info_loss 0.3, rejection 0.7, lost 0.5;
--   * the individual plan is offered faster (the plan is on the platform): offer_delay x 0.5;
--   * responsibility-group meetings are partly digital and their minutes need not be posted
--     (L429, L559): hours per meeting x 0.75.
-- All three are effect assumptions (effect() in the register): the source names the benefits but
-- gives no sizes, and nothing in the engine produces them; the results rest on these numbers.
-- FTE are untouched: the platform's own cost is not in the model.
--
-- Fits every baseline with handoffs (scenarios/lorenskog/barn-unge-2021.lua, voksne-2015.lua,
-- scenarios/klepp/rusomsorg-2020.lua, scenarios/default.lua); the coordination parts apply where
-- the baseline has coordination.

local MODEL = "Digital delivery and a shared platform"
local MODEL_NB = "Digitale tjenester og en felles plattform"

local function nb_num(x)   -- a number as Norwegian text writes it (decimal comma)
  return (tostring(x):gsub("%.", ","))
end

local function val(x)
  if type(x) == "table" and x.kind ~= nil and x.text ~= nil then return x.value end
  return x
end

-- A distribution with its times multiplied by f.
local function scale_dist(d, f)
  d = val(d)
  if type(d) == "number" then return d * f end
  if type(d) ~= "table" then error(MODEL .. ": cannot scale the distribution " .. tostring(d), 0) end
  local out = {}
  for k, v in pairs(d) do out[k] = val(v) end
  local kind = out[1]
  if kind == "exponential" or kind == "gamma" or kind == "lognormal" then
    if out.mean then out.mean = out.mean * f end
    if out.sd then out.sd = out.sd * f end
    if out.scale then out.scale = out.scale * f end
    if out.mu then out.mu = out.mu + math.log(f) end
  elseif kind == "uniform" or kind == "triangular" then
    for _, k in ipairs({ "min", "mode", "max" }) do if out[k] then out[k] = out[k] * f end end
  elseif kind == "fixed" then
    out.value = out.value * f
  elseif kind == "weibull" then
    out.scale = out.scale * f
  else
    error(MODEL .. ": cannot scale a '" .. tostring(kind) .. "' distribution", 0)
  end
  return out
end

-- The shared record's benefit is not produced by a mechanism: it is the multipliers on the hand-off
-- costs in handoffs.shared_log, the baseline's where it has them.  They are declared effect
-- assumptions here, so a comparison can say which results rest on them.
-- Ranges (no source measures them): from almost no effect to about twice the assumed reduction;
-- the baseline's own range where it gives one.  The reasons in English and Norwegian.
local SHARED_LOG = {
  delay = { 0.8, "the record travels with the case", { 0.6, 1.0 }, "journalen følger saken" },
  info_loss = { 0.3, "the next service reads the record", { 0.1, 0.6 }, "neste tjeneste leser journalen" },
  rejection = { 0.7, "the record shows what was tried", { 0.4, 0.95 }, "journalen viser hva som er prøvd" },
  lost = { 0.5, "nobody falls out of the record", { 0.2, 0.9 }, "ingen faller ut av journalen" },
}
local function shared_record_effects(s)
  local sl = s.handoffs.shared_log or {}
  for key, default in pairs(SHARED_LOG) do
    local base = type(sl[key]) == "table" and sl[key] or {}
    -- in Norwegian too when the baseline's reason has a Norwegian text (or there is none)
    local why, why_nb = base.text or default[2], base.nb or (base.text == nil and default[4] or nil)
    local en = MODEL .. ": " .. why .. " (an assumed effect of the shared record)"
    sl[key] = effect(val(sl[key]) or default[1],
                     why_nb and { en, nb = MODEL_NB .. ": " .. why_nb .. " (en antatt effekt av felles journal)" } or en,
                     base.range or default[3])
  end
  s.handoffs.shared_log = sl
end

return {
  model = { MODEL, nb = MODEL_NB },
  description = {
    "Lørenskog's fourth option (seed-000 L429-431, L565-573): a shared digital platform and record " ..
      "(organisation.shared_log = true, so hand-offs lose less and take less time), individual plans offered twice " ..
      "as fast, responsibility-group meetings 25 % shorter. FTE untouched. Fits every baseline with handoffs " ..
      "(both Lørenskog scenarios, Klepp, default).",
    nb = "Lørenskogs fjerde alternativ (seed-000 L429-431, L565-573): en felles digital plattform og journal " ..
      "(alle tjenestene leser den samme, så mindre går tapt i overgangene, og de tar kortere tid), individuell plan " ..
      "tilbys dobbelt så raskt, møtene i ansvarsgruppene er 25 % kortere. Årsverkene er uendret. Passer til alle " ..
      "grunnlag med overganger (begge Lørenskog-scenarioene, Klepp, default).",
  },
  changes_capacity = false,
  applies_to = { "../lorenskog/barn-unge-2021.lua", "../lorenskog/voksne-2015.lua", "../klepp/rusomsorg-2020.lua", "../default.lua",
                 why = "it needs a baseline with handoffs" },

  apply = function(s)
    if type(s.handoffs) ~= "table" then
      error(MODEL .. ": the baseline has no handoffs, so a shared platform changes nothing; it fits " ..
            "scenarios/lorenskog/barn-unge-2021.lua, voksne-2015.lua, scenarios/klepp/rusomsorg-2020.lua", 0)
    end
    s.organisation = s.organisation or {}
    s.organisation.shared_log = true
    shared_record_effects(s)
    local c = s.coordination
    if type(c) == "table" then
      if c.offer_delay ~= nil then
        local why = { MODEL .. ": the plan is on the platform (L565-573): offered in half the baseline's time (an assumed effect; the source gives no size)",
                      nb = MODEL_NB .. ": planen ligger på plattformen (L565-573): den tilbys på halve tiden av grunnlagets " ..
                           "(en antatt effekt; kilden oppgir ingen størrelse)" }
        local d = scale_dist(c.offer_delay, 0.5)
        if type(d) == "table" and type(d.mean) == "number" then
          -- The effect is on the mean, ranged from a quarter to 0.9 of the baseline's; the spread
          -- stays the scaled one.
          for k, v in pairs(d) do
            if type(v) == "number" then
              d[k] = assume(v, { MODEL .. ": scaled with the mean", nb = MODEL_NB .. ": skalert sammen med snittet" })
            end
          end
          d.mean = effect(val(d.mean), why, { val(d.mean) * 0.5, val(d.mean) * 1.8 })
          c.offer_delay = d
        else
          c.offer_delay = effect(d, why)
        end
      end
      local rg = c.responsibility_group
      if type(rg) == "table" and rg.hours ~= nil then
        rg.hours = effect(val(rg.hours) * 0.75,
          { MODEL .. ": digital meetings, no minutes by post (L429, L559): 25 % shorter than the baseline's " .. val(rg.hours) ..
            " h (an assumed effect; the source gives no size); range: no shorter to half as long",
            nb = MODEL_NB .. ": digitale møter, referatene sendes ikke i posten (L429, L559): 25 % kortere enn grunnlagets " ..
                 nb_num(val(rg.hours)) .. " t (en antatt effekt; kilden oppgir ingen størrelse); spenn: fra like lange til halvparten så lange" },
          { val(rg.hours) * 0.5, val(rg.hours) })
      end
    end
    return s
  end,
}
