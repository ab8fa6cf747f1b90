#!/usr/bin/env python3
"""Is a printed report a committee's document?
   tests/report/pdf_check.py FILE.pdf MIN_PAGES [--summary-one-page]

Exit 0 when the PDF has at least MIN_PAGES pages, every page is A4 (595 x 842 points), and no
text runs into the right margin; with --summary-one-page, also when the second page opens with
the report's first numbered section ("1. ..."), i.e. the summary fits its one page.  Exit 1
otherwise, saying why.
- A4: the report's print stylesheet asks for A4 (@page), while Chromium's own default is US
  Letter, so a page of another size means the stylesheet was not applied.
- The right margin: a table wider than the page is cut at the paper's edge, and its last column
  is lost.  The words' boxes (pdftotext -bbox, poppler-utils) then reach past the right margin,
  taken as wide as the left one (the stylesheet's margins are equal left and right).
"""
import re
import subprocess
import sys

SLACK = 1.5  # points: a glyph's box may reach a little past the line it is set on


def words_by_page(path):
    """Each page's (width, [(xMin, xMax, word)])."""
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in re.split(r"<page ", out)[1:]:
        width = float(re.match(r'width="([\d.]+)"', page).group(1))
        words = [(float(a), float(b), w) for a, b, w in
                 re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', page)]
        pages.append((width, words))
    return pages


def past_the_margin(pages):
    """The first word that reaches into the right margin, as (page, word, xMax, limit), or None."""
    left = min((x0 for _, words in pages for x0, _, _ in words), default=None)
    if left is None:
        return None
    for i, (width, words) in enumerate(pages, 1):
        for _, x1, w in words:
            if x1 > width - left + SLACK:
                return i, w, x1, width - left
    return None


def second_page_opens_a_section(path):
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", path, "-"], check=True, capture_output=True,
                          text=True).stdout
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return re.match(r"1\. ", first) is not None, first


def main():
    path, min_pages = sys.argv[1], int(sys.argv[2])
    summary_one_page = "--summary-one-page" in sys.argv[3:]
    data = open(path, "rb").read()
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", data)
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    sizes = {(round(float(x1) - float(x0)), round(float(y1) - float(y0))) for x0, y0, x1, y1 in boxes}
    print(f"{path}: {pages} pages, sizes {sorted(sizes)}")
    if pages < min_pages:
        print(f"expected at least {min_pages} pages")
        return 1
    if not sizes or any(abs(w - 595) > 2 or abs(h - 842) > 2 for w, h in sizes):
        print("expected A4 pages (595 x 842 points): the print stylesheet's @page was not applied")
        return 1
    wide = past_the_margin(words_by_page(path))
    if wide:
        page, word, x1, limit = wide
        print(f"page {page}: '{word}' reaches {x1:.1f} points, past the right margin at {limit:.1f}: "
              "something is wider than the page and is cut off")
        return 1
    if summary_one_page:
        ok, first = second_page_opens_a_section(path)
        if not ok:
            print(f"expected the summary on page 1 and section 1 opening page 2, which opens with: {first!r}")
            return 1
    return 0


sys.exit(main())
