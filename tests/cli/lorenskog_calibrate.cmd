# Lørenskog 2021 calibrated by command (issue 13): history matching of every calibrated number with
# a range (FPH's incidences, slots per clinical FTE, episode lengths and deterioration times) to
# the scenario's two targets, FPH's ~1,100 cases a year and the ~three months' wait in May 2021.
# The scenario's head points here for the result.  A fuller run for a reviewer:
#   samsim calibrate scenarios/lorenskog/barn-unge-2021.lua --points 128 --reps 10 --db calib.db --ensemble-out ens.json
samsim calibrate scenarios/lorenskog/barn-unge-2021.lua --points 32 --reps 3 -j 2
