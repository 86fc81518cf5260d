"""JSON: the provenance, the columns and the rows in one object."""

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
    from adapters.driven.exports.render_json import render

    return render(doc)


def _sniff(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"{")


def _read(data: bytes) -> ReadBack:
    import json

    from adapters.driven.exports.render_json import read

    provenance, keys, rows = read(data)

    def compare(doc: ExportDocument, report: Findings) -> None:
        if keys != doc.keys:
            report.problems.append("the file's columns are not the export's columns")
            return
        expected = [[r.get(k, "") for k in keys] for r in doc.rows]
        got = [[str(r.get(k, "")) if isinstance(r, dict) else "" for k in keys] for r in rows]
        diff_cells(report, expected, got, keys, row_ids(doc))

    return ReadBack(json.dumps(provenance), compare)


FORMAT = ExportFormat(name="json", extension="json", media_type="application/json",
                      render=_render, sniff=_sniff, read=_read)
