#!/usr/bin/python3
"""Puts a benchmark's report into bench/RESULTS.md between its markers.

Usage: write-results.py RESULTS.md REPORT NAME HEADING

The figures of bench script NAME stand between `<!-- NAME:begin -->` and `<!-- NAME:end -->`;
the rest of the file is commentary kept by hand and is left as it is. A file without the
markers gets a new section HEADING at its end holding them.
"""
import sys

path, report_path, name, heading = sys.argv[1:5]
report = open(report_path).read()
text = open(path).read()
begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
block = begin + "\n" + report + end
if begin in text and end in text:
    text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
else:
    text = text.rstrip("\n") + f"\n\n## {heading}\n\n" + block + "\n"
open(path, "w").write(text)
