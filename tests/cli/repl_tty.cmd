# The REPL in a real terminal (tmux): completion, history across sessions, Ctrl-C, Ctrl-D.
# The checks live in tests/repl_tty.sh; each prints one "ok - ..." line.
tests/repl_tty.sh samsim
