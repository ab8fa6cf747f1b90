# Every municipal scenario meets the figures it lists as calibration targets (calibration.targets:
# inputs it was tuned to, not findings), each within its stated tolerance, over the measured year
# (10 replications, seed 1).  tests/calibration/targets.lua computes each target's metric from the
# run (services summed, or means weighted by first contacts) in the REPL.
for s in scenarios/lorenskog/barn-unge-2021.lua scenarios/lorenskog/voksne-2015.lua scenarios/klepp/rusomsorg-2020.lua; do
  echo "$s"
  samsim repl $s -c "run 10 1" -c "read tests/calibration/targets.lua" | sed -n '/^[a-z_0-9]* *[0-9.]*  target /p'
done
