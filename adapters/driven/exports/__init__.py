"""Court-ready exports made from the log: chronology, proportionality statement and the
statutory contents check, as PDF, DOCX, CSV or JSON, each verifiable against the log.

    doc = build_export(log, stream_id, "chronology", Options())
    data = render(doc, "pdf")
    report = verify_export(log, data)

`log` is a `LogReader` (ports.py), made by the store; the formats are declared in formats/.

Nothing is imported at package import time beyond the standard library's needs: WeasyPrint
and python-docx are loaded by their renderers only.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING
from uuid import UUID

from adapters.driven.exports.document import KINDS, CaseInfo, ExportDocument, Options
from adapters.driven.exports.formats import NAMES as FORMATS
from adapters.driven.exports.formats import get as get_format
from adapters.driven.exports.ports import LogReader, People

if TYPE_CHECKING:
    from adapters.driven.exports.log import CaseLog
    from adapters.driven.exports.verify import VerifyReport

__all__ = [
    "FORMATS",
    "KINDS",
    "ExportDocument",
    "Options",
    "build_export",
    "render",
    "verify_export",
]

TITLES = {"chronology": "Chronology", "proportionality": "Proportionality statement",
          "contents": "Statutory contents check"}


def build_export(log: LogReader, stream_id: UUID, kind: str, options: Options | None = None, *,
                 at: dict[str, int] | None = None, generated_at: datetime | None = None,
                 people: People | None = None) -> ExportDocument:
    """Build the rows of a `kind` export of a pathway or place, from the log (up to `at`);
    `people` names the users who acted (without it, or for an unknown id, the id is shown)."""
    from adapters.driven.exports.log import load_case

    if kind not in KINDS:
        raise ValueError(f"unknown export kind {kind!r}; expected one of {', '.join(KINDS)}")
    case_log = load_case(log, stream_id, at)
    return build_from_log(log, case_log, kind, options, generated_at,
                          names=resolve_people(people, case_log))


def resolve_people(people: People | None, log: CaseLog) -> dict[str, str]:
    """user id -> document name, for every actor in the case log the port knows."""
    if people is None:
        return {}
    actors = {e.actor for e in log.events} | {
        e.actor for events in log.incidents.values() for e in events}
    found = {a: people.label(a) for a in sorted(actors)}
    return {a: name for a, name in found.items() if name}


def build_from_log(reader: LogReader, log: CaseLog, kind: str, options: Options | None = None,
                   generated_at: datetime | None = None,
                   names: dict[str, str] | None = None) -> ExportDocument:
    """Build an export from an already loaded `CaseLog` (verification loads it itself);
    `names` maps user ids to how the document names them."""
    from adapters.driven.exports import chronology, contents, proportionality
    from adapters.driven.exports.facts import index
    from adapters.driven.exports.log import max_notification_id
    from adapters.driven.exports.provenance import Provenance, rows_sha256

    options = options or Options()
    stream_id = log.stream_id
    facts = index(log, names or {})
    case = CaseInfo(log.kind, str(stream_id), facts.case_ref,
                    facts.title_name or facts.case_ref)
    title = TITLES[kind]
    if kind == "chronology":
        rows, appendix = chronology.build(facts, options)
        doc = ExportDocument(kind, title, case, chronology.COLUMNS, rows, options,
                             appendix_title="Appendix A: corrections (audit)",
                             appendix_columns=chronology.APPENDIX_COLUMNS, appendix=appendix)
        doc.notes.append(f"{len(rows)} entries, sorted by when they happened (London time). "
                         f"Filters: {options.describe()}.")
    elif kind == "proportionality":
        from adapters.driven.exports.statement import frame

        rows = proportionality.build(facts)
        doc = ExportDocument(kind, title, case, proportionality.COLUMNS, rows, options)
        exhibits = next((r["exhibit_refs"] for r in rows if r["topic"] == "exhibits"), "")
        doc.frame = frame(facts, options, tuple(x for x in exhibits.split(", ") if x))
        doc.notes.append("Draft for the lead officer's witness statement: generated from the "
                         "log; check, complete and sign before use.")
    else:
        rows = contents.build(facts)
        doc = ExportDocument(kind, title, case, contents.COLUMNS, rows, options)
        doc.notes.extend(contents.summary(rows) or ["No notice or order is recorded."])
    _printable(doc)
    streams = log.streams()
    doc.provenance = Provenance(
        document=kind, case=doc.case.as_dict(),
        generated_at=generated_at or datetime.now(UTC),
        streams=streams, max_notification_id=max_notification_id(reader, streams),
        chain_hash=log.head_hash, rows_sha256=rows_sha256(doc.rows, doc.keys),
        row_count=len(doc.rows), options=options.as_dict(), columns=doc.keys,
        people=dict(names or {}),
    )
    return doc


def _printable(doc: ExportDocument) -> None:
    """Whatever an older log holds, every format can carry it: characters XML cannot hold,
    and controls that would reorder or hide text, are shown as [U+XXXX] before the rows are
    hashed, so every format shows (and verification finds) the same text."""
    from domain.clean import printable

    doc.case = CaseInfo(doc.case.kind, doc.case.id, printable(doc.case.reference),
                        printable(doc.case.name))
    doc.rows = [{k: printable(str(v)) for k, v in r.items()} for r in doc.rows]
    doc.appendix = [{k: printable(str(v)) for k, v in r.items()} for r in doc.appendix]
    doc.notes = [printable(n) for n in doc.notes]


def render(doc: ExportDocument, fmt: str) -> bytes:
    return get_format(fmt).render(doc)


def verify_export(log: LogReader, data: bytes) -> VerifyReport:
    from adapters.driven.exports.verify import verify

    return verify(log, data)
