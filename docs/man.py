#!/usr/bin/env python3
"""Writes the samsim(1) manual page from the program's own help, so the two cannot drift apart.

  docs/man.py build/samsim > docs/samsim.1     (make man)
  tests/checks run it and compare with docs/samsim.1 (a change to --help without `make man` fails)

The page is: NAME, SYNOPSIS (samsim --help's usage), DESCRIPTION, one subsection per command with
its `samsim CMD --help` text verbatim, EXIT STATUS, FILES, EXAMPLES and SEE ALSO."""
import re, subprocess, sys

samsim = sys.argv[1] if len(sys.argv) > 1 else "build/samsim"

def run(*args):
    r = subprocess.run([samsim, *args], capture_output=True, text=True)
    return r.stdout + r.stderr

def roff(text):  # verbatim text, escaped for roff
    out = []
    for line in text.rstrip("\n").split("\n"):
        line = line.replace("\\", "\\e")
        if line.startswith((".", "'")):
            line = "\\&" + line
        out.append(line)
    return "\n".join(out)

top = run("--help")
version = re.match(r"samsim (\S+):", top).group(1)
usage = top.split("usage:\n", 1)[1].split("\n\n", 1)[0]
commands = []
for line in usage.split("\n"):
    m = re.match(r"\s+samsim ([a-z]+)\b", line)
    if m and m.group(1) not in commands:
        commands.append(m.group(1))

page = [f'.TH SAMSIM 1 "" "samsim {version}" "User Commands"',
        ".SH NAME", "samsim \\- simulate municipal welfare services and compare ways to organise them",
        ".SH SYNOPSIS", ".nf", roff(usage), ".fi",
        ".SH DESCRIPTION",
        "samsim evaluates Lua-authored service-allocation and coordination rules against a scenario "
        "population and simulates waiting times, caseloads and transitions between services, many "
        "replications over, so that a municipality can compare ways to organise its services "
        "(a Familiens hus, meeting more often, staff stationed in schools, digital delivery) before "
        "it makes them. Every figure comes with a confidence interval; every number a scenario uses "
        "carries its source or says it is an assumption.",
        ".PP", "This page holds each command's own help text; the README that comes with samsim "
        "(installed under share/doc/samsim) has the tour, the scenario and rule reference, the results "
        "schema and a glossary of the Norwegian terms.",
        ".SH COMMANDS"]
for c in commands:
    if c == "--version":
        continue
    page += [f".SS samsim {c}", ".nf", roff(run(c, "--help")), ".fi"]
exit_line = top.split("exit codes:", 1)[1].strip()
page += [".SH EXIT STATUS", ".nf", roff("exit codes: " + exit_line), ".fi",
         ".SH FILES",
         ".TP", "share/samsim/scenarios/",
         "The bundled scenarios: a small example municipality (default.lua), Lørenskog and Klepp as "
         "their audits describe them, organisational models as overlays (models/), and queueing "
         "models with known answers (validation/).",
         ".TP", "share/samsim/rules/", "The bundled rule modules, each with its own test cases.",
         ".SH EXAMPLES", ".nf",
         roff("samsim run share/samsim/scenarios/default.lua\n"
              "samsim run scenario.lua --reps 20 --set services.fph.fte=6 --db study.db\n"
              "samsim compare base.lua +models/familiens-hus.lua\n"
              "samsim report study.db --out report.html"),
         ".fi",
         ".SH SEE ALSO", "lua(1), sqlite3(1)"]
sys.stdout.write("\n".join(page) + "\n")
