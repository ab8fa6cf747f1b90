#!/usr/bin/env python3
"""The README's Results section must be the output of `samsim schema`.

    tests/readme_schema.py SAMSIM            check (exit 1 and a diff when they differ)
    tests/readme_schema.py SAMSIM --update   rewrite the README section
"""
import difflib
import subprocess
import sys

BEGIN, END = "<!-- schema:begin -->\n", "<!-- schema:end -->\n"

def main():
    samsim, update = sys.argv[1], "--update" in sys.argv[2:]
    schema = subprocess.run([samsim, "schema"], check=True, capture_output=True, text=True).stdout
    readme = open("README.md", encoding="utf-8").read()
    head, rest = readme.split(BEGIN, 1)
    current, tail = rest.split(END, 1)
    if update:
        open("README.md", "w", encoding="utf-8").write(head + BEGIN + schema + END + tail)
        return 0
    if current == schema:
        print("README Results section matches samsim schema")
        return 0
    sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), schema.splitlines(True), "README.md", "samsim schema"))
    return 1

sys.exit(main())
