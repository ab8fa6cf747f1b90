#!/usr/bin/env python3
"""Check that a Norwegian (--lang nb) HTML report reads as Norwegian.

Scans the text a reader sees and fails on
  - English words from a list (the engine's own words that once leaked into Norwegian text),
  - figures written with a decimal point ("12.5") instead of a decimal comma ("12,5"),
  - a percent sign glued to its figure ("84,9%": Norwegian writes "84,9 %"), and
  - a key of the scenario or of a result shown raw ("plan_offered_share", "fph_barn") where a
    reader expects its name.
Skipped, with reasons:
  - <code>, <pre>, <script>, <style>: key paths, Lua and file names are not prose; so are file
    paths and function names in running text ("rules/common/triage.lua", "effect()");
  - a chart's SVG: its axes name services by id to fit, and its caption's legend
    (class="legend") pairs each such id with the service's name;
  - a section number at the start of a heading ("4.1 Kø over tid"), written with points in
    Norwegian too;
  - an element marked lang="en": text the scenario's authors wrote (a model's description, the
    reason given for an assumption, a source's wording), quoted as written and marked as English
    for the reader and for screen readers;
  - <details> content of the change list is <code> already;
  - version strings and dates ("0.1.0", "2021-03-01"), seed-file line references and section
    numbers ("digest §2.4") are not figures.
With --authored, the text marked lang="en" is scanned too, and counted: a reason given in English
only is then a finding, so a report whose scenarios give every reason its Norwegian text beside
the English ({ "why", nb = "hvorfor" }) has none.
Prints one line per finding ("decimal point: '12.5' in: ...") and exits 1 when there is any.
usage: nb_check.py [--authored] REPORT.html
"""
import re
import sys
from html.parser import HTMLParser

ENGLISH = """
the and of with without from into
days day waiting wait waits queue queues still growing month months year years
calibrated target targets added removed share shares staff
better worse clear difference assumption assumptions assumed effect effects source sources
mean lengthen check demand services service rule rules people persons cases case
first help right limit decisions within whole entries table warm-up warmup horizon
unknown measured replications interval intervals base option model models charts chart
""".split()
ENGLISH_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH) + r")\b", re.IGNORECASE)
# a decimal point between digits, not in a version (x.y.z), a date or a clock time
DECIMAL_RE = re.compile(r"(?<![\d.§])\d+\.\d+(?![\d.])")
PERCENT_RE = re.compile(r"\d%")
KEY_RE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")   # snake_case: a key, never a Norwegian word
SKIP = {"code", "pre", "script", "style", "svg"}
NAMES_RE = re.compile(r"\S+/\S+\.lua(:\w+)?|\b\w+\(\)")    # file paths, function names
SECTION_RE = re.compile(r"^\d+(\.\d+)+ ")
VOID = {"br", "img", "meta", "link", "hr", "input", "col", "source", "wbr", "area", "base", "embed", "param", "track"}


class Text(HTMLParser):
    def __init__(self, authored=False):
        super().__init__(convert_charrefs=True)
        self.stack = []       # (tag, skipped, marked English)
        self.chunks = []
        self.authored = authored  # scan the text marked lang="en" too
        self.marked = 0           # elements marked lang="en"

    def skipping(self):
        return any(s for _, s, _ in self.stack)

    def english(self):
        return any(e for _, _, e in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        quoted = tag != "html" and (a.get("lang") or "").lower().startswith("en")  # not the page's own
        legend = "legend" in (a.get("class") or "").split()
        self.marked += quoted
        skip = tag in SKIP or (quoted and not self.authored) or legend
        self.stack.append((tag, skip, quoted))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if not self.skipping() and data.strip():
            self.chunks.append(("authored: " if self.english() else "") + " ".join(data.split()))


def main():
    args = [a for a in sys.argv[1:] if a != "--authored"]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    p = Text(authored="--authored" in sys.argv[1:])
    with open(args[0], encoding="utf-8") as f:
        p.feed(f.read())
    findings = []
    for chunk in p.chunks:
        chunk = SECTION_RE.sub("", NAMES_RE.sub("", chunk))
        for m in ENGLISH_RE.finditer(chunk):
            findings.append(f"English word '{m.group(0)}' in: {chunk[:160]}")
        for m in DECIMAL_RE.finditer(chunk):
            findings.append(f"decimal point '{m.group(0)}' in: {chunk[:160]}")
        for m in PERCENT_RE.finditer(chunk):
            findings.append(f"percent sign without a space '{m.group(0)}' in: {chunk[:160]}")
        for m in KEY_RE.finditer(chunk):
            findings.append(f"key shown raw '{m.group(0)}' in: {chunk[:160]}")
    for line in findings:
        print(line)
    if p.authored:
        print(f"{p.marked} elements marked lang=\"en\"")
    print(f"{len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
