"""`asb notice` and `asb bundle`: a notice drafted from the step that issued it, and a court
e-bundle of a case (adapters/driven/exports/notices, adapters/driven/exports/bundle.py).

Both disclose the case as an export does, so both are written to the access audit.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer

from adapters.driving.cli.common import fail as _fail
from adapters.driving.cli.exports import _operator, _system
from service.audit import Access, AccessEntry


class NoticeFormat(str, Enum):
    PDF = "pdf"
    DOCX = "docx"


def _entry(value: str) -> tuple[UUID, int]:
    """`PATHWAY_ID:VERSION` (or `/`) as (stream id, version)."""
    case, sep, version = value.replace("/", ":").rpartition(":")
    try:
        return UUID(case), int(version)
    except ValueError:
        _fail(f"{value!r} is not a step entry: give PATHWAY_ID:VERSION "
              "(the case id and the entry's version, e.g. ...386acb7f312e:18)", 2)
        raise


def notice(
    entry: Annotated[str, typer.Argument(metavar="STEP_ENTRY", help=(
        "The entry that issued the notice: PATHWAY_ID:VERSION."))],
    out: Annotated[Path, typer.Option("--out", help="The file to write.", dir_okay=False)],
    fmt: Annotated[NoticeFormat, typer.Option("--format", case_sensitive=False,
                                              help="pdf or docx.")] = NoticeFormat.PDF,
) -> None:
    """Draft the notice a step issued (CPW, CPN, FPN, dispersal direction, closure notice)."""
    import hashlib

    from adapters.bootstrap import build_log_reader
    from adapters.driven.exports.facts import index
    from adapters.driven.exports.log import ExportSourceError, load_case
    from adapters.driven.exports.notices import NoticeError, draft, render

    stream_id, version = _entry(entry)
    with _system() as system:
        try:
            facts = index(load_case(build_log_reader(system.application), stream_id))
            drafted = draft(facts, version)
        except (ExportSourceError, NoticeError) as e:
            _fail(str(e))
        operator = _operator()
        system.audit.append(AccessEntry(
            at=datetime.now(UTC), user_id=operator, agency="", role="operator",
            access=Access.DISCLOSURE, what="notice draft", case_id=stream_id,
            detail=f"entry={version} format={fmt.value} out={out.name}"))
    data = render(drafted, fmt.value)
    out.write_bytes(data)
    typer.echo(f"Wrote {drafted.name} ({drafted.case_ref}) as {fmt.value.upper()}: "
               f"{len(data):,} bytes -> {out}")
    typer.echo(f"sha256: {hashlib.sha256(data).hexdigest()}")
    for text, status, to_record in drafted.check():
        typer.echo(f"  {status:<14} {text}" + (f" — {to_record}" if to_record else ""))
    typer.echo("contents check: " + ("passes (every item printed; placeholders flagged)"
                                    if drafted.passes else "FAILS"))


def bundle(
    case_id: Annotated[str, typer.Argument(metavar="PATHWAY_ID", help="The case.")],
    out: Annotated[Path, typer.Option("--out", help="The PDF to write.", dir_okay=False)],
) -> None:
    """Assemble the court e-bundle of a case: index, chronology, statement, notices,
    exhibits, with bundle page numbers and bookmarks."""
    from adapters.bootstrap import build_log_reader
    from adapters.driven.exports.bundle import build
    from adapters.driven.exports.log import ExportSourceError

    try:
        stream_id = UUID(case_id)
    except ValueError:
        _fail(f"{case_id!r} is not a pathway id (a UUID)", 2)
    now = datetime.now(UTC)
    with _system() as system:
        try:
            data = build(build_log_reader(system.application), stream_id, now)
        except ExportSourceError as e:
            _fail(str(e))
        operator = _operator()
        system.audit.append(AccessEntry(
            at=now, user_id=operator, agency="", role="operator", access=Access.DISCLOSURE,
            what="court bundle", case_id=stream_id, detail=f"out={out.name}"))
    out.write_bytes(data)
    typer.echo(f"Wrote the bundle of {case_id}: {len(data):,} bytes -> {out}")
