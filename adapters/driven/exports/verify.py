"""`asb verify-export`: does an export still match the log it says it was made from?

1. Read the embedded provenance (CSV header block, JSON `provenance`, PDF attachment, DOCX
   custom XML part).
2. Load the covered streams up to the embedded position; re-hash them (hash chain) and check
   the case stream's head against the embedded chain hash.
3. Regenerate the rows with the embedded options and compare their SHA-256 with the
   embedded rows hash.
4. Compare the rows in the file, cell by cell, with the regenerated ones (CSV, JSON and the
   DOCX tables or statement paragraphs). A PDF from the table writer is compared with the
   regenerated rows rendered again (byte for byte, else page text line by line); a PDF
   typeset by WeasyPrint is checked through its embedded rows hash only.
5. Report entries added to the covered streams since (information, not a failure).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from adapters.driven.exports.document import ExportDocument, Options
from adapters.driven.exports.provenance import Provenance

MAX_DIFFERENCES = 20


@dataclass
class VerifyReport:
    format: str = ""
    provenance: Provenance | None = None
    problems: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def detect_format(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" in z.namelist():
                return "docx"
        raise ValueError("a ZIP file that is not a Word document")
    text = data.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"{"):
        return "json"
    if text.startswith((b"Pathway export", b'"Pathway export')):
        return "csv"
    raise ValueError("not a Pathway export (PDF, DOCX, CSV or JSON)")


def verify(app: Any, data: bytes) -> VerifyReport:
    report = VerifyReport()
    try:
        report.format = detect_format(data)
        provenance_json, file_rows = _read(report.format, data)
        report.provenance = prov = Provenance.from_json(provenance_json)
    except (ValueError, KeyError, TypeError) as e:
        report.problems.append(f"cannot read the export: {e}")
        return report
    doc = _regenerate(app, prov, report)
    if doc is None:
        return report
    if doc.provenance.rows_sha256 != prov.rows_sha256:
        report.problems.append(
            f"the log at the embedded position gives different rows (rows hash "
            f"{doc.provenance.rows_sha256[:16]}…, the export says {prov.rows_sha256[:16]}…)")
    else:
        report.checks.append(f"rows: the log at the embedded position gives the same "
                             f"{len(doc.rows)} rows (rows hash {prov.rows_sha256[:16]}…)")
    _compare_file(report, doc, file_rows)
    report.added = added_since(app, prov)
    return report


def _read(fmt: str, data: bytes) -> tuple[str, tuple[Any, ...]]:
    if fmt == "csv":
        from adapters.driven.exports.render_csv import read as read_csv

        provenance, keys, rows = read_csv(data)
        return provenance, ("csv", keys, rows)
    if fmt == "json":
        import json

        from adapters.driven.exports.render_json import read as read_json

        prov, json_keys, json_rows = read_json(data)
        return json.dumps(prov), ("json", json_keys, json_rows)
    if fmt == "docx":
        from adapters.driven.exports.render_docx import read as read_docx

        provenance, tables, paragraphs = read_docx(data)
        return provenance, ("docx", tables, paragraphs)
    from adapters.driven.exports.render_pdf import read_provenance

    return read_provenance(data), ("pdf", data, None)


def _regenerate(app: Any, prov: Provenance, report: VerifyReport) -> ExportDocument | None:
    from adapters.driven.exports import build_from_log
    from adapters.driven.exports.log import ExportSourceError, chain_problems, load_case

    try:
        log = load_case(app, UUID(prov.case["id"]), at=prov.streams)
    except ExportSourceError as e:
        report.problems.append(str(e))
        return None
    covered = {str(log.stream_id): log.version,
               **{str(k): v[-1].originator_version for k, v in log.incidents.items() if v}}
    missing = sorted(set(prov.streams) - set(covered))
    if missing:
        report.problems.append(f"{len(missing)} covered stream(s) are no longer linked or "
                               f"present: {', '.join(m[:8] for m in missing)}")
    broken = chain_problems(log)
    report.problems.extend(f"hash chain: {p}" for p in broken)
    if log.head_hash != prov.chain_hash:
        report.problems.append(f"chain hash: event {log.version} of the case stream has hash "
                               f"{log.head_hash[:16]}…, the export says {prov.chain_hash[:16]}…")
    elif not broken:
        count = len(log.events) + sum(len(v) for v in log.incidents.values())
        report.checks.append(f"hash chain: intact ({count} events re-hashed); head "
                             f"{prov.chain_hash[:16]}… matches")
    return build_from_log(app, log, prov.document, Options.from_dict(prov.options),
                          generated_at=prov.generated_at)


def _compare_file(report: VerifyReport, doc: ExportDocument, file_rows: Any) -> None:
    fmt = file_rows[0]
    if fmt == "pdf":
        from adapters.driven.exports import tablepdf
        from adapters.driven.exports.tablepdf.readback import compare

        if not tablepdf.supports(doc):
            report.checks.append("file: the page text of a PDF typeset by WeasyPrint is not "
                                 "compared; its embedded rows hash is")
            return
        result = compare(file_rows[1], tablepdf.render_counted(doc)[0], tablepdf.renderer())
        (report.checks if result.ok else report.problems).append(result.message)
        return
    if fmt in ("csv", "json"):
        _, keys, rows = file_rows
        if keys != doc.keys:
            report.problems.append("the file's columns are not the export's columns")
            return
        if fmt == "csv":
            from adapters.driven.exports.render_csv import neutralise

            expected = [[neutralise(r.get(k, "")) for k in keys] for r in doc.rows]
            got = [list(r) for r in rows]
        else:
            expected = [[r.get(k, "") for k in keys] for r in doc.rows]
            got = [[str(r.get(k, "")) if isinstance(r, dict) else "" for k in keys] for r in rows]
        _diff(report, expected, got, keys, [r["row_id"] if "row_id" in r else r.get("para", "")
                                            for r in doc.rows])
        return
    _, tables, paragraphs = file_rows
    if doc.kind == "proportionality":
        from adapters.driven.exports.views import paragraph_text

        _diff(report, [[paragraph_text(r)] for r in doc.rows], [[p] for p in paragraphs],
              ["paragraph"], [r["para"] for r in doc.rows])
        return
    from adapters.driven.exports.views import table_view

    view, cells = table_view(doc)
    if not tables:
        report.problems.append("the DOCX has no table")
        return
    _diff(report, cells, tables[0][1:], [h for h, _ in view], [c[0] for c in cells])


def _diff(report: VerifyReport, expected: list[list[str]], got: list[list[str]],
          columns: list[str], ids: list[str]) -> None:
    differences = []
    for i, (want, have) in enumerate(zip(expected, got)):
        for col, (a, b) in enumerate(zip(want, have + [""] * (len(want) - len(have)))):
            if a != b:
                at = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
                differences.append(f"row {ids[i]}, {columns[col]}: the file has {_clip(b, at)}, "
                                   f"the log gives {_clip(a, at)}")
    if len(got) != len(expected):
        differences.append(f"the file has {len(got)} rows, the log gives {len(expected)}")
    if differences:
        shown = differences[:MAX_DIFFERENCES]
        more = len(differences) - len(shown)
        report.problems.append(f"file: {len(differences)} edited cell(s) or row(s)")
        report.problems.extend(f"  {d}" for d in shown)
        if more:
            report.problems.append(f"  ... and {more} more")
    else:
        report.checks.append(f"file: all {len(got)} rows match the log cell for cell")


def _clip(text: str, at: int, n: int = 60) -> str:
    """The text around position `at` (where the two versions first differ)."""
    start = max(0, at - n // 3)
    part = text[start:start + n]
    return repr(("…" if start else "") + part + ("…" if start + n < len(text) else ""))


def added_since(app: Any, prov: Provenance) -> list[str]:
    """Entries recorded in the covered streams after the export's position."""
    from adapters.driven.exports.text import day, row_id
    from domain.steps import done

    found = []
    for sid, version in prov.streams.items():
        for e in app.events.get(UUID(sid), gt=version):
            action = done(e.step)
            found.append(f"{row_id(e.originator_id, e.originator_version)} {action.lower()} "
                         f"({day(e.occurred_at)}, recorded {day(e.recorded_at)})")
    return found
