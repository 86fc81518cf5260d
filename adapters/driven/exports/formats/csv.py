"""CSV (UTF-8 with BOM): column keys on line 1, the provenance in a trailing column."""

from __future__ import annotations

from adapters.driven.exports.document import ExportDocument
from adapters.driven.exports.formats.base import (
    ExportFormat,
    Findings,
    ReadBack,
    diff_cells,
    row_ids,
)


def _render(doc: ExportDocument) -> bytes:
    from adapters.driven.exports.render_csv import render

    return render(doc)


def _sniff(data: bytes) -> bool:
    from adapters.driven.exports.render_csv import sniff

    return sniff(data)


def _read(data: bytes) -> ReadBack:
    from adapters.driven.exports.render_csv import read

    provenance, keys, rows = read(data)

    def compare(doc: ExportDocument, report: Findings) -> None:
        from adapters.driven.exports.render_csv import neutralise

        if keys != doc.keys:
            report.problems.append("the file's columns are not the export's columns")
            return
        expected = [[neutralise(r.get(k, "")) for k in keys] for r in doc.rows]
        diff_cells(report, expected, [list(r) for r in rows], keys, row_ids(doc))

    return ReadBack(provenance, compare)


FORMAT = ExportFormat(name="csv", extension="csv", media_type="text/csv; charset=utf-8",
                      render=_render, sniff=_sniff, read=_read, note="UTF-8 with BOM")
