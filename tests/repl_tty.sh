#!/usr/bin/env bash
# The REPL in a real terminal, driven through tmux (send-keys, capture-pane): tab completion of a
# service id and of a parameter path, history recalled in a second session (HOME is a scratch
# folder), unfinished input kept out of the history, Ctrl-C at the prompt and during a long run
# (back to the prompt with the model intact), Ctrl-D to leave; in a third session a typo gets a
# suggestion, and compare's base stays the scenario as loaded after undo, redo and apply; in a
# fourth, 200 columns wide and in Norwegian, the results table shows whole service names.
#
#   tests/repl_tty.sh [path/to/samsim]      (default: samsim on PATH)
# Prints one "ok - ..." line per check, so tests/cli/repl_tty.cmd can compare it exactly; on a
# failure it prints "not ok - ...", the screen, and exits 1.  Waits poll the screen (up to 60 s
# each), so a slow build (AddressSanitizer) only takes longer.
set -u
cd "$(dirname "$0")/.."
samsim=$(command -v "${1:-samsim}") || { echo "not ok - no samsim to test"; exit 1; }
command -v tmux >/dev/null || { echo "not ok - tmux is not installed"; exit 1; }

home=$(mktemp -d)
sock="samsim-tty-$$"                   # a tmux server of our own, never the user's
mkdir "$home/work"
# Testby: the scenario the sessions use, written here so tuning scenarios/ changes nothing.
(cd "$home/work"
mkdir -p scenarios/models rules
cat > scenarios/testby.lua <<'LUA'
-- Testby kommune: a small service chain for the REPL's transcripts, kept with the tests so that
-- tuning the bundled scenarios does not change them.
return {
  name = "Testby kommune",
  calendar = { start = "2024-01-01", horizon_days = assume(730, "two years"),
               warmup_days = assume(180, "half a year fills the queues"), working_days = "mon-fri", holidays = "norway" },
  needs = { "mild", "moderate", "substance" },
  age_boundaries = { 18 },
  population = { young = { ages = { 6, 24 }, count = assume(3000, "a small town"), growth = 0 } },
  demand = {
    { need = "mild", cohort = "young", per_1000_per_year = assume(50, "a guess"), door = { nurse = 0.6, gp = 0.4 } },
    { need = "moderate", cohort = "young", per_1000_per_year = assume(20, "a guess"), severity = { 0.5, 0.5 }, door = { gp = 1.0 } },
    { need = "substance", cohort = "young", per_1000_per_year = assume(5, "a guess"), door = { gp = 1.0 } },
  },
  doors = {
    nurse = { name = "Skolehelsetjenesten", route = { hs = 1.0 } },
    gp = { name = "Fastlege", route = "rules/triage.lua" },
  },
  services = {
    hs = { order = 1, name = "Helsestasjon og skolehelsetjenesten", fte = assume(3, "school nurses"),
           case_share = assume(0.3, "mostly universal work"), capacity = { slots_per_fte = 20 },
           eligibility = { ages = { 0, 20 } }, episode = { "gamma", mean = 30, sd = 20 },
           target_wait_days = 14, next = { discharge = 0.8, fph = 0.2 } },
    fph = { order = 2, name = "Forebyggende psykisk helsetjeneste", fte = assume(3, "three psychologists"),
            case_share = cite(0.45, "seed-000 L335: 50-60 % of FPH resources go to system-level work"),
            capacity = { slots_per_fte = 20 }, eligibility = { ages = { 0, 24 }, needs = { "mild", "moderate" } },
            intake = { "uniform", min = 2, max = 10 },
            episode = { by_need = { moderate = { "gamma", mean = 100, sd = 40 } }, default = { "gamma", mean = 60, sd = 30 } },
            queue = { "priority", by_severity = { 2, 1 } }, target_wait_days = 42,
            next = { discharge = 0.9, rph = 0.1 }, at_age = { [18] = "continue" } },
    rph = { order = 3, name = "Rus og psykisk helse", fte = 2, case_share = 0.8,
            capacity = { hours_per_fte_week = 37.5, case_hours = { "gamma", mean = 2.5, sd = 1.5 } },
            eligibility = { ages = { 16, 120 } }, episode = { "lognormal", mean = 180, sd = 120 } },
  },
}
LUA
cat > rules/triage.lua <<'LUA'
-- the GP sends substance problems to rph from 16, everything else to fph
return function(person, door, ctx)
  if person.need == "substance" then
    if person.age >= 16 then return "rph" else return "hs" end
  end
  return "fph"
end
LUA
cat > scenarios/models/fph_team.lua <<'LUA'
-- one school nurse's post moves to the preventive team: the same staff in all
return { model = "FPH team", data = { services = { hs = { fte = 2 }, fph = { fte = 4 } } } }
LUA
)
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$home"; }
trap cleanup EXIT

