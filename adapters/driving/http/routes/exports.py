"""Court exports of a pathway or place: chronology, proportionality statement and statutory
contents check, as JSON, CSV, PDF or DOCX (the same documents as `asb export`).

Made from the log, never from the read models: each file embeds the log position and chain
hash it was made from, and verifies with `asb verify-export` (docs/exports.md).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal
from uuid import UUID

from annotated_types import MaxLen
from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from adapters.driven.exports import build_export, formats, verify_export
from adapters.driven.exports.document import Options
from adapters.driven.exports.log import ExportSourceError
from adapters.driving.http.auth import User
from adapters.driving.http.deps import CurrentUser, Now, Services, ServicesDep
from adapters.driving.http.routes.audit import note
from adapters.driving.http.errors import ApiError
from adapters.driving.http.schemas.common import ApiDate, QueryText, error_responses
from domain.model import DomainValidationError, NotFoundError
from service.access import CaseAccess
from service.audit import Access
from service.permissions import Action, PermissionDeniedError, authorise, policy_for

router = APIRouter()

MEDIA_TYPES = {f.name: f.media_type for f in formats.REGISTRY}
DEFAULT_FORMAT = formats.NAMES[0]
FILTERS = ("from", "to", "only", "agency", "tag")  # the chronology's, as in `asb export`

if TYPE_CHECKING:
    FormatName = str
else:  # the declared formats, as an enum in the OpenAPI document
    FormatName = Literal[formats.NAMES]


def _described(f: formats.ExportFormat) -> str:
    notes = [n for n in ("default" if f.name == DEFAULT_FORMAT else "", f.note) if n]
    return f"{f.name} ({', '.join(notes)})" if notes else f.name


Format = Annotated[FormatName, Query(
    alias="format", description=formats.listed([_described(f) for f in formats.REGISTRY]))]
Names = Annotated[bool, Query(description="show victims' and witnesses' names (default: initials)")]
Purpose = Annotated[QueryText | None, Query(max_length=500, description=(
    "why the export is made (recorded in the access audit; required of legal users)"))]
Item = Annotated[QueryText, MaxLen(200)]
Items = list[Item] | None


def _options(
    date_from: Annotated[ApiDate | None, Query(
        alias="from", description="only entries on or after this day (London)")] = None,
    date_to: Annotated[ApiDate | None, Query(
        alias="to", description="only entries on or before this day (London)")] = None,
    only: Annotated[Items, Query(max_length=50, description=(
        "only these kinds: a step name (cpn_issued), a category (CPN, breach) or INCIDENT / "
        "AGENCY_ACTION; repeatable"))] = None,
    agency: Annotated[Items, Query(max_length=50, description=(
        "only entries by an agency whose name contains this; repeatable"))] = None,
    tag: Annotated[Items, Query(max_length=50, description=(
        "only entries concerning this issue tag; repeatable"))] = None,
    names: Names = False,
) -> Options:
    if date_from and date_to and date_to < date_from:
        raise DomainValidationError.single("to", "must be on or after from")
    return Options(date_from=date_from, date_to=date_to, only=tuple(only or ()),
                   agencies=tuple(agency or ()), tags=tuple(tag or ()), names=names)


ChronologyOptions = Annotated[Options, Depends(_options)]
Heading = Annotated[QueryText | None, MaxLen(200)]


def _statement_options(
    names: Names = False,
    court: Annotated[Heading, Query(description="statement heading: the court")] = None,
    case_number: Annotated[Heading, Query(
        description="statement heading: the claim or case number")] = None,
    claimant: Annotated[Heading, Query(description=(
        "statement heading: claimant, applicant or prosecutor (default: the agency that "
        "opened the case)"))] = None,
    defendant: Annotated[Heading, Query(description=(
        "statement heading: defendant or respondent (default: the subject)"))] = None,
) -> Options:
    return Options(names=names, court=(court or "").strip(),
                   case_number=(case_number or "").strip(),
                   claimant=(claimant or "").strip(), defendant=(defendant or "").strip())


StatementOptions = Annotated[Options, Depends(_statement_options)]


def _responses(what: str) -> dict[int | str, dict[str, Any]]:
    binary = {"schema": {"type": "string", "format": "binary"}}
    content = {m: ({"schema": {"type": "object"}} if f == "json" else binary)
               for f, m in MEDIA_TYPES.items()}
    return {200: {"description": f"the {what}, as an attachment in the media type of `format`; "
                                 "it embeds the log position and chain hash it was made from (JSON "
                                 "schema and CSV columns: docs/exports.md)",
                  "content": content}, **error_responses(401, 403, 404, 422)}


def _export(services: Services, user: User, now: datetime,
            stream_id: UUID, track: str, kind: str, fmt: str, options: Options,
            request: Request | None = None, purpose: str | None = None) -> Response:
    if request is not None:  # the chronology's filters given to another export: say so
        stray = [p for p in FILTERS if p in request.query_params]
        if stray:
            raise DomainValidationError.single(stray[0], f"filters the chronology only, "
                                                         f"not the {kind}")
    authorise(user.role, Action.EXPORT, kind)
    if options.names and not policy_for(user.role).sees_names:
        raise PermissionDeniedError(user.role, Action.EXPORT, kind,
                                    "victims' and witnesses' names are for roles that see the "
                                    "whole record; ask without `names` for initials")
    services.kinds.require(stream_id, track)  # 404 unless it is a `track`
    CaseAccess(services.application).require(user.actor(), stream_id, track, Action.EXPORT,
                                             kind)  # 404 out of reach
    if policy_for(user.role).export_purpose and not (purpose or "").strip():
        raise DomainValidationError.single(
            "purpose", f"a {user.role} user must say why the export is made (DPA 2018 s.62(3): "
            "the justification of a disclosure is logged)")
    try:
        doc = build_export(services.log, stream_id, kind, options, generated_at=now,
                           people=services.users)
    except ExportSourceError as e:
        raise NotFoundError(str(e)) from e
    who = f"{user.name} ({user.role}, {user.agency}; user {user.id})"
    doc.provenance = replace(doc.provenance, generated_by=who)
    note(services, user, Access.DISCLOSURE, f"{kind} export", stream_id,
         purpose=(purpose or "").strip(), detail=f"format={fmt} names={options.names}")
    p = doc.provenance
    chosen = formats.get(fmt)
    name = re.sub(r"[^A-Za-z0-9._-]", "_", f"{doc.case.reference}-{kind}.{chosen.extension}")
    return Response(chosen.render(doc), media_type=chosen.media_type, headers={
        "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store",
        "X-Log-Position": p.position(), "X-Chain-Hash": p.chain_hash})


def _doc(track: str, what: str) -> dict[str, Any]:
    return {"tags": [f"{track}s"], "response_class": Response, "responses": _responses(what),
            "summary": f"Export the {what} of a {track} (from the log)"}


@router.get("/api/pathways/{pathway_id}/chronology", **_doc("pathway", "court chronology"))
def pathway_chronology(pathway_id: UUID, services: ServicesDep, user: CurrentUser, now: Now,
                       options: ChronologyOptions, fmt: Format = DEFAULT_FORMAT,
                       purpose: Purpose = None) -> Response:
    return _export(services, user, now, pathway_id, "pathway", "chronology", fmt, options,
                   purpose=purpose)


@router.get("/api/pathways/{pathway_id}/proportionality",
            **_doc("pathway", "proportionality statement"))
def pathway_proportionality(pathway_id: UUID, services: ServicesDep, user: CurrentUser,
                            now: Now, request: Request, options: StatementOptions,
                            fmt: Format = DEFAULT_FORMAT, purpose: Purpose = None) -> Response:
    return _export(services, user, now, pathway_id, "pathway", "proportionality", fmt,
                   options, request, purpose)


@router.get("/api/pathways/{pathway_id}/contents", **_doc("pathway", "statutory contents check"))
def pathway_contents(pathway_id: UUID, services: ServicesDep, user: CurrentUser, now: Now,
                     request: Request, fmt: Format = DEFAULT_FORMAT,
                     names: Names = False, purpose: Purpose = None) -> Response:
    return _export(services, user, now, pathway_id, "pathway", "contents", fmt,
                   Options(names=names), request, purpose)


@router.get("/api/places/{place_id}/chronology", **_doc("place", "court chronology"))
def place_chronology(place_id: UUID, services: ServicesDep, user: CurrentUser, now: Now,
                     options: ChronologyOptions, fmt: Format = DEFAULT_FORMAT,
                     purpose: Purpose = None) -> Response:
    return _export(services, user, now, place_id, "place", "chronology", fmt, options,
                   purpose=purpose)


@router.get("/api/places/{place_id}/proportionality",
            **_doc("place", "proportionality statement"))
def place_proportionality(place_id: UUID, services: ServicesDep, user: CurrentUser, now: Now,
                          request: Request, options: StatementOptions,
                          fmt: Format = DEFAULT_FORMAT, purpose: Purpose = None) -> Response:
    return _export(services, user, now, place_id, "place", "proportionality", fmt,
                   options, request, purpose)


@router.get("/api/places/{place_id}/contents", **_doc("place", "statutory contents check"))
def place_contents(place_id: UUID, services: ServicesDep, user: CurrentUser, now: Now,
                   request: Request, fmt: Format = DEFAULT_FORMAT,
                   names: Names = False, purpose: Purpose = None) -> Response:
    return _export(services, user, now, place_id, "place", "contents", fmt,
                   Options(names=names), request, purpose)


# ------------------------------------------------------------------------- verification
#: The largest export accepted for verification (a 2,000-row chronology PDF is ~1 MB).
MAX_VERIFY_BYTES = 50 * 1024 * 1024


class VerifiedCase(BaseModel):
    id: str
    reference: str
    name: str


class ExportVerifyOut(BaseModel):
    """The result of checking an export against the log (the same check as
    `asb verify-export`): `ok` is false when any problem was found."""

    ok: bool
    format: FormatName
    document: str
    case: VerifiedCase
    log_position: str
    chain_hash: str
    rows_sha256: str
    checks: list[str]
    problems: list[str]
    added_since: list[str]


def _reachable(services: Services, user: User, case_id: str) -> UUID:
    """The case an export names, if the user may see it (404 otherwise, as for any case:
    the report lists what was added to the case since the export)."""
    try:
        found = UUID(case_id)
    except ValueError:
        raise DomainValidationError.single("body", "the provenance names no case id") from None
    CaseAccess(services.application).require(user.actor(), found, None, Action.VERIFY_EXPORT)
    return found


@router.post(
    "/api/exports/verify", tags=["exports"], response_model=ExportVerifyOut,
    summary="Check an export file against the log it says it was made from",
    description=(
        "Send the file itself as the request body (any content type; PDF, DOCX, CSV or JSON "
        "as exported). The embedded provenance names the log position; the log there is "
        "re-hashed, the rows regenerated and compared with the file (docs/exports.md). "
        "200 with `ok: false` when the file does not match the log; 422 when the body is not "
        "a Pathway export; 413 above 50 MB."),
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
    responses=error_responses(401, 403, 404, 413, 422))
async def verify_file(request: Request, services: ServicesDep,
                      user: CurrentUser) -> ExportVerifyOut:
    authorise(user.role, Action.VERIFY_EXPORT)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_VERIFY_BYTES:
        raise ApiError(413, "too_large", f"body: at most {MAX_VERIFY_BYTES} bytes")
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_VERIFY_BYTES:
            raise ApiError(413, "too_large", f"body: at most {MAX_VERIFY_BYTES} bytes")
    if not data:
        raise DomainValidationError.single("body", "must be an export file (PDF, DOCX, CSV "
                                                   "or JSON); it is empty")
    report = await run_in_threadpool(verify_export, services.log, bytes(data))
    prov = report.provenance
    if prov is None:
        rule = report.problems[0] if report.problems else "is not a Pathway export"
        raise DomainValidationError.single("body", rule)
    case_id = await run_in_threadpool(_reachable, services, user, prov.case.get("id", ""))
    note(services, user, Access.CONSULTATION, f"{prov.document} export verification", case_id)
    return ExportVerifyOut(
        ok=report.ok, format=report.format, document=prov.document,
        case=VerifiedCase(id=prov.case["id"], reference=prov.case["reference"],
                          name=prov.case["name"]),
        log_position=prov.position(), chain_hash=prov.chain_hash,
        rows_sha256=prov.rows_sha256, checks=report.checks, problems=report.problems,
        added_since=report.added)
