-- Read by the REPL after `run` (samsim repl SCENARIO -c "run 10 1" -c "read tests/calibration/targets.lua"):
-- for every calibration target of the model, the value the run reached against the target,
-- and whether it is within the tolerance.  Until `samsim calibrate` exists, this is how a test
-- holds a scenario to the figures it was tuned to.
--
-- Several services: counts and time-average numbers (accepted, completed, queue_mean, ...) are
-- summed; means, quantiles and shares (wait_mean, over_target_share, ...) are weighted by the
-- services' first contacts (admitted).  per_year divides by the measured years.  A target is
-- checked when the run measured exactly its period (from its first to its last day), as a run does
-- whose warm-up ends at `from` and whose horizon at the end of `to` (set calendar.warmup_days and
-- calendar.horizon_days: the same seed gives the same people up to then); otherwise it says
-- "not measured by this run" and the days to set.
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
-- Days from 1970-01-01 of "YYYY-MM-DD" (the proleptic Gregorian calendar; H. Hinnant's days_from_civil).
function epoch_day(text)
  local y, m, d = text:match("^(%d+)-(%d+)-(%d+)$")
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m <= 2 then y = y - 1 end
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end
function check_targets()
  local warmup, horizon = plain(model.calendar.warmup_days), plain(model.calendar.horizon_days)
  local start = epoch_day(plain(model.calendar.start))
  local years = (horizon - warmup) / 365.25
  local ids = {}
  for id in pairs(model.calibration.targets) do ids[#ids + 1] = id end
  table.sort(ids)
  for _, id in ipairs(ids) do
    local t = model.calibration.targets[id]
    local from, to = epoch_day(t.from) - start, epoch_day(t.to) - start + 1
    if math.abs(from - warmup) > 0.5 or math.abs(to - horizon) > 0.5 then
      print(string.format("%-14s not measured by this run: set calendar.warmup_days=%d and calendar.horizon_days=%d", id, from, to))
    else
      local v, goal, tol = reached(t), plain(t.value), plain(t.tolerance)
      if t.per_year then v = v / years end
      print(string.format("%-14s %10.1f  target %g +- %g %%: %s", id, v, goal, tol * 100, math.abs(v - goal) <= tol * goal and "within" or "OUTSIDE"))
    end
  end
end
check_targets()