# The screen and its scrollback; tmux drops blanks at the ends of lines.
screen() { tm capture-pane -p -t repl -S -200; }
fail() { echo "not ok - $1"; echo "--- screen:"; screen; exit 1; }

# Wait until the screen matches an extended regular expression.
wait_for() {
    local pattern=$1 what=$2
    for _ in $(seq 600); do
        screen | grep -Eq -- "$pattern" && return 0
        sleep 0.1
    done
    fail "$what (waited for /$pattern/)"
}

# The number of lines on the screen that match, so a check can wait for one more.
count() { screen | grep -Ec -- "$1"; }

start() {  # start WHAT [COLUMNS [OPTIONS]]
    tm new-session -d -s repl -x "${2:-132}" -y 50 -c "$home/work" \
        "env HOME='$home' TERM=xterm '$samsim' repl ${3:-} scenarios/testby.lua; echo \"[exited \$?]\"; sleep 600"
    tm set-option -s exit-empty off  # killing this session for the next must not end the server
    wait_for '^samsim>$' "$1"
}

keys() { tm send-keys -t repl "$@"; }

# ---- session 1 ----------------------------------------------------------------------------------
start "the REPL starts on a terminal and loads the scenario"
echo "ok - the REPL starts on a terminal and loads the scenario"

keys 'run 2' Enter
wait_for '^2 replications, seed 1' "a short run"
keys 'chart queue f' Tab
wait_for '^samsim> chart queue fph$' "Tab completes the service id fph"
keys Enter
wait_for '^cases waiting at fph over time' "the completed command runs"
echo "ok - Tab completes a service id (chart queue f -> fph)"

keys 'set services.f' Tab
wait_for '^samsim> set services\.fph\.$' "Tab completes a service in a parameter path"
keys 'ft' Tab
wait_for '^samsim> set services\.fph\.fte$' "Tab completes the parameter name"
keys '5' Enter
wait_for '^services\.fph\.fte: 3 -> 5$' "the completed set runs"
echo "ok - Tab completes a parameter path a level at a time"

keys '= "history marker " .. 4711' Enter
wait_for '^history marker 4711$' "a Lua expression prints"
keys 'for i = 1, 2 do' Enter
wait_for '^    \.\.>$' "unfinished Lua asks for more"
keys C-c
wait_for '^samsim>$' "Ctrl-C drops the unfinished input"
keys 'some words not sent'
wait_for '^samsim> some words not sent$' "typed text shows"  # ^C flushes unread input: wait
keys C-c
wait_for '^samsim> some words not sent\^C$' "Ctrl-C at the prompt drops the line"
wait_for '^samsim>$' "a fresh prompt after Ctrl-C"
echo "ok - Ctrl-C at the prompt and at the continuation prompt gives a fresh prompt"

keys C-d
wait_for '^\[exited 0\]$' "Ctrl-D leaves with exit code 0"
echo "ok - Ctrl-D leaves"

grep -qx '= "history marker " .. 4711' "$home/.samsim_history" || fail "the history file holds the input"
if grep -q 'for i = 1, 2 do' "$home/.samsim_history"; then fail "unfinished input stays out of the history"; fi
echo "ok - the history file holds complete input only"

