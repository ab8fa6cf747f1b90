-- Read by the REPL after `run` (samsim repl SCENARIO -c "run 10 1" -c "read tests/calibration/targets.lua"):
-- for every calibration target of the model, the value the run reached against the target,
-- and whether it is within the tolerance.  Until `samsim calibrate` exists, this is how a test
-- holds a scenario to the figures it was tuned to.
--
-- Several services: counts and time-average numbers (accepted, completed, queue_mean, ...) are
-- summed; means, quantiles and shares (wait_mean, over_target_share, ...) are weighted by the
-- services' first contacts (admitted).  per_year divides by the measured years.  The value is over
-- the whole measured period; a target that describes a shorter period within it (a month) is
-- marked "(measured over the whole period)".
ADDITIVE = { arrivals = true, accepted = true, rejected = true, redirected = true, admitted = true, completed = true, queue_mean = true, queue_end = true, caseload_mean = true, bounces = true, reassessments = true, lost = true, interim_letters = true, deteriorated = true, escalated = true }
function plain(x) if type(x) == "table" and x.value ~= nil then return x.value end return x end
function reached(t)
  if t.services == nil then return results.system[t.metric].mean end
  local sum, weight = 0, 0
  for _, id in ipairs(t.services) do
    local r = results.services[id]
    if ADDITIVE[t.metric] then sum = sum + r[t.metric].mean
    else sum = sum + r[t.metric].mean * r.admitted.mean; weight = weight + r.admitted.mean end
  end
  if ADDITIVE[t.metric] then return sum end
  return sum / weight
end
function check_targets()
  local years = (plain(model.calendar.horizon_days) - plain(model.calendar.warmup_days)) / 365.25
  local ids = {}
  for id in pairs(model.calibration.targets) do ids[#ids + 1] = id end
  table.sort(ids)
  for _, id in ipairs(ids) do
    local t = model.calibration.targets[id]
    local v, goal, tol = reached(t), plain(t.value), plain(t.tolerance)
    if t.per_year then v = v / years end
    local whole = (t.to:sub(1, 4) ~= t.from:sub(1, 4) or t.from:sub(6) ~= "01-01" or t.to:sub(6) ~= "12-31") and " (measured over the whole period)" or ""
    print(string.format("%-14s %10.1f  target %g +- %g %%: %s%s", id, v, goal, tol * 100, math.abs(v - goal) <= tol * goal and "within" or "OUTSIDE", whole))
  end
end
check_targets()
