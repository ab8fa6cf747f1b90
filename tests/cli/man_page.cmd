# samsim(1) is the program's own help: docs/samsim.1 must equal what docs/man.py writes from it
# (after changing a --help text, run `make man`).
python3 docs/man.py "$(command -v samsim)" | diff docs/samsim.1 - && echo "samsim(1) equals samsim --help and every command's --help"
grep -c '^\.SS samsim ' docs/samsim.1
