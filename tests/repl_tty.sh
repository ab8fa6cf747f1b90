#!/usr/bin/env bash
# The REPL in a real terminal, driven through tmux (send-keys, capture-pane): tab completion of a
# service id and of a parameter path, history recalled in a second session (HOME is a scratch
# folder), unfinished input kept out of the history, Ctrl-C at the prompt and during a long run
# (back to the prompt with the model intact), and Ctrl-D to leave.
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

start() {
    tm new-session -d -s repl -x 132 -y 50 -c "$PWD" \
        "env HOME='$home' TERM=xterm '$samsim' repl scenarios/default.lua; echo \"[exited \$?]\"; sleep 600"
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
wait_for '^services\.fph\.fte: 4 -> 5$' "the completed set runs"
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
wait_for '^calendar\.horizon_days: 1096 -> 40000$' "a long horizon"
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
