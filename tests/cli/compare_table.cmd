# The default table: key results of an option with two more FTE against the base, the FTE warning
# (also on stderr) and the one-line pairing summary.
samsim compare scenarios/default.lua scenarios/default.lua+models/more-fph-staff.lua --reps 4
