"""The access audit over HTTP: each route records its reads here, and supervisors (their
agency's users) and admins (everyone's) query it."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import BaseModel

from adapters.driving.http.auth import User
from adapters.driving.http.deps import CurrentUser, Services, ServicesDep
from adapters.driving.http.schemas.common import Page, QueryText, error_responses
from service.audit import Access, AccessEntry
from service.permissions import Action, authorise, policy_for, View

router = APIRouter(tags=["audit"])


def note(services: Services, user: User, access: Access, what: str,
         case_id: UUID | None = None, *, purpose: str = "", detail: str = "") -> None:
    """Record one access by `user` (in the request: a read that cannot be audited fails)."""
    services.audit.append(AccessEntry(
        at=services.clock(), user_id=user.id, agency=user.agency, role=user.role,
        access=access, what=what, case_id=case_id, purpose=purpose, detail=detail))


class AccessOut(BaseModel):
    seq: int
    at: datetime
    user_id: str
    agency: str
    role: str
    access: str
    what: str
    case_id: UUID | None
    purpose: str
    detail: str
    hash: str


@router.get("/api/audit", response_model=Page[AccessOut],
            summary="Who read, searched or exported personal data, oldest first",
            description="Supervisors see their own agency's users; admins see everyone's. "
                        "Search terms are shown only to roles that read case data.",
            responses=error_responses(401, 403, 422))
def list_access(
    user: CurrentUser, services: ServicesDep,
    case_id: UUID | None = None,
    user_id: Annotated[QueryText | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[AccessOut]:
    authorise(user.role, Action.AUDIT)
    agency = None if user.role == "admin" else user.agency
    total, rows = services.audit.select(case_id=case_id, user_id=user_id, agency=agency,
                                        limit=limit, offset=offset)
    if policy_for(user.role).view is View.NONE:  # an admin reads no case data, searches included
        rows = [r | {"detail": "[withheld]"} if r["what"].endswith("search") else r for r in rows]
    return Page[AccessOut](total=total, items=[AccessOut.model_validate(r) for r in rows])
