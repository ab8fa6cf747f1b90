#!/usr/bin/env python3
"""Prints the tables of engine/core/ziggurat.c: the 256-layer ziggurat for the exponential
distribution of Marsaglia and Tsang ("The ziggurat method for generating random variables",
J. Stat. Softw. 5(8), 2000), scaled to 53-bit integers instead of 32-bit ones.

    python3 engine/core/ziggurat_tables.py > /tmp/t.c   (then paste between the markers)

tests/unit/test_dist.c recomputes the tables in C and compares them with the committed ones."""
import math

R = 7.69711747013104972       # where the tail starts
V = 3.949659822581572e-3      # the area of each layer
M = 2.0 ** 53                 # the integers drawn are 53 bits

k = [0] * 256
w = [0.0] * 256
f = [0.0] * 256
de = R
te = de
q = V / math.exp(-de)
k[0] = int((de / q) * M)
k[1] = 0
w[0] = q / M
w[255] = de / M
f[0] = 1.0
f[255] = math.exp(-de)
for i in range(254, 0, -1):
    de = -math.log(V / de + math.exp(-de))
    k[i + 1] = int((de / te) * M)
    te = de
    f[i] = math.exp(-de)
    w[i] = de / M

def rows(name, ctype, vals, fmt):
    print(f"const {ctype} {name}[256] = {{")
    for i in range(0, 256, 4):
        print("    " + ", ".join(fmt(v) for v in vals[i:i + 4]) + ",")
    print("};")

rows("ss_zig_exp_k", "uint64_t", k, lambda v: f"UINT64_C({v})")
rows("ss_zig_exp_w", "double", w, lambda v: repr(v))
rows("ss_zig_exp_f", "double", f, lambda v: repr(v))
