"""Documents a court files, drafted from the log: a notice a step issued, and the case's
e-bundle (the same documents as `asb notice` and `asb bundle`).

Both disclose the case as an export does: the export permission, the case in reach, the
access audit. A notice served here is recorded on the case as evidence attached to the step
that issued it, with the served file's SHA-256, when the user may record evidence.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Query, Response

from adapters.driven.exports.bundle import build
from adapters.driven.exports.facts import index
from adapters.driven.exports.log import ExportSourceError, load_case
from adapters.driven.exports.notices import NoticeError, draft, render
from adapters.driving.http.auth import User
from adapters.driving.http.deps import CurrentUser, Now, Services, ServicesDep
from adapters.driving.http.routes.audit import note
from adapters.driving.http.schemas.common import error_responses
from domain import steps
from domain.model import NotFoundError
from service.access import CaseAccess
from service.audit import Access
from service.permissions import Action, authorise, permits

router = APIRouter()
MEDIA = {"pdf": "application/pdf",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _reach(services: Services, user: User, pathway_id: UUID, what: str) -> None:
    authorise(user.role, Action.EXPORT, what)
    services.kinds.require(pathway_id, "pathway")
    CaseAccess(services.application).require(user.actor(), pathway_id, "pathway",
                                             Action.EXPORT, what)


def _file(data: bytes, media: str, name: str) -> Response:
    name = re.sub(r"[^A-Za-z0-9._-]", "_", name)
    return Response(data, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store",
        "X-Content-SHA256": hashlib.sha256(data).hexdigest()})


@router.get("/api/pathways/{pathway_id}/notices/{version}", tags=["pathways"],
            response_class=Response, responses=error_responses(401, 403, 404, 422),
            summary="Draft the notice a step issued (CPW, CPN, FPN, dispersal, closure)")
def get_notice(pathway_id: UUID, version: int, services: ServicesDep, user: CurrentUser,
               now: Now, fmt: Annotated[Literal["pdf", "docx"], Query(alias="format")] = "pdf",
               ) -> Response:
    _reach(services, user, pathway_id, "notice")
    try:
        drafted = draft(index(load_case(services.log, pathway_id)), version)
    except (ExportSourceError, NoticeError) as e:
        raise NotFoundError(str(e)) from e
    data = render(drafted, fmt)
    digest = hashlib.sha256(data).hexdigest()
    note(services, user, Access.DISCLOSURE, "notice draft", pathway_id,
         detail=f"entry={version} format={fmt} sha256={digest}")
    if permits(user.role, Action.RECORD, steps.EVIDENCE_ATTACHED):
        _record_served(services, user, pathway_id, version, drafted.name, fmt, digest, now)
    return _file(data, MEDIA[fmt], f"{drafted.case_ref}-notice-{version}.{fmt}")


def _record_served(services: Services, user: User, pathway_id: UUID, version: int,
                   name: str, fmt: str, digest: str, now: datetime) -> None:
    """The served document's hash, as evidence attached to the step that issued it."""
    CaseAccess(services.application).record(user.actor(), pathway_id, "pathway", {
        "step": steps.EVIDENCE_ATTACHED, "occurred_at": now, "relates_to_version": version,
        "note": f"{name} drafted from the log and served as {fmt.upper()}",
        "evidence": [{"exhibit": f"NTC/{version}", "description": f"{name} ({fmt.upper()})",
                      "sha256": digest}]})


@router.get("/api/pathways/{pathway_id}/bundle", tags=["pathways"], response_class=Response,
            responses=error_responses(401, 403, 404, 422),
            summary="The court e-bundle of a pathway (index, chronology, statement, notices, "
                    "exhibits) as one bookmarked PDF")
def get_bundle(pathway_id: UUID, services: ServicesDep, user: CurrentUser, now: Now) -> Response:
    _reach(services, user, pathway_id, "bundle")
    try:
        data = build(services.log, pathway_id, now)
    except ExportSourceError as e:
        raise NotFoundError(str(e)) from e
    note(services, user, Access.DISCLOSURE, "court bundle", pathway_id, detail="format=pdf")
    return _file(data, MEDIA["pdf"], f"bundle-{pathway_id}.pdf")
