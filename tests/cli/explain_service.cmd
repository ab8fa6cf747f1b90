# samsim explain: why a service's wait is what it is — demand a year against capacity a year,
# how busy it is, who leaves the queue, the queue's trend over the measured year, and the inputs
# behind it by kind (cited, tuned, assumed, without a source) with their citations.
S=scenarios/lorenskog/barn-unge-2021.lua
samsim explain $S fph_barn --reps 5
echo "exit code $?"
# a service with room; a value set on the command line has no source
samsim explain $S rph --reps 5 --set services.rph.fte=30 | sed -n '1,12p'
samsim explain $S fph --reps 5
echo "exit code $?"
samsim explain $S
echo "exit code $?"
