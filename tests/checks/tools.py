#!/usr/bin/env python3
"""Every program the tests call is installed by the project's own set-up.

A fresh Debian (debootstrap minbase) has only the packages of priority 'required'; everything else
a test script runs must come from a package in the Makefile's DEB_PKGS, or `make test` fails on a
new machine although it passes here (where someone once installed it by hand).  This finds the
commands in the test scripts (tests/cli/*.cmd, tests/**/*.sh), asks dpkg which package each comes
from, and fails when that package is neither in DEB_PKGS (or their dependencies) nor required."""
import os, re, shutil, subprocess, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
make = open(os.path.join(root, "Makefile")).read()
m = re.search(r"^DEB_PKGS\s*:=((?:.*\\\n)*.*)$", make, re.M)
deb_pkgs = set(m.group(1).replace("\\\n", " ").split())

scripts = []
for d, _, files in os.walk(os.path.join(root, "tests")):
    for f in files:
        if f.endswith((".cmd", ".sh")):
            scripts.append(os.path.join(d, f))

# words in command position: line start, after | ; && || $( ` ( and after 'then/do/else/!'
cmd_pos = re.compile(r"(?:^|[|;&`(]|\$\(|\bthen\b|\bdo\b|\belse\b|!)\s*([A-Za-z][A-Za-z0-9_.+-]*)(?=\s|$|\))")
builtins = set("""if then else elif fi for while until do done case esac in function return local export
set unset shift exit echo printf read cd pwd test true false trap wait kill eval exec source type command
declare readonly let break continue alias ulimit umask times getopts hash jobs fg bg disown mapfile""".split())

used = {}
for path in scripts:
    defined = set(re.findall(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(\)", open(path).read(), re.M))
    heredoc = None  # the end word of a here-document being skipped (its body is data, not commands)
    for n, line in enumerate(open(path), 1):
        if heredoc:
            if line.strip() == heredoc:
                heredoc = None
            continue
        h = re.search(r"<<-?\s*['\"]?([A-Za-z_]+)['\"]?", line)
        if h:
            heredoc = h.group(1)
        line = re.sub(r"'[^']*'", "''", line.split(" #")[0])
        if line.lstrip().startswith("#"):
            continue
        for word in cmd_pos.findall(line):
            if word in builtins or word in defined or word == "samsim":
                continue
            used.setdefault(word, f"{os.path.relpath(path, root)}:{n}")

def package_of(prog):
    exe = shutil.which(prog)
    if not exe:
        return None
    for p in {exe, os.path.realpath(exe)}:
        r = subprocess.run(["dpkg", "-S", p], capture_output=True, text=True)
        if r.returncode == 0:
            return r.stdout.split(":")[0].strip()
        # /bin is a symlink to /usr/bin on current Debian: dpkg may know the other spelling
        alt = p.replace("/usr/bin/", "/bin/") if p.startswith("/usr/bin/") else p.replace("/bin/", "/usr/bin/")
        r = subprocess.run(["dpkg", "-S", alt], capture_output=True, text=True)
        if r.returncode == 0:
            return r.stdout.split(":")[0].strip()
    return None

def priority(pkg):
    r = subprocess.run(["dpkg-query", "-W", "-f=${Priority}", pkg], capture_output=True, text=True)
    return r.stdout.strip()

def closure(pkgs):  # DEB_PKGS and what they depend on (installed here)
    seen, todo = set(), list(pkgs)
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        r = subprocess.run(["dpkg-query", "-W", "-f=${Depends},${Pre-Depends}", p], capture_output=True, text=True)
        for dep in re.split(r"[,|]", r.stdout):
            name = dep.strip().split(" ")[0].split(":")[0]
            if name:
                todo.append(name)
    return seen

provided = closure(deb_pkgs)
bad = 0
for prog, where in sorted(used.items()):
    pkg = package_of(prog)
    if pkg is None:
        if shutil.which(prog) is None and prog not in ("build", "build-asan"):
            continue  # not a program here (a variable name or text the pattern caught)
        continue
    if pkg in provided or priority(pkg) == "required":
        continue
    print(f"{where}: tests call '{prog}' from package '{pkg}', which make's DEB_PKGS does not install")
    bad += 1
print(f"tools: {len(used)} commands in {len(scripts)} test scripts, {bad} not installed by the set-up")
sys.exit(1 if bad else 0)
