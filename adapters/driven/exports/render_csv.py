"""CSV: UTF-8 with a BOM (so Excel reads it as UTF-8), CRLF lines, a fixed header block,
then the document's fixed columns.

Layout (documented in docs/exports.md):

    line 1  Pathway export,<document>,<case reference>,<case name>
    line 2  provenance,<provenance JSON in one cell>
    line 3  <the footer sentence: generated at T from log position P, chain hash H>
    line 4  (empty)
    line 5  the column keys
    line 6+ one line per row

Spreadsheet formula injection is neutralised: a cell that starts with = + - @, a tab or a
carriage return is prefixed with a single quote.
"""

from __future__ import annotations

import csv
import io

from adapters.driven.exports.document import ExportDocument

HEADER_LINES = 4
MAGIC = "Pathway export"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(DANGEROUS) else value


def render(doc: ExportDocument) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([MAGIC, doc.kind, neutralise(doc.case.reference), neutralise(doc.case.name)])
    w.writerow(["provenance", doc.provenance.to_json()])
    w.writerow([doc.provenance.footer()])
    w.writerow([])
    w.writerow(doc.keys)
    keys = doc.keys
    w.writerows([neutralise(row.get(k, "")) for k in keys] for row in doc.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def read(data: bytes) -> tuple[str, list[str], list[list[str]]]:
    """(provenance JSON, column keys, rows of cells) of a CSV export."""
    text = data.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text, newline="")))
    if not lines or not lines[0] or lines[0][0] != MAGIC:
        raise ValueError("not a Pathway CSV export (its first cell is not 'Pathway export')")
    if len(lines) < HEADER_LINES + 1 or lines[1][:1] != ["provenance"] or len(lines[1]) < 2:
        raise ValueError("the CSV header block is damaged (line 2 must hold the provenance)")
    return lines[1][1], lines[HEADER_LINES], lines[HEADER_LINES + 1:]
