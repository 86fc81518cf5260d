"""DOCX (Word): the provenance in a custom XML part; a table, or the statement's paragraphs."""

from __future__ import annotations

import io
import zipfile

from adapters.driven.exports.document import ExportDocument
from adapters.driven.exports.formats.base import ExportFormat, Findings, ReadBack, diff_cells


def _render(doc: ExportDocument) -> bytes:
    from adapters.driven.exports.render_docx import render

    return render(doc)


def _sniff(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if "word/document.xml" in z.namelist():
            return True
    raise ValueError("a ZIP file that is not a Word document")


def _read(data: bytes) -> ReadBack:
    from adapters.driven.exports.render_docx import read

    provenance, tables, paragraphs = read(data)

    def compare(doc: ExportDocument, report: Findings) -> None:
        from adapters.driven.exports.views import paragraph_text, table_view

        if doc.kind == "proportionality":
            diff_cells(report, [[paragraph_text(r)] for r in doc.rows],
                       [[p] for p in paragraphs], ["paragraph"], [r["para"] for r in doc.rows])
            return
        view, cells = table_view(doc)
        if not tables:
            report.problems.append("the DOCX has no table")
            return
        diff_cells(report, cells, tables[0][1:], [h for h, _ in view], [c[0] for c in cells])

    return ReadBack(provenance, compare)


FORMAT = ExportFormat(
    name="docx", extension="docx",
    media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    render=_render, sniff=_sniff, read=_read)
