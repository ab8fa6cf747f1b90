# The REPL in Norwegian (issue 14) says a scenario's name as written: "0-23, 2021" is part of a name,
# not an interval whose ends a Norwegian text parts with a semicolon ("0-23; 2021" before); and the
# warm-up is "innkjøring", the one word the report and the REPL use for it.
samsim repl scenarios/lorenskog/barn-unge-2021.lua --lang nb -c 'help' 2>&1 | sed -n 1,2p
