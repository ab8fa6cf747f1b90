# samsim audit on criteria whose verdicts are known by construction (tests/fixtures/audit_mmc.lua,
# the M/M/10 queue: busy 90 % of the time, mean wait 0.6687 days by Erlang C): a threshold the
# whole interval is below is met, one it is wholly above is not met, one at the true value is
# unclear; the document criterion is listed as not simulated.  Then the same as JSON, two models
# side by side, and the errors.
samsim audit tests/fixtures/audit_mmc.lua --reps 8 -j 2
samsim audit tests/fixtures/audit_mmc.lua --reps 8 -j 2 --json | jq -c '.criteria[] | [.id, .finding, [.models[] | .verdict, .agrees_with_audit]]'
samsim audit tests/fixtures/audit_mmc.lua +../../scenarios/validation/mmc.lua --reps 4 -j 2 --set 'calendar.horizon_days=800' | grep -A4 "^busy_above"
samsim audit; echo "exit $?"
samsim audit tests/fixtures/audit_mmc.lua --csv; echo "exit $?"
samsim audit tests/fixtures/audit_mmc.lua +nowhere.lua; echo "exit $?"
samsim audit scenarios/validation/mmc.lua --reps 2 | tail -1
samsim run tests/fixtures/audit_mmc.lua --set 'audit.busy_below_95.metric="utilisaton"'; echo "exit $?"
