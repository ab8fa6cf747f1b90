# A door meeting every 4 weeks makes concerns wait; meeting every week shortens it; a meeting that
# is always held and never postpones decides everything at the first meeting.
T=$(mktemp -d)
samsim run tests/fixtures/features.lua --reps 6 --json > $T/a.json
samsim run tests/fixtures/features.lua --reps 6 --json --set doors.school.meeting.every_weeks=1 > $T/b.json
samsim run tests/fixtures/features.lua --reps 6 --json --set doors.school.meeting.held=1 --set doors.school.meeting.postpone=0 > $T/c.json
jq -s -r 'if .[1].system.meeting_wait_mean.mean < .[0].system.meeting_wait_mean.mean / 2 then "weekly meetings: shorter wait for the meeting" else "weekly meetings: NOT shorter" end' $T/a.json $T/b.json
jq -r '"always held, never postponed: share decided at the first meeting = \(.system.first_meeting_share.mean)"' $T/c.json
jq -r 'if .system.meeting_wait_mean.mean <= 28 then "wait for the meeting at most 4 weeks" else "wait longer than the interval!" end' $T/c.json
jq -r '"decision meeting at bup counts in its wait: \(.services.bup.wait_mean.mean > 0)"' $T/a.json
rm -rf $T
