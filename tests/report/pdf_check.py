#!/usr/bin/env python3
"""Is a printed report a committee's document?  tests/report/pdf_check.py FILE.pdf MIN_PAGES

Exit 0 when the PDF has at least MIN_PAGES pages and every page is A4 (595 x 842 points): the
report's print stylesheet asks for A4 (@page), while Chromium's own default is US Letter, so a
page of another size means the stylesheet was not applied.  Exit 1 otherwise, saying why.
"""
import re
import sys

def main():
    path, min_pages = sys.argv[1], int(sys.argv[2])
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
    return 0

sys.exit(main())
