#!/usr/bin/python3
"""Reads a .docx with python-docx (Debian python3-docx) and prints, as JSON, the first table whose
first row starts with the cells given: each cell's text, row by row, and for each cell the
number of the <w:tc> element python-docx returns for it. python-docx repeats a merged cell's
object over its range (gridSpan across, vMerge down), so equal numbers mark one merged cell.

Usage: docx-tables.py FILE HEADER-CELL...
"""
import json
import sys

import docx

path, header = sys.argv[1], sys.argv[2:]
document = docx.Document(path)
for table in document.tables:
    first = [cell.text for cell in table.rows[0].cells]
    if first[:len(header)] != header:
        continue
    elements = []
    numbers = []
    texts = []
    for r in range(len(table.rows)):
        row_numbers = []
        row_texts = []
        for c in range(len(table.columns)):
            cell = table.cell(r, c)
            if not any(element is cell._tc for element in elements):
                elements.append(cell._tc)
            row_numbers.append(next(i for i, element in enumerate(elements) if element is cell._tc))
            row_texts.append(cell.text)
        numbers.append(row_numbers)
        texts.append(row_texts)
    json.dump({"texts": texts, "elements": numbers}, sys.stdout, ensure_ascii=False)
    sys.exit(0)
print("no table starts with " + " ".join(header), file=sys.stderr)
sys.exit(1)