# ---- session 2: history, Ctrl-C during a long run --------------------------------------------------
tm kill-session -t repl
start "a second session starts"
keys Up
wait_for '^samsim> = "history marker " \.\. 4711$' "Up recalls the last input of the first session"
keys Enter
wait_for '^history marker 4711$' "the recalled input runs"
echo "ok - history is recalled in a second session"

keys 'set calendar.horizon_days 40000' Enter
wait_for '^calendar\.horizon_days: 730 -> 40000$' "a long horizon"
keys 'run 5000' Enter
wait_for 'running: replication [0-9]+ of 5000' "a progress line once the run takes a second"
keys C-c
wait_for 'interrupted: the model and the results you had are as they were' "Ctrl-C stops the run"
wait_for '^samsim>$' "back at the prompt"
echo "ok - Ctrl-C stops a long run and returns to the prompt"

keys '= model.calendar.horizon_days, results' Enter
wait_for 'no results yet' "no results were kept from the stopped run"
keys '= model.calendar.horizon_days' Enter
wait_for '^40000$' "the model is intact after Ctrl-C"
echo "ok - the model is intact after the interrupted run"

keys 'quit' Enter
wait_for '^\[exited 0\]$' "quit leaves with exit code 0"
echo "ok - quit leaves"

# ---- session 3: compare's base after undo, redo and apply; a typo gets a suggestion --------------
tm kill-session -t repl
start "a third session starts"
keys 'rn' Enter
wait_for "unknown command 'rn' \(did you mean run\?\)" "a mistyped command gets a suggestion"
echo "ok - a mistyped command gets a suggestion (rn -> run), not a Lua error"

keys 'run 2' Enter
wait_for '^2 replications, seed 1' "a short run"
keys 'set services.fph.fte +2' Enter
wait_for '^services\.fph\.fte: 3 -> 5 \(3 \+ 2\)$' "a relative change says what it became"
keys 'compare' Enter
wait_for '^base    scenarios/testby\.lua as loaded \(the baseline' "the first compare is against the baseline"
keys 'undo' Enter
wait_for '^undone: set services\.fph\.fte \+2$' "undo takes back the set"
keys 'undo' Enter
wait_for '^undone: load scenarios/testby\.lua$' "undo takes back the load"
keys 'undo' Enter
wait_for 'nothing to undo' "a third undo has nothing to undo"
keys 'redo' Enter
wait_for '^redone: load scenarios/testby\.lua$' "redo loads the scenario again"
keys 'apply scenarios/models/fph_team.lua' Enter
wait_for '^applied scenarios/models/fph_team\.lua' "the overlay applies"
keys 'compare' Enter
wait_for '^option  scenarios/testby\.lua \+ scenarios/models/fph_team\.lua$' "the second compare runs"
[ "$(count '^base    scenarios/testby\.lua as loaded \(the baseline')" = 2 ] ||
    fail "the second compare's base is the scenario as loaded, not the undone +2 FTE run"
echo "ok - compare's base is the baseline after undo, redo and apply"

keys 'quit' Enter
wait_for '^\[exited 0\]$' "quit leaves"

# ---- session 4: 200 columns, in Norwegian: names are not cut ---------------------------------------
tm kill-session -t repl
start "a fourth session starts" 200 "--lang nb"
keys 'run 2' Enter
wait_for '^2 replikasjoner, frø 1' "a short run, in Norwegian"
keys 'results' Enter
wait_for '^hs +Helsestasjon og skolehelsetjenesten +[0-9]' "the results table shows the whole name"
wait_for '^Replikasjoner 2, frø 1$' "the results table's header is in Norwegian"
echo "ok - at 200 columns the results table shows whole names, in Norwegian with decimal commas"
screen | grep -Eq '^fph +Forebyggende psykisk helsetjeneste .*[0-9],[0-9]' ||
    fail "a figure has a decimal comma"
keys 'quit' Enter
wait_for '^\[exited 0\]$' "quit leaves"
