"""PDF: the provenance as an attachment. A table-writer PDF is compared with the regenerated
rows rendered again; a PDF typeset by WeasyPrint through its embedded rows hash only."""

from __future__ import annotations

from adapters.driven.exports.document import ExportDocument
from adapters.driven.exports.formats.base import ExportFormat, Findings, ReadBack


def _render(doc: ExportDocument) -> bytes:
    from adapters.driven.exports.render_pdf import render

    return render(doc)


def _sniff(data: bytes) -> bool:
    return data.startswith(b"%PDF")


def _read(data: bytes) -> ReadBack:
    from adapters.driven.exports.render_pdf import read_provenance

    def compare(doc: ExportDocument, report: Findings) -> None:
        from adapters.driven.exports import tablepdf
        from adapters.driven.exports.tablepdf.readback import compare as compare_pages

        if not tablepdf.supports(doc):
            report.checks.append("file: the page text of a PDF typeset by WeasyPrint is not "
                                 "compared; its embedded rows hash is")
            return
        result = compare_pages(data, tablepdf.render_counted(doc)[0], tablepdf.renderer())
        (report.checks if result.ok else report.problems).append(result.message)

    return ReadBack(read_provenance(data), compare)


FORMAT = ExportFormat(name="pdf", extension="pdf", media_type="application/pdf",
                      render=_render, sniff=_sniff, read=_read)
