# make install puts the binary, the manual page and the bundled scenarios and rules under PREFIX;
# the installed binary runs an installed scenario from anywhere.
T=$(mktemp -d)
build=$(basename "$(dirname "$(command -v samsim)")")
make -s install B="$build" PREFIX="$T/x" >/dev/null 2>&1 || echo "make install failed"
(cd / && "$T/x/bin/samsim" run "$T/x/share/samsim/scenarios/default.lua" --reps 2 --set calendar.horizon_days=500 --set calendar.warmup_days=100 -q | sed -n '1p;3p')
for f in bin/samsim share/man/man1/samsim.1 share/doc/samsim/README.md share/samsim/rules/default/gp_triage.lua share/samsim/scenarios/lorenskog/barn-unge-2021.lua; do
  [ -e "$T/x/$f" ] && echo "installed $f" || echo "MISSING $f"
done
rm -rf "$T"
