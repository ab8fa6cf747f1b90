#!/usr/bin/env python3
"""Data flows down only: no engine file includes a header of a higher layer.

The layers, lowest first, are the Makefile's LAYERS (util core model sim store study output cli);
repl/ stands beside cli at the top.  Prints each back-edge as FILE:LINE and exits 1 if any."""
import os, re, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
make = open(os.path.join(root, "Makefile")).read()
layers = re.search(r"^LAYERS\s*:=\s*(.*)$", make, re.M).group(1).split()
rank = {name: i for i, name in enumerate(layers)}
folders = {name: os.path.join("engine", name) for name in layers}
folders["repl"] = "repl"
rank["repl"] = rank["cli"]

home = {}  # header name -> layer
for layer, folder in folders.items():
    for f in os.listdir(os.path.join(root, folder)):
        if f.endswith(".h"):
            if f in home:
                print(f"{folder}/{f}: a header of this name is also in {folders[home[f]]}/")
                sys.exit(1)
            home[f] = layer

bad = 0
for layer, folder in folders.items():
    for f in sorted(os.listdir(os.path.join(root, folder))):
        if not f.endswith((".c", ".h")):
            continue
        for n, line in enumerate(open(os.path.join(root, folder, f)), 1):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if not m:
                continue
            h = m.group(1)
            if h not in home:
                print(f"{folder}/{f}:{n}: includes \"{h}\", which is in no layer")
                bad += 1
            elif rank[home[h]] > rank[layer]:
                print(f"{folder}/{f}:{n}: the {layer} layer includes \"{h}\" of the higher {home[h]} layer")
                bad += 1
print(f"layers: {len(home)} headers in {len(folders)} folders, {bad} back-edges")
sys.exit(1 if bad else 0)
