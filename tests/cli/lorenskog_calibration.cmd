# Lørenskog 2021 is calibrated to what the audit reports for the preventive mental-health service
# (seed-000 L333): about 1,100 cases a year, and a wait of about 3 months in May 2021.  The child
# and adult teams together: accepted cases a year within 10 % of 1,100, and the mean wait
# (weighted by first contacts) within 20 % of 90 days.
samsim run scenarios/lorenskog/barn-unge-2021.lua --reps 10 --seed 1 --json | jq -r '
  ((.horizon_days - .warmup_days) / 365.25) as $years
  | ((.services.fph_barn.accepted.mean + .services.fph_voksen.accepted.mean) / $years) as $a
  | ((.services.fph_barn.wait_mean.mean * .services.fph_barn.admitted.mean
      + .services.fph_voksen.wait_mean.mean * .services.fph_voksen.admitted.mean)
     / (.services.fph_barn.admitted.mean + .services.fph_voksen.admitted.mean)) as $w
  | "FPH accepted cases a year: \($a | round) (within 10 % of 1,100: \(($a - 1100 | fabs) <= 110))",
    "FPH mean wait: \($w | round) days (within 20 % of 90: \(($w - 90 | fabs) <= 18))"'
