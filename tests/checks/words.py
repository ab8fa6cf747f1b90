#!/usr/bin/env python3
"""Every text the REPL, the results table and `explain` print has its Norwegian (bokmål) in
engine/output/words_nb.h, with the same printf conversions in the same order.

The texts are found where the code hands them to the words: repl_say(r, "..."), repl_fail(r, a,
i, "..."), repl_w(r, "..."), ss_words(lang, "..."), ss_words_print(f, lang, "..."), either side
of a ?: inside them, the REPL's command help, and the metric tables' labels, units and
descriptions (results.c).  Run from the tree's root; prints what is missing or wrong."""
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
STR = r'"(?:[^"\\]|\\.)*"'
LIT = rf'(?:{STR}\s*)+'          # adjacent literals are one text
SOURCES = ["repl/args.c", "repl/chart_cmd.c", "repl/commands.c", "repl/edit.c", "repl/runs.c",
           "repl/save.c", "repl/show.c", "repl/line.c", "repl/tree.c", "engine/output/output.c",
           "engine/output/explain.c", "engine/output/verdict_text.c", "engine/output/robust_text.c",
           "engine/output/trend_text.c", "engine/cli/compare_print.c", "engine/cli/cmd_compare.c",
           "engine/output/audit_view.c"]
CALLS = [r'repl_say\(\s*r\s*,', r'repl_fail\([^,]*,[^,]*,[^,]*,', r'repl_w\(\s*r\s*,',
         r'ss_words\(\s*[a-z>.-]*lang\s*,', r'ss_words_print\([^,]*,\s*lang\s*,']


def text_of(lit):
    parts = re.findall(STR, lit)
    return "".join(p[1:-1] for p in parts)  # as written: escapes compare as the code writes them


def strip_comments(src):
    return re.sub(r'/\*.*?\*/', lambda m: " " * len(m.group(0)), src, flags=re.S)


def prefix_macros(src):
    return src.replace('" PRIu64 "', '" "llu" "').replace('" PRId64', 'lld"')


def wanted():
    found = {}
    for path in SOURCES:
        src = prefix_macros(strip_comments(open(f"{ROOT}/{path}", encoding="utf-8").read()))
        for call in CALLS:
            for m in re.finditer(call + rf'\s*(?:[^;"]*?\?\s*)?({LIT})(?:\s*:\s*({LIT}))?', src):
                for g in m.groups():
                    if g:
                        found.setdefault(text_of(g), f"{path}:{src.count(chr(10), 0, m.start()) + 1}")
        if path == "repl/commands.c":  # the command table: {name, usage, help, handler, ...}
            for m in re.finditer(rf'\{{\s*{STR}\s*,\s*{STR}\s*,\s*({LIT}),\s*(?:repl_cmd_|cmd_)', src):
                found.setdefault(text_of(m.group(1)), f"{path}: command help")
    extra = [  # texts handed over in a variable: where they are written
        ("engine/output/explain.c", rf'why\s*=\s*({LIT});'),
        ("engine/output/explain.c", rf'kinds\[\]\s*=\s*\{{((?:\s*{STR}\s*,?)+)\}}'),
        ("repl/runs.c", rf'\{{\s*{STR}\s*,\s*({STR})\s*\}}'),                       # compared[]
        ("repl/show.c", rf'(?:status_row|show_run)\([^;]*?({STR})\s*,'),
        ("engine/model/scenario.c", rf'id_tables\[\]\s*=\s*\{{(.*?)\}};'),          # what ids name
    ]
    for path, pattern in extra:
        src = strip_comments(open(f"{ROOT}/{path}", encoding="utf-8").read())
        for m in re.finditer(pattern, src, flags=re.S):
            if "id_tables" in pattern:
                lits = [p[1] for p in re.findall(rf'\{{\s*({STR})\s*,\s*({STR})\s*\}}', m.group(1))]
            else:
                lits = re.findall(STR, m.group(1)) if "kinds" in pattern else [m.group(1)]
            for lit in lits:
                found.setdefault(text_of(lit), path)
    res = strip_comments(open(f"{ROOT}/engine/sim/results.c", encoding="utf-8").read())
    for m in re.finditer(rf'=\s*\{{\s*{STR}\s*,\s*({LIT}),\s*({LIT}),\s*({LIT})', res):
        for g in m.groups():
            found.setdefault(text_of(g), "engine/sim/results.c")
    return found


def catalog():
    src = prefix_macros(strip_comments(open(f"{ROOT}/engine/output/words_nb.h", encoding="utf-8").read()))
    pairs = {}
    for m in re.finditer(rf'\{{\s*({LIT}),\s*({LIT})\}}', src):
        en, nb = text_of(m.group(1)), text_of(m.group(2))
        if en in pairs:
            print(f"words_nb.h: '{en}' twice")
        pairs[en] = nb
    return pairs


CONV = re.compile(r'%[-+#0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|z|j|t)?[diouxXfFeEgGcsp%]')


def main():
    need, have = wanted(), catalog()
    bad = 0
    for en, where in sorted(need.items(), key=lambda kv: kv[1]):
        if not re.search(r'[A-Za-z]{2}', en.replace("%s", "")):
            continue  # no words: figures, "%s", punctuation
        if en not in have:
            print(f"{where}: no Norwegian for {en!r}")
            bad += 1
    for en, nb in have.items():
        if CONV.findall(en) != CONV.findall(nb):
            print(f"words_nb.h: {en!r}: conversions {CONV.findall(nb)} differ from {CONV.findall(en)}")
            bad += 1
    if bad:
        print(f"{bad} texts without a correct Norwegian translation")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
