"""CSV: UTF-8 with a BOM (so Excel reads it as UTF-8), CRLF lines, the column keys on line 1
and one line per row, so a spreadsheet or `csv.DictReader` reads it as it is.

Layout (documented in docs/exports.md):

    line 1  the column keys, then `provenance`
    line 2  the first row, then the provenance JSON in one cell
    line 3+ one line per row, the `provenance` cell empty

An export with no rows has one line of empty cells to carry the provenance. Files in the
earlier layout (a four-line header block above the columns) are still read, so they verify.

Spreadsheet formula injection is neutralised: a cell that starts with = + - @, a tab or a
carriage return is prefixed with a single quote.
"""

from __future__ import annotations

import csv
import io

from adapters.driven.exports.document import ExportDocument

#: The trailing column holding the provenance JSON (first row only).
PROVENANCE_KEY = "provenance"
#: The first cell of the earlier layout's header block.
MAGIC = "Pathway export"
LEGACY_HEADER_LINES = 4
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(DANGEROUS) else value


def render(doc: ExportDocument) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    keys = doc.keys
    w.writerow([*keys, PROVENANCE_KEY])
    rows = [[neutralise(row.get(k, "")) for k in keys] for row in doc.rows] or [[""] * len(keys)]
    provenance = doc.provenance.to_json()
    for i, cells in enumerate(rows):
        w.writerow([*cells, provenance if i == 0 else ""])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def sniff(data: bytes) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith((MAGIC.encode(), b'"' + MAGIC.encode())):
        return True
    first = head.split(b"\n", 1)[0].rstrip(b"\r")
    return first.endswith(b"," + PROVENANCE_KEY.encode())


def read(data: bytes) -> tuple[str, list[str], list[list[str]]]:
    """(provenance JSON, column keys, rows of cells) of a CSV export."""
    text = data.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text, newline="")))
    if lines and lines[0] and lines[0][0] == MAGIC:
        return _read_legacy(lines)
    if not lines or not lines[0] or lines[0][-1] != PROVENANCE_KEY:
        raise ValueError("not a Pathway CSV export (its last column is not 'provenance')")
    if len(lines) < 2 or len(lines[1]) != len(lines[0]) or not lines[1][-1]:
        raise ValueError("the CSV's first row does not hold the provenance")
    keys = lines[0][:-1]
    rows = [r[:-1] for r in lines[1:]]
    if rows == [[""] * len(keys)]:  # no entries: the line only carries the provenance
        rows = []
    return lines[1][-1], keys, rows


def _read_legacy(lines: list[list[str]]) -> tuple[str, list[str], list[list[str]]]:
    if len(lines) < LEGACY_HEADER_LINES + 1 or lines[1][:1] != ["provenance"] or len(lines[1]) < 2:
        raise ValueError("the CSV header block is damaged (line 2 must hold the provenance)")
    return lines[1][1], lines[LEGACY_HEADER_LINES], lines[LEGACY_HEADER_LINES + 1:]
