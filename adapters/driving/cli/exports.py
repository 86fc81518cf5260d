"""`asb export` and `asb verify-export`: court-ready exports made from the log, and the check
that an export still matches it (adapters/driven/exports, docs/exports.md).

Registered explicitly in cli/main.py. Importing this module builds nothing; each command
asks the composition root (adapters/bootstrap.py) for the application.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from adapters.driven.exports import formats
from adapters.driving.cli.common import fail as _fail
from adapters.driving.cli.common import settings
from service.audit import Access, AccessEntry

if TYPE_CHECKING:
    from adapters.bootstrap import System


class ExportKind(str, Enum):
    CHRONOLOGY = "chronology"
    PROPORTIONALITY = "proportionality"
    CONTENTS = "contents"


#: The `--format` choices: the declared export formats.
ExportFormat = Enum(  # type: ignore[misc]
    "ExportFormat", {n.upper(): n for n in formats.NAMES}, type=str)

def _system() -> System:
    """The system from the composition root, on an existing database."""
    from adapters.bootstrap import bootstrap

    loaded = settings()
    store = loaded.store
    if store.sqlite_path is not None and not store.sqlite_path.exists():
        _fail(f"no database at {store.describe()} (set ASB_DATABASE_URL)")
    return bootstrap(loaded)


def export(
    case_id: Annotated[str, typer.Argument(metavar="PATHWAY_ID",
                                           help="The pathway (or place) to export.")],
    out: Annotated[Path, typer.Option("--out", help="The file to write.", dir_okay=False)],
    kind: Annotated[ExportKind, typer.Option("--kind", case_sensitive=False,
                                             help="What to export.")] = ExportKind.CHRONOLOGY,
    fmt: Annotated[ExportFormat | None, typer.Option(
        "--format", case_sensitive=False,
        help=f"{formats.listed(list(formats.NAMES))} (default: from the --out file's "
             "extension).")] = None,
    date_from: Annotated[datetime | None, typer.Option(
        "--from", formats=["%Y-%m-%d"], help="Only entries on or after this day (London).")] = None,
    date_to: Annotated[datetime | None, typer.Option(
        "--to", formats=["%Y-%m-%d"], help="Only entries on or before this day (London).")] = None,
    only: Annotated[list[str] | None, typer.Option(
        "--only", help="Only these kinds: a step name (cpn_issued), a category (CPN, breach, "
        "Threats of violence) or INCIDENT / AGENCY_ACTION. Repeatable.")] = None,
    agency: Annotated[list[str] | None, typer.Option(
        "--agency", help="Only entries by an agency whose name contains this. Repeatable.")] = None,
    tag: Annotated[list[str] | None, typer.Option(
        "--tag", help="Only entries concerning this issue tag. Repeatable.")] = None,
    names: Annotated[bool, typer.Option(
        "--names", help="Show victims' and public witnesses' names (default: initials; "
        "professional witnesses are always named).")] = False,
    court: Annotated[str | None, typer.Option(
        "--court", help="Statement heading: the court, e.g. 'Elmsford Magistrates' Court'.")] = None,
    case_number: Annotated[str | None, typer.Option(
        "--case-number", help="Statement heading: the claim or case number.")] = None,
    claimant: Annotated[str | None, typer.Option(
        "--claimant", help="Statement heading: the claimant, applicant or prosecutor "
        "(default: the agency that opened the case).")] = None,
    defendant: Annotated[str | None, typer.Option(
        "--defendant", help="Statement heading: the defendant or respondent "
        "(default: the subject).")] = None,
) -> None:
    """Export a chronology, proportionality statement or contents check, made from the log."""
    from uuid import UUID

    from adapters.bootstrap import build_log_reader
    from adapters.driven.exports import build_export, render
    from adapters.driven.exports.document import Options
    from adapters.driven.exports.log import ExportSourceError

    found = formats.get(fmt.value) if fmt is not None else formats.by_extension(out.suffix[1:])
    if found is None:
        _fail(f"cannot tell the format from {out.name!r}: give --format "
              f"{'|'.join(formats.NAMES)}", 2)
    chosen = found.name
    try:
        stream_id = UUID(case_id)
    except ValueError:
        _fail(f"{case_id!r} is not a pathway id (a UUID)", 2)
    if kind is not ExportKind.CHRONOLOGY and (date_from or date_to or only or agency or tag):
        _fail("--from, --to, --only, --agency and --tag filter the chronology only", 2)
    if kind is not ExportKind.PROPORTIONALITY and (court or case_number or claimant or defendant):
        _fail("--court, --case-number, --claimant and --defendant head the proportionality "
              "statement only", 2)
    options = Options(date_from=date_from.date() if date_from else None,
                      date_to=date_to.date() if date_to else None,
                      only=tuple(only or ()), agencies=tuple(agency or ()),
                      tags=tuple(tag or ()), names=names, court=(court or "").strip(),
                      case_number=(case_number or "").strip(),
                      claimant=(claimant or "").strip(), defendant=(defendant or "").strip())
    with _system() as system:
        try:
            reader = build_log_reader(system.application)
            doc = build_export(reader, stream_id, kind.value, options, people=system.users)
        except ExportSourceError as e:
            _fail(str(e))
        operator = _operator()
        doc.provenance = replace(doc.provenance, generated_by=f"{operator} (command line)")
        system.audit.append(AccessEntry(
            at=doc.provenance.generated_at, user_id=operator, agency="", role="operator",
            access=Access.DISCLOSURE, what=f"{kind.value} export", case_id=stream_id,
            detail=f"format={chosen} names={names} out={out.name}"))
    data = render(doc, chosen)
    out.write_bytes(data)
    p = doc.provenance
    typer.echo(f"Wrote the {doc.title.lower()} of {doc.case.reference} ({doc.case.name}) as "
               f"{chosen.upper()}: {len(doc.rows)} rows, {len(data):,} bytes -> {out}")
    typer.echo(f"log position: {p.position()}")
    typer.echo(f"chain hash:   {p.chain_hash}")
    typer.echo(f"rows sha256:  {p.rows_sha256}")


def _operator() -> str:
    """Who runs the command: the operating-system account (the CLI has no bearer token)."""
    import getpass

    try:
        return f"os:{getpass.getuser()}"
    except (KeyError, OSError):  # no name for the uid (e.g. a bare container)
        return "os:unknown"


def verify_export(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True,
                                         help="An export made by `asb export`.")],
) -> None:
    """Check that an export's rows still match the log at the position it embeds."""
    from adapters.bootstrap import build_log_reader
    from adapters.driven.exports import verify_export as run_verify

    with _system() as system:
        report = run_verify(build_log_reader(system.application), file.read_bytes())
    p = report.provenance
    if p is not None:
        typer.echo(f"{file.name}: {p.document} of {p.case['reference']} ({p.case['name']}), "
                   f"{report.format.upper()}, {p.row_count} rows")
        typer.echo(f"made from log position {p.position()}, chain hash {p.chain_hash}")
    for line in report.checks:
        typer.echo(f"  ok  {line}")
    if report.added:
        typer.echo(f"{len(report.added)} entr{'y' if len(report.added) == 1 else 'ies'} "
                   "added to the covered streams since the export:")
        for line in report.added[:50]:
            typer.echo(f"  +   {line}")
        if len(report.added) > 50:
            typer.echo(f"  ... and {len(report.added) - 50} more")
    elif p is not None:
        typer.echo("no entries added to the covered streams since the export")
    if report.ok:
        typer.echo("export verified: its rows match the log")
        return
    typer.echo(f"EXPORT NOT VERIFIED: {len([x for x in report.problems if not x.startswith('  ')])}"
               " problem(s)", err=True)
    for line in report.problems:
        typer.echo(f"  {line}", err=True)
    raise typer.Exit(1)
