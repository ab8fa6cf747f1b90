# --svg draws the tornado chart with gnuplot: one bar a ranged number, the largest on top; a file
# that cannot be written is an output error (exit 4) after the table.
T=$(mktemp -d)
samsim sensitivity tests/fixtures/ranges/queue3.lua --metric q.wait_mean --trajectories 3 --samples 8 --reps 1 \
  --svg $T/tornado.svg > /dev/null
echo "exit $?"
grep -c '<svg' $T/tornado.svg
for n in demand.1.rate_per_day services.q.episode.mean handoffs.co_location.delay "total-order Sobol index"; do
  grep -q "$n" $T/tornado.svg && echo "the chart names $n"
done
samsim sensitivity tests/fixtures/ranges/queue3.lua --metric q.wait_mean --trajectories 3 --samples 8 --reps 1 \
  --svg $T/no/such/folder/t.svg > /dev/null 2> $T/err
echo "exit $?"
sed "s#$T#T#" $T/err
rm -rf $T
